"""Auditing a whole event store: signed checkpoints of the global chain, kept outside the database too, and the
``verify`` and ``checkpoint`` commands every service with an event store exposes (``audit.cli``)."""

from hoanhap.eventstore.audit.checkpoint import ChainTip, Checkpoint

__all__ = ["ChainTip", "Checkpoint"]
