"""An outreach report: attendance for gatherings and only for them, an official place, not in the future."""

import uuid
from dataclasses import replace
from datetime import date

import pytest

from hoanhap.contracts import OutreachActivity
from hoanhap.places import official_places
from hoanhap_supervision.domain.errors import RuleViolation
from hoanhap_supervision.domain.outreach import ReportOutreach, decide_outreach

TODAY = date(2026, 3, 1)
PLACES = official_places()
BROADCAST = ReportOutreach(outreach_id=uuid.uuid4(), activity=OutreachActivity.LOUDSPEAKER_BROADCAST, quantity=4,
                           attendance=None, province_code="01", commune_code="00004", held_on=date(2026, 2, 1))
SESSION = replace(BROADCAST, activity=OutreachActivity.MOBILE_SESSION, quantity=1, attendance=60)


def refusal(command: ReportOutreach) -> str:
    with pytest.raises(RuleViolation) as refused:
        decide_outreach(command, PLACES, TODAY)
    return refused.value.field


def test_a_gathering_counts_its_attendance_and_other_activities_none():
    assert decide_outreach(SESSION, PLACES, TODAY).attendance == 60
    assert decide_outreach(BROADCAST, PLACES, TODAY).attendance is None
    assert refusal(replace(SESSION, attendance=None)) == "attendance"
    assert refusal(replace(BROADCAST, attendance=3)) == "attendance"


def test_a_province_wide_report_has_no_commune():
    assert decide_outreach(replace(BROADCAST, commune_code=None), PLACES, TODAY).commune_code is None


def test_the_place_is_official_and_the_commune_of_the_province():
    assert refusal(replace(BROADCAST, commune_code="99999")) == "commune_code"
    assert refusal(replace(BROADCAST, province_code="79")) == "commune_code"
    assert refusal(replace(BROADCAST, province_code="00", commune_code=None)) == "province_code"


def test_the_day_held_is_not_in_the_future():
    assert decide_outreach(replace(BROADCAST, held_on=TODAY), PLACES, TODAY)
    assert refusal(replace(BROADCAST, held_on=date(2026, 3, 2))) == "held_on"
