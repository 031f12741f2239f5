"""Folding a batch of supervision events: the rows kept per key and the commune figures moved, in order."""

import uuid
from datetime import UTC, date, datetime

import hoanhap.contracts as c
from hoanhap_stats.projecting.commune_totals import Delta
from hoanhap_stats.supervision.fold import CaseRow, KnownCases, fold

PERSON, CASE = uuid.uuid4(), uuid.uuid4()
HERE = ("01", "00004")


def envelope(event: c.IntegrationEvent) -> c.Envelope:
    return c.Envelope(id=uuid.uuid4(), time=datetime.now(UTC), stream_version=1, correlation_id="test", data=event)


def opened(case_id: uuid.UUID = CASE) -> c.SupervisionOpened:
    return c.SupervisionOpened(person_id=PERSON, case_id=case_id, province_code="01", commune_code="00004",
                               opened_on=date(2024, 1, 5), commitment_signed=True)


def visit(visit_id: uuid.UUID, kind: str = "home_visit", on: date = date(2024, 2, 1)) -> c.VisitLogged:
    return c.VisitLogged(person_id=PERSON, case_id=CASE, visit_id=visit_id, kind=kind, visited_on=on)


def assessed(group: str) -> c.RiskGroupAssessed:
    return c.RiskGroupAssessed(person_id=PERSON, case_id=CASE, risk_group=group, assessed_on=date(2024, 3, 1))


def closed(on: date) -> c.SupervisionClosed:
    return c.SupervisionClosed(person_id=PERSON, case_id=CASE, closed_on=on, reason="supervision_period_ended")


def test_a_case_opened_visited_twice_reassessed_and_closed_ends_as_one_row_with_its_changes_in_order():
    first, second = uuid.uuid4(), uuid.uuid4()
    writes = fold(KnownCases(), [envelope(event) for event in (
        opened(), visit(first), assessed("B"), visit(second), assessed("A"), closed(date(2024, 12, 31)))])

    case = writes.cases[CASE]
    assert (case.risk_group, case.closed_on, case.closure_reason) == ("A", date(2024, 12, 31),
                                                                      "supervision_period_ended")
    assert set(writes.visits) == {first, second}
    assert writes.deltas == [Delta("people_supervised", *HERE, 1), Delta("visits", *HERE, 1),
                             Delta("visits", *HERE, 1), Delta("people_supervised", *HERE, -1)]


def test_a_corrected_visit_keeps_one_row_with_its_last_values_and_counts_once():
    visit_id = uuid.uuid4()
    writes = fold(KnownCases(), [envelope(opened()), envelope(visit(visit_id)),
                                 envelope(visit(visit_id, "phone_call", date(2024, 2, 2)))])
    event, case = writes.visits[visit_id]
    assert (event.kind, event.visited_on, case.commune_code) == ("phone_call", date(2024, 2, 2), "00004")
    assert [delta.figure for delta in writes.deltas] == ["people_supervised", "visits"]


def test_a_visit_already_stored_moves_no_figure_and_a_case_closes_once():
    stored = CaseRow(CASE, PERSON, "01", "00004", date(2024, 1, 5), True, None)
    visit_id = uuid.uuid4()
    known = KnownCases(cases={CASE: stored}, visit_ids={visit_id})
    writes = fold(known, [envelope(visit(visit_id)), envelope(closed(date(2024, 6, 1))),
                          envelope(closed(date(2024, 7, 1)))])
    assert writes.deltas == [Delta("people_supervised", *HERE, -1)]
    assert known.cases[CASE].closed_on == date(2024, 6, 1)


def test_events_of_a_case_never_opened_are_left_out_and_a_second_opening_changes_nothing():
    writes = fold(KnownCases(), [envelope(visit(uuid.uuid4())), envelope(assessed("C"))])
    assert (writes.cases, writes.visits, writes.deltas) == ({}, {}, [])
    known = KnownCases()
    twice = fold(known, [envelope(opened()), envelope(opened())])
    assert len(twice.deltas) == 1


def test_sponsorships_are_keyed_by_event_id_and_models_and_outreach_by_their_own_ids():
    sponsor = envelope(c.SponsorAssigned(person_id=PERSON, case_id=CASE, sponsor_kind="business",
                                         assigned_on=date(2024, 2, 3)))
    model = c.ModelLaunched(model_id=uuid.uuid4(), title="Nhóm tự quản", level="commune", province_code="01",
                            commune_codes=("00004",), launched_on=date(2024, 1, 1))
    outreach = c.OutreachLogged(outreach_id=uuid.uuid4(), activity="banner", quantity=3, province_code="01",
                                commune_code="00004", held_on=date(2024, 1, 2))
    writes = fold(KnownCases(), [envelope(opened()), sponsor, envelope(model), envelope(outreach)])
    assert list(writes.sponsors) == [sponsor.id]
    assert writes.models == {model.model_id: model} and writes.outreach == {outreach.outreach_id: outreach}


def test_a_models_end_is_kept_by_its_model_id_and_a_sponsorships_end_by_event_id_in_its_cases_place():
    model_id = uuid.uuid4()
    ended = c.ModelEnded(model_id=model_id, province_code="01", commune_codes=("00004", "00007"),
                         ended_on=date(2024, 6, 1))
    sponsorship_ended = envelope(c.SponsorshipEnded(person_id=PERSON, case_id=CASE, ended_on=date(2024, 6, 2)))
    writes = fold(KnownCases(), [envelope(opened()), envelope(ended), sponsorship_ended])
    assert writes.model_ends == {model_id: ended}
    [(end, case)] = writes.sponsorship_ends.values()
    assert list(writes.sponsorship_ends) == [sponsorship_ended.id] and end == sponsorship_ended.data
    assert (case.province_code, case.commune_code, len(writes.deltas)) == ("01", "00004", 1)


def test_the_end_of_a_sponsorship_of_a_case_never_opened_is_left_out():
    ended = c.SponsorshipEnded(person_id=PERSON, case_id=CASE, ended_on=date(2024, 6, 2))
    assert fold(KnownCases(), [envelope(ended)]).sponsorship_ends == {}
