"""What verifying the hash chains finds: nothing wrong, or the first bad event of a stream, the first broken link
of the global chain, and each checkpoint the store no longer extends, and why."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Defect(StrEnum):
    """Why an event fails verification."""

    HASH_MISMATCH = "hash mismatch"
    MISSING_VERSION = "missing version"
    OUT_OF_ORDER = "out of order"
    EVENTS_MISSING = "events missing"
    GLOBAL_HASH_MISMATCH = "global hash mismatch"


class CheckpointDefect(StrEnum):
    """Why a checkpoint fails verification, or why the store no longer extends it."""

    BAD_SIGNATURE = "bad signature"
    NOT_IN_DATABASE = "not in the database"
    TAIL_TRUNCATED = "tail truncated"
    EVENT_MISSING = "event missing"
    HASH_DIFFERS = "hash differs"
    COUNT_DIFFERS = "count differs"


@dataclass(frozen=True, slots=True)
class BadEvent:
    """The first event of a stream that fails verification; position is None for a missing event."""

    stream_version: int
    position: int | None
    defect: Defect
    explanation: str


@dataclass(frozen=True, slots=True)
class BrokenLink:
    """The first event whose global hash does not follow from the event before it in position order."""

    position: int
    stream_id: str
    stream_version: int
    defect: Defect
    explanation: str


@dataclass(frozen=True, slots=True)
class CheckpointProblem:
    """A checkpoint that is forged, or that the store no longer extends, and why."""

    position: int
    taken_at: datetime
    defect: CheckpointDefect
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
    """The verdict on a whole store: counts, the result of every stream that failed, the first broken link of the
    global chain, and the problems of the checkpoints it was checked against."""

    streams_checked: int
    events_checked: int
    failures: tuple[VerificationResult, ...]
    broken_link: BrokenLink | None = None
    last_position: int = 0
    checkpoints_checked: int = 0
    checkpoint_problems: tuple[CheckpointProblem, ...] = ()

    @property
    def ok(self) -> bool:
        """True when every stream and the global chain verified, and the store extends every checkpoint."""
        return not self.failures and self.broken_link is None and not self.checkpoint_problems
