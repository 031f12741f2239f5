"""Idempotency-Key: a retry gets the first answer and says so; a retry while the first is still being answered
gets 409; the key reused for another request is 422. Requests are remembered by a keyed fingerprint, in the
caller's scope, with the person they are about. (The SQL runs against PostgreSQL in
tests/integration/registry/test_idempotency_keys.py.)"""

import json
import uuid
from typing import Any

import pytest
from fastapi import FastAPI, HTTPException, Request

from hoanhap.write_path.errors import Conflict
from hoanhap.write_path.idempotency import IdempotencyKey, fingerprint_key_of, idempotency_key
from tests.unit.write_path.kit_apps import OFFICER, client_of

KEY = fingerprint_key_of(b"a service secret of 32 bytes!!!!", b"tests.idempotency")


class RememberingConnection:
    """The three statements IdempotencyKey sends, answered from memory; held: another request holds the key."""

    def __init__(self, held: bool = False) -> None:
        self.held = held
        self.rows: dict[tuple[str, str], dict[str, Any]] = {}

    async def fetchval(self, sql: str, *arguments: object) -> bool:
        assert "pg_try_advisory_xact_lock" in sql
        return not self.held

    async def fetchrow(self, sql: str, caller: str, key: str) -> dict[str, Any] | None:
        return self.rows.get((caller, key))

    async def execute(self, sql: str, caller: str, key: str, fingerprint: str, status: int, body: str,
                      person_id: uuid.UUID | None) -> None:
        self.rows[(caller, key)] = {"fingerprint": fingerprint, "status": status, "body": body,
                                    "person_id": person_id}


def keys_seen(*requests: tuple[dict[str, str], bytes]) -> list[IdempotencyKey | None]:
    """The IdempotencyKey of each request (headers, body) to POST /things."""
    seen: list[IdempotencyKey | None] = []
    app = FastAPI()

    @app.post("/things")
    async def post(request: Request) -> None:
        seen.append(await idempotency_key(request, OFFICER, KEY))

    client = client_of(app)
    for headers, body in requests:
        client.post("/things", headers=headers, content=body)
    return seen


def test_no_header_no_key():
    assert keys_seen(({}, b"{}")) == [None]


def test_a_blank_or_overlong_key_is_refused_at_the_header():
    app = FastAPI()

    @app.post("/things")
    async def post(request: Request) -> None:
        await idempotency_key(request, OFFICER, KEY)

    for bad in (" ", "k" * 201):
        answer = client_of(app).post("/things", headers={"Idempotency-Key": bad})
        assert answer.status_code == 422 and answer.json()["detail"][0]["loc"] == ["header", "Idempotency-Key"]


def test_the_same_request_has_the_same_fingerprint_another_body_another_and_the_caller_scopes_the_key():
    same, again, other = keys_seen(({"Idempotency-Key": "k1"}, b'{"a": 1}'), ({"Idempotency-Key": "k1"}, b'{"a": 1}'),
                                   ({"Idempotency-Key": "k1"}, b'{"a": 2}'))
    assert same == again and same is not None and other is not None
    assert same.fingerprint != other.fingerprint and same.caller == OFFICER.caller_scope
    assert b'{"a": 1}'.hex() not in same.fingerprint


def test_fingerprints_need_the_services_secret():
    assert fingerprint_key_of(b"another secret", b"tests.idempotency") != KEY


async def test_a_retry_gets_the_first_answer_saying_it_is_a_replay():
    connection, key, person = RememberingConnection(), IdempotencyKey("caller", "k1", "print"), uuid.uuid4()
    assert await key.earlier_answer(connection) is None  # type: ignore[arg-type]
    await key.remember(connection, 201, {"person_id": str(person)}, person)  # type: ignore[arg-type]
    replay = await key.earlier_answer(connection)  # type: ignore[arg-type]
    assert replay is not None and replay.status_code == 201 and replay.headers["Idempotent-Replay"] == "true"
    assert json.loads(replay.body) == {"person_id": str(person)}
    assert connection.rows[("caller", "k1")]["person_id"] == person


async def test_a_retry_while_the_first_is_being_answered_is_a_conflict():
    with pytest.raises(Conflict, match="still being answered"):
        await IdempotencyKey("caller", "k1", "print").earlier_answer(RememberingConnection(held=True))  # type: ignore[arg-type]


async def test_the_key_used_for_another_request_is_refused():
    connection = RememberingConnection()
    await IdempotencyKey("caller", "k1", "print").remember(connection, 200, {}, None)  # type: ignore[arg-type]
    with pytest.raises(HTTPException) as refused:
        await IdempotencyKey("caller", "k1", "another print").earlier_answer(connection)  # type: ignore[arg-type]
    assert refused.value.status_code == 422
