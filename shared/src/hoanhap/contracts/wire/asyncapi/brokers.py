"""One FastStream Kafka broker per service, declaring what it publishes and what it consumes.

These brokers exist to be documented, never connected: each service declares its own working
publishers and subscribers, using the topics and models of these contracts.
"""

import functools
import operator
from collections.abc import Awaitable, Callable

from faststream.kafka import KafkaBroker

from hoanhap.contracts.services import Service
from hoanhap.contracts.versions.catalogue import EventCatalogue, EventClass
from hoanhap.contracts.wire.routing import CONSUMED_TOPICS, emitting_service, topic_of

DOCUMENTED_BOOTSTRAP_SERVERS = "kafka:9092"
"""The broker address the documents show; every deployment configures its own."""


def documenting_broker(service: Service, catalogue: EventCatalogue) -> KafkaBroker:
    """A broker with a publisher per event `service` emits and a subscriber per topic it consumes."""
    broker = KafkaBroker(
        DOCUMENTED_BOOTSTRAP_SERVERS,
        description="The Kafka cluster the agencies of one province (or the nation) share",
    )
    for event in catalogue.current_events(service):
        broker.publisher(
            topic_of(event),
            title=f"{topic_of(event)}:{event.event_name()}",
            description=summary_of(event),
            schema=event,
        )
    for topic in CONSUMED_TOPICS[service]:
        emitter = emitting_service(topic)
        subscriber = broker.subscriber(
            topic,
            group_id=f"hoanhap-{service}",
            title=f"{topic}:{service}",
            description=f"{service} keeps its own read model of the events {emitter} publishes",
        )
        subscriber(payload_declaration(catalogue.current_events(emitter)))
    return broker


def payload_declaration(events: tuple[EventClass, ...]) -> Callable[..., Awaitable[None]]:
    """A handler whose only job is to declare, by its annotation, which events a subscriber receives."""

    async def receive(event: object) -> None:
        """Never called: the consuming service registers its own handler for these events."""

    receive.__annotations__ = {"event": functools.reduce(operator.or_, events), "return": None}
    return receive


def summary_of(event: EventClass) -> str:
    """The first line of the event's docstring."""
    return (event.__doc__ or event.event_name()).strip().splitlines()[0]
