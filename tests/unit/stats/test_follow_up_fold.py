"""Folding supervision's next-due contact days and plan area statuses: one row per case and day (per case, area and
day for the plan), the last event of the day winning, at the case's place; no commune figure moves; a case stats
never saw opened leaves none. And the day compliance is measured on."""

import uuid
from datetime import date, timedelta

import hoanhap.contracts as c
from hoanhap.vietnam_time import vietnam_today
from hoanhap_stats.figures.measuring_day import measured_on
from hoanhap_stats.figures.selection import Selection
from hoanhap_stats.supervision.fold import KnownCases, fold
from tests.unit.stats.test_supervision_fold import CASE, PERSON, envelope, opened

DAY = date(2024, 2, 1)


def due(next_due_on: date | None, as_of: date = DAY, case_id: uuid.UUID = CASE) -> c.NextContactDueSet:
    return c.NextContactDueSet(person_id=PERSON, case_id=case_id, next_due_on=next_due_on, as_of=as_of)


def plan(area: str, status: str, on: date = DAY) -> c.PlanAreaStatusChanged:
    return c.PlanAreaStatusChanged(person_id=PERSON, case_id=CASE, area=area, status=status, changed_on=on)


def test_the_last_next_due_day_of_a_case_and_day_wins_and_other_days_are_kept():
    writes = fold(KnownCases(), [envelope(event) for event in (
        opened(), due(date(2024, 2, 15)), due(date(2024, 3, 1)), due(None, DAY + timedelta(days=1)))])
    assert {key: event.next_due_on for key, (event, _) in writes.contact_due.items()} == {
        (CASE, DAY): date(2024, 3, 1), (CASE, DAY + timedelta(days=1)): None}
    [(_, case)] = [writes.contact_due[CASE, DAY]]
    assert (case.province_code, case.commune_code) == ("01", "00004")
    assert [delta.figure for delta in writes.deltas] == ["people_supervised"], "no commune figure moves"


def test_the_last_status_of_a_plan_area_and_day_wins_per_area():
    writes = fold(KnownCases(), [envelope(event) for event in (
        opened(), plan("id_card", "in_progress"), plan("id_card", "met"), plan("loans", "support_needed"),
        plan("id_card", "in_progress", DAY + timedelta(days=3)))])
    assert {key: event.status.value for key, (event, _) in writes.plan_areas.items()} == {
        (CASE, "id_card", DAY): "met", (CASE, "loans", DAY): "support_needed",
        (CASE, "id_card", DAY + timedelta(days=3)): "in_progress"}


def test_a_case_stats_never_saw_opened_leaves_no_due_day_and_no_plan_row():
    writes = fold(KnownCases(), [envelope(due(DAY, case_id=uuid.uuid4())), envelope(plan("family", "met"))])
    assert (writes.contact_due, writes.plan_areas) == ({}, {})


def test_compliance_is_measured_on_the_periods_last_day_or_today_while_it_runs():
    today = vietnam_today()
    assert measured_on(Selection(date(2023, 1, 1), date(2023, 12, 31))) == date(2023, 12, 31)
    assert measured_on(Selection(today - timedelta(days=30), today + timedelta(days=300))) == today
