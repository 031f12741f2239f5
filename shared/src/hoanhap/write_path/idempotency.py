"""Idempotency-Key on a POST: a retried request gets the first answer (saying so in `Idempotent-Replay: true`)
and acts only once; a retry while the first is still being answered gets 409.

Keys belong to the caller's scope (issuer, subject, agency, jurisdiction): the same subject in another province is
someone else. The request is remembered by a keyed fingerprint, never by its body (a body may hold a name and a
citizen ID), and the answers about a person can be forgotten with them (`forget_answers_about`). The table is the
migration component `idempotency` (`install_idempotency_schema`). Use it inside the transaction that does the work.
"""

import hashlib
import hmac
import json
import uuid
from dataclasses import dataclass
from typing import Any

import asyncpg
from fastapi import HTTPException, Request
from fastapi.responses import JSONResponse

from hoanhap.auth import Principal
from hoanhap.postgres import Migration, advisory_lock_key, apply_migrations
from hoanhap.postgres.connections import Connection
from hoanhap.write_path.errors import Conflict

MAX_KEY_LENGTH = 200
REPLAY_HEADER = "Idempotent-Replay"
STILL_RUNNING = "a request with this Idempotency-Key is still being answered; retry once it has been"


@dataclass(frozen=True)
class IdempotencyKey:
    """The caller's key for one request, with a keyed fingerprint of what was asked."""

    caller: str
    key: str
    fingerprint: str

    async def earlier_answer(self, connection: Connection) -> JSONResponse | None:
        """The answer given the first time, or None (this request then answers it; the key is held until the
        transaction ends); Conflict while another request with the key is being answered; 422 when the key was
        used for a different request."""
        if not await connection.fetchval("SELECT pg_try_advisory_xact_lock($1)", self.lock_key):
            raise Conflict(STILL_RUNNING)
        row = await connection.fetchrow(
            "SELECT fingerprint, status, body FROM idempotency_keys WHERE caller = $1 AND key = $2",
            self.caller, self.key)
        if row is None:
            return None
        if row["fingerprint"] != self.fingerprint:
            raise HTTPException(422, [{"loc": ["header", "Idempotency-Key"], "type": "reused",
                                       "msg": "this Idempotency-Key was already used for a different request"}])
        return JSONResponse(json.loads(row["body"]), row["status"], headers={REPLAY_HEADER: "true"})

    @property
    def lock_key(self) -> int:
        """The advisory lock held while the first request with this key is answered."""
        return advisory_lock_key(f"idempotency\n{self.caller}\n{self.key}")

    async def remember(self, connection: Connection, status: int, body: dict[str, Any],
                       person_id: uuid.UUID | None = None) -> None:
        """Keep the answer for retries of the same request, with the person it is about, if any."""
        await connection.execute(
            "INSERT INTO idempotency_keys (caller, key, fingerprint, status, body, person_id) "
            "VALUES ($1, $2, $3, $4, $5, $6)", self.caller, self.key, self.fingerprint, status, json.dumps(body),
            person_id)


async def forget_answers_about(connection: Connection, person_id: uuid.UUID) -> None:
    """Erasure: drop the remembered answers about the person (their fingerprints were of their name and ID)."""
    await connection.execute("DELETE FROM idempotency_keys WHERE person_id = $1", person_id)


async def idempotency_key(request: Request, principal: Principal, fingerprint_key: bytes) -> IdempotencyKey | None:
    """The request's Idempotency-Key, if it sent one, in the caller's scope, its request fingerprinted under
    fingerprint_key (see `fingerprint_key_of`)."""
    key = request.headers.get("idempotency-key")
    if key is None:
        return None
    if not key.strip() or len(key) > MAX_KEY_LENGTH:
        raise HTTPException(422, [{"loc": ["header", "Idempotency-Key"], "type": "value_error",
                                   "msg": f"Idempotency-Key must be 1 to {MAX_KEY_LENGTH} characters"}])
    asked = f"{request.method} {request.url.path}\n".encode() + await request.body()
    return IdempotencyKey(principal.caller_scope, key, hmac.new(fingerprint_key, asked, hashlib.sha256).hexdigest())


def fingerprint_key_of(secret: bytes, purpose: bytes) -> bytes:
    """The key fingerprints are made with, derived from a service secret: a stored fingerprint cannot be matched
    against guessed names and ID numbers without the service's secret."""
    return hmac.new(secret, purpose, hashlib.sha256).digest()


async def install_idempotency_schema(target: asyncpg.Pool | Connection) -> list[Migration]:
    """Apply the idempotency table's migrations this database lacks (safe at every start-up)."""
    return await apply_migrations(target, "hoanhap.write_path.migrations", "idempotency")
