"""A release registered over HTTP reaches Kafka keyed by person, as a CloudEvent, without name or ID number."""

import uuid

from hoanhap.contracts import REGISTRY_TOPIC, ReleaseRegistered, from_kafka_message
from tests.support.kafka_reading import read_topic
from tests.support.services import officer_headers, release_body


async def test_release_posted_over_http_is_on_the_topic_without_name_or_citizen_id(
        registry, kafka_bootstrap_servers, registry_log):
    body = release_body(full_name="Trần Thị Hoa", certificate_number="GCN-2026-0042")
    response = registry.post("/v1/releases", json=body, headers=officer_headers())
    assert response.status_code == 201, response.text
    person_id = response.json()["person_id"]

    records = [record for record in await read_topic(kafka_bootstrap_servers, REGISTRY_TOPIC, expected=1)
               if record.key == person_id.encode()]

    assert len(records) == 1
    record = records[0]
    headers = dict(record.headers)
    assert headers["ce_type"] == b"hoanhap.registry.ReleaseRegistered"
    assert headers["ce_source"] == b"/hoanhap/registry"
    assert headers["ce_subject"] == person_id.encode()
    envelope = from_kafka_message(record.key, record.value, record.headers)
    assert isinstance(envelope.data, ReleaseRegistered)
    assert envelope.data.person_id == uuid.UUID(person_id)
    assert (envelope.data.commune_code, envelope.data.age_at_release, envelope.data.offence_articles) == (
        "00004", 35, (173,)), "born 1990-02-03, released 2026-01-15: 35, not 2026 - 1990"
    wire = record.value + record.key + b"".join(name.encode() + value for name, value in record.headers)
    for secret in (body["full_name"], body["citizen_id"], body["certificate_number"], body["birth_date"]):
        assert secret.encode() not in wire, f"{secret!r} leaked onto Kafka"
    log = registry_log.read_bytes()
    for secret in (body["full_name"], body["citizen_id"]):
        assert secret.encode() not in log, f"{secret!r} leaked into the logs"
