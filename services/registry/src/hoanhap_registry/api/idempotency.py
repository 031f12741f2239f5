"""Idempotency-Key on every POST: a retried request gets the first answer, and acts only once."""

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import JSONResponse

from hoanhap.eventstore.connections import Connection

MAX_KEY_LENGTH = 200


@dataclass(frozen=True)
class IdempotencyKey:
    """The caller's key for one request, with a fingerprint of what was asked."""

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
        """Keep the answer for retries of the same request."""
        await connection.execute(
            "INSERT INTO idempotency_keys (caller, key, fingerprint, status, body) VALUES ($1, $2, $3, $4, $5)",
            self.caller, self.key, self.fingerprint, status, json.dumps(body))


async def idempotency_key(request: Request, caller: str) -> IdempotencyKey | None:
    """The request's Idempotency-Key, if it sent one."""
    key = request.headers.get("idempotency-key")
    if key is None:
        return None
    if not key.strip() or len(key) > MAX_KEY_LENGTH:
        raise HTTPException(422, [{"loc": ["header", "Idempotency-Key"], "type": "value_error",
                                   "msg": f"Idempotency-Key must be 1 to {MAX_KEY_LENGTH} characters"}])
    body = await request.body()
    fingerprint = hashlib.sha256(f"{request.method} {request.url.path}\n".encode() + body).hexdigest()
    return IdempotencyKey(caller, key, fingerprint)
