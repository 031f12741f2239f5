"""The borrowers and businesses tables: written alongside their registration's event, read by id or (a person) by
the bank's keyed digest of the citizen ID."""

import uuid
from collections.abc import Mapping
from typing import Any

from hoanhap.contracts.credit.choices import BusinessType
from hoanhap.eventstore import Alongside
from hoanhap.postgres.connections import Connection
from hoanhap_credit.domain.borrowers import BorrowerOnRecord, BusinessOnRecord
from hoanhap_credit.domain.borrowers import registration_key as business_key

BORROWER = "SELECT borrower_id, person_id, province_code, commune_code FROM borrowers"
BUSINESS = "SELECT business_id, kind, name, registration, province_code, commune_code FROM businesses"


class PostgresBorrowerTables:
    """BorrowerTables over credit's database."""

    def borrower_alongside(self, borrower: BorrowerOnRecord, lookup_digest: str) -> Alongside:
        """The borrower's row, written with their registration's event."""
        return Alongside("INSERT INTO borrowers (borrower_id, lookup_digest, person_id, province_code, commune_code) "
                         "SELECT $1, $2, $3, $4, $5 FROM appending",
                         (borrower.borrower_id, lookup_digest, borrower.person_id, borrower.province_code,
                          borrower.commune_code))

    def link_alongside(self, borrower_id: uuid.UUID, person_id: uuid.UUID) -> Alongside:
        """The registry's person written on the borrower's row, with the event that links them."""
        return Alongside("UPDATE borrowers SET person_id = $2 FROM appending WHERE borrower_id = $1",
                         (borrower_id, person_id))

    def moved_alongside(self, borrower_id: uuid.UUID, province_code: str, commune_code: str) -> Alongside:
        """The borrower's row held by their new commune, with the event that moves them."""
        return Alongside("UPDATE borrowers SET province_code = $2, commune_code = $3 FROM appending "
                         "WHERE borrower_id = $1", (borrower_id, province_code, commune_code))

    def business_alongside(self, business: BusinessOnRecord) -> Alongside:
        """The business's row, written with its registration's event."""
        return Alongside("INSERT INTO businesses (business_id, kind, name, registration, province_code, "
                         "commune_code, registration_key) SELECT $1, $2, $3, $4, $5, $6, $7 FROM appending",
                         (business.business_id, business.kind.value, business.name, business.registration,
                          business.province_code, business.commune_code, business_key(business.registration)))

    async def borrower_with(self, connection: Connection, lookup_digest: str) -> BorrowerOnRecord | None:
        """The borrower registered with this citizen ID, if any."""
        row = await connection.fetchrow(f"{BORROWER} WHERE lookup_digest = $1", lookup_digest)
        return None if row is None else BorrowerOnRecord(**dict(row))

    async def borrower(self, connection: Connection, borrower_id: uuid.UUID) -> BorrowerOnRecord | None:
        """The borrower, if registered."""
        row = await connection.fetchrow(f"{BORROWER} WHERE borrower_id = $1", borrower_id)
        return None if row is None else BorrowerOnRecord(**dict(row))

    async def business(self, connection: Connection, business_id: uuid.UUID) -> BusinessOnRecord | None:
        """The business, if registered."""
        return business_of(await connection.fetchrow(f"{BUSINESS} WHERE business_id = $1", business_id))

    async def business_numbered(self, connection: Connection, registration_key: str) -> BusinessOnRecord | None:
        """The business registered with this registration number (normalised), if any; the transaction waits for
        another registering the same number, so two at once make one."""
        await connection.execute("SELECT pg_advisory_xact_lock(hashtext('credit.business:' || $1))",
                                 registration_key)
        return business_of(await connection.fetchrow(f"{BUSINESS} WHERE registration_key = $1", registration_key))


def business_of(row: Mapping[str, Any] | None) -> BusinessOnRecord | None:
    """The business a row of the table holds."""
    if row is None:
        return None
    return BusinessOnRecord(**{**dict(row), "kind": BusinessType(row["kind"])})
