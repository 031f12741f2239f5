"""What integration tests of every part share: a fresh topic per test on the session's Kafka broker."""

import uuid

import pytest
from aiokafka.admin import AIOKafkaAdminClient, NewTopic


@pytest.fixture
async def topic(kafka_bootstrap_servers: str) -> str:
    """A new topic with three partitions."""
    name = f"integration-{uuid.uuid4().hex[:12]}"
    admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap_servers)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(name, num_partitions=3, replication_factor=1)])
    finally:
        await admin.close()
    return name
