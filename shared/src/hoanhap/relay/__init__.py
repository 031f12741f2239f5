"""The relay: the event store is the outbox; committed events reach Kafka at least once, in order per key."""

from hoanhap.relay.lag import RelayLag
from hoanhap.relay.mapping import integration_message
from hoanhap.relay.relay import EventMapper, Relay, idempotent_producer
from hoanhap.relay.running import run_relay
from hoanhap.relay.schema import install_relay_schema

__all__ = ["EventMapper", "Relay", "RelayLag", "idempotent_producer", "install_relay_schema", "integration_message",
           "run_relay"]
