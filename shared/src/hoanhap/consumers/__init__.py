"""Tracked consumers: Kafka messages applied to a service's own tables exactly once, with a dead-letter topic."""

from hoanhap.consumers.consumer import Handler, TrackedConsumer
from hoanhap.consumers.dead_letters import dead_letter_topic
from hoanhap.consumers.replay import replay_dead_letters
from hoanhap.consumers.schema import install_consumer_schema
from hoanhap.consumers.subscription import subscribe

__all__ = ["Handler", "TrackedConsumer", "dead_letter_topic", "install_consumer_schema", "replay_dead_letters",
           "subscribe"]
