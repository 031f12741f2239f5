"""Messages the code cannot or must not read raise distinct, named exceptions with a reason."""

import json

import pytest

from hoanhap.contracts import (
    MalformedMessage,
    NewerSchemaVersion,
    UnknownEventType,
    from_kafka_message,
    to_kafka_message,
)

from .event_examples import EXAMPLES, envelope_of

RELEASE = to_kafka_message(envelope_of(EXAMPLES["hoanhap.registry.ReleaseRegistered", 1]))


def with_header(name: str, value: bytes) -> list[tuple[str, bytes]]:
    """The release message's headers with one header's value replaced."""
    return [(key, value if key == name else old) for key, old in RELEASE.headers]


def without_header(name: str) -> list[tuple[str, bytes]]:
    """The release message's headers with one header left out."""
    return [(key, value) for key, value in RELEASE.headers if key != name]


def with_data(**changes: object) -> bytes:
    """The release message's value with some fields replaced."""
    return json.dumps({**json.loads(RELEASE.value), **changes}).encode()


def test_an_unknown_event_type_raises_unknown_event_type():
    headers = with_header("ce_type", b"hoanhap.registry.PersonTeleported")
    with pytest.raises(UnknownEventType) as raised:
        from_kafka_message(RELEASE.key, RELEASE.value, headers)
    assert raised.value.event_type == "hoanhap.registry.PersonTeleported"


def test_a_newer_schema_version_raises_newer_schema_version_naming_both_versions():
    with pytest.raises(NewerSchemaVersion) as raised:
        from_kafka_message(RELEASE.key, RELEASE.value, with_header("ce_schemaversion", b"3"))
    assert (raised.value.version, raised.value.newest_known) == (3, 2)


def test_an_unknown_type_is_reported_even_when_its_value_is_not_json():
    headers = with_header("ce_type", b"hoanhap.registry.PersonTeleported")
    with pytest.raises(UnknownEventType):
        from_kafka_message(RELEASE.key, b"\x00not json", headers)


def test_a_value_that_is_not_json_is_malformed():
    with pytest.raises(MalformedMessage, match="not JSON"):
        from_kafka_message(RELEASE.key, b'{"person_id": ', RELEASE.headers)


def test_a_json_value_that_is_not_an_object_is_malformed():
    with pytest.raises(MalformedMessage, match="JSON list, not an object"):
        from_kafka_message(RELEASE.key, b"[1, 2]", RELEASE.headers)


def test_a_message_without_a_value_is_malformed():
    with pytest.raises(MalformedMessage, match="no value"):
        from_kafka_message(RELEASE.key, None, RELEASE.headers)


@pytest.mark.parametrize(
    "header",
    ["ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject", "ce_time", "ce_dataschema",
     "content-type", "ce_schemaversion", "ce_streamversion", "ce_correlationid"],
)
def test_a_missing_header_is_malformed_and_named(header):
    with pytest.raises(MalformedMessage, match=f"{header}: Field required"):
        from_kafka_message(RELEASE.key, RELEASE.value, without_header(header))


def test_a_naive_time_header_is_malformed():
    with pytest.raises(MalformedMessage, match="ce_time: Input should have timezone info"):
        from_kafka_message(RELEASE.key, RELEASE.value, with_header("ce_time", b"2025-03-03T08:15:30"))


def test_another_specversion_is_malformed():
    with pytest.raises(MalformedMessage, match="ce_specversion"):
        from_kafka_message(RELEASE.key, RELEASE.value, with_header("ce_specversion", b"0.3"))


def test_a_repeated_header_is_malformed():
    with pytest.raises(MalformedMessage, match="ce_type appears more than once"):
        from_kafka_message(RELEASE.key, RELEASE.value, [*RELEASE.headers, ("ce_type", b"x")])


def test_a_header_that_is_not_utf8_is_malformed():
    with pytest.raises(MalformedMessage, match="ce_subject is not UTF-8"):
        from_kafka_message(RELEASE.key, RELEASE.value, with_header("ce_subject", b"\xff\xfe"))


def test_data_that_breaks_the_schema_is_malformed_naming_each_field_and_reason():
    value = with_data(birth_year=1988.0, commune_code="4")
    with pytest.raises(MalformedMessage) as raised:
        from_kafka_message(RELEASE.key, value, RELEASE.headers)
    assert "birth_year: Input should be a valid integer" in raised.value.reason
    assert "commune_code: Value error, commune code must be exactly 5 digits, got '4'" in raised.value.reason


def test_an_unknown_field_in_the_data_is_malformed():
    with pytest.raises(MalformedMessage, match="full_name: Extra inputs are not permitted"):
        from_kafka_message(RELEASE.key, with_data(full_name="Nguyễn Văn A"), RELEASE.headers)


def test_a_key_other_than_the_subject_is_malformed():
    with pytest.raises(MalformedMessage, match="key"):
        from_kafka_message(b"someone-else", RELEASE.value, RELEASE.headers)


def test_a_subject_header_that_contradicts_the_data_is_malformed():
    headers = with_header("ce_subject", b"someone-else")
    with pytest.raises(MalformedMessage, match="ce_subject"):
        from_kafka_message(RELEASE.key, RELEASE.value, headers)


def test_a_source_header_other_than_the_emitting_service_is_malformed():
    with pytest.raises(MalformedMessage, match="ce_source"):
        from_kafka_message(RELEASE.key, RELEASE.value, with_header("ce_source", b"/hoanhap/credit"))


def test_a_dataschema_of_another_version_is_malformed():
    headers = with_header("ce_dataschema", b"urn:hoanhap:registry:ReleaseRegistered:v7")
    with pytest.raises(MalformedMessage, match="ce_dataschema"):
        from_kafka_message(RELEASE.key, RELEASE.value, headers)


def test_a_schema_version_below_one_is_malformed():
    with pytest.raises(MalformedMessage, match="below 1"):
        from_kafka_message(RELEASE.key, RELEASE.value, with_header("ce_schemaversion", b"0"))


def test_the_three_failures_are_distinct_exceptions():
    kinds = {UnknownEventType, NewerSchemaVersion, MalformedMessage}
    assert not any(issubclass(one, other) for one in kinds for other in kinds if one is not other)
