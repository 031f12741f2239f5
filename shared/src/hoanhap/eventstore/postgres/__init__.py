"""The event store on PostgreSQL: the store, and the start-up call that creates or upgrades its tables."""

from hoanhap.eventstore.postgres.schema import install_event_store_schema
from hoanhap.eventstore.postgres.store import DEFAULT_CHANNEL, PostgresEventStore

__all__ = ["DEFAULT_CHANNEL", "PostgresEventStore", "install_event_store_schema"]
