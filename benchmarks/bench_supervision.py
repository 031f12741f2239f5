"""`make bench-supervision`: home visits over HTTP by 32 concurrent clients, offline sync, and a commune's caseload.

BENCH_PEOPLE cases (default 500) are opened in one commune the way they are in service: a release and its intake
registered in the registry, the case opened by supervision from the registry topic (awaited). Then, on those
cases:
- visits (POST /v1/people/{id}/visits): as fast as the clients can go, and at a steady BENCH_PACED_RATE a second
  with each latency timed from when the request was due; each client visits its own people, one at a time;
- offline sync (POST /v1/sync): BENCH_SYNC_OPERATIONS visits in batches of 100, from one device sending batch
  after batch, then from BENCH_SYNC_DEVICES devices at once;
- the commune's caseload (GET /v1/communes/{code}/caseload, its first page), BENCH_CASELOAD_CALLS calls in a row.

Everything runs on this machine: Kafka, PostgreSQL, the registry and supervision (one process each) and the load
generator. Figures, not a test.
"""

import asyncio
import os
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import aiohttp

from benchmarks.bench_registry import percentile
from benchmarks.devstack_session import bench_stack, fresh_database
from tests.support.services import officer_headers, release_body, running_registry
from tests.support.supervision import INTAKE, running_supervision
from tests.support.supervision_sync import batch, visit

CLIENTS = int(os.environ.get("BENCH_CLIENTS", "32"))
PEOPLE = int(os.environ.get("BENCH_PEOPLE", "500"))
VISITS = int(os.environ.get("BENCH_VISITS", "6000"))
WARM_UP = 300
PACED_RATE = int(os.environ.get("BENCH_PACED_RATE", "500"))
PACED_SECONDS = int(os.environ.get("BENCH_PACED_SECONDS", "10"))
SYNC_OPERATIONS = int(os.environ.get("BENCH_SYNC_OPERATIONS", "10000"))
SYNC_BATCH = 100
SYNC_DEVICES = int(os.environ.get("BENCH_SYNC_DEVICES", "4"))
CASELOAD_CALLS = int(os.environ.get("BENCH_CASELOAD_CALLS", "200"))
WORKERS = int(os.environ.get("BENCH_SUPERVISION_WORKERS", "1"))
COMMUNE = "00004"
VISIT = {"kind": "home_visit", "visited_on": "2026-02-10", "outcome": "met", "note": "Gặp tại nhà"}


async def opened_cases(registry_url: str, supervision_url: str, count: int) -> list[str]:
    """`count` people released into the commune with their intake recorded, once supervision has their cases."""
    people: list[str] = []

    async def client(share: int) -> None:
        async with aiohttp.ClientSession(base_url=registry_url, headers=officer_headers()) as http:
            for _ in range(share):
                async with http.post("/v1/releases", json=release_body(commune_code=COMMUNE)) as answer:
                    assert answer.status == 201, await answer.text()
                    person_id = (await answer.json())["person_id"]
                async with http.post(f"/v1/people/{person_id}/intake", json=INTAKE) as answer:
                    assert answer.status == 200, await answer.text()
                people.append(person_id)

    await asyncio.gather(*(client(len(range(i, count, CLIENTS))) for i in range(CLIENTS)))
    async with aiohttp.ClientSession(base_url=supervision_url, headers=officer_headers()) as http:
        deadline = time.monotonic() + 300
        while (await caseload(http))["total"] < count:
            assert time.monotonic() < deadline, "supervision did not open every case within 300 s"
            await asyncio.sleep(0.5)
    return people


async def caseload(http: aiohttp.ClientSession) -> dict[str, Any]:
    """The commune's caseload, first page."""
    async with http.get(f"/v1/communes/{COMMUNE}/caseload") as answer:
        assert answer.status == 200, await answer.text()
        page: dict[str, Any] = await answer.json()
        return page


async def visits(url: str, people: list[str], count: int, rate: float | None = None) -> tuple[list[float], float]:
    """Latencies (s) of `count` visits by the clients, each to its own people, and the rate answered: flat out,
    or offered at `rate` a second with each latency timed from when the request was due (a slow answer delaying
    the next request is counted, not hidden)."""
    latencies: list[float] = []
    start = time.perf_counter() + (0.5 if rate else 0)

    async def client(first: int) -> None:
        mine = people[first::CLIENTS]
        async with aiohttp.ClientSession(base_url=url, headers=officer_headers()) as http:
            for turn, number in enumerate(range(first, count, CLIENTS)):
                due = start + number / rate if rate else time.perf_counter()
                await asyncio.sleep(max(due - time.perf_counter(), 0))
                async with http.post(f"/v1/people/{mine[turn % len(mine)]}/visits", json=VISIT) as answer:
                    await answer.read()
                latencies.append(time.perf_counter() - due)
                assert answer.status == 200, await answer.text()

    await asyncio.gather(*(client(first) for first in range(CLIENTS)))
    return latencies, count / (time.perf_counter() - start)


async def synced(url: str, people: list[str], operations: int, devices: int) -> tuple[float, Counter[str]]:
    """Operations a second of `operations` offline visits sent in batches of 100 by `devices` devices at once,
    each batch after the previous one is answered; and how they were answered."""
    batches = [batch(*[visit(people[(start + n) % len(people)]) for n in range(SYNC_BATCH)])
               for start in range(0, operations, SYNC_BATCH)]
    answers: Counter[str] = Counter()

    async def device(mine: list[dict[str, Any]]) -> None:
        async with aiohttp.ClientSession(base_url=url, headers=officer_headers(),
                                         timeout=aiohttp.ClientTimeout(total=300)) as http:
            for body in mine:
                async with http.post("/v1/sync", json=body) as answer:
                    assert answer.status == 200, await answer.text()
                    answers.update(result["status"] for result in (await answer.json())["results"])

    started = time.perf_counter()
    await asyncio.gather(*(device(batches[i::devices]) for i in range(devices)))
    return operations / (time.perf_counter() - started), answers


async def caseload_latencies(url: str, calls: int) -> tuple[list[float], int]:
    """Latencies (s) of `calls` caseload calls in a row, and how many open cases the commune has."""
    latencies: list[float] = []
    async with aiohttp.ClientSession(base_url=url, headers=officer_headers()) as http:
        for _ in range(calls):
            started = time.perf_counter()
            total = (await caseload(http))["total"]
            latencies.append(time.perf_counter() - started)
    return latencies, total


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> None:
    with bench_stack() as endpoints, tempfile.TemporaryDirectory() as folder:
        kafka, suffix = endpoints.kafka_bootstrap_servers, uuid.uuid4().hex[:6]
        registry_database = fresh_database(endpoints, f"bench_registry_{suffix}")
        supervision_database = fresh_database(endpoints, f"bench_supervision_{suffix}")
        with running_registry(registry_database, kafka, Path(folder) / "registry.log") as registry_url, \
                running_supervision(supervision_database, kafka, Path(folder) / "supervision.log", WORKERS) as url:
            people = asyncio.run(opened_cases(registry_url, url, PEOPLE))
            asyncio.run(visits(url, people, WARM_UP))
            flat, flat_rate = asyncio.run(visits(url, people, VISITS))
            paced, paced_rate = asyncio.run(visits(url, people, PACED_RATE * PACED_SECONDS, PACED_RATE))
            one_device, one_answers = asyncio.run(synced(url, people, SYNC_OPERATIONS, 1))
            many_devices, many_answers = asyncio.run(synced(url, people, SYNC_OPERATIONS, SYNC_DEVICES))
            asyncio.run(caseload_latencies(url, 10))
            listing, open_cases = asyncio.run(caseload_latencies(url, CASELOAD_CALLS))
    print(f"\nbench-supervision: {PEOPLE:,} cases opened through the registry in commune {COMMUNE}; registry and "
          f"supervision one process each ({os.cpu_count()} cores shared by Kafka, PostgreSQL, the services and "
          "the load generator)\n")
    print("| measure | value |\n|---|---:|")
    print(f"| visits flat out: {VISITS:,} by {CLIENTS} clients, requests/s | {flat_rate:,.0f} |")
    print(f"| visits flat out: p50 / p99 latency | {ms(percentile(flat, 0.5))} / {ms(percentile(flat, 0.99))} |")
    print(f"| visits paced: {PACED_RATE}/s offered for {PACED_SECONDS} s by {CLIENTS} clients, answered | "
          f"{paced_rate:,.0f}/s |")
    print(f"| visits paced: p50 / p99 latency from when due | {ms(percentile(paced, 0.5))} / "
          f"{ms(percentile(paced, 0.99))} |")
    print(f"| sync: {SYNC_OPERATIONS:,} operations in batches of {SYNC_BATCH}, one device | {one_device:,.0f} "
          "operations/s |")
    print(f"| sync: the same from {SYNC_DEVICES} devices at once | {many_devices:,.0f} operations/s |")
    print(f"| caseload of {open_cases:,} open cases (first page), {CASELOAD_CALLS} calls: p50 / p99 | "
          f"{ms(percentile(listing, 0.5))} / {ms(percentile(listing, 0.99))} |")
    print(f"\nsync answers: one device {dict(one_answers)}; {SYNC_DEVICES} devices {dict(many_answers)}")


if __name__ == "__main__":
    main()
