"""What the community routers take from the app its lifespan built, and how they write once per Idempotency-Key."""

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse

from hoanhap.auth import Principal
from hoanhap.postgres.connections import Connection
from hoanhap.write_path.versions import etag
from hoanhap_supervision.api.supervision_state import supervision_idempotency_key
from hoanhap_supervision.application.community import Community

Write = Callable[[Connection], Awaitable[tuple[dict[str, Any], int]]]
"""A write in the request's transaction: the answer's body and the new version."""


def community_of(request: Request) -> Community:
    """The models' and outreach's use cases the app's lifespan built."""
    community: Community = request.app.state.community
    return community


async def written_once(request: Request, principal: Principal, status: int, write: Write) -> JSONResponse:
    """Write it once, however often the request is retried with its Idempotency-Key, in one transaction; the
    answer's ETag is the new version."""
    community = community_of(request)
    key = await supervision_idempotency_key(request, principal)
    async with community.supervision.pool.acquire() as connection, connection.transaction():
        if key and (earlier := await key.earlier_answer(connection)):
            return earlier
        body, version = await write(connection)
        if key:
            await key.remember(connection, status, body)
    return JSONResponse(body, status, headers={"ETag": etag(version)})
