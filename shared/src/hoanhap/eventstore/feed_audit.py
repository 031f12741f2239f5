"""Verifying the global chain as the feed streams past in position order, against the checkpoints it must extend.

Each event's global hash must follow from the one before it (``hash_chain.feed_hash``). A break over a gap in
the positions means events were deleted there (a whole stream, or a stream's newest events); a break with no gap
means the event's hashes were rewritten. Positions may have gaps of their own (a rolled-back append uses up its
positions), so only a break counts. A checkpoint's position must still hold an event with the checkpoint's global
hash and count: a deleted tail, or a rewrite with every hash recomputed, is caught there.
"""

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from hoanhap.eventstore.audit.checkpoint import EMPTY_STORE, ChainTip, Checkpoint
from hoanhap.eventstore.events import StoredEvent
from hoanhap.eventstore.hash_chain import feed_hash
from hoanhap.eventstore.verification import (
    BrokenLink,
    CheckpointDefect,
    CheckpointProblem,
    Defect,
    StoreVerification,
)


@dataclass(frozen=True, slots=True)
class FeedLink:
    """What the global chain needs of one event: where it is, and its two hashes."""

    position: int
    stream_id: str
    stream_version: int
    hash: bytes
    global_hash: bytes

    @classmethod
    def of(cls, event: StoredEvent) -> "FeedLink":
        """The link of a stored event."""
        return cls(event.position, event.stream_id, event.stream_version, bytes.fromhex(event.hash),
                   bytes.fromhex(event.global_hash))


@dataclass(frozen=True, slots=True)
class FeedVerdict:
    """What the walk found: how many events it checked, where the chain ends, its first break, checkpoint
    problems."""

    events_checked: int
    tip: ChainTip
    broken_link: BrokenLink | None
    checkpoint_problems: tuple[CheckpointProblem, ...]


class FeedAudit:
    """Checks the global chain, fed every event after start in position order, against the checkpoints."""

    def __init__(self, checkpoints: Iterable[Checkpoint] = (), start: ChainTip = EMPTY_STORE) -> None:
        self._waiting = deque(sorted(checkpoints, key=lambda checkpoint: checkpoint.position))
        self._tip = start
        self._checked = 0
        self._broken: BrokenLink | None = None
        self._problems: list[CheckpointProblem] = []

    def feed(self, link: FeedLink) -> None:
        """Take the next event of the feed."""
        while self._waiting and self._waiting[0].position < link.position:
            self._problems.append(_event_missing(self._waiting.popleft(), link))
        if self._broken is None and link.global_hash != feed_hash(self._tip.global_hash, link.hash):
            self._broken = _broken(link, self._tip.position)
        self._tip = ChainTip(link.position, link.global_hash, self._tip.events + 1)
        self._checked += 1
        while self._waiting and self._waiting[0].position == link.position:
            problem = _differs(self._waiting.popleft(), self._tip)
            self._problems += [problem] if problem else []

    def result(self) -> FeedVerdict:
        """The verdict once the whole feed was fed: checkpoints past its end vouch for a deleted tail."""
        self._problems += [_truncated(checkpoint, self._tip) for checkpoint in self._waiting]
        self._waiting.clear()
        return FeedVerdict(self._checked, self._tip, self._broken, tuple(self._problems))


def with_feed(streams: StoreVerification, feed: FeedVerdict, checkpoints_checked: int = 0,
              checkpoint_problems: Sequence[CheckpointProblem] = ()) -> StoreVerification:
    """The verdict on the streams with the verdicts on the global chain and on the checkpoints added."""
    return replace(streams, broken_link=feed.broken_link, last_position=feed.tip.position,
                   checkpoints_checked=checkpoints_checked,
                   checkpoint_problems=(*checkpoint_problems, *feed.checkpoint_problems))


def _broken(link: FeedLink, previous_position: int) -> BrokenLink:
    name = f"event {link.stream_version} of stream {link.stream_id!r} (position {link.position})"
    if link.position > previous_position + 1:
        after = f"position {previous_position}" if previous_position else "the start of the store"
        return BrokenLink(link.position, link.stream_id, link.stream_version, Defect.EVENTS_MISSING,
                          f"the global chain breaks at {name}: no event between {after} and it holds the hash it "
                          "follows from, so events were deleted there (a whole stream, or a stream's newest "
                          "events), or its hashes were rewritten")
    return BrokenLink(link.position, link.stream_id, link.stream_version, Defect.GLOBAL_HASH_MISMATCH,
                      f"the global chain breaks at {name}: its global hash does not follow from the event before "
                      "it, so its hashes were rewritten (e.g. its stream rewritten with recomputed stream hashes)")


def _event_missing(checkpoint: Checkpoint, next_link: FeedLink) -> CheckpointProblem:
    return CheckpointProblem(checkpoint.position, checkpoint.taken_at, CheckpointDefect.EVENT_MISSING,
                             f"{_vouching(checkpoint)}, but no event is at position {checkpoint.position} any more "
                             f"(the next is at {next_link.position}): events were deleted since it was taken")


def _differs(checkpoint: Checkpoint, tip: ChainTip) -> CheckpointProblem | None:
    if tip.global_hash != checkpoint.tip.global_hash:
        return CheckpointProblem(checkpoint.position, checkpoint.taken_at, CheckpointDefect.HASH_DIFFERS,
                                 f"{_vouching(checkpoint)}, but the global hash there is now {tip.global_hash.hex()}: "
                                 "events at or before it were changed or deleted and the hashes recomputed")
    if tip.events != checkpoint.tip.events:
        return CheckpointProblem(checkpoint.position, checkpoint.taken_at, CheckpointDefect.COUNT_DIFFERS,
                                 f"{_vouching(checkpoint)}, but {tip.events} events lead to it now")
    return None


def _truncated(checkpoint: Checkpoint, tip: ChainTip) -> CheckpointProblem:
    return CheckpointProblem(checkpoint.position, checkpoint.taken_at, CheckpointDefect.TAIL_TRUNCATED,
                             f"{_vouching(checkpoint)}, but the store ends at position {tip.position} with "
                             f"{tip.events} events: its newest events were deleted since the checkpoint")


def _vouching(checkpoint: Checkpoint) -> str:
    return (f"the checkpoint of {checkpoint.taken_at.isoformat()} vouches for {checkpoint.tip.events} events up to "
            f"position {checkpoint.position} with global hash {checkpoint.tip.global_hash.hex()}")
