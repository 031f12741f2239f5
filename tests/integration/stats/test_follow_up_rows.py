"""Next-due days and plan statuses projected into their tables on the real PostgreSQL: a later batch's event of
the same case and day replaces the stored row, another day adds one, each at the case's place."""

import uuid
from datetime import date

import hoanhap.contracts as c
from hoanhap_stats.supervision.projection import write_supervision_batch
from tests.unit.stats.test_supervision_fold import envelope

PERSON, CASE = uuid.uuid4(), uuid.uuid4()
DAY, NEXT_DAY = date(2024, 2, 1), date(2024, 2, 2)


def due(as_of: date, next_due_on: date | None) -> c.Envelope:
    return envelope(c.NextContactDueSet(person_id=PERSON, case_id=CASE, next_due_on=next_due_on, as_of=as_of))


def plan(on: date, status: str) -> c.Envelope:
    return envelope(c.PlanAreaStatusChanged(person_id=PERSON, case_id=CASE, area="id_card", status=status,
                                            changed_on=on))


async def test_a_later_batch_replaces_the_same_days_row_and_adds_another_days(pool):
    opened = envelope(c.SupervisionOpened(person_id=PERSON, case_id=CASE, province_code="01", commune_code="00070",
                                          opened_on=DAY, commitment_signed=True))
    async with pool.acquire() as connection:
        await write_supervision_batch(connection, [opened, due(DAY, date(2024, 2, 15)), plan(DAY, "in_progress")])
        await write_supervision_batch(connection, [due(DAY, date(2024, 3, 2)), due(NEXT_DAY, None),
                                                   plan(DAY, "met"), plan(NEXT_DAY, "support_needed")])
        dues = await connection.fetch("SELECT commune_code, as_of, next_due_on FROM supervision_contact_due "
                                      "WHERE case_id = $1 ORDER BY as_of", CASE)
        plans = await connection.fetch("SELECT changed_on, status FROM supervision_plan_areas WHERE case_id = $1 "
                                       "ORDER BY changed_on", CASE)
    assert [tuple(row) for row in dues] == [("00070", DAY, date(2024, 3, 2)), ("00070", NEXT_DAY, None)]
    assert [tuple(row) for row in plans] == [(DAY, "met"), (NEXT_DAY, "support_needed")]
