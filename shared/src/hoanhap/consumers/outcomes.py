"""What a tracked consumer did with each message, counted for Prometheus and for tests."""

from collections import Counter

from prometheus_client import Counter as PrometheusCounter

PROCESSED_TOTAL = PrometheusCounter("hoanhap_consumer_messages_processed_total",
                              "Messages whose effects a tracked consumer committed", ["consumer", "topic"])
SKIPPED_TOTAL = PrometheusCounter("hoanhap_consumer_messages_skipped_total",
                            "Messages a tracked consumer skipped, by reason", ["consumer", "topic", "reason"])
DEAD_LETTERED_TOTAL = PrometheusCounter("hoanhap_consumer_messages_dead_lettered_total",
                                  "Messages a tracked consumer sent to its dead-letter topic", ["consumer", "topic"])


PROCESSED = "processed"
DEAD_LETTERED = "dead_lettered"
SKIPPED_DUPLICATE = "skipped:duplicate"
SKIPPED_DEAD_LETTERED_BEFORE = "skipped:dead_lettered_before"


class Outcomes:
    """Counts of one consumer's committed outcomes, mirrored into the process's Prometheus metrics."""

    def __init__(self, consumer: str) -> None:
        self.consumer = consumer
        self.counts: Counter[str] = Counter()

    def record(self, topic: str, outcome: str, messages: int = 1) -> None:
        """Count messages of one outcome: processed, dead_lettered or skipped:<reason>."""
        self.counts[outcome] += messages
        if outcome == PROCESSED:
            PROCESSED_TOTAL.labels(self.consumer, topic).inc(messages)
        elif outcome == DEAD_LETTERED:
            DEAD_LETTERED_TOTAL.labels(self.consumer, topic).inc(messages)
        else:
            SKIPPED_TOTAL.labels(self.consumer, topic, outcome.removeprefix("skipped:")).inc(messages)

    def record_all(self, outcomes: list[tuple[str, str]]) -> None:
        """Count a batch's (topic, outcome) pairs, one metric update per kind."""
        for (topic, outcome), messages in Counter(outcomes).items():
            self.record(topic, outcome, messages)
