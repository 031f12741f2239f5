"""The event models: immutable, strict about money, time and place codes, and validated as a whole."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from pydantic import ValidationError

from hoanhap.contracts import (
    EVENT_CATALOGUE,
    Envelope,
    LoanApproved,
    OutreachLogged,
    PersonErased,
    ReleaseRegistered,
    ReleaseRegisteredV1,
    ReleaseType,
    Service,
)

from .event_examples import EXAMPLES, PERSON, envelope_of


def test_every_event_type_is_named_after_its_service_and_class():
    for event in EVENT_CATALOGUE.current_events():
        assert event.event_type == f"hoanhap.{event.service}.{event.__name__}"
        assert event.service is not Service.STATS


def test_events_are_immutable():
    event = EXAMPLES["hoanhap.registry.CaseClosed", 1]
    with pytest.raises(ValidationError, match="frozen"):
        event.closed_on = date(2030, 1, 1)  # type: ignore[misc]


def test_an_unknown_field_is_rejected():
    data = EXAMPLES["hoanhap.registry.CaseClosed", 1].model_dump()
    with pytest.raises(ValidationError, match="full_name"):
        type(EXAMPLES["hoanhap.registry.CaseClosed", 1]).model_validate({**data, "full_name": "Trần Văn B"})


def loan_approved_with(**changes: object) -> LoanApproved:
    """The example approval with some fields replaced, validated afresh."""
    return LoanApproved.model_validate({**EXAMPLES["hoanhap.credit.LoanApproved", 1].model_dump(), **changes})


@pytest.mark.parametrize("amount", [80_000_000.0, 80_000_000.5, "80000000"])
def test_money_rejects_floats_and_text(amount):
    with pytest.raises(ValidationError, match="approved_amount\n  Input should be a valid integer"):
        loan_approved_with(approved_amount=amount)


def test_money_rejects_negative_amounts():
    with pytest.raises(ValidationError, match="approved_amount\n  Input should be greater than or equal to 0"):
        loan_approved_with(approved_amount=-1)


def test_money_accepts_whole_vnd():
    assert loan_approved_with(approved_amount=100_000_000).approved_amount == 100_000_000


def test_naive_datetimes_are_rejected_in_events():
    with pytest.raises(ValidationError, match="erased_at\n  Input should have timezone info"):
        PersonErased(person_id=PERSON, erased_at=datetime(2033, 3, 14, 2, 30))


def test_naive_datetimes_are_rejected_in_envelopes():
    envelope = envelope_of(EXAMPLES["hoanhap.registry.CaseClosed", 1])
    with pytest.raises(ValidationError, match="time\n  Input should have timezone info"):
        Envelope.model_validate({**dict(envelope), "time": datetime(2025, 3, 3, 8, 15)})


def test_aware_datetimes_are_stored_in_utc():
    hanoi = timezone(timedelta(hours=7))
    erased = PersonErased(person_id=PERSON, erased_at=datetime(2033, 3, 14, 9, 30, tzinfo=hanoi))
    assert erased.erased_at == datetime(2033, 3, 14, 2, 30, tzinfo=UTC)
    assert erased.erased_at.tzinfo == UTC


def release_with(**changes: object) -> ReleaseRegistered:
    """The example release with some fields replaced, validated afresh."""
    example = EXAMPLES["hoanhap.registry.ReleaseRegistered", 2]
    return ReleaseRegistered.model_validate({**example.model_dump(), **changes})


def test_supervised_release_types_require_a_supervision_period():
    with pytest.raises(ValidationError, match="supervision_months is required for release type"):
        release_with(release_type=ReleaseType.SUSPENDED_SENTENCE, supervision_months=None)


def test_completed_sentences_take_no_supervision_period():
    with pytest.raises(ValidationError, match="supervision_months must be empty for release type"):
        release_with(release_type=ReleaseType.COMPLETED_SENTENCE, supervision_months=12)


@pytest.mark.parametrize(("field", "value"), [("province_code", "1"), ("commune_code", "0000A")])
def test_place_codes_must_be_official_digit_codes(field, value):
    with pytest.raises(ValidationError, match=f"{field}\n  Value error, .* must be exactly"):
        release_with(**{field: value})


def test_a_version_1_national_id_digest_must_be_64_lowercase_hex_characters():
    example = EXAMPLES["hoanhap.registry.ReleaseRegistered", 1]
    with pytest.raises(ValidationError, match="national ID digest must be exactly 64 lowercase hex"):
        ReleaseRegisteredV1.model_validate({**example.model_dump(), "national_id_digest": "001090012345"})


def test_a_release_of_version_2_carries_no_digest_of_the_citizen_id():
    with pytest.raises(ValidationError, match="national_id_digest\n  Extra inputs are not permitted"):
        release_with(national_id_digest="ab" * 32)


def test_a_person_id_must_be_a_random_uuid():
    with pytest.raises(ValidationError, match="person_id\n  UUID version 4 expected"):
        release_with(person_id="00000000-0000-1000-8000-000000000000")


def test_attendance_is_required_for_job_counselling_and_refused_for_leaflets():
    example = EXAMPLES["hoanhap.supervision.OutreachLogged", 1].model_dump()
    with pytest.raises(ValidationError, match="attendance is required for activity job_counselling"):
        OutreachLogged.model_validate({**example, "attendance": None})
    with pytest.raises(ValidationError, match="attendance must be empty for activity leaflet"):
        OutreachLogged.model_validate({**example, "activity": "leaflet"})
