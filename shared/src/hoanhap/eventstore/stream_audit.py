"""Verifying hash chains as events stream past, so a whole store is checked without holding it in memory.

Events of a stream are fed in stream-version order. Each is checked for, in this order: a gap in the
versions (a deleted row), a global position that disagrees with its neighbours' (reordered rows), and a hash
that does not match its content and its predecessor's hash (changed content). Deleting the newest events of
a stream, or the whole stream, leaves intact chains: the global chain (``feed_audit``) catches that.
"""

from collections.abc import Iterable

from hoanhap.eventstore.events import StoredEvent
from hoanhap.eventstore.hash_chain import GENESIS, chained_hash, content_of
from hoanhap.eventstore.verification import BadEvent, Defect, StoreVerification, VerificationResult


def audit_stream(stream_id: str, events: Iterable[StoredEvent]) -> VerificationResult:
    """Verify one stream's events, given in stream-version order."""
    audit = StreamAudit(stream_id)
    for event in events:
        audit.feed(event)
    return audit.result()


class StreamAudit:
    """Checks one stream's events, fed in stream-version order, and keeps the first bad one."""

    def __init__(self, stream_id: str) -> None:
        self.stream_id = stream_id
        self._previous: StoredEvent | None = None
        self._waiting: StoredEvent | None = None
        self._checked = 0
        self._first_bad: BadEvent | None = None

    def feed(self, event: StoredEvent) -> None:
        """Take the stream's next event; the one before it is checked now that its successor is known."""
        if self._first_bad is None and self._waiting is not None:
            self._check(self._waiting, successor=event)
        self._waiting = event

    def result(self) -> VerificationResult:
        """The verdict once every event of the stream was fed."""
        if self._first_bad is None and self._waiting is not None:
            self._check(self._waiting, successor=None)
        self._waiting = None
        return VerificationResult(self.stream_id, self._checked, self._first_bad)

    def _check(self, event: StoredEvent, successor: StoredEvent | None) -> None:
        self._first_bad = _first_defect(event, self._previous, successor)
        self._previous = event
        self._checked += 1


class StoreAudit:
    """Checks a whole store, fed every event ordered by stream id and then stream version."""

    def __init__(self) -> None:
        self._stream: StreamAudit | None = None
        self._streams = 0
        self._events = 0
        self._failures: list[VerificationResult] = []

    def feed(self, event: StoredEvent) -> None:
        """Take the next event of the store."""
        if self._stream is None or self._stream.stream_id != event.stream_id:
            self._close_stream()
            self._stream = StreamAudit(event.stream_id)
        self._stream.feed(event)
        self._events += 1

    def result(self) -> StoreVerification:
        """The verdict once every event of the store was fed."""
        self._close_stream()
        return StoreVerification(self._streams, self._events, tuple(self._failures))

    def _close_stream(self) -> None:
        if self._stream is None:
            return
        verdict = self._stream.result()
        self._stream = None
        self._streams += 1
        if not verdict.ok:
            self._failures.append(verdict)


def _first_defect(event: StoredEvent, previous: StoredEvent | None, successor: StoredEvent | None) -> BadEvent | None:
    name = f"event {event.stream_version} of stream {event.stream_id!r} (position {event.position})"
    expected_version = previous.stream_version + 1 if previous else 1
    if event.stream_version != expected_version:
        return BadEvent(expected_version, None, Defect.MISSING_VERSION,
                        f"version {expected_version} of stream {event.stream_id!r} is missing: the next stored "
                        f"event is version {event.stream_version} at position {event.position}")
    if _out_of_order(event, previous, successor):
        return BadEvent(event.stream_version, event.position, Defect.OUT_OF_ORDER,
                        f"{name} is out of order: its global position disagrees with its neighbours' "
                        "stream versions, so stored events were reordered")
    previous_hash = bytes.fromhex(previous.hash) if previous else GENESIS
    if chained_hash(previous_hash, content_of(event)).hex() != event.hash:
        return BadEvent(event.stream_version, event.position, Defect.HASH_MISMATCH,
                        f"{name} does not match its hash: its content, or the hash of the event "
                        "before it, was changed after it was stored")
    return None


def _out_of_order(event: StoredEvent, previous: StoredEvent | None, successor: StoredEvent | None) -> bool:
    after_previous = previous is None or previous.position < event.position
    before_successor = successor is None or event.position < successor.position
    return not (after_previous and before_successor)
