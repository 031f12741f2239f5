"""Projection lag: how old the newest projected event was when its effects committed."""

import time
from collections.abc import Sequence

from prometheus_client import Gauge

import hoanhap.contracts as c

PROJECTION_LAG = Gauge("hoanhap_stats_projection_lag_seconds",
                       "Seconds between an event's recording and its projection into stats' read models")
latest: dict[str, float] = {}


def record_lag(envelopes: Sequence[c.Envelope]) -> None:
    """Note the lag of the newest event of a projected batch."""
    if not envelopes:
        return
    newest = max(envelope.time.timestamp() for envelope in envelopes)
    latest["lag_seconds"] = max(time.time() - newest, 0.0)
    latest["event_time"] = newest
    PROJECTION_LAG.set(latest["lag_seconds"])
