"""The event store's advisory locks: appends take positions one at a time; one process at a time takes a checkpoint."""

from hoanhap.postgres.advisory_locks import advisory_lock_key

APPEND_LOCK = advisory_lock_key("hoanhap.eventstore.append")
CHECKPOINT_LOCK = advisory_lock_key("hoanhap.eventstore.checkpoint")
