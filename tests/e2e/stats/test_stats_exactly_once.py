"""kill -9 of the stats service mid-stream, then a restart: its read models equal an uninterrupted run's."""

import asyncio
import time
import uuid
from pathlib import Path

import asyncpg
import httpx

from hoanhap.contracts import REGISTRY_TOPIC
from hoanhap_devstack.databases import create_database
from tests.support.services import new_citizen_id, officer_headers, running_registry, running_service
from tests.support.spreadsheets import GOOD_ROW, csv_file, table

ROWS = 5_000
READ_MODELS = ("SELECT * FROM releases ORDER BY person_id", "SELECT * FROM reoffences ORDER BY reoffence_id")


async def query(database_url: str, sql: str) -> list:
    connection = await asyncpg.connect(database_url, server_settings={"search_path": "stats"})
    try:
        return [tuple(row) for row in await connection.fetch(sql)]
    except asyncpg.UndefinedTableError:
        return []
    finally:
        await connection.close()


def processed(database_url: str) -> int:
    rows = asyncio.run(query(database_url, f"SELECT coalesce(sum(next_offset), 0) FROM consumer_offsets "
                                           f"WHERE topic = '{REGISTRY_TOPIC}'"))
    return int(rows[0][0]) if rows else 0


def import_releases(registry: httpx.Client) -> None:
    rows = [{**GOOD_ROW, "citizen_id": new_citizen_id(), "commune_code": "00160"} for _ in range(ROWS)]
    started = registry.post("/v1/imports", params={"filename": "kill.csv"}, content=csv_file(table(rows)),
                            headers=officer_headers())
    while registry.get(started.headers["Location"], params={"rows": "none"},
                       headers=officer_headers()).json()["status"] == "running":
        time.sleep(0.5)


def settled(urls: list[str], seconds: float = 3.0, timeout: float = 120) -> None:
    """Wait until every stats database has processed the same offsets, unchanged for `seconds`."""
    deadline, last, since = time.monotonic() + timeout, None, time.monotonic()
    while time.monotonic() < deadline:
        now = [processed(url) for url in urls]
        if now != last:
            last, since = now, time.monotonic()
        elif len(set(now)) == 1 and now[0] > 0 and time.monotonic() - since > seconds:
            return
        time.sleep(0.3)
    raise AssertionError(f"stats never settled: {last}")


def test_stats_killed_mid_stream_ends_with_the_same_read_models_as_an_uninterrupted_run(
        endpoints, kafka_bootstrap_servers, tmp_path: Path):
    registry_db, killed_db, steady_db = (asyncio.run(create_database(endpoints, f"once_{name}_{uuid.uuid4().hex[:6]}"))
                                         for name in ("registry", "killed", "steady"))
    with running_registry(registry_db, kafka_bootstrap_servers, tmp_path / "registry.log") as url, \
            httpx.Client(base_url=url, timeout=60) as registry:
        import_releases(registry)

        killed, steady = (f"killed-{uuid.uuid4().hex[:6]}", f"steady-{uuid.uuid4().hex[:6]}")  # separate groups
        with running_service("stats", killed_db, kafka_bootstrap_servers, tmp_path / "killed.log",
                             kill_on_exit=True, consumer_group=killed):
            while processed(killed_db) == 0:
                time.sleep(0.01)
        killed_at = processed(killed_db)
        with running_service("stats", killed_db, kafka_bootstrap_servers, tmp_path / "restarted.log",
                             consumer_group=killed), \
                running_service("stats", steady_db, kafka_bootstrap_servers, tmp_path / "steady.log",
                                consumer_group=steady):
            settled([killed_db, steady_db])

    print(f"killed after {killed_at:,} of {processed(steady_db):,} offsets")
    assert killed_at < processed(steady_db), "the kill came before the stream was fully processed"
    for sql in READ_MODELS:
        assert asyncio.run(query(killed_db, sql)) == asyncio.run(query(steady_db, sql))
    assert len(asyncio.run(query(steady_db, READ_MODELS[0]))) >= ROWS
