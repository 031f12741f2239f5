"""Which topic feeds which projection: one tracked consumer per topic, named after the consumer group."""

from dataclasses import dataclass

import asyncpg
from aiokafka import AIOKafkaProducer

from hoanhap.consumers import Handler, TrackedConsumer
from hoanhap.contracts import CREDIT_TOPIC, REGISTRY_TOPIC, SUPERVISION_TOPIC
from hoanhap_stats.credit_projection import project_credit_events
from hoanhap_stats.projections import project_registry_events
from hoanhap_stats.supervision_projection import project_supervision_events


@dataclass(frozen=True, slots=True)
class Projection:
    """A topic and the handler that projects its events into the read models."""

    source: str
    topic: str
    handle: Handler


PROJECTIONS = (
    Projection("registry", REGISTRY_TOPIC, project_registry_events),
    Projection("supervision", SUPERVISION_TOPIC, project_supervision_events),
    Projection("credit", CREDIT_TOPIC, project_credit_events),
)


def tracked_consumers(consumer_group: str, pool: asyncpg.Pool, producer: AIOKafkaProducer) -> list[TrackedConsumer]:
    """One tracked consumer per projected topic, writing through the pool."""
    return [TrackedConsumer(f"{consumer_group}-{projection.source}", [projection.topic], projection.handle, pool,
                            producer) for projection in PROJECTIONS]
