"""The PostgreSQL toolkit every service and the event store share: the one way to open a pool, the connection
type, advisory lock keys derived from names, and the runner of numbered SQL migrations."""

from hoanhap.postgres.advisory_locks import advisory_lock_key
from hoanhap.postgres.connections import Connection, connection_of
from hoanhap.postgres.migration_files import Migration, MigrationChanged, MigrationError
from hoanhap.postgres.migration_runner import apply_migrations
from hoanhap.postgres.pool import create_pool

__all__ = [
    "Connection",
    "Migration",
    "MigrationChanged",
    "MigrationError",
    "advisory_lock_key",
    "apply_migrations",
    "connection_of",
    "create_pool",
]
