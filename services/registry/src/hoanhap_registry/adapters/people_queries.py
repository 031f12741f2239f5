"""Read queries over the people table (the state projection): by citizen ID, a commune's page, the unconfirmed
residences; each row as a list shows it, with the identity while the person's key exists."""

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from asyncpg import Record

from hoanhap.postgres.connections import Connection
from hoanhap.working_days import WorkingCalendar, confirm_due_on
from hoanhap_registry.adapters.views import identity_view

LIST_COLUMNS = ("person_id, version, sealed_identity, province_code, commune_code, village, birth_year, sex, "
                "release_type, release_date, confirmation_due_on, confirmed_on, intake_done, reoffences, status")


class KeysOfMany(Protocol):
    async def fetch_many(self, connection: Connection, person_ids: list[uuid.UUID]) -> dict[uuid.UUID, bytes]: ...


@dataclass(frozen=True)
class CommuneFilters:
    """What a commune's list may be narrowed to (None: any)."""

    status: str | None = None
    release_type: str | None = None
    released_from: date | None = None
    released_to: date | None = None

    def where(self, province_code: str, commune_code: str) -> tuple[str, list[Any]]:
        """The WHERE clause and its values."""
        filters = ["province_code = $1", "commune_code = $2"]
        values: list[Any] = [province_code, commune_code]
        for column, operator, value in (("status", "=", self.status), ("release_type", "=", self.release_type),
                                        ("release_date", ">=", self.released_from),
                                        ("release_date", "<=", self.released_to)):
            if value is not None:
                values.append(value)
                filters.append(f"{column} {operator} ${len(values)}")
        return " AND ".join(filters), values


async def with_citizen_id(connection: Connection, digest: str, province_code: str) -> list[Record]:
    """The province's people with this lookup digest of a citizen ID."""
    return await connection.fetch(f"SELECT {LIST_COLUMNS} FROM people WHERE national_id_digest = $1 "
                                  "AND province_code = $2", digest, province_code)


async def commune_page(connection: Connection, province_code: str, commune_code: str, filters: CommuneFilters,
                       limit: int, offset: int) -> tuple[int, list[Record]]:
    """How many of the commune's people the filters keep, and a page of them, newest releases first."""
    where, values = filters.where(province_code, commune_code)
    total: int = await connection.fetchval(f"SELECT count(*) FROM people WHERE {where}", *values)
    rows = await connection.fetch(f"SELECT {LIST_COLUMNS} FROM people WHERE {where} "
                                  f"ORDER BY release_date DESC, person_id LIMIT {limit} OFFSET {offset}", *values)
    return total, rows


async def overdue_confirmations(connection: Connection, province_code: str, commune_code: str,
                                calendar: WorkingCalendar, today: date) -> list[dict[str, Any]]:
    """The commune's open cases notified before today and not yet confirmed whose due day, reckoned with this
    calendar, is before today: earliest due first, each with that due day."""
    rows = await connection.fetch(
        f"SELECT {LIST_COLUMNS}, notified_on FROM people WHERE province_code = $1 AND commune_code = $2 "
        "AND status = 'open' AND confirmed_on IS NULL AND notified_on < $3", province_code, commune_code, today)
    reckoned = [{**dict(row), "confirmation_due_on": confirm_due_on(row["notified_on"], calendar)} for row in rows]
    overdue = [row for row in reckoned if row["confirmation_due_on"] < today]
    return [{name: value for name, value in row.items() if name != "notified_on"}
            for row in sorted(overdue, key=lambda row: (row["confirmation_due_on"], row["person_id"]))]


async def listed(connection: Connection, keys: KeysOfMany, rows: list[Record] | list[dict[str, Any]]
                 ) -> list[dict[str, Any]]:
    """The rows as a list shows them: the identity instead of its sealed form (None once erased), dates and ids
    as text."""
    person_keys = await keys.fetch_many(connection, [row["person_id"] for row in rows])
    items = []
    for row in rows:
        item = {name: value for name, value in dict(row).items() if name != "sealed_identity"}
        item["identity"] = identity_view(row["sealed_identity"], person_keys.get(row["person_id"]), row["person_id"])
        items.append(jsonable(item))
    return items


def jsonable(item: dict[str, Any]) -> dict[str, Any]:
    """Dates and ids as text."""
    return {name: value.isoformat() if isinstance(value, date) else str(value) if isinstance(value, uuid.UUID)
            else value for name, value in item.items()}
