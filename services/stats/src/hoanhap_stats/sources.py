"""Which topic feeds which projection: stats' three sources, each a tracked consumer named after the consumer group."""

import asyncpg
from aiokafka import AIOKafkaProducer

from hoanhap.consumers import TrackedConsumer
from hoanhap.contracts import CREDIT_TOPIC, REGISTRY_TOPIC, SUPERVISION_TOPIC
from hoanhap_stats.credit.projection import project_credit_events
from hoanhap_stats.projecting.tracked_consumers import Projection, tracked_consumer
from hoanhap_stats.registry.projection import project_registry_events
from hoanhap_stats.supervision.projection import project_supervision_events

PROJECTIONS = (
    Projection("registry", REGISTRY_TOPIC, project_registry_events),
    Projection("supervision", SUPERVISION_TOPIC, project_supervision_events),
    Projection("credit", CREDIT_TOPIC, project_credit_events),
)


def tracked_consumers(consumer_group: str, pool: asyncpg.Pool, producer: AIOKafkaProducer) -> list[TrackedConsumer]:
    """One tracked consumer per projected topic, writing through the pool."""
    return [tracked_consumer(consumer_group, projection, pool, producer) for projection in PROJECTIONS]
