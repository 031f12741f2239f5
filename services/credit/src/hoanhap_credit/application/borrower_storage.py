"""What the borrower use cases need from storage beyond the streams: the borrowers and businesses tables."""

import uuid
from typing import Protocol

from hoanhap.eventstore import Alongside
from hoanhap.postgres.connections import Connection
from hoanhap_credit.domain.borrowers import BorrowerOnRecord, BusinessOnRecord


class BorrowerTables(Protocol):
    """The borrowers table (found by the bank's keyed digest of the citizen ID) and the businesses table."""

    def borrower_alongside(self, borrower: BorrowerOnRecord, lookup_digest: str) -> Alongside:
        """The borrower's row, written with their registration's event."""

    def link_alongside(self, borrower_id: uuid.UUID, person_id: uuid.UUID) -> Alongside:
        """The registry's person written on the borrower's row, with the event that links them."""

    def moved_alongside(self, borrower_id: uuid.UUID, province_code: str, commune_code: str) -> Alongside:
        """The borrower's row held by their new commune, with the event that moves them."""

    def business_alongside(self, business: BusinessOnRecord) -> Alongside:
        """The business's row, written with its registration's event."""

    async def borrower_with(self, connection: Connection, lookup_digest: str) -> BorrowerOnRecord | None:
        """The borrower registered with this citizen ID, if any."""

    async def borrower(self, connection: Connection, borrower_id: uuid.UUID) -> BorrowerOnRecord | None:
        """The borrower, if registered."""

    async def business(self, connection: Connection, business_id: uuid.UUID) -> BusinessOnRecord | None:
        """The business, if registered."""

    async def business_numbered(self, connection: Connection, registration_key: str) -> BusinessOnRecord | None:
        """The business registered with this registration number (normalised), if any, waiting in the caller's
        transaction for another registering the same number."""
