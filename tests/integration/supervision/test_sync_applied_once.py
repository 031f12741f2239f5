"""On the real PostgreSQL: an operation synced twice (also at once, from two connections) has one effect and its
first answer again; the same id with other content is a conflict that changes nothing and is kept for the
commune's supervisor; a case moved meanwhile rejects the operation with its reason."""

import asyncio
import uuid
from datetime import UTC, date, datetime
from typing import Any

from hoanhap.auth import Agency, Jurisdiction, Principal, Role
from hoanhap.contracts import RiskGroup, VisitKind
from hoanhap_supervision.adapters.sync_ledger import PostgresSyncLedger, commune_conflicts
from hoanhap_supervision.api.sync_views import conflict_view
from hoanhap_supervision.application.officer_input import AssessmentInput, VisitInput
from hoanhap_supervision.application.sync import Sync
from hoanhap_supervision.application.sync_operation import SyncOperation
from hoanhap_supervision.domain.case_identity import stream_of
from hoanhap_supervision.domain.choices import VisitOutcome
from hoanhap_supervision.domain.sync_records import DeviceTimes, OperationRecord
from tests.integration.supervision.conftest import feed
from tests.unit.supervision.application import registry_facts as facts
from tests.unit.supervision.domain.cases import FACTORS

TODAY = date(2026, 3, 1)
OFFICER = Principal(sub="officer-7", agency=Agency.SUPERVISION, role=Role.OFFICER,
                    jurisdiction=Jurisdiction(province="01"))
NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
TIMES = DeviceTimes(datetime(2026, 2, 28, 9, 0, tzinfo=UTC), NOW, NOW)
NOTE = "Gặp tại nhà, đã đi làm lại"


def visit(person: uuid.UUID, operation_id: uuid.UUID, based_on: int = 1, note: str = NOTE) -> SyncOperation:
    body = {"kind": "home_visit", "visited_on": "2026-02-28", "outcome": "met", "note": note}
    record = OperationRecord(operation_id, person, "visit", based_on, TIMES, f"fp-{note}")
    return SyncOperation(record, VisitInput(operation_id, VisitKind.HOME_VISIT, date(2026, 2, 28), VisitOutcome.MET,
                                            note), body)


def assessment(person: uuid.UUID, group: RiskGroup, based_on: int) -> SyncOperation:
    operation_id = uuid.uuid4()
    record = OperationRecord(operation_id, person, "assessment", based_on, TIMES, f"fp-{operation_id}")
    return SyncOperation(record, AssessmentInput(group, FACTORS, "Lý do", date(2026, 2, 20)), {"risk_group": group})


async def opened(supervision, commune_code: str = "00004") -> uuid.UUID:  # type: ignore[no-untyped-def]
    person = uuid.uuid4()
    await feed(supervision, facts.released(person, commune_code), facts.intake(person))
    return person


async def synced(sync: Sync, operation: SyncOperation) -> dict[str, Any]:
    async with sync.supervision.pool.acquire() as connection:
        return await sync.apply(connection, operation, OFFICER, TODAY)


async def version_of(sync: Sync, person: uuid.UUID) -> int:
    async with sync.supervision.pool.acquire() as connection:
        return len(await sync.supervision.streams.read_stream(connection, stream_of(person)))


async def test_the_same_operation_twice_has_one_effect_and_its_first_answer_again(supervision):
    sync, person = Sync(supervision, PostgresSyncLedger()), await opened(supervision)
    operation = visit(person, uuid.uuid4())
    first = await synced(sync, operation)
    again = await synced(sync, operation)
    assert first == {"status": "accepted", "version": 3, "visit_id": str(operation.record.operation_id)}
    assert again == {"status": "duplicate", "first_answer": first}
    assert await version_of(sync, person) == 3  # opened, its first due day, the visit (the call stays due first)


async def test_the_same_operation_sent_at_once_from_two_connections_has_one_effect(supervision):
    sync, person = Sync(supervision, PostgresSyncLedger()), await opened(supervision)
    operation = visit(person, uuid.uuid4())
    answers = await asyncio.gather(synced(sync, operation), synced(sync, operation))
    assert sorted(answer["status"] for answer in answers) == ["accepted", "duplicate"]
    assert await version_of(sync, person) == 3


async def test_the_same_id_with_other_content_is_a_conflict_that_changes_nothing_and_is_kept(supervision):
    sync, person = Sync(supervision, PostgresSyncLedger()), await opened(supervision, "00071")
    operation_id = uuid.uuid4()
    await synced(sync, visit(person, operation_id))
    other = await synced(sync, visit(person, operation_id, note="Không gặp"))
    assert (other["status"], other["reason"]) == ("conflict", "operation_id_reused")
    assert await version_of(sync, person) == 3
    async with supervision.pool.acquire() as connection:
        total, rows = await commune_conflicts(connection, "01", "00071", 50, 0)
        key = await supervision.keys.fetch(connection, person)
    [kept] = [conflict_view(row, key) for row in rows if row["person_id"] == person]
    assert (kept["reason"], kept["body"]["note"], kept["by"]) == ("operation_id_reused", "Không gặp", "officer-7")


async def test_a_stale_assessment_over_a_changed_risk_group_is_kept_and_a_stale_visit_over_it_too(supervision):
    sync, person = Sync(supervision, PostgresSyncLedger()), await opened(supervision)
    assert (await synced(sync, assessment(person, RiskGroup.B, 1)))["status"] == "accepted"
    stale = await synced(sync, assessment(person, RiskGroup.C, 1))
    assert (stale["status"], stale["reason"], stale["current_version"]) == ("conflict", "risk_group_changed", 3)
    assert (await synced(sync, visit(person, uuid.uuid4(), based_on=1)))["status"] == "conflict"
    assert (await synced(sync, visit(person, uuid.uuid4(), based_on=3)))["status"] == "accepted"
    assert await version_of(sync, person) == 4


async def test_a_case_moved_meanwhile_rejects_the_operation_with_its_reason(supervision):
    sync, person = Sync(supervision, PostgresSyncLedger()), await opened(supervision)
    await feed(supervision, facts.moved(person))
    answer = await synced(sync, visit(person, uuid.uuid4(), based_on=1))
    assert (answer["status"], answer["reason"]) == ("rejected", "transferred")
    assert await version_of(sync, person) == 3


async def test_an_operation_outside_the_callers_jurisdiction_is_rejected_and_changes_nothing(supervision):
    sync, person = Sync(supervision, PostgresSyncLedger()), await opened(supervision)
    elsewhere = {"another commune": (Jurisdiction(province="01", communes=("00070",)), "outside_jurisdiction"),
                 "another province": (Jurisdiction(province="79"), "case_not_found")}
    for jurisdiction, reason in elsewhere.values():
        caller = Principal(sub="officer-8", agency=Agency.POLICE, role=Role.OFFICER, jurisdiction=jurisdiction)
        async with supervision.pool.acquire() as connection:
            answer = await sync.apply(connection, visit(person, uuid.uuid4()), caller, TODAY)
        assert (answer["status"], answer["reason"]) == ("rejected", reason)
    assert await version_of(sync, person) == 2


async def test_operations_of_one_batch_see_the_effects_of_those_before_them(supervision):
    sync, person = Sync(supervision, PostgresSyncLedger()), await opened(supervision)
    opened_at = await version_of(sync, person)
    operations = [assessment(person, RiskGroup.C, opened_at), visit(person, uuid.uuid4(), based_on=opened_at)]
    async with supervision.pool.acquire() as connection:
        answers = await sync.apply_batch(connection, operations, OFFICER, TODAY)
        assessed_at = answers[0]["version"]
        repeated = visit(person, uuid.uuid4(), based_on=assessed_at)
        answers += await sync.apply_batch(connection, [repeated, repeated], OFFICER, TODAY)
    assert [answer["status"] for answer in answers] == ["accepted", "conflict", "accepted", "duplicate"]
    assert (answers[1]["reason"], answers[3]["first_answer"]) == ("risk_group_changed", answers[2])
    assert opened_at < assessed_at < answers[2]["version"] == await version_of(sync, person)


async def test_a_batch_longer_than_a_run_is_written_run_by_run_with_every_effect_once(supervision):
    sync, person = Sync(supervision, PostgresSyncLedger()), await opened(supervision)
    opened_at = await version_of(sync, person)
    operations = [visit(person, uuid.uuid4(), based_on=opened_at, note=f"Lần {n}") for n in range(120)]
    async with supervision.pool.acquire() as connection:
        first = await sync.apply_batch(connection, operations, OFFICER, TODAY)
        again = await sync.apply_batch(connection, operations, OFFICER, TODAY)
    versions = [answer["version"] for answer in first]
    assert versions == sorted(set(versions)) and len(versions) == 120, "each applied once, in order"
    assert [answer["first_answer"] for answer in again] == first
    assert versions[-1] == await version_of(sync, person)
