"""`make bench-registry`: releases registered over HTTP by 32 concurrent clients, and the bulk import rate.

Two measures of the same service: as fast as the 32 clients can go (the most it answers; latency there is
queueing, 32 divided by the rate), and at a steady 500 requests a second offered by the 32 clients (latency at
the target load, timed from when each request was due).

Everything runs on this machine: Kafka, PostgreSQL, the registry service (one process, its relay included)
and the load generator. Figures, not a test.
"""

import asyncio
import os
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import aiohttp

from benchmarks.devstack_session import bench_stack, fresh_database
from tests.support.services import officer_headers, release_body, running_registry

CLIENTS = int(os.environ.get("BENCH_CLIENTS", "32"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "6000"))
WORKERS = int(os.environ.get("BENCH_HTTP_WORKERS", "1"))
WARM_UP = 300
IMPORT_ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "10000"))
PACED_RATE = int(os.environ.get("BENCH_PACED_RATE", "500"))
PACED_SECONDS = int(os.environ.get("BENCH_PACED_SECONDS", "10"))


async def register_many(url: str, count: int, clients: int) -> tuple[list[float], float]:
    """Latencies (s) of `count` registrations sent by `clients` concurrent clients, and the elapsed time."""
    headers = officer_headers()
    bodies = [release_body(full_name=f"Người {i}") for i in range(count)]
    latencies: list[float] = []

    async def client(share: list[dict]) -> None:
        async with aiohttp.ClientSession(base_url=url, headers=headers) as http:
            for body in share:
                started = time.perf_counter()
                async with http.post("/v1/releases", json=body) as response:
                    await response.read()
                latencies.append(time.perf_counter() - started)
                assert response.status == 201, await response.text()

    started = time.perf_counter()
    await asyncio.gather(*(client(bodies[i::clients]) for i in range(clients)))
    return latencies, time.perf_counter() - started


async def register_paced(url: str, rate: int, seconds: int, clients: int) -> tuple[list[float], float]:
    """Latencies (s) of registrations offered at `rate` a second for `seconds` by `clients` concurrent clients,
    each request timed from when it was due (so a slow answer delaying the next request is counted, not hidden),
    and the rate actually answered."""
    headers = officer_headers()
    count = rate * seconds
    bodies = [release_body(full_name=f"Người {i}") for i in range(count)]
    latencies: list[float] = []
    start = time.perf_counter() + 0.5

    async def client(first: int) -> None:
        async with aiohttp.ClientSession(base_url=url, headers=headers) as http:
            for number in range(first, count, clients):
                due = start + number / rate
                await asyncio.sleep(max(due - time.perf_counter(), 0))
                async with http.post("/v1/releases", json=bodies[number]) as response:
                    await response.read()
                latencies.append(time.perf_counter() - due)
                assert response.status == 201, await response.text()

    await asyncio.gather(*(client(first) for first in range(clients)))
    return latencies, count / (time.perf_counter() - start)


def import_rows_per_second(url: str, rows: int) -> tuple[float, dict]:
    """Upload an XLSX list of `rows` releases and wait until every row is answered."""
    import httpx

    from tests.support.services import new_citizen_id
    from tests.support.spreadsheets import GOOD_ROW, table, xlsx_file

    content = xlsx_file(table([{**GOOD_ROW, "citizen_id": new_citizen_id()} for _ in range(rows)]))
    with httpx.Client(base_url=url, headers=officer_headers(), timeout=120) as http:
        started = time.perf_counter()
        location = http.post("/v1/imports", params={"filename": "bench.xlsx"}, content=content).headers["Location"]
        while (report := http.get(location, params={"rows": "none"}).json())["status"] == "running":
            time.sleep(0.1)
        return rows / (time.perf_counter() - started), report


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the values fall."""
    ordered = sorted(values)
    return ordered[min(int(len(ordered) * share), len(ordered) - 1)]


def main() -> None:
    with bench_stack() as endpoints, tempfile.TemporaryDirectory() as folder:
        database = fresh_database(endpoints, f"bench_registry_{uuid.uuid4().hex[:6]}")
        log = Path(folder) / "registry.log"
        with running_registry(database, endpoints.kafka_bootstrap_servers, log, WORKERS) as url:
            asyncio.run(register_many(url, WARM_UP, CLIENTS))
            latencies, elapsed = asyncio.run(register_many(url, REQUESTS, CLIENTS))
            paced, answered_rate = asyncio.run(register_paced(url, PACED_RATE, PACED_SECONDS, CLIENTS))
            import_rate, report = import_rows_per_second(url, IMPORT_ROWS)
    print(f"\nbench-registry: {REQUESTS:,} releases registered over HTTP by {CLIENTS} concurrent clients, "
          f"registry with {WORKERS} HTTP worker processes ({os.cpu_count()} cores shared by Kafka, PostgreSQL, "
          "the service and the load generator)\n")
    print("| measure | value |\n|---|---:|")
    print(f"| requests/s | {REQUESTS / elapsed:,.0f} |")
    print(f"| p50 latency | {percentile(latencies, 0.50) * 1000:.1f} ms |")
    print(f"| p99 latency | {percentile(latencies, 0.99) * 1000:.1f} ms |")
    print(f"| mean latency | {statistics.mean(latencies) * 1000:.1f} ms |")
    print(f"| paced: {PACED_RATE} requests/s offered for {PACED_SECONDS} s by {CLIENTS} clients, answered | "
          f"{answered_rate:,.0f}/s |")
    print(f"| paced: p50 latency from when each request was due | {percentile(paced, 0.50) * 1000:.1f} ms |")
    print(f"| paced: p99 latency from when each request was due | {percentile(paced, 0.99) * 1000:.1f} ms |")
    print(f"| bulk import of a {IMPORT_ROWS:,}-row XLSX (upload to last row answered) | {import_rate:,.0f} rows/s |")
    print(f"\nimport: {report['registered']:,} registered, {report['rejected']:,} rejected, status {report['status']}")


if __name__ == "__main__":
    main()
