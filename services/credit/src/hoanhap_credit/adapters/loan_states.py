"""The loans' current states as the loans table keeps them (column `state`): written alongside each append by
loan_projection.py, read by every write and by the end of day (many at once) instead of replaying the streams. A
state of another shape (written by an older release) reads as missing, and the caller replays the stream.

Money is integer VND; the loan's rate (Decimal) and its exact overdue interest (Fraction) are kept as strings
("0.066", "12345/7"), so a state read back is the same loan to the last fraction of a đồng."""

import uuid
from dataclasses import dataclass

from pydantic import TypeAdapter, ValidationError

from hoanhap.postgres.connections import Connection
from hoanhap_credit.domain.loan_record import LoanRecord

STATE_SHAPE = 1
"""Raised when LoanRecord (or Loan) changes shape, so states written before are replayed instead of misread."""


@dataclass(frozen=True)
class StoredState:
    """The state column: the loan with whose it is, and the shape it was written in."""

    shape: int
    record: LoanRecord


STORED = TypeAdapter(StoredState)


def state_json(record: LoanRecord) -> str:
    """The loan as the state column holds it."""
    return STORED.dump_json(StoredState(STATE_SHAPE, record)).decode()


def state_of(document: str | None, version: int) -> LoanRecord | None:
    """The loan a state column holds, if it is of this shape and at the row's version."""
    if document is None:
        return None
    try:
        stored = STORED.validate_json(document)
    except ValidationError:
        return None
    return stored.record if stored.shape == STATE_SHAPE and stored.record.version == version else None


async def current_states(connection: Connection, loan_ids: list[uuid.UUID]) -> dict[uuid.UUID, LoanRecord]:
    """The loans among these whose state can be read, in one query (the end of day loads 1,000 at a time)."""
    rows = await connection.fetch("SELECT loan_id, version, state FROM loans WHERE loan_id = ANY($1)", loan_ids)
    states = {row["loan_id"]: state_of(row["state"], row["version"]) for row in rows}
    return {loan_id: record for loan_id, record in states.items() if record is not None}
