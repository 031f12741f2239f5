"""`make bench-stats`: latency from the registry's HTTP 201 to the matching live-feed message at stats, at a
steady rate of releases. Figures, not a test.

Matching: every release goes to one commune, so the feed's k-th new value for that commune's people_managed is the
k-th registration to commit; it is paired with the k-th 201 answered (close to commit order: requests are paced).
The rebuild rate from a topic of a million events is not measured yet: rebuild is not built.
"""

import asyncio
import json
import os
import tempfile
import time
import uuid
from pathlib import Path

import aiohttp

from benchmarks.devstack_session import bench_stack, fresh_database
from tests.support.registry_service import officer_headers, release_body, running_registry, running_service

RATE = int(os.environ.get("BENCH_RATE", "200"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "15"))
COMMUNE = "00004"


async def feed_times(stats_url: str, arrivals: list[float], ready: asyncio.Event) -> None:
    """Arrival times of people_managed changes for the commune, in feed order."""
    async with aiohttp.ClientSession(headers=officer_headers()) as http, \
            http.get(f"{stats_url}/v1/feed", params={"after": "latest"}, timeout=aiohttp.ClientTimeout()) as feed:
        ready.set()
        async for line in feed.content:
            if line.startswith(b"data: "):
                change = json.loads(line[6:])
                if change["commune_code"] == COMMUNE and change["figure"] == "people_managed":
                    arrivals.append(time.perf_counter())


async def paced_registrations(registry_url: str, rate: int, seconds: int) -> list[float]:
    """Times of the 201 answers of `rate` registrations a second for `seconds` seconds."""
    answered: list[float] = []
    async with aiohttp.ClientSession(base_url=registry_url, headers=officer_headers()) as http:
        async def register() -> None:
            async with http.post("/v1/releases", json=release_body(commune_code=COMMUNE)) as response:
                await response.read()
                assert response.status == 201
                answered.append(time.perf_counter())

        start, tasks = time.perf_counter(), []
        for i in range(rate * seconds):
            await asyncio.sleep(max(start + i / rate - time.perf_counter(), 0))
            tasks.append(asyncio.create_task(register()))
        await asyncio.gather(*tasks)
    return sorted(answered)


async def measure(registry_url: str, stats_url: str) -> list[float]:
    arrivals: list[float] = []
    ready = asyncio.Event()
    reader = asyncio.create_task(feed_times(stats_url, arrivals, ready))
    await ready.wait()
    answered = await paced_registrations(registry_url, RATE, SECONDS)
    deadline = time.perf_counter() + 30
    while len(arrivals) < len(answered) and time.perf_counter() < deadline:
        await asyncio.sleep(0.1)
    reader.cancel()
    return [arrival - sent for sent, arrival in zip(answered, arrivals, strict=False)]


def main() -> None:
    with bench_stack() as endpoints, tempfile.TemporaryDirectory() as folder:
        registry_db = fresh_database(endpoints, f"bench_stats_registry_{uuid.uuid4().hex[:6]}")
        stats_db = fresh_database(endpoints, f"bench_stats_{uuid.uuid4().hex[:6]}")
        logs = Path(folder)
        with running_registry(registry_db, endpoints.kafka_bootstrap_servers, logs / "registry.log") as registry, \
                running_service("stats", stats_db, endpoints.kafka_bootstrap_servers, logs / "stats.log",
                                consumer_group=f"bench-{uuid.uuid4().hex[:6]}") as stats:
            latencies = sorted(asyncio.run(measure(registry, stats)))
    print(f"\nbench-stats: {RATE} releases/s for {SECONDS} s through the registry's HTTP API; latency from the "
          f"201 to the live-feed message at stats ({len(latencies):,} matched)\n")
    print("| measure | value |\n|---|---:|")
    for label, share in (("p50", 0.5), ("p99", 0.99), ("max", 1.0)):
        print(f"| {label} | {latencies[min(int(len(latencies) * share), len(latencies) - 1)] * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
