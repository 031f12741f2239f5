"""The AsyncAPI documents committed under shared/asyncapi/ are current and say what each service does."""

import json

import pytest

from hoanhap.contracts import CONSUMED_TOPICS, EVENT_CATALOGUE, Service, topic_of
from hoanhap.contracts.versions.document_folders import ASYNCAPI_DIR
from hoanhap.contracts.versions.generated import stale_files
from hoanhap.contracts.wire.asyncapi import REGENERATE_COMMAND, expected_asyncapi_files
from hoanhap.contracts.wire.asyncapi.__main__ import main as asyncapi_main

GENERATED = expected_asyncapi_files(EVENT_CATALOGUE)


def test_committed_asyncapi_documents_equal_what_the_code_generates():
    problems = stale_files(GENERATED, ASYNCAPI_DIR)
    assert not problems, f"run `{REGENERATE_COMMAND}` and commit the result:\n" + "\n".join(problems)


def operations(service: Service, action: str) -> dict[str, str]:
    """The service's operations of one action ("send" or "receive"), as channel name -> topic."""
    document = json.loads(GENERATED[f"{service}.json"])
    return {
        name: document["channels"][name]["address"]
        for name, operation in document["operations"].items()
        if operation["action"] == action
    }


@pytest.mark.parametrize("service", list(Service))
def test_each_document_sends_every_event_the_service_emits_on_its_topic(service):
    expected = {
        f"{topic_of(event)}:{event.event_name()}": topic_of(event)
        for event in EVENT_CATALOGUE.current_events(service)
    }
    assert operations(service, "send") == expected


@pytest.mark.parametrize("service", list(Service))
def test_each_document_receives_exactly_the_topics_the_service_consumes(service):
    assert sorted(operations(service, "receive").values()) == sorted(CONSUMED_TOPICS[service])


def test_a_received_topic_documents_every_event_published_on_it():
    schemas = json.loads(GENERATED["stats.json"])["components"]["schemas"]
    payload = schemas["hoanhap.credit.events:stats:Message:Payload"]
    assert [choice["$ref"].rsplit("/", 1)[-1] for choice in payload["anyOf"]] == [
        event.event_name() for event in EVENT_CATALOGUE.current_events(Service.CREDIT)
    ]


def test_every_message_documents_the_cloudevents_headers():
    document = json.loads(GENERATED["registry.json"])
    headers = document["components"]["schemas"]["CloudEventsHeaders"]
    assert {"ce_id", "ce_type", "ce_correlationid", "content-type"} <= set(headers["required"])
    for message in document["components"]["messages"].values():
        assert message["headers"] == {"$ref": "#/components/schemas/CloudEventsHeaders"}
        assert message["correlationId"]["location"] == "$message.header#/ce_correlationid"


def test_check_fails_on_a_stale_document_and_passes_once_rewritten(tmp_path, capsys):
    assert asyncapi_main(["--check", "--dir", str(tmp_path)]) == 1
    assert "stats.json is missing" in capsys.readouterr().err
    assert asyncapi_main(["--dir", str(tmp_path)]) == 0
    assert asyncapi_main(["--check", "--dir", str(tmp_path)]) == 0
