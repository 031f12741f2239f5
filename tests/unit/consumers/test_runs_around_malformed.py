"""A batch with malformed records is cut around each of them, in order, so the rest still commits in bulk."""

from aiokafka.structs import ConsumerRecord

from hoanhap.consumers.consumer import runs_around_malformed
from hoanhap.consumers.decoding import Decoded


def item(offset: int, malformed: bool = False) -> Decoded:
    record = ConsumerRecord("topic", 0, offset, 0, 0, b"key", b"{}", None, 0, 2, [])
    return Decoded(record, malformed="not JSON" if malformed else None)


def offsets(runs: list[list[Decoded]]) -> list[list[int]]:
    return [[decoded.record.offset for decoded in run] for run in runs]


def test_a_batch_without_malformed_records_is_one_run():
    assert offsets(runs_around_malformed([item(0), item(1), item(2)])) == [[0, 1, 2]]


def test_each_malformed_record_stands_alone_between_the_runs_around_it_in_order():
    batch = [item(0), item(1), item(2, malformed=True), item(3, malformed=True), item(4), item(5)]
    assert offsets(runs_around_malformed(batch)) == [[0, 1], [2], [3], [4, 5]]


def test_a_batch_of_malformed_records_only_is_one_run_each():
    assert offsets(runs_around_malformed([item(7, malformed=True), item(8, malformed=True)])) == [[7], [8]]
