"""Correlation and causation ids bound to structlog's context variables, per HTTP request or per Kafka message.

The correlation id follows one piece of work across services (the request that started it, every event it caused,
every message those events became); the causation id names the event or message that directly caused this work.
Everything bound here appears on every log line written inside the block, so bind ids and codes, never names or
citizen ID numbers.
"""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from structlog.contextvars import bound_contextvars, get_contextvars

CORRELATION_ID = "correlation_id"
CAUSATION_ID = "causation_id"


def new_correlation_id() -> str:
    """A fresh random correlation id."""
    return str(uuid.uuid4())


def valid_correlation_id(value: str | bytes | None) -> str | None:
    """The value as a canonical UUID string, or None when it is absent or not a UUID."""
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    try:
        return str(uuid.UUID(value)) if value else None
    except ValueError:
        return None


def current_correlation_id() -> str | None:
    """The correlation id bound for the current request or message, if any."""
    return get_contextvars().get(CORRELATION_ID)


def current_causation_id() -> str | None:
    """The causation id bound for the current message, if any."""
    return get_contextvars().get(CAUSATION_ID)


@contextmanager
def bind_request_context(correlation_id: str) -> Iterator[None]:
    """Bind an HTTP request's correlation id for the block, then restore what was bound before."""
    with bound_contextvars(**{CORRELATION_ID: correlation_id}):
        yield


@contextmanager
def bind_message_context(correlation_id: str, causation_id: str | None = None, *, event_id: str | None = None,
                         event_type: str | None = None, **more: str | int) -> Iterator[None]:
    """Bind a message's ids (and other non-identifying fields such as topic or offset) for the block, then
    restore what was bound before; None values are left unbound."""
    fields = {CORRELATION_ID: correlation_id, CAUSATION_ID: causation_id, "event_id": event_id,
              "event_type": event_type, **more}
    with bound_contextvars(**{name: value for name, value in fields.items() if value is not None}):
        yield
