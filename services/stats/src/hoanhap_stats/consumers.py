"""Which topic feeds which projection: one tracked consumer per topic, named after the consumer group."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial

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
    handle: Callable[..., Awaitable[None]]
    """Applies a batch (see Handler); with ``replaying=True``, into a fresh schema, leaving the live feed alone."""


PROJECTIONS = (
    Projection("registry", REGISTRY_TOPIC, project_registry_events),
    Projection("supervision", SUPERVISION_TOPIC, project_supervision_events),
    Projection("credit", CREDIT_TOPIC, project_credit_events),
)


def tracked_consumers(consumer_group: str, pool: asyncpg.Pool, producer: AIOKafkaProducer) -> list[TrackedConsumer]:
    """One tracked consumer per projected topic, writing through the pool."""
    return [tracked_consumer(consumer_group, projection, pool, producer) for projection in PROJECTIONS]


def tracked_consumer(consumer_group: str, projection: Projection, pool: asyncpg.Pool, producer: AIOKafkaProducer,
                     replaying: bool = False) -> TrackedConsumer:
    """The projection's tracked consumer; a replay's keeps the live one's name, so the tracking rows carry over."""
    handle: Handler = partial(projection.handle, replaying=replaying)
    return TrackedConsumer(consumer_name(consumer_group, projection), [projection.topic], handle, pool, producer)


def consumer_name(consumer_group: str, projection: Projection) -> str:
    """The tracking name of the projection's consumer, e.g. "stats-registry"."""
    return f"{consumer_group}-{projection.source}"
