"""The global chain walk: intact chains pass, position gaps alone are no finding, and each break or checkpoint the
feed no longer reaches is named with why."""

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hoanhap.eventstore.audit.checkpoint import EMPTY_STORE, ChainTip, Checkpoint, signed
from hoanhap.eventstore.feed_audit import FeedAudit, FeedLink, FeedVerdict
from hoanhap.eventstore.hash_chain import GENESIS, feed_hash
from hoanhap.eventstore.verification import CheckpointDefect, Defect

KEY = Ed25519PrivateKey.generate()
TAKEN_AT = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def chain(positions: list[int], start: bytes = GENESIS) -> list[FeedLink]:
    """Links at the positions, each of its own one-event stream, chained from start."""
    links, previous = [], start
    for position in positions:
        stream_hash = hashlib.sha256(f"event {position}".encode()).digest()
        previous = feed_hash(previous, stream_hash)
        links.append(FeedLink(position, f"person-{position}", 1, stream_hash, previous))
    return links


def walked(links: list[FeedLink], checkpoints: Sequence[Checkpoint] = (), start: ChainTip = EMPTY_STORE) -> FeedVerdict:
    audit = FeedAudit(checkpoints, start)
    for link in links:
        audit.feed(link)
    return audit.result()


def checkpoint_at(links: list[FeedLink], position: int) -> Checkpoint:
    index = next(i for i, link in enumerate(links) if link.position == position)
    return signed(KEY, "registry", ChainTip(position, links[index].global_hash, index + 1), TAKEN_AT)


def test_an_intact_chain_with_gaps_left_by_rolled_back_appends_verifies() -> None:
    links = chain([1, 2, 5, 6, 9])
    verdict = walked(links)
    assert verdict.broken_link is None and verdict.checkpoint_problems == ()
    assert verdict.tip == ChainTip(9, links[-1].global_hash, 5) and verdict.events_checked == 5


def test_deleted_events_break_the_chain_at_the_next_event_across_the_gap() -> None:
    links = chain([1, 2, 3, 4, 5])
    verdict = walked([links[0], links[3], links[4]])
    assert verdict.broken_link is not None
    assert (verdict.broken_link.position, verdict.broken_link.defect) == (4, Defect.EVENTS_MISSING)
    assert "between position 1 and it" in verdict.broken_link.explanation


def test_deleting_the_first_events_of_the_store_breaks_the_chain_at_the_start() -> None:
    verdict = walked(chain([1, 2, 3])[1:])
    assert verdict.broken_link is not None and verdict.broken_link.position == 2
    assert "the start of the store" in verdict.broken_link.explanation


def test_a_rewritten_stream_hash_breaks_the_chain_without_a_gap() -> None:
    links = chain([1, 2, 3])
    links[1] = replace(links[1], hash=hashlib.sha256(b"rewritten").digest())
    verdict = walked(links)
    assert verdict.broken_link is not None
    assert (verdict.broken_link.position, verdict.broken_link.defect) == (2, Defect.GLOBAL_HASH_MISMATCH)


def test_only_the_first_break_is_reported() -> None:
    links = chain([1, 2, 3, 4, 5])
    verdict = walked([links[0], links[2], links[4]])
    assert verdict.broken_link is not None and verdict.broken_link.position == 3


def test_a_walk_from_a_checkpoint_continues_its_chain_and_count() -> None:
    links = chain([1, 2, 3, 4])
    verdict = walked(links[2:], start=ChainTip(2, links[1].global_hash, 2))
    assert verdict.broken_link is None and verdict.tip == ChainTip(4, links[3].global_hash, 4)


def test_checkpoints_the_feed_still_reaches_find_nothing() -> None:
    links = chain([1, 2, 4, 7])
    verdict = walked(links, [checkpoint_at(links, 2), checkpoint_at(links, 7)])
    assert verdict.checkpoint_problems == ()


def test_a_tail_deleted_after_a_checkpoint_is_reported_though_the_chain_is_intact() -> None:
    links = chain([1, 2, 3, 4, 5])
    verdict = walked(links[:3], [checkpoint_at(links, 5)])
    assert verdict.broken_link is None
    [problem] = verdict.checkpoint_problems
    assert (problem.position, problem.defect) == (5, CheckpointDefect.TAIL_TRUNCATED)
    assert "ends at position 3 with 3 events" in problem.explanation


def test_a_checkpoint_position_with_no_event_any_more_is_reported() -> None:
    links = chain([1, 2, 3, 4, 5])
    verdict = walked([*links[:2], *chain([8, 9], start=links[1].global_hash)], [checkpoint_at(links, 4)])
    assert verdict.broken_link is None, "the tail was deleted and new events appended after it"
    [problem] = verdict.checkpoint_problems
    assert (problem.position, problem.defect) == (4, CheckpointDefect.EVENT_MISSING)
    assert "the next is at 8" in problem.explanation


def test_a_chain_recomputed_after_a_rewrite_no_longer_has_the_checkpoint_s_hash() -> None:
    links = chain([1, 2, 3])
    recomputed = chain([1, 2, 3], start=b"another history")
    [problem] = walked(recomputed, [checkpoint_at(links, 3)]).checkpoint_problems
    assert (problem.position, problem.defect) == (3, CheckpointDefect.HASH_DIFFERS)


def test_a_checkpoint_whose_count_differs_is_reported() -> None:
    links = chain([1, 2, 3])
    counted = signed(KEY, "registry", ChainTip(3, links[2].global_hash, 4), TAKEN_AT)
    [problem] = walked(links, [counted]).checkpoint_problems
    assert problem.defect == CheckpointDefect.COUNT_DIFFERS and "3 events lead to it now" in problem.explanation
