"""A projection as a tracked consumer: one per topic, named after the consumer group and the source."""

from dataclasses import dataclass
from functools import partial

import asyncpg
from aiokafka import AIOKafkaProducer

from hoanhap.consumers import Handler, TrackedConsumer
from hoanhap_stats.projecting.batch import BatchProjection


@dataclass(frozen=True, slots=True)
class Projection:
    """A source, its topic and the handler that projects its events into the read models."""

    source: str
    topic: str
    handle: BatchProjection
    """Applies a batch (see Handler); with ``replaying=True``, into a fresh schema, leaving the live feed alone."""


def tracked_consumer(consumer_group: str, projection: Projection, pool: asyncpg.Pool, producer: AIOKafkaProducer,
                     replaying: bool = False) -> TrackedConsumer:
    """The projection's tracked consumer; a replay's keeps the live one's name, so the tracking rows carry over."""
    handle: Handler = partial(projection.handle, replaying=replaying)
    return TrackedConsumer(consumer_name(consumer_group, projection), [projection.topic], handle, pool, producer)


def consumer_name(consumer_group: str, projection: Projection) -> str:
    """The tracking name of the projection's consumer, e.g. "stats-registry"."""
    return f"{consumer_group}-{projection.source}"
