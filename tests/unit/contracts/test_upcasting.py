"""Older schema versions are upcast on read: consumers always see the newest shape."""

from datetime import date
from typing import ClassVar

import pytest

from hoanhap.contracts import (
    CommuneCode,
    Envelope,
    EventCatalogue,
    MalformedMessage,
    MissingUpcaster,
    RegistryEvent,
    UnknownEventType,
    Upcasters,
    from_kafka_message,
    to_kafka_message,
)
from hoanhap.contracts.versions.known_events import EVENT_CATALOGUE

from .event_examples import PERSON, envelope_of

NOTED = "hoanhap.registry.HearingNoted"


class HearingNotedV1(RegistryEvent):
    """Test event, version 1: the commune was a free-text field."""

    event_type: ClassVar[str] = NOTED
    schema_version: ClassVar[int] = 1
    noted_on: date
    commune: str


class HearingNoted(RegistryEvent):
    """Test event, version 2: the commune became a coded field under a new name."""

    event_type: ClassVar[str] = NOTED
    schema_version: ClassVar[int] = 2
    noted_on: date
    commune_code: CommuneCode


def catalogue_with(upcasters: Upcasters) -> EventCatalogue:
    """A catalogue knowing both versions of the test event."""
    return EventCatalogue(current=[HearingNoted], superseded=[HearingNotedV1], upcasters=upcasters)


def renaming_upcasters() -> Upcasters:
    """Upcasters holding the test event's step from version 1 to 2."""
    upcasters = Upcasters()

    @upcasters.register(NOTED, from_version=1)
    def commune_becomes_commune_code(data: dict) -> dict:
        data = dict(data)
        data["commune_code"] = data.pop("commune")
        return data

    return upcasters


V1_MESSAGE = to_kafka_message(
    envelope_of(HearingNotedV1(person_id=PERSON, noted_on=date(2025, 4, 1), commune="00004"))
)


def read_v1(upcasters: Upcasters, value: bytes = V1_MESSAGE.value) -> Envelope:
    """The version 1 test message (or another value under its headers) read with a test catalogue."""
    return from_kafka_message(V1_MESSAGE.key, value, V1_MESSAGE.headers, catalogue=catalogue_with(upcasters))


def test_a_version_1_message_is_read_as_version_2():
    envelope = read_v1(renaming_upcasters())
    assert envelope.data == HearingNoted(person_id=PERSON, noted_on=date(2025, 4, 1), commune_code="00004")
    assert envelope.schema_version == 2


def test_a_message_already_at_the_newest_version_is_not_upcast():
    newest = to_kafka_message(
        envelope_of(HearingNoted(person_id=PERSON, noted_on=date(2025, 4, 1), commune_code="00070"))
    )
    catalogue = catalogue_with(renaming_upcasters())
    envelope = from_kafka_message(newest.key, newest.value, newest.headers, catalogue=catalogue)
    assert envelope.data == HearingNoted(person_id=PERSON, noted_on=date(2025, 4, 1), commune_code="00070")


def test_old_data_is_validated_against_its_own_version_before_upcasting():
    value = V1_MESSAGE.value.replace(b'"commune":"00004"', b'"commune":4')
    with pytest.raises(MalformedMessage, match="commune: Input should be a valid string"):
        read_v1(renaming_upcasters(), value)


def test_an_upcast_result_that_breaks_the_newest_model_is_malformed():
    value = V1_MESSAGE.value.replace(b'"commune":"00004"', b'"commune":"Ba Dinh"')
    with pytest.raises(MalformedMessage, match="commune_code: Value error, commune code must be"):
        read_v1(renaming_upcasters(), value)


def test_an_older_version_without_an_upcaster_raises_missing_upcaster():
    with pytest.raises(MissingUpcaster, match=f"{NOTED} from version 1"):
        read_v1(Upcasters())


def test_the_production_catalogue_does_not_know_the_test_event():
    with pytest.raises(UnknownEventType):
        from_kafka_message(V1_MESSAGE.key, V1_MESSAGE.value, V1_MESSAGE.headers)


def test_registering_a_second_upcaster_for_the_same_step_is_refused():
    upcasters = renaming_upcasters()
    with pytest.raises(ValueError, match="exists"):
        upcasters.register(NOTED, from_version=1)(lambda data: data)


def missing_steps(catalogue: EventCatalogue) -> list[str]:
    """Each (type, version) below the newest from which no upcaster leads on."""
    return [
        f"{event.event_type} v{version}"
        for event in catalogue.current_events()
        for version in range(1, event.schema_version)
        if not catalogue.upcasters.has_step(event.event_type, version)
    ]


def test_every_older_version_in_the_catalogue_has_an_upcaster_to_the_next():
    assert missing_steps(EVENT_CATALOGUE) == []


def test_the_missing_step_check_finds_a_version_left_without_an_upcaster():
    assert missing_steps(catalogue_with(Upcasters())) == [f"{NOTED} v1"]
    assert missing_steps(catalogue_with(renaming_upcasters())) == []


def test_a_catalogue_refuses_two_models_of_the_same_version():
    with pytest.raises(ValueError, match="declared twice"):
        EventCatalogue(current=[HearingNoted], superseded=[HearingNoted])


def test_a_catalogue_refuses_a_superseded_version_without_a_current_model():
    with pytest.raises(ValueError, match="superseded by no current model"):
        EventCatalogue(current=[], superseded=[HearingNotedV1])
