"""The cases' current states as the cases table keeps them (column `state`, migration 0005): written alongside
each append by projection.py, read by every write instead of replaying the stream. A row without a state, or with
one of another shape (written by an older release), reads as missing, and the caller replays the stream."""

import uuid
from dataclasses import dataclass

from pydantic import TypeAdapter, ValidationError

from hoanhap.postgres.connections import Connection
from hoanhap_supervision.domain.state import SupervisionCase

STATE_SHAPE = 1
"""Raised when SupervisionCase changes shape, so states written before are replayed instead of misread."""


@dataclass(frozen=True)
class StoredState:
    """The state column: the case, and the shape it was written in."""

    shape: int
    case: SupervisionCase


STORED = TypeAdapter(StoredState)


def state_json(case: SupervisionCase) -> str:
    """The case as the state column holds it."""
    return STORED.dump_json(StoredState(STATE_SHAPE, case)).decode()


def state_of(document: str | None, version: int) -> SupervisionCase | None:
    """The case a state column holds, if it is of this shape and at the row's version."""
    if document is None:
        return None
    try:
        stored = STORED.validate_json(document)
    except ValidationError:
        return None
    return stored.case if stored.shape == STATE_SHAPE and stored.case.version == version else None


async def current_states(connection: Connection, person_ids: list[uuid.UUID]) -> dict[uuid.UUID, SupervisionCase]:
    """The cases of those people whose state can be read."""
    rows = await connection.fetch("SELECT person_id, version, state FROM cases WHERE person_id = ANY($1)", person_ids)
    states = {row["person_id"]: state_of(row["state"], row["version"]) for row in rows}
    return {person_id: case for person_id, case in states.items() if case is not None}


async def unreadable_states(connection: Connection) -> list[uuid.UUID]:
    """The people whose case's state the table cannot give: none kept yet, or kept in another shape."""
    rows = await connection.fetch("SELECT person_id FROM cases WHERE state IS NULL "
                                  "OR (state ->> 'shape')::integer IS DISTINCT FROM $1", STATE_SHAPE)
    return [row["person_id"] for row in rows]


async def keep_state(connection: Connection, case: SupervisionCase) -> None:
    """The case's state (replayed), unless the case moved on meanwhile: its next write keeps it then."""
    await connection.execute("UPDATE cases SET state = $2 WHERE person_id = $1 AND version = $3", case.person_id,
                             state_json(case), case.version)
