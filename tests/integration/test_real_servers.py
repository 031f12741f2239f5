"""The integration level talks to the real broker and the real database, not to fakes."""

import uuid

import asyncpg
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic


async def test_message_produced_to_kafka_is_read_back_by_a_new_consumer_group(kafka_bootstrap_servers):
    topic = f"roundtrip-{uuid.uuid4().hex}"
    admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap_servers)
    await admin.start()
    await admin.create_topics([NewTopic(topic, num_partitions=1, replication_factor=1)])
    await admin.close()
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap_servers, enable_idempotence=True, acks="all")
    await producer.start()
    sent = [f"message {i}".encode() for i in range(5)]
    for value in sent:
        await producer.send_and_wait(topic, value, key=b"person-1")
    await producer.stop()

    consumer = AIOKafkaConsumer(topic, bootstrap_servers=kafka_bootstrap_servers,
                                group_id=f"group-{uuid.uuid4().hex}", auto_offset_reset="earliest",
                                enable_auto_commit=False)
    await consumer.start()
    try:
        batches = await consumer.getmany(timeout_ms=10_000, max_records=10)
        received = [record for records in batches.values() for record in records]
        await consumer.commit()
    finally:
        await consumer.stop()

    assert [record.value for record in received] == sent
    assert {record.key for record in received} == {b"person-1"}


async def test_rows_round_trip_through_asyncpg_on_the_real_server(database_url):
    connection = await asyncpg.connect(database_url)
    try:
        await connection.execute("CREATE TABLE loans (id uuid PRIMARY KEY, amount_vnd bigint NOT NULL)")
        rows = [(uuid.uuid4(), 30_000_000), (uuid.uuid4(), 100_000_000)]
        await connection.executemany("INSERT INTO loans VALUES ($1, $2)", rows)
        stored = await connection.fetch("SELECT id, amount_vnd FROM loans ORDER BY amount_vnd")
        server_version = await connection.fetchval("SHOW server_version")
    finally:
        await connection.close()

    assert [(row["id"], row["amount_vnd"]) for row in stored] == rows
    assert server_version
