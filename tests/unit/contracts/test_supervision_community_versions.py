"""Supervision's place events in their second versions: a model's covered communes, province-wide outreach, the
added outreach kinds, and version 1 messages read as version 2."""


import pytest
from pydantic import ValidationError

from hoanhap.contracts import (
    EVENT_CATALOGUE,
    ModelLaunched,
    OutreachActivity,
    OutreachLogged,
    SupervisionClosed,
    SupervisionClosureReason,
    from_kafka_message,
    to_kafka_message,
)

from .event_examples import EXAMPLES, envelope_of

LAUNCH_V1 = EXAMPLES["hoanhap.supervision.ModelLaunched", 1]
OUTREACH_V1 = EXAMPLES["hoanhap.supervision.OutreachLogged", 1]
OUTREACH_V2 = EXAMPLES["hoanhap.supervision.OutreachLogged", 2]


def read_back(event):
    """The event sent as a Kafka message and read with the production catalogue."""
    message = to_kafka_message(envelope_of(event))
    return from_kafka_message(message.key, message.value, message.headers).data


def test_a_version_1_launch_is_read_as_covering_its_one_commune():
    launched = read_back(LAUNCH_V1)
    assert isinstance(launched, ModelLaunched)
    assert launched.commune_codes == (LAUNCH_V1.commune_code,)
    assert launched.model_dump(exclude={"commune_codes"}) == LAUNCH_V1.model_dump(exclude={"commune_code"})


def test_a_version_1_outreach_report_is_read_unchanged_as_version_2():
    report = read_back(OUTREACH_V1)
    assert isinstance(report, OutreachLogged) and report.model_dump() == OUTREACH_V1.model_dump()


def test_a_province_wide_report_travels_without_a_commune():
    report = read_back(OUTREACH_V2)
    assert isinstance(report, OutreachLogged) and report.commune_code is None and report.province_code == "01"


def test_a_launch_listing_a_commune_twice_is_refused():
    launch = EXAMPLES["hoanhap.supervision.ModelLaunched", 2].model_dump()
    with pytest.raises(ValidationError, match="commune_codes lists a commune twice"):
        ModelLaunched.model_validate({**launch, "commune_codes": ["00004", "00004"]})


def test_a_launch_covers_at_least_one_commune():
    launch = EXAMPLES["hoanhap.supervision.ModelLaunched", 2].model_dump()
    with pytest.raises(ValidationError, match="commune_codes"):
        ModelLaunched.model_validate({**launch, "commune_codes": []})


def test_a_job_introduction_conference_is_a_gathering_and_a_social_platform_post_is_not():
    report = OUTREACH_V2.model_dump()
    with pytest.raises(ValidationError, match="attendance is required for activity job_introduction_conference"):
        OutreachLogged.model_validate({**report, "attendance": None})
    with pytest.raises(ValidationError, match="attendance must be empty for activity social_media_post"):
        OutreachLogged.model_validate({**report, "activity": OutreachActivity.SOCIAL_MEDIA_POST})
    assert OutreachActivity.DOCUMENT_HANDOUT.is_gathering is False


def test_a_closure_for_another_reason_is_carried_as_other():
    closed = EXAMPLES["hoanhap.supervision.SupervisionClosed", 1].model_dump()
    assert SupervisionClosed.model_validate({**closed, "reason": "other"}).reason is SupervisionClosureReason.OTHER


def test_the_newest_place_events_are_version_2_and_the_ends_version_1():
    versions = {name: EVENT_CATALOGUE.newest(f"hoanhap.supervision.{name}").schema_version
                for name in ("ModelLaunched", "OutreachLogged", "ModelEnded", "SponsorshipEnded")}
    assert versions == {"ModelLaunched": 2, "OutreachLogged": 2, "ModelEnded": 1, "SponsorshipEnded": 1}
