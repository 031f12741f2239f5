"""Idempotency-Key on every POST: a retried request gets the first answer, and acts only once.

Keys belong to the caller's scope (issuer, subject, agency, jurisdiction): the same subject in another province is
someone else. The request is remembered by a keyed fingerprint, never by its body (a registration's body holds a
name and a citizen ID), and an erased person's records are forgotten with them.
"""

import hashlib
import hmac
import json
import uuid
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import JSONResponse

from hoanhap.auth import Principal
from hoanhap.postgres.connections import Connection

MAX_KEY_LENGTH = 200
FINGERPRINT_PURPOSE = b"hoanhap.registry.idempotency-fingerprint"


@dataclass(frozen=True)
class IdempotencyKey:
    """The caller's key for one request, with a keyed fingerprint of what was asked."""

    caller: str
    key: str
    fingerprint: str

    async def earlier_answer(self, connection: Connection) -> JSONResponse | None:
        """The answer given the first time, or None; 422 when the key was used for a different request."""
        row = await connection.fetchrow(
            "SELECT fingerprint, status, body FROM idempotency_keys WHERE caller = $1 AND key = $2 FOR UPDATE",
            self.caller, self.key)
        if row is None:
            return None
        if row["fingerprint"] != self.fingerprint:
            raise HTTPException(422, [{"loc": ["header", "Idempotency-Key"], "type": "reused",
                                       "msg": "this Idempotency-Key was already used for a different request"}])
        return JSONResponse(json.loads(row["body"]), row["status"], headers={"Idempotent-Replay": "true"})

    async def remember(self, connection: Connection, status: int, body: dict[str, Any]) -> None:
        """Keep the answer for retries of the same request, with the person it is about."""
        person_id = body.get("person_id")
        await connection.execute(
            "INSERT INTO idempotency_keys (caller, key, fingerprint, status, body, person_id) "
            "VALUES ($1, $2, $3, $4, $5, $6)", self.caller, self.key, self.fingerprint, status, json.dumps(body),
            uuid.UUID(person_id) if person_id else None)


async def forget_requests_about(connection: Connection, person_id: uuid.UUID) -> None:
    """Erasure: drop the remembered requests about the person (their fingerprints were of their name and ID)."""
    await connection.execute("DELETE FROM idempotency_keys WHERE person_id = $1", person_id)


async def idempotency_key(request: Request, principal: Principal) -> IdempotencyKey | None:
    """The request's Idempotency-Key, if it sent one, in the caller's scope."""
    key = request.headers.get("idempotency-key")
    if key is None:
        return None
    if not key.strip() or len(key) > MAX_KEY_LENGTH:
        raise HTTPException(422, [{"loc": ["header", "Idempotency-Key"], "type": "value_error",
                                   "msg": f"Idempotency-Key must be 1 to {MAX_KEY_LENGTH} characters"}])
    asked = f"{request.method} {request.url.path}\n".encode() + await request.body()
    return IdempotencyKey(principal.caller_scope, key, fingerprint_of(request, asked))


def fingerprint_of(request: Request, asked: bytes) -> str:
    """HMAC-SHA256 of the request under a key derived from the registry's master key: a stored fingerprint cannot
    be matched against guessed names and citizen IDs without the registry's key."""
    master_key: bytes = request.app.state.registry.keys.master_key
    key = hmac.new(master_key, FINGERPRINT_PURPOSE, hashlib.sha256).digest()
    return hmac.new(key, asked, hashlib.sha256).hexdigest()
