"""Hash chains: intact streams verify, and each kind of tampering is reported at the event it hit."""

import pytest

from hoanhap.eventstore.hash_chain import GENESIS, chained_hash, content_of
from hoanhap.eventstore.interfaces import EventStore
from hoanhap.eventstore.testing.builders import new_stream_id, sample_events
from hoanhap.eventstore.testing.tampering import Tamperer
from hoanhap.eventstore.verification import BadEvent, Defect


class VerificationContract:
    """Needs ``store`` (empty) and ``tamperer`` (editing that store's storage directly) fixtures."""

    async def test_an_intact_stream_verifies(self, store: EventStore) -> None:
        stream = new_stream_id()
        await store.append(stream, 0, sample_events(3))
        await store.append(stream, 3, sample_events(2))
        result = await store.verify_stream(stream)
        assert result.ok and result.events_checked == 5 and result.first_bad_event is None

    async def test_a_stream_never_written_verifies_empty(self, store: EventStore) -> None:
        result = await store.verify_stream(new_stream_id())
        assert result.ok and result.events_checked == 0

    async def test_each_hash_covers_the_content_and_the_previous_hash(self, store: EventStore) -> None:
        first, second = await store.append(new_stream_id(), 0, sample_events(2))
        assert first.hash == chained_hash(GENESIS, content_of(first)).hex()
        assert second.hash == chained_hash(bytes.fromhex(first.hash), content_of(second)).hex()
        assert len(first.hash) == 64

    @pytest.mark.parametrize("version", [1, 3, 5])
    async def test_a_changed_payload_is_reported_at_its_version(self, store: EventStore, tamperer: Tamperer,
                                                                version: int) -> None:
        stream = await _stream_of_five(store)
        await tamperer.change_payload(stream, version)
        await _expect_first_bad(store, stream, version, Defect.HASH_MISMATCH)

    @pytest.mark.parametrize("version", [1, 3])
    async def test_a_deleted_event_is_reported_missing(self, store: EventStore, tamperer: Tamperer,
                                                       version: int) -> None:
        stream = await _stream_of_five(store)
        await tamperer.delete_event(stream, version)
        bad = await _expect_first_bad(store, stream, version, Defect.MISSING_VERSION)
        assert bad.position is None

    async def test_swapped_payloads_are_reported_at_the_earlier_event(self, store: EventStore,
                                                                       tamperer: Tamperer) -> None:
        stream = await _stream_of_five(store)
        await tamperer.swap_payloads(stream, 2, 4)
        await _expect_first_bad(store, stream, 2, Defect.HASH_MISMATCH)

    @pytest.mark.parametrize(("version", "other_version"), [(2, 4), (3, 4), (1, 5)])
    async def test_reordered_events_are_reported_out_of_order(self, store: EventStore, tamperer: Tamperer,
                                                              version: int, other_version: int) -> None:
        stream = await _stream_of_five(store)
        await tamperer.swap_versions(stream, version, other_version)
        await _expect_first_bad(store, stream, version, Defect.OUT_OF_ORDER)

    async def test_verify_all_reports_the_first_bad_event_of_each_bad_stream(self, store: EventStore,
                                                                             tamperer: Tamperer) -> None:
        intact, changed, gapped = [await _stream_of_five(store) for _ in range(3)]
        await tamperer.change_payload(changed, 4)
        await tamperer.change_payload(changed, 2)
        await tamperer.delete_event(gapped, 5)
        await tamperer.delete_event(gapped, 3)
        verdict = await store.verify_all()
        assert not verdict.ok
        assert (verdict.streams_checked, verdict.events_checked) == (6, 16)  # with one "other" stream each
        first_bad = {result.stream_id: (bad.stream_version, bad.defect)
                     for result in verdict.failures if (bad := result.first_bad_event)}
        assert first_bad == {changed: (2, Defect.HASH_MISMATCH), gapped: (3, Defect.MISSING_VERSION)}

    async def test_an_intact_store_verifies(self, store: EventStore) -> None:
        for _ in range(3):
            await _stream_of_five(store)
        verdict = await store.verify_all()
        assert verdict.ok and verdict.streams_checked == 6 and verdict.events_checked == 18


async def _stream_of_five(store: EventStore) -> str:
    stream = new_stream_id()
    await store.append(stream, 0, sample_events(2))
    await store.append(new_stream_id("other"), 0, sample_events(1))
    await store.append(stream, 2, sample_events(3))
    return stream


async def _expect_first_bad(store: EventStore, stream: str, version: int, defect: Defect) -> BadEvent:
    result = await store.verify_stream(stream)
    assert not result.ok, f"tampering with version {version} went unnoticed"
    bad = result.first_bad_event
    assert bad is not None
    assert (bad.stream_version, bad.defect) == (version, defect), bad.explanation
    assert str(version) in bad.explanation
    return bad
