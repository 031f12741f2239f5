"""On the real PostgreSQL: each write keeps the case's whole state in the cases table, equal to a replay of its
stream, and the next write loads it from there; a state written by another release (another shape) or missing is
replayed from the stream instead of misread, and kept again at start-up."""

import uuid
from datetime import date

from hoanhap.auth import Agency, Jurisdiction, Principal, Role
from hoanhap.contracts import RiskGroup, VisitKind
from hoanhap_supervision.adapters.case_states import current_states
from hoanhap_supervision.application.officer_input import AssessmentInput, VisitInput
from hoanhap_supervision.application.supervision import case_of
from hoanhap_supervision.domain.case_identity import stream_of
from hoanhap_supervision.domain.choices import VisitOutcome
from tests.integration.supervision.conftest import feed
from tests.unit.supervision.application import registry_facts as facts
from tests.unit.supervision.domain.cases import FACTORS

TODAY = date(2026, 3, 1)
OFFICER = Principal(sub="officer-7", agency=Agency.SUPERVISION, role=Role.OFFICER,
                    jurisdiction=Jurisdiction(province="01"))


async def a_case_with_writes(supervision) -> uuid.UUID:  # type: ignore[no-untyped-def]
    person = uuid.uuid4()
    await feed(supervision, facts.released(person), facts.intake(person))
    async with supervision.pool.acquire() as connection:
        await supervision.record(connection, person, AssessmentInput(RiskGroup.C, FACTORS, "Lý do", date(2026, 2, 1)),
                                 OFFICER, None, TODAY)
        await supervision.record(connection, person, VisitInput(uuid.uuid4(), VisitKind.HOME_VISIT, date(2026, 2, 2),
                                                                VisitOutcome.MET, "Gặp"), OFFICER, None, TODAY)
    await feed(supervision, facts.moved(person))
    return person


async def test_the_state_kept_with_each_write_equals_a_replay_of_the_stream(supervision, pool):
    person = await a_case_with_writes(supervision)
    async with pool.acquire() as connection:
        kept = (await current_states(connection, [person]))[person]
        replayed = case_of(await supervision.streams.read_stream(connection, stream_of(person)))
        stored = len(await supervision.streams.read_stream(connection, stream_of(person)))
    assert kept == replayed
    assert (kept.version, kept.commune_code, kept.risk_group, kept.last_contacts) == (
        stored, "00070", RiskGroup.C, {VisitKind.HOME_VISIT: date(2026, 2, 2)})


async def test_a_state_of_another_shape_or_none_is_replayed_and_the_next_write_keeps_it_again(supervision, pool):
    person = await a_case_with_writes(supervision)
    written = await pool.fetchval("SELECT version FROM cases WHERE person_id = $1", person)
    for unreadable in ('{"shape": 0, "case": {}}', None):
        await pool.execute("UPDATE cases SET state = $2 WHERE person_id = $1", person, unreadable)
        async with pool.acquire() as connection:
            assert await current_states(connection, [person]) == {}
            case, version = await supervision.load(connection, person)
        assert (version, case.commune_code, case.risk_group) == (written, "00070", RiskGroup.C)
    async with pool.acquire() as connection:
        version = await supervision.record(connection, person, VisitInput(
            uuid.uuid4(), VisitKind.PHONE_CALL, date(2026, 2, 3), VisitOutcome.MET, None), OFFICER, None, TODAY)
        assert (await current_states(connection, [person]))[person].version == version > written


async def test_a_state_behind_its_rows_version_is_not_trusted(supervision, pool):
    person = await a_case_with_writes(supervision)
    await pool.execute("UPDATE cases SET version = version + 1 WHERE person_id = $1", person)
    async with pool.acquire() as connection:
        assert await current_states(connection, [person]) == {}


async def test_at_start_up_every_state_that_cannot_be_read_is_kept_again_from_the_stream(supervision, pool):
    person = await a_case_with_writes(supervision)
    await pool.execute("UPDATE cases SET state = NULL WHERE person_id = $1", person)
    assert await supervision.refill_states() >= 1
    async with pool.acquire() as connection:
        kept = (await current_states(connection, [person]))[person]
        assert kept == case_of(await supervision.streams.read_stream(connection, stream_of(person)))
    assert await supervision.refill_states() == 0
