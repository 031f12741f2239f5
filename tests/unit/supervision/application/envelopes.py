"""Registry envelopes as the consumer receives them."""

import uuid
from datetime import UTC, datetime

from hoanhap import contracts as c


def envelope(data: c.IntegrationEvent, at: datetime | None = None) -> c.Envelope:
    return c.Envelope(id=uuid.uuid4(), time=at or datetime(2026, 2, 20, 3, tzinfo=UTC), stream_version=1,
                      correlation_id="corr-1", data=data)
