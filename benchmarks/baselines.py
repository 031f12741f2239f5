"""Reference rates on the same machine and servers: what the raw drivers and the eventsourcing library achieve."""

import asyncio
import json
import time
import uuid
from urllib.parse import urlparse

import asyncpg
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

PAYLOAD = {"person_id": "00000000-0000-0000-0000-000000000000", "province_code": "01",
           "commune_code": "00004", "release_type": "completed_sentence", "release_date": "2026-01-15",
           "birth_year": 1990, "sex": "male", "offence_articles": ["173"], "sentence_months": 24}


def event_payload_bytes() -> bytes:
    """One realistic event payload as JSON bytes."""
    return json.dumps(PAYLOAD).encode()


async def copy_rows_per_second(database_url: str, count: int) -> float:
    """asyncpg copy_records_to_table into an events-shaped table: the ceiling for bulk inserts."""
    connection = await asyncpg.connect(database_url)
    try:
        await connection.execute(
            "CREATE TABLE IF NOT EXISTS baseline_copy (stream_id text, stream_version int, event_id uuid, "
            "type text, payload jsonb, PRIMARY KEY (stream_id, stream_version))")
        await connection.execute("TRUNCATE baseline_copy")
        payload = json.dumps(PAYLOAD)
        await connection.set_type_codec("jsonb", schema="pg_catalog", format="binary",  # COPY is binary
                                        encoder=lambda text: b"\x01" + text.encode(), decoder=bytes)
        records = [(f"person-{i // 10}", i % 10 + 1, uuid.uuid4(), "ReleaseRegistered", payload)
                   for i in range(count)]
        started = time.perf_counter()
        await connection.copy_records_to_table("baseline_copy", records=records)
        return count / (time.perf_counter() - started)
    finally:
        await connection.close()


async def kafka_produce_per_second(bootstrap_servers: str, topic: str, count: int) -> float:
    """Raw aiokafka, idempotent, acks=all, keyed: how fast the broker takes messages."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap_servers, enable_idempotence=True, acks="all",
                                linger_ms=5, max_batch_size=256 * 1024)
    await producer.start()
    value = event_payload_bytes()
    try:
        started = time.perf_counter()
        futures = [await producer.send(topic, value, key=f"person-{i % 1000}".encode()) for i in range(count)]
        await asyncio.gather(*futures)
        return count / (time.perf_counter() - started)
    finally:
        await producer.stop()


async def kafka_consume_per_second(bootstrap_servers: str, topic: str, count: int) -> float:
    """Raw aiokafka consumer in a new group reading the topic from the start."""
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap_servers, group_id=f"bench-{uuid.uuid4()}",
                                auto_offset_reset="earliest", enable_auto_commit=False)
    await consumer.start()
    try:
        received = 0
        started = None
        while received < count:
            batches = await consumer.getmany(timeout_ms=1000, max_records=5000)
            if started is None and batches:
                started = time.perf_counter()
            received += sum(len(records) for records in batches.values())
        await consumer.commit()
        return count / (time.perf_counter() - (started or time.perf_counter()))
    finally:
        await consumer.stop()


def eventsourcing_appends_per_second(database_url: str, count: int, batch: int) -> float:
    """The eventsourcing library's PostgreSQL application recorder appending the same payloads."""
    from eventsourcing.persistence import StoredEvent
    from eventsourcing.postgres import PostgresApplicationRecorder, PostgresDatastore

    url = urlparse(database_url)
    datastore = PostgresDatastore(dbname=url.path.lstrip("/"), host=url.hostname or "127.0.0.1",
                                  port=url.port or 5432, user=url.username or "", password=url.password or "",
                                  pool_size=2)
    recorder = PostgresApplicationRecorder(datastore, events_table_name=f"es_events_{batch}")
    recorder.create_table()
    state = event_payload_bytes()
    try:
        started = time.perf_counter()
        for offset in range(0, count, batch):
            stream = uuid.uuid4()
            recorder.insert_events([StoredEvent(stream, version, "ReleaseRegistered", state)
                                    for version in range(1, min(batch, count - offset) + 1)])
        return count / (time.perf_counter() - started)
    finally:
        datastore.close()
