"""The shape every write endpoint shares: idempotency, If-Match, one transaction, ETag on the answer."""

import uuid
from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import JSONResponse

from hoanhap.auth import Principal
from hoanhap_registry.api.idempotency import forget_requests_about, idempotency_key
from hoanhap_registry.application import Registry
from hoanhap_registry.domain.commands import Command, EraseIdentity


def registry_of(request: Request) -> Registry:
    """The registry the app's lifespan built."""
    registry: Registry = request.app.state.registry
    return registry


def expected_version(request: Request) -> int | None:
    """The version named by If-Match (the ETag a read returned), if any."""
    header = request.headers.get("if-match")
    if header is None:
        return None
    value = header.strip().removeprefix("W/").strip('"')
    if not value.isdigit():
        raise HTTPException(422, [{"loc": ["header", "If-Match"], "type": "value_error",
                                   "msg": f"If-Match {header!r} is not a case version such as \"3\""}])
    return int(value)


async def change_case(request: Request, person_id: uuid.UUID, command: Command, principal: Principal,
                      extra: dict[str, Any] | None = None) -> JSONResponse:
    """Apply the command to the case once, however often the request is retried with its Idempotency-Key."""
    registry = registry_of(request)
    key = await idempotency_key(request, principal)
    async with registry.pool.acquire() as connection, connection.transaction():
        if key and (earlier := await key.earlier_answer(connection)):
            return earlier
        _, version = await registry.change(connection, person_id, command, principal, expected_version(request))
        if isinstance(command, EraseIdentity):
            await forget_requests_about(connection, person_id)
        body = {"person_id": str(person_id), "version": version, **(extra or {})}
        if key:
            await key.remember(connection, 200, body)
    return JSONResponse(body, 200, headers={"ETag": f'"{version}"'})
