"""On the real PostgreSQL: a commune's caseload read from the cases table, the most urgent first; and after an
erasure no free text about the person is anywhere in supervision's table data."""

import uuid
from datetime import date

from hoanhap.auth import Agency, Jurisdiction, Principal, Role
from hoanhap.contracts import RiskGroup, VisitKind
from hoanhap_supervision.adapters.caseload_queries import officers_cases, open_cases
from hoanhap_supervision.adapters.sealed_texts import assessments_view, visits_view
from hoanhap_supervision.application.caseload import by_urgency
from hoanhap_supervision.application.officer_input import AssessmentInput, AssignmentInput, VisitInput
from hoanhap_supervision.domain.choices import VisitOutcome
from hoanhap_supervision.domain.rules import DEFAULT_RULES
from tests.integration.supervision.conftest import feed
from tests.unit.supervision.application import registry_facts as facts
from tests.unit.supervision.domain.cases import FACTORS

TODAY = date(2026, 3, 1)
OFFICER = Principal(sub="officer-7", agency=Agency.SUPERVISION, role=Role.OFFICER,
                    jurisdiction=Jurisdiction(province="01"))
REASON = "Nghiện rượu trở lại sau khi vợ bỏ đi"
NOTE = "Không gặp, hàng xóm nói đi làm xa ở Bình Dương"


async def opened(supervision, commune_code: str) -> uuid.UUID:  # type: ignore[no-untyped-def]
    person = uuid.uuid4()
    await feed(supervision, facts.released(person, commune_code), facts.intake(person))
    return person


async def record(supervision, person, asked) -> None:  # type: ignore[no-untyped-def]
    async with supervision.pool.acquire() as connection, connection.transaction():
        await supervision.record(connection, person, asked, OFFICER, None, TODAY)


async def test_the_caseload_holds_the_communes_open_cases_most_overdue_first_then_soonest_due(supervision, pool):
    commune = f"9{uuid.uuid4().int % 10000:04d}"
    unassessed, group_c, group_a, closed = [await opened(supervision, commune) for _ in range(4)]
    elsewhere = await opened(supervision, "00070")
    await record(supervision, group_c, AssessmentInput(RiskGroup.C, FACTORS, REASON, date(2026, 2, 20)))
    await record(supervision, group_c, VisitInput(uuid.uuid4(), VisitKind.REPORTED_AT_COMMUNE, date(2026, 2, 27),
                                                  VisitOutcome.MET, None))
    await record(supervision, group_a, AssessmentInput(RiskGroup.A, FACTORS, REASON, date(2026, 2, 1)))
    for kind in VisitKind:
        await record(supervision, group_a, VisitInput(uuid.uuid4(), kind, date(2026, 2, 28), VisitOutcome.MET, None))
    await feed(supervision, facts.closed(closed))
    async with pool.acquire() as connection:
        cases = await open_cases(connection, "01", commune)
    ordered = [case.person_id for case in by_urgency(cases, DEFAULT_RULES, TODAY)]
    # unassessed: assessment due on the opening (2026-01-16); C: phone call due 7 days after opening (01-23);
    # A: reassessment 2026-07-31, contacts 90 days after 02-28
    assert ordered == [unassessed, group_c, group_a]
    assert elsewhere not in ordered and closed not in ordered
    [c_case] = [case for case in cases if case.person_id == group_c]
    assert (c_case.risk_group, c_case.last_contacts) == (RiskGroup.C, {VisitKind.REPORTED_AT_COMMUNE:
                                                                         date(2026, 2, 27)})


async def test_an_officers_caseload_holds_the_open_cases_they_are_in_charge_of_until_the_case_moves(supervision,
                                                                                                    pool):
    officer = f"officer-{uuid.uuid4().hex[:6]}"
    kept, moved, closed, someone_elses = [await opened(supervision, "00004") for _ in range(4)]
    for person in (kept, moved, closed):
        await record(supervision, person, AssignmentInput(officer, date(2026, 2, 1)))
    await record(supervision, someone_elses, AssignmentInput("officer-other", date(2026, 2, 1)))
    await feed(supervision, facts.moved(moved), facts.closed(closed))
    async with pool.acquire() as connection:
        cases = await officers_cases(connection, "01", officer)
        elsewhere = await officers_cases(connection, "79", officer)
    assert [case.person_id for case in cases] == [kept] and elsewhere == []


async def test_after_erasure_no_free_text_about_the_person_is_in_any_table(supervision, pool):
    person = await opened(supervision, "00004")
    await record(supervision, person, AssessmentInput(RiskGroup.B, FACTORS, REASON, date(2026, 2, 1)))
    await record(supervision, person, VisitInput(uuid.uuid4(), VisitKind.HOME_VISIT, date(2026, 2, 2),
                                                 VisitOutcome.NOT_AT_HOME, NOTE))
    assert (await texts_of(supervision, person)) == ([REASON], [NOTE]), "readable before the erasure"

    await feed(supervision, facts.erased(person))

    assert (await texts_of(supervision, person)) == ([None], [None])
    async with pool.acquire() as connection:
        tables = await connection.fetch(
            "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name "
            "FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
            "AND table_schema NOT IN ('pg_catalog', 'information_schema')")
        assert len(tables) >= 8, [table["name"] for table in tables]
        for table in tables:
            rows = await connection.fetch(f"SELECT t::text AS row FROM {table['name']} t")  # noqa: S608
            for row in rows:
                for text in (REASON, NOTE, "Bình Dương", "rượu"):
                    assert text not in row["row"], f"{text!r} found in {table['name']}"


async def texts_of(supervision, person):  # type: ignore[no-untyped-def]
    async with supervision.pool.acquire() as connection:
        _, stored = await supervision.records_for(connection, person, OFFICER)
        key = await supervision.keys.fetch(connection, person)
    return ([item["reason"] for item in assessments_view(stored, key, person)],
            [item["note"] for item in visits_view(stored, key, person)])
