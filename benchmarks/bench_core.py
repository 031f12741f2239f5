"""`make bench-core`: the event-sourcing core against its baselines, in one process, on this machine.

Prints events/s for each of ours and its baseline, and the ratio. Figures, not a test: nothing here fails.
"""

import asyncio
import os
import platform
import uuid

from benchmarks import baselines, core_measures
from benchmarks.devstack_session import bench_stack, fresh_database

SINGLE_APPENDS = int(os.environ.get("BENCH_SINGLE_APPENDS", "5000"))
BATCHED_EVENTS = int(os.environ.get("BENCH_BATCHED_EVENTS", "100000"))
WRITERS = int(os.environ.get("BENCH_WRITERS", "8"))


def row(name: str, ours: float, baseline_name: str, baseline: float) -> str:
    """One line of the results table."""
    return f"| {name} | {ours:,.0f} | {baseline_name} | {baseline:,.0f} | {ours / baseline:.2f} |"


async def measure(database_url: str, baseline_url: str, bootstrap: str) -> list[str]:
    pool = await core_measures.open_pool(database_url)
    topic = f"bench-{uuid.uuid4().hex[:8]}"
    try:
        single = await core_measures.single_event_appends_per_second(pool, SINGLE_APPENDS, WRITERS)
        single_seq = await core_measures.single_event_appends_per_second(pool, SINGLE_APPENDS // 5, 1)
        batched = await core_measures.batched_appends_per_second(pool, BATCHED_EVENTS, 100, WRITERS)
        relay, published = await core_measures.relay_events_per_second(pool, bootstrap, topic)
        consumer = await core_measures.tracked_consumer_events_per_second(pool, bootstrap, topic, published)
    finally:
        await pool.close()
    es_single = await asyncio.to_thread(baselines.eventsourcing_appends_per_second, baseline_url,
                                        SINGLE_APPENDS // 5, 1)
    es_batched = await asyncio.to_thread(baselines.eventsourcing_appends_per_second, baseline_url,
                                         BATCHED_EVENTS, 100)
    copy = await baselines.copy_rows_per_second(baseline_url, BATCHED_EVENTS)
    produce = await baselines.kafka_produce_per_second(bootstrap, f"{topic}-raw", published)
    consume = await baselines.kafka_consume_per_second(bootstrap, f"{topic}-raw", published)
    return [
        "| measure | ours (events/s) | baseline | baseline (/s) | ratio |",
        "|---|---:|---|---:|---:|",
        row("append, 1 event per transaction, 1 writer", single_seq, "eventsourcing, 1 event", es_single),
        row(f"append, 1 event per transaction, {WRITERS} writers", single, "eventsourcing, 1 event", es_single),
        row(f"append, 100-event batches, {WRITERS} writers", batched, "eventsourcing, 100-event batches", es_batched),
        row(f"append, 100-event batches, {WRITERS} writers", batched, "asyncpg copy_records_to_table", copy),
        row(f"relay to Kafka ({published:,} events)", relay, "raw aiokafka produce (idempotent, acks=all)", produce),
        row("tracked consumer (one row per event)", consumer, "raw aiokafka consume", consume),
    ]


def machine() -> str:
    """One line describing where the figures come from."""
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{os.cpu_count()} cores, {memory:.0f} GiB, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}; Kafka and PostgreSQL from the devstack on the same machine")


def main() -> None:
    with bench_stack() as endpoints:
        ours = fresh_database(endpoints, f"bench_core_{uuid.uuid4().hex[:6]}")
        theirs = fresh_database(endpoints, f"bench_baseline_{uuid.uuid4().hex[:6]}")
        lines = asyncio.run(measure(ours, theirs, endpoints.kafka_bootstrap_servers))
    print(f"\nbench-core on {machine()}\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
