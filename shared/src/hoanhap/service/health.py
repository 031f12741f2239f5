"""Liveness and readiness: ready means the service's database and the Kafka broker both answer, none of its
tracked consumers has stopped on a batch it could not settle (it then needs a restart, after the cause is fixed) or
has been retrying a transient failure for longer than its grace (30 s: ``hoanhap.consumers.waiting``), and its relay
holds back no event it could not publish (an operator retries or sets it aside)."""

import asyncio
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from hoanhap.service.runtime import Runtime

CHECK_TIMEOUT = 2.0

HELD_SUMMARY = """
SELECT DISTINCT ON (relay) relay, position, event_type, reason, count(*) OVER (PARTITION BY relay) AS held
FROM relay_held WHERE relay = ANY($1::text[]) AND outcome IS NULL ORDER BY relay, position
"""

router = APIRouter(prefix="/health", tags=["health"])
READINESS = {"type": "object", "required": ["status", "checks"], "properties": {
    "status": {"type": "string", "enum": ["ready", "not ready"]},
    "checks": {"type": "object", "additionalProperties": {"type": "string"},
               "description": "database, broker and consumers: ok, or what is wrong"}}}
NOT_READY: dict[int | str, dict[str, Any]] = {
    503: {"description": "something the service needs does not work; checks says what",
          "content": {"application/json": {"schema": READINESS}}}}


@router.get("/live")
async def live() -> dict[str, str]:
    """The process serves requests."""
    return {"status": "alive"}


@router.get("/ready", responses=NOT_READY)
async def ready(request: Request) -> JSONResponse:
    """200 when the database and the broker answer within the timeout and every consumer works, else 503 naming
    what failed."""
    runtime: Runtime = request.app.state.runtime
    database, broker = await asyncio.gather(database_answers(runtime), broker_answers(runtime))
    troubled = troubled_consumers(runtime)
    held = await held_events(runtime) if database and runtime.relays else []
    checks = {"database": "ok" if database else "unreachable", "broker": "ok" if broker else "unreachable",
              "consumers": "ok" if not troubled else "; ".join(troubled)}
    if runtime.relays:
        checks["relay"] = "ok" if not held else "; ".join(held)
    status = 200 if database and broker and not troubled and not held else 503
    return JSONResponse({"status": "ready" if status == 200 else "not ready", "checks": checks}, status)


async def database_answers(runtime: Runtime) -> bool:
    """True when the pool hands out a connection that answers a query in time."""
    try:
        async with asyncio.timeout(CHECK_TIMEOUT):
            return bool(await runtime.pool.fetchval("SELECT 1"))
    except Exception:  # noqa: BLE001 - any failure means "not ready"
        return False


async def broker_answers(runtime: Runtime) -> bool:
    """True when the Kafka cluster answers a describe-cluster request in time."""
    try:
        return await runtime.broker.ping(timeout=CHECK_TIMEOUT)
    except Exception:  # noqa: BLE001 - any failure means "not ready"
        return False


async def held_events(runtime: Runtime) -> list[str]:
    """Each relay's first event held back because it cannot be mapped, with why and how many wait behind it."""
    try:
        async with asyncio.timeout(CHECK_TIMEOUT), runtime.pool.acquire() as connection:
            rows = await connection.fetch(HELD_SUMMARY, runtime.relays)
    except Exception:  # noqa: BLE001 - the database check reports an unreachable database
        return []
    return [f"relay {row['relay']} holds {row['held']} event(s): position {row['position']} ({row['event_type']}) "
            f"{row['reason']}; see `python -m hoanhap.relay.held_cli list`" for row in rows]


def troubled_consumers(runtime: Runtime) -> list[str]:
    """Each consumer that stopped or keeps retrying, by name, with the type of error (never its text, which may
    quote the data)."""
    return [f"{consumer.name} {trouble}" for consumer in runtime.consumers if (trouble := consumer.trouble)]
