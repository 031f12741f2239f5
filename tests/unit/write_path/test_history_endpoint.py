"""The case-history endpoint a service mounts with its own stream naming, place and view: every event in order with
who and when, the state as of a time, the chain verified, the read recorded; other provinces 404, other communes
403. Here over the in-memory event store, a service of "loans" held in commune 00004 or 00008."""

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI

from hoanhap.auth import Principal
from hoanhap.eventstore import EventMetadata, InMemoryEventStore, NewEvent, StoredEvent
from hoanhap.write_path.history import history_router
from tests.unit.write_path.kit_apps import OFFICER, client_of

FIXED = datetime(2026, 3, 1, tzinfo=UTC)


class Transactionless:
    """A connection whose transaction is nothing: the in-memory store needs none."""

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[None]:
        yield


class OnePool:
    @asynccontextmanager
    async def acquire(self) -> AsyncIterator[Transactionless]:
        yield Transactionless()


class LoanHistory:
    """A service's answers: stream "loan-<id>", held where the last event says, its state the count of events."""

    def __init__(self) -> None:
        self.pool, self.store = OnePool(), InMemoryEventStore(clock=lambda: FIXED)
        self.reads: list[tuple[uuid.UUID, str, datetime | None]] = []

    def stream_of(self, record_id: uuid.UUID) -> str:
        return f"loan-{record_id}"

    def place_of(self, events: list[StoredEvent]) -> tuple[str, str] | None:
        return ("01", events[-1].payload["commune"]) if events else None

    async def state_view(self, connection: Any, record_id: uuid.UUID, events: list[StoredEvent],
                         as_of: datetime | None) -> dict[str, Any] | None:
        return {"events_seen": len(events)} if events else None

    async def record_read(self, connection: Any, record_id: uuid.UUID, principal: Principal,
                          as_of: datetime | None) -> None:
        self.reads.append((record_id, principal.sub, as_of))


async def loan(history: LoanHistory, commune: str = "00004") -> uuid.UUID:
    loan_id = uuid.uuid4()
    metadata = EventMetadata(correlation_id="c-1", actor="officer-9", agency="police")
    await history.store.append(history.stream_of(loan_id), 0, [
        NewEvent("LoanGranted", {"commune": commune, "sealed_identity": "secret"}, metadata),
        NewEvent("LoanRepaid", {"commune": commune}, metadata)])
    return loan_id


def client(history: LoanHistory):  # type: ignore[no-untyped-def]
    app = FastAPI()
    app.include_router(history_router("/v1/loans", lambda request: history, id_name="loan_id",  # type: ignore[arg-type,return-value]
                                      not_found="no such loan"))
    return client_of(app)


async def test_the_history_lists_every_event_with_who_and_when_and_verifies():
    history = LoanHistory()
    loan_id = await loan(history)
    answer = client(history).get(f"/v1/loans/{loan_id}/history").json()
    assert answer["loan_id"] == str(loan_id) and answer["state"] == {"events_seen": 2}
    assert [(event["type"], event["actor"]) for event in answer["events"]] == [
        ("LoanGranted", "officer-9"), ("LoanRepaid", "officer-9")]
    assert "sealed_identity" not in answer["events"][0]["data"]
    assert answer["verification"] == {"ok": True, "events_checked": 2, "first_bad_event": None}
    assert history.reads == [(loan_id, OFFICER.sub, None)]


async def test_as_of_before_the_first_event_shows_nothing_yet():
    history = LoanHistory()
    loan_id = await loan(history)
    answer = client(history).get(f"/v1/loans/{loan_id}/history", params={"as_of": "2026-01-01T00:00:00+07:00"})
    assert answer.json()["events"] == [] and answer.json()["state"] is None
    assert history.reads[0][2] is not None


async def test_no_such_record_and_another_commune_are_refused():
    history = LoanHistory()
    elsewhere = await loan(history, commune="00008")
    missing = client(history).get(f"/v1/loans/{uuid.uuid4()}/history")
    assert missing.status_code == 404 and missing.json() == {"detail": "no such loan"}
    assert client(history).get(f"/v1/loans/{elsewhere}/history").status_code == 403
    assert history.reads == []


def test_the_path_names_the_services_id():
    app = FastAPI()
    app.include_router(history_router("/v1/loans", lambda request: LoanHistory(), id_name="loan_id"))  # type: ignore[arg-type,return-value]
    assert "/v1/loans/{loan_id}/history" in app.openapi()["paths"]
