"""The event store's own tables, as numbered SQL files applied by ``hoanhap.postgres.migration_runner``."""
