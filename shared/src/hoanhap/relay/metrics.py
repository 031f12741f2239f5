"""The relay's lag as Prometheus gauges: how many committed events wait, and for how long."""

from prometheus_client import Counter, Gauge

from hoanhap.relay.lag import RelayLag

LAG_EVENTS = Gauge("hoanhap_relay_lag_events", "Committed events not yet acknowledged by Kafka", ["relay"])
LAG_SECONDS = Gauge("hoanhap_relay_lag_seconds", "Age of the oldest committed event not yet acknowledged", ["relay"])
PUBLISHED = Counter("hoanhap_relay_events_published_total", "Events the broker acknowledged", ["relay"])
HELD = Counter("hoanhap_relay_events_held_total",
               "Events held back: unmappable, or behind an unmappable event of their stream", ["relay"])


def count_published(relay: str, published: int) -> None:
    """Count events the broker acknowledged."""
    PUBLISHED.labels(relay).inc(published)


def report_lag(relay: str, lag: RelayLag) -> None:
    """Record how far behind the relay is."""
    LAG_EVENTS.labels(relay).set(lag.events)
    LAG_SECONDS.labels(relay).set(lag.seconds)


def count_held(relay: str, held: int) -> None:
    """Count events held back."""
    HELD.labels(relay).inc(held)
