"""Every event travels to Kafka and back unchanged, in CloudEvents binary mode, keyed by what it is about."""

import json

import pytest

from hoanhap.contracts import (
    CONSUMED_TOPICS,
    CREDIT_TOPIC,
    ENVELOPE_HEADERS,
    EVENT_CATALOGUE,
    REGISTRY_TOPIC,
    SUPERVISION_TOPIC,
    CreditEvent,
    LoanApplied,
    ModelEnded,
    ModelLaunched,
    ModelLaunchedV1,
    OutreachLogged,
    OutreachLoggedV1,
    Service,
    from_kafka_message,
    to_kafka_message,
)

from .event_examples import EXAMPLES, PERSON, envelope_of

EVERY_EVENT = list(EXAMPLES.values())
IDS = [f"{event.event_name()}.v{event.schema_version}" for event in EVERY_EVENT]


CURRENT = [event for event in EVERY_EVENT if type(event) in EVENT_CATALOGUE.current_events()]


@pytest.mark.parametrize("event", CURRENT, ids=[f"{event.event_name()}.v{event.schema_version}" for event in CURRENT])
def test_every_current_event_comes_back_from_kafka_equal_to_what_was_sent(event):
    envelope = envelope_of(event)
    message = to_kafka_message(envelope)
    assert from_kafka_message(message.key, message.value, message.headers) == envelope


def test_a_version_1_release_comes_back_as_version_2_without_the_citizen_id_hmac():
    message = to_kafka_message(envelope_of(EXAMPLES["hoanhap.registry.ReleaseRegistered", 1]))
    received = from_kafka_message(message.key, message.value, message.headers).data
    assert received == EXAMPLES["hoanhap.registry.ReleaseRegistered", 2]
    assert "national_id_digest" not in received.model_dump()


@pytest.mark.parametrize("event", EVERY_EVENT, ids=IDS)
def test_headers_are_exactly_the_cloudevents_attributes_each_once(event):
    names = [name for name, _ in to_kafka_message(envelope_of(event)).headers]
    assert names == list(ENVELOPE_HEADERS)
    assert set(names) == {
        "ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject", "ce_time", "ce_dataschema",
        "content-type", "ce_schemaversion", "ce_streamversion", "ce_correlationid", "ce_causationid",
    }


def test_an_event_without_a_cause_travels_without_the_causation_header():
    envelope = envelope_of(EXAMPLES["hoanhap.registry.CaseClosed", 1]).model_copy(update={"causation_id": None})
    message = to_kafka_message(envelope)
    assert [name for name, _ in message.headers] == [n for n in ENVELOPE_HEADERS if n != "ce_causationid"]
    assert from_kafka_message(message.key, message.value, message.headers) == envelope


def test_header_values_are_the_cloudevents_attributes_as_utf8_text():
    event = EXAMPLES["hoanhap.registry.ReleaseRegistered", 1]
    headers = dict(to_kafka_message(envelope_of(event)).headers)
    assert headers["ce_specversion"] == b"1.0"
    assert headers["ce_type"] == b"hoanhap.registry.ReleaseRegistered"
    assert headers["ce_source"] == b"/hoanhap/registry"
    assert headers["ce_time"] == b"2025-03-03T08:15:30Z"
    assert headers["ce_dataschema"] == b"urn:hoanhap:registry:ReleaseRegistered:v1"
    assert headers["content-type"] == b"application/json"
    assert headers["ce_schemaversion"] == b"1"
    assert headers["ce_streamversion"] == b"3"
    assert headers["ce_correlationid"] == b"7a8b9c0d-1e2f-4a3b-8c4d-e5f6a7b8c9d0"
    assert headers["ce_causationid"] == b"8b9c0d1e-2f3a-4b4c-9d5e-f6a7b8c9d0e1"


def test_the_value_is_the_event_data_alone_as_json():
    event = EXAMPLES["hoanhap.registry.CaseClosed", 1]
    value = json.loads(to_kafka_message(envelope_of(event)).value)
    assert value == {"person_id": str(PERSON), "closed_on": "2028-03-14", "reason": "record_cleared"}


@pytest.mark.parametrize(
    "event",
    [event for event in EVERY_EVENT if hasattr(event, "person_id")],
    ids=lambda event: event.event_name(),
)
def test_events_about_a_person_are_keyed_by_the_person_id(event):
    message = to_kafka_message(envelope_of(event))
    assert message.key == str(PERSON).encode()
    assert dict(message.headers)["ce_subject"] == message.key


@pytest.mark.parametrize("event_type", ["hoanhap.supervision.ModelLaunched", "hoanhap.supervision.OutreachLogged"])
def test_version_1_commune_events_are_keyed_by_the_commune_code(event_type):
    event = EXAMPLES[event_type, 1]
    assert isinstance(event, ModelLaunchedV1 | OutreachLoggedV1)
    assert to_kafka_message(envelope_of(event)).key == event.commune_code.encode()


@pytest.mark.parametrize("event_type", ["hoanhap.supervision.ModelLaunched", "hoanhap.supervision.ModelEnded"])
def test_a_models_launch_and_end_are_keyed_by_the_commune_running_it(event_type):
    event = EXAMPLES[event_type, EVENT_CATALOGUE.newest(event_type).schema_version]
    assert isinstance(event, ModelLaunched | ModelEnded) and len(event.commune_codes) == 2
    assert to_kafka_message(envelope_of(event)).key == event.commune_codes[0].encode()


def test_province_wide_outreach_is_keyed_by_the_province_code():
    event = EXAMPLES["hoanhap.supervision.OutreachLogged", 2]
    assert isinstance(event, OutreachLogged) and event.commune_code is None
    assert to_kafka_message(envelope_of(event)).key == event.province_code.encode()


def test_loan_events_are_keyed_by_their_borrower():
    individual = EXAMPLES["hoanhap.credit.LoanApproved", 1]
    business = EXAMPLES["hoanhap.credit.LoanApplied", 2]
    assert isinstance(individual, CreditEvent) and isinstance(business, LoanApplied)
    assert to_kafka_message(envelope_of(individual)).key == str(PERSON).encode()
    assert to_kafka_message(envelope_of(business)).key == str(business.borrower.business_id).encode()


@pytest.mark.parametrize("event", EVERY_EVENT, ids=IDS)
def test_each_event_goes_to_its_emitting_services_topic(event):
    expected = {"registry": REGISTRY_TOPIC, "supervision": SUPERVISION_TOPIC, "credit": CREDIT_TOPIC}
    assert to_kafka_message(envelope_of(event)).topic == expected[event.service]


def test_stats_consumes_every_topic_and_supervision_and_credit_consume_the_registrys():
    assert set(CONSUMED_TOPICS[Service.STATS]) == {REGISTRY_TOPIC, SUPERVISION_TOPIC, CREDIT_TOPIC}
    assert CONSUMED_TOPICS[Service.SUPERVISION] == (REGISTRY_TOPIC,)
    assert CONSUMED_TOPICS[Service.CREDIT] == (REGISTRY_TOPIC,)
    assert CONSUMED_TOPICS[Service.REGISTRY] == ()
