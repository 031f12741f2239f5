"""The registry's facts in supervision's tables: its view of the registry (place, release, supervision end,
confirmation, standing reoffences, closure, erasure) and the cases table written with the case's events."""

import uuid
from datetime import date

from hoanhap.contracts import ReoffenceStatus
from hoanhap_supervision.domain.case_identity import case_id_of
from tests.integration.supervision.conftest import feed
from tests.unit.supervision.application import registry_facts as facts


async def test_a_release_and_its_intake_fill_the_view_and_open_a_case_row(supervision, pool):
    person = uuid.uuid4()
    await feed(supervision, facts.released(person), facts.intake(person), facts.intake(person))
    view = await pool.fetchrow("SELECT * FROM registry_people WHERE person_id = $1", person)
    assert (view["commune_code"], view["release_type"], view["supervision_ends_on"], view["intake_on"]) == (
        "00004", "conditional_early_release", date(2027, 7, 15), date(2026, 1, 16))
    row = await pool.fetchrow("SELECT * FROM cases WHERE person_id = $1", person)
    assert (row["case_id"], row["version"], row["commune_code"], row["reassessment_due_on"]) == (
        case_id_of(person), 2, "00004", date(2026, 1, 16))  # opened, and its first due day
    assert await pool.fetchval("SELECT count(*) FROM person_keys WHERE person_id = $1", person) == 1


async def test_a_move_moves_the_view_and_the_case_and_only_standing_reoffences_count(supervision, pool):
    person = uuid.uuid4()
    arrest = facts.reoffended(person, ReoffenceStatus.ARREST_PENDING_TRIAL)
    withdrawn = arrest.model_copy(update={"status": ReoffenceStatus.ARREST_WITHDRAWN})
    await feed(supervision, facts.released(person), facts.intake(person), facts.moved(person), arrest,
               facts.reoffended(person), withdrawn)
    view = await pool.fetchrow("SELECT commune_code, reoffences FROM registry_people WHERE person_id = $1", person)
    assert (view["commune_code"], view["reoffences"]) == ("00070", 1)
    row = await pool.fetchrow("SELECT commune_code, version FROM cases WHERE person_id = $1", person)
    assert (row["commune_code"], row["version"]) == ("00070", 5)  # opened, due day, moved, two prompts (none withdrawn)


async def test_a_closure_closes_the_case_row_and_an_erasure_marks_the_view(supervision, pool):
    person = uuid.uuid4()
    await feed(supervision, facts.released(person), facts.intake(person), facts.closed(person), facts.erased(person))
    row = await pool.fetchrow("SELECT closed_on, closure_reason, notes_erased FROM cases WHERE person_id = $1", person)
    assert (row["closed_on"], row["closure_reason"], row["notes_erased"]) == (date(2026, 6, 1), "record_cleared", True)
    assert await pool.fetchval("SELECT erased FROM registry_people WHERE person_id = $1", person)
    assert await pool.fetchval("SELECT count(*) FROM person_keys WHERE person_id = $1", person) == 0
