"""The load generator of `make bench-credit`: POST requests by concurrent clients, flat out or paced, each client
sending its share one at a time, with every latency, the rate answered and each answer's body."""

import asyncio
import time
from dataclasses import dataclass
from typing import Any

import aiohttp


@dataclass(frozen=True)
class Phase:
    """What one phase measured: latencies (s), requests answered a second, and the answers' bodies."""

    latencies: list[float]
    rate: float
    answers: list[dict[str, Any]]


async def posted(url: str, headers: dict[str, str], calls: list[tuple[str, dict[str, Any]]], clients: int,
                 status: int, rate: float | None = None) -> Phase:
    """The calls (path, body) sent by `clients` clients, client k taking calls k, k + clients, …; flat out, or
    offered at `rate` a second with each latency timed from when the request was due (a slow answer delaying the
    next request is counted, not hidden). Every answer must have `status`."""
    latencies: list[float] = []
    answers: list[dict[str, Any]] = []
    start = time.perf_counter() + (0.5 if rate else 0)

    async def client(first: int) -> None:
        async with aiohttp.ClientSession(base_url=url, headers=headers) as http:
            for number in range(first, len(calls), clients):
                due = start + number / rate if rate else time.perf_counter()
                await asyncio.sleep(max(due - time.perf_counter(), 0))
                path, body = calls[number]
                async with http.post(path, json=body) as answer:
                    content = await answer.read()
                latencies.append(time.perf_counter() - due)
                assert answer.status == status, content.decode()
                answers.append(await answer.json())

    await asyncio.gather(*(client(first) for first in range(clients)))
    return Phase(latencies, len(calls) / (time.perf_counter() - start), answers)
