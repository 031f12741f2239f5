"""`make bench-stats`: latency from the registry's HTTP 201 to the matching live-feed message at stats, at a
steady rate of releases; what disclosure control costs a figure; the rebuild rate. Figures, not a test.

Disclosure: BENCH_PUBLIC_RELEASES releases of a closed year spread over Hà Nội's communes, then the same province
figures asked BENCH_FIGURE_REQUESTS times each as the public (a province table with complementary suppression) and
with the province's steering-committee token (exact, one query).

Matching: every release goes to one commune, so the feed's k-th new value for that commune's people_managed is the
k-th registration to commit; it is paired with the k-th 201 answered (close to commit order: requests are paced).
Rebuild rate: a topic of BENCH_REBUILD_EVENTS registry events (default one million; releases with their later
moves, reoffences and closures) replayed from offset 0 by the stats projection into a fresh schema, in as many
processes as a rebuild runs by default (BENCH_REPLAY_PROCESSES to try others); the time includes starting them.
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
from hoanhap.auth import Agency, Jurisdiction, Principal, Role
from hoanhap_stats.figures.place_tables import communes_of
from hoanhap_stats.settings import StatsSettings
from tests.support.services import bearer_headers, officer_headers, release_body, running_registry, running_service

RATE = int(os.environ.get("BENCH_RATE", "200"))
PUBLIC_RELEASES = int(os.environ.get("BENCH_PUBLIC_RELEASES", "2000"))
FIGURE_REQUESTS = int(os.environ.get("BENCH_FIGURE_REQUESTS", "30"))
CLOSED_YEAR = 2025
FIGURES = ("/v1/releases", "/v1/recidivism/cohort", "/v1/recidivism/period")
REBUILD_EVENTS = int(os.environ.get("BENCH_REBUILD_EVENTS", "1000000"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "15"))
COMMUNE = "00004"
DEFAULT_PROCESSES = StatsSettings.model_fields["rebuild_processes"].default
REPLAY_PROCESSES = int(os.environ.get("BENCH_REPLAY_PROCESSES", DEFAULT_PROCESSES))


async def feed_times(stats_url: str, arrivals: list[float], ready: asyncio.Event) -> None:
    """Arrival times of people_managed changes for the commune, in feed order."""
    async with aiohttp.ClientSession(headers=officer_headers()) as http, \
            http.get(f"{stats_url}/v1/jurisdiction/feed", params={"after": "latest"},
                     timeout=aiohttp.ClientTimeout()) as feed:
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


async def fill_topic(bootstrap: str, events: int) -> str:
    """A new topic holding `events` registry events as the relay publishes them: a realistic mix of releases,
    moves, reoffences and closures, each person's events in order under their key."""
    from aiokafka import AIOKafkaProducer

    from benchmarks.registry_history import registry_history
    from tests.support.consuming import message_of

    topic = f"bench-rebuild-{uuid.uuid4().hex[:6]}"
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, linger_ms=5, max_batch_size=512 * 1024)
    await producer.start()
    sends = []
    for event in registry_history(events):
        message = message_of(event, topic)
        sends.append(await producer.send(topic, message.value, key=message.key, headers=message.headers))
    await asyncio.gather(*sends)
    await producer.stop()
    return topic


async def replay_rate(database_url: str, bootstrap: str, topic: str, events: int) -> float:
    """Events a second the stats projection replays from the topic, from offset 0 into a fresh schema, in the
    processes a rebuild runs (BENCH_REPLAY_PROCESSES, by default as many as a rebuild's default)."""
    from aiokafka import TopicPartition

    from hoanhap.postgres.pool import create_pool
    from hoanhap_stats.projecting.read_models import install_read_models
    from hoanhap_stats.projecting.tracked_consumers import Projection
    from hoanhap_stats.rebuild.replay import Replay, replay_until
    from hoanhap_stats.registry.projection import project_registry_events

    pool = await create_pool(database_url, max_size=1, schema="rebuild_bench")
    await install_read_models(pool, "rebuild_bench")
    replay = Replay(database_url, "rebuild_bench", bootstrap, f"bench-{topic}", REPLAY_PROCESSES,
                    projections=(Projection("registry", topic, project_registry_events),), log_level="WARNING")

    async def replayed_all(partitions: list[TopicPartition]) -> bool:
        return await pool.fetchval("SELECT coalesce(sum(next_offset), 0) FROM consumer_offsets") >= events

    started = time.perf_counter()
    await replay_until(replay, replayed_all, deadline=time.monotonic() + 3600)
    elapsed = time.perf_counter() - started
    await pool.close()
    return events / elapsed


async def closed_year_releases(registry_url: str, releases: int) -> None:
    """Releases of CLOSED_YEAR spread over Hà Nội's official communes, 16 at a time."""
    communes = communes_of("01")
    async with aiohttp.ClientSession(base_url=registry_url, headers=officer_headers()) as http:
        async def register(i: int) -> None:
            day = f"{CLOSED_YEAR}-{i % 12 + 1:02d}-{i % 28 + 1:02d}"
            body = release_body(commune_code=communes[i % len(communes)], release_date=day, notified_on=day)
            async with http.post("/v1/releases", json=body) as response:
                assert response.status == 201, await response.text()

        for start in range(0, releases, 16):
            await asyncio.gather(*(register(i) for i in range(start, min(start + 16, releases))))


async def figure_times(stats_url: str, headers: dict[str, str]) -> dict[str, list[float]]:
    """Seconds per answer of each province figure for CLOSED_YEAR, asked FIGURE_REQUESTS times in turn."""
    params = {"province_code": "01", "from": f"{CLOSED_YEAR}-01-01", "to": f"{CLOSED_YEAR}-12-31"}
    times: dict[str, list[float]] = {path: [] for path in FIGURES}
    async with aiohttp.ClientSession(base_url=stats_url, headers=headers) as http:
        for _ in range(FIGURE_REQUESTS):
            for path in FIGURES:
                started = time.perf_counter()
                async with http.get(path, params=params) as response:
                    assert response.status == 200, await response.text()
                    await response.read()
                times[path].append(time.perf_counter() - started)
    return times


async def disclosure_cost(registry_url: str, stats_url: str) -> dict[str, dict[str, list[float]]]:
    """Public and exact answer times of the province figures, once stats has projected the closed year."""
    await closed_year_releases(registry_url, PUBLIC_RELEASES)
    committee = Principal(sub="bench-committee", agency=Agency.STEERING_COMMITTEE, role=Role.ANALYST,
                          jurisdiction=Jurisdiction(province="01"))
    exact_headers = bearer_headers(committee, services=("stats",))
    deadline = time.perf_counter() + 120
    params = {"province_code": "01", "from": f"{CLOSED_YEAR}-01-01", "to": f"{CLOSED_YEAR}-12-31"}
    async with aiohttp.ClientSession(base_url=stats_url, headers=exact_headers) as http:
        while time.perf_counter() < deadline:
            async with http.get("/v1/releases", params=params) as response:
                if (await response.json())["total"] >= PUBLIC_RELEASES:
                    break
            await asyncio.sleep(0.5)
    return {"public": await figure_times(stats_url, {}), "exact": await figure_times(stats_url, exact_headers)}


def median_ms(values: list[float]) -> str:
    return f"{sorted(values)[len(values) // 2] * 1000:.1f} ms"


def main() -> None:
    with bench_stack() as endpoints, tempfile.TemporaryDirectory() as folder:
        registry_db = fresh_database(endpoints, f"bench_stats_registry_{uuid.uuid4().hex[:6]}")
        stats_db = fresh_database(endpoints, f"bench_stats_{uuid.uuid4().hex[:6]}")
        logs = Path(folder)
        with running_registry(registry_db, endpoints.kafka_bootstrap_servers, logs / "registry.log") as registry, \
                running_service("stats", stats_db, endpoints.kafka_bootstrap_servers, logs / "stats.log",
                                consumer_group=f"bench-{uuid.uuid4().hex[:6]}") as stats:
            latencies = sorted(asyncio.run(measure(registry, stats)))
            answers = asyncio.run(disclosure_cost(registry, stats))
        rebuild_db = fresh_database(endpoints, f"bench_rebuild_{uuid.uuid4().hex[:6]}")
        topic = asyncio.run(fill_topic(endpoints.kafka_bootstrap_servers, REBUILD_EVENTS))
        rebuild_rate = asyncio.run(replay_rate(rebuild_db, endpoints.kafka_bootstrap_servers, topic, REBUILD_EVENTS))
    print(f"\nbench-stats: {RATE} releases/s for {SECONDS} s through the registry's HTTP API; latency from the "
          f"201 to the live-feed message at stats ({len(latencies):,} matched)\n")
    print("| measure | value |\n|---|---:|")
    for label, share in (("p50", 0.5), ("p99", 0.99), ("max", 1.0)):
        print(f"| {label} | {latencies[min(int(len(latencies) * share), len(latencies) - 1)] * 1000:.0f} ms |")
    print(f"| rebuild replay of {REBUILD_EVENTS:,} events in {REPLAY_PROCESSES} processes | "
          f"{rebuild_rate:,.0f} events/s |")
    print(f"\nDisclosure control: Hà Nội's {CLOSED_YEAR} figures over {PUBLIC_RELEASES:,} releases in "
          f"{len(communes_of('01'))} communes, median of {FIGURE_REQUESTS} answers\n")
    print("| figure | exact (steering committee) | public, first (a query per commune) | public, again (kept "
          "PUBLIC_TABLE_SECONDS) |\n|---|---:|---:|---:|")
    for path in FIGURES:
        public = answers["public"][path]
        print(f"| {path} | {median_ms(answers['exact'][path])} | {public[0] * 1000:.1f} ms | {median_ms(public[1:])} |")


if __name__ == "__main__":
    main()
