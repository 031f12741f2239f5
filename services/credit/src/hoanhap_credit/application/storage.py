"""What the use cases need from storage, as protocols the adapters implement (PostgreSQL's are wired in by app.py):
the loans' streams and states, the borrowers' tables, the holders' keys, the end of day's tables."""

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Protocol

from hoanhap.eventstore import Alongside, StoredEvent, StreamAppend
from hoanhap.postgres.connections import Connection
from hoanhap_credit.domain.applications import Purpose
from hoanhap_credit.domain.loan_record import LoanRecord


class LoanStreams(Protocol):
    """Where the loans' events and the writes alongside them go, inside the caller's connection."""

    async def read_stream(self, connection: Connection, stream_id: str) -> list[StoredEvent]:
        """The stream's events in order."""

    async def append_many(self, connection: Connection, appends: Sequence[StreamAppend]) -> None:
        """The appends, all or none; ConcurrencyConflict if a stream moved on."""

    async def current_states(self, connection: Connection, loan_ids: list[uuid.UUID]) -> dict[uuid.UUID, LoanRecord]:
        """The loans as last written alongside their events (the others are replayed from their streams)."""

    async def outstanding_same_purpose(self, connection: Connection, holder_id: uuid.UUID, purpose: Purpose,
                                       excluding: uuid.UUID | None = None) -> int:
        """What the borrower's or business's other loans of the purpose in this service ask, are granted or still
        owe (VND), all but `excluding`; holding the holder's lock until the caller's transaction ends."""

    async def payment_recorded_elsewhere(self, connection: Connection, payment_id: str, stream_id: str) -> bool:
        """Whether a stream other than this one recorded the payment id, asked holding a lock on the id until the
        caller's transaction ends."""


class LoanProjection(Protocol):
    """Writing a loan's state into the loans table alongside its events."""

    def __call__(self, record: LoanRecord) -> Alongside: ...


class HolderKeys(Protocol):
    """Borrowers' and businesses' own keys, wrapped with the master key (hoanhap.person_keys)."""

    master_key: bytes

    def stored_alongside(self, person_id: uuid.UUID, person_key: bytes) -> Alongside:
        """Keeping a new holder's key, alongside the events that register them."""

    async def fetch(self, connection: Connection, person_id: uuid.UUID) -> bytes | None:
        """The holder's key, or None once destroyed."""


class EndOfDayTables(Protocol):
    """The end of day's runs by business day and each loan's closed_through, inside the caller's connection."""

    async def last_finished(self, connection: Connection) -> date | None:
        """The latest business day whose run finished."""

    async def earliest_unfinished(self, connection: Connection) -> date | None:
        """The earliest business day a run began and did not finish."""

    async def begin(self, connection: Connection, days: list[date]) -> None:
        """A run row for each day (kept as it was if begun before)."""

    async def open_loans(self, connection: Connection, through_day: date, after: uuid.UUID | None,
                         size: int) -> list[tuple[uuid.UUID, date | None]]:
        """The next disbursed loans by id not closed through the day, with the day each is closed through, locked."""

    async def mark_closed(self, connection: Connection, loan_ids: list[uuid.UUID], through_day: date) -> None:
        """The loans closed through the day."""

    async def count(self, connection: Connection, counts: dict[date, tuple[int, int]]) -> None:
        """Add to each day's loans closed and events appended."""

    async def finish(self, connection: Connection, days: list[date]) -> None:
        """The days' runs finished."""
