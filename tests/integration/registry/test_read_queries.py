"""The read queries over the people table: by citizen ID, a commune's filtered page, the overdue confirmations,
each listed with the identity while the key exists and without the sealed form."""

from datetime import date

from hoanhap_registry.adapters import people_queries as queries
from hoanhap_registry.application.registry import Registry
from hoanhap_registry.domain import commands as cmd
from tests.integration.registry.conftest import OFFICER, register


async def test_a_person_is_found_by_citizen_id_within_the_province_and_listed_with_their_identity(
        registry: Registry):
    person_id, body = await register(registry)
    async with registry.pool.acquire() as connection:
        rows = await queries.with_citizen_id(connection, registry.digest(body.citizen_id), "01")
        assert [row["person_id"] for row in rows] == [person_id]
        assert await queries.with_citizen_id(connection, registry.digest(body.citizen_id), "79") == []
        [item] = await queries.listed(connection, registry.keys, rows)
    assert item["identity"]["full_name"] == body.full_name and "sealed_identity" not in item
    assert item["person_id"] == str(person_id) and item["release_date"] == "2026-01-15"


async def test_a_communes_page_is_filtered_counted_and_newest_release_first(registry: Registry):
    older, _ = await register(registry, release_date="2025-06-01", notified_on="2025-06-01")
    newer, _ = await register(registry, release_date="2025-07-01", notified_on="2025-07-01")
    closed, _ = await register(registry, release_date="2025-08-01", notified_on="2025-08-01")
    async with registry.pool.acquire() as connection, connection.transaction():
        await registry.change(connection, closed, cmd.EraseIdentity(date(2025, 9, 1)), OFFICER)
        summer = queries.CommuneFilters(released_from=date(2025, 6, 1), released_to=date(2025, 8, 31))
        total, rows = await queries.commune_page(connection, "01", "00004", summer, 10, 0)
        assert total == 3 and [row["person_id"] for row in rows] == [closed, newer, older]
        total, rows = await queries.commune_page(connection, "01", "00004", queries.CommuneFilters(
            status="open", released_from=date(2025, 6, 1), released_to=date(2025, 8, 31)), 1, 1)
        assert total == 2 and [row["person_id"] for row in rows] == [older]
        [erased] = await queries.listed(connection, registry.keys, (await queries.commune_page(
            connection, "01", "00004", queries.CommuneFilters(status="erased"), 10, 0))[1])
        assert erased["identity"] is None


async def test_overdue_confirmations_are_reckoned_with_the_calendar_until_confirmed(registry: Registry):
    late, _ = await register(registry, release_date="2024-03-15", notified_on="2024-03-08")
    async with registry.pool.acquire() as connection:
        overdue = await queries.overdue_confirmations(connection, "01", "00004", registry.calendar, date(2024, 3, 20))
        assert [(row["person_id"], row["confirmation_due_on"]) for row in overdue] == [(late, date(2024, 3, 13))]
        await registry.change(connection, late, cmd.ConfirmResidence(date(2024, 3, 19)), OFFICER)
        assert await queries.overdue_confirmations(connection, "01", "00004", registry.calendar,
                                                   date(2024, 3, 20)) == []
