"""The global chain through every event: intact in position order, and broken by what the stream chains miss."""

from hoanhap.eventstore.hash_chain import GENESIS, feed_hash
from hoanhap.eventstore.interfaces import EventStore
from hoanhap.eventstore.testing.builders import new_stream_id, sample_events
from hoanhap.eventstore.testing.tampering import Tamperer
from hoanhap.eventstore.verification import BrokenLink, Defect, StoreVerification


class FeedChainContract:
    """Needs ``store`` (empty) and ``tamperer`` (editing that store's storage directly) fixtures."""

    async def test_each_global_hash_covers_its_stream_hash_and_the_global_hash_before_it(
            self, store: EventStore) -> None:
        first, second = new_stream_id(), new_stream_id()
        await store.append(first, 0, sample_events(2))
        await store.append(second, 0, sample_events(3))
        await store.append(first, 2, sample_events(1))
        previous = GENESIS
        for event in await store.read_all_after(0, limit=100):
            assert event.global_hash == feed_hash(previous, bytes.fromhex(event.hash)).hex()
            previous = bytes.fromhex(event.global_hash)

    async def test_an_intact_store_has_an_unbroken_global_chain_to_its_last_event(self, store: EventStore) -> None:
        await _victim_among_others(store)
        verdict = await store.verify_all()
        assert verdict.ok and verdict.broken_link is None
        assert verdict.last_position == await store.last_position()

    async def test_a_deleted_stream_breaks_the_global_chain_at_the_event_after_it(
            self, store: EventStore, tamperer: Tamperer) -> None:
        victim, after = await _victim_among_others(store)
        await tamperer.delete_stream(victim)
        verdict = await store.verify_all()
        _expect_break_at(verdict, after[0], Defect.EVENTS_MISSING)

    async def test_a_stream_s_deleted_newest_events_break_the_global_chain(self, store: EventStore,
                                                                          tamperer: Tamperer) -> None:
        victim, after = await _victim_among_others(store)
        for version in (4, 3):
            await tamperer.delete_event(victim, version)
        verdict = await store.verify_all()
        assert (await store.verify_stream(victim)).ok, "the shortened stream's own chain still verifies"
        _expect_break_at(verdict, after[1], Defect.EVENTS_MISSING)

    async def test_a_stream_rewritten_with_recomputed_hashes_breaks_the_global_chain_at_the_rewrite(
            self, store: EventStore, tamperer: Tamperer) -> None:
        victim, _ = await _victim_among_others(store)
        await tamperer.rewrite_stream(victim, 2)
        verdict = await store.verify_all()
        assert (await store.verify_stream(victim)).ok, "the rewritten stream's own chain still verifies"
        [rewritten] = await store.read_stream(victim, 2, 2)
        link = _expect_break_at(verdict, (rewritten.stream_id, rewritten.stream_version), Defect.GLOBAL_HASH_MISMATCH)
        assert link.position == rewritten.position and "rewritten" in link.explanation


async def _victim_among_others(store: EventStore) -> tuple[str, list[tuple[str, int]]]:
    """A stream of four events, with other streams' events before, between and after them; the (stream,
    version) of the events written right after the victim's second and fourth event."""
    victim, other = new_stream_id(), new_stream_id("other")
    await store.append(new_stream_id("other"), 0, sample_events(2))
    await store.append(victim, 0, sample_events(2))
    await store.append(other, 0, sample_events(1))
    await store.append(victim, 2, sample_events(2))
    await store.append(other, 1, sample_events(2))
    return victim, [(other, 1), (other, 2)]


def _expect_break_at(verdict: StoreVerification, event: tuple[str, int], defect: Defect) -> BrokenLink:
    assert not verdict.ok, "the tampering went unnoticed"
    assert verdict.failures == (), "no stream's own chain shows this tampering"
    link = verdict.broken_link
    assert link is not None
    assert ((link.stream_id, link.stream_version), link.defect) == (event, defect), link.explanation
    assert str(link.position) in link.explanation
    return link
