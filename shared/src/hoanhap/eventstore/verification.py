"""What verifying a hash chain finds: nothing wrong, or the first bad event of a stream and why."""

from dataclasses import dataclass
from enum import StrEnum


class Defect(StrEnum):
    """Why an event fails verification."""

    HASH_MISMATCH = "hash mismatch"
    MISSING_VERSION = "missing version"
    OUT_OF_ORDER = "out of order"


@dataclass(frozen=True, slots=True)
class BadEvent:
    """The first event of a stream that fails verification; position is None for a missing event."""

    stream_version: int
    position: int | None
    defect: Defect
    explanation: str


@dataclass(frozen=True, slots=True)
class VerificationResult:
    """The verdict on one stream: how many events were checked and the first bad one, if any."""

    stream_id: str
    events_checked: int
    first_bad_event: BadEvent | None = None

    @property
    def ok(self) -> bool:
        """True when every event of the stream is intact and in its place."""
        return self.first_bad_event is None

    def __str__(self) -> str:
        if self.first_bad_event is None:
            return f"stream {self.stream_id!r}: {self.events_checked} events intact"
        return f"stream {self.stream_id!r}: {self.first_bad_event.explanation}"


@dataclass(frozen=True, slots=True)
class StoreVerification:
    """The verdict on a whole store: counts, and the result of every stream that failed."""

    streams_checked: int
    events_checked: int
    failures: tuple[VerificationResult, ...]

    @property
    def ok(self) -> bool:
        """True when every stream of the store verified."""
        return not self.failures
