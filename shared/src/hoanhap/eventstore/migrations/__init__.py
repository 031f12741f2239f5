"""The event store's own tables, as numbered SQL files applied by ``hoanhap.eventstore.migration_runner``."""
