"""Whatever goes wrong reading one record makes that record malformed, with a bounded reason; nothing escapes."""

import dataclasses

import pytest
from aiokafka.structs import ConsumerRecord

from hoanhap.consumers import decoding
from hoanhap.contracts import to_kafka_message
from tests.unit.contracts.event_examples import EXAMPLES, envelope_of

RELEASE = to_kafka_message(envelope_of(EXAMPLES["hoanhap.registry.ReleaseRegistered", 1]))


def record(value: bytes | None = RELEASE.value) -> ConsumerRecord:
    return ConsumerRecord(RELEASE.topic, 0, 7, 0, 0, RELEASE.key, value, None, 0, len(value or b""), RELEASE.headers)


def test_a_good_record_decodes_to_its_envelope():
    assert decoding.decode(record()).envelope is not None


def test_a_value_nested_200000_deep_is_malformed_not_a_recursion_error():
    decoded = decoding.decode(record(b"[" * 200_000))
    assert decoded.envelope is None
    assert decoded.malformed == "the message value is JSON nested too deeply to read"


@pytest.mark.parametrize("error", [RecursionError("maximum recursion depth exceeded"), MemoryError(),
                                   KeyError("ce_type"), ZeroDivisionError("division by zero")],
                         ids=lambda error: type(error).__name__)
def test_any_exception_raised_while_decoding_makes_that_record_malformed_naming_the_error(monkeypatch, error):
    def failing(*arguments, **keywords):
        raise error

    monkeypatch.setattr(decoding, "from_kafka_message", failing)
    decoded = decoding.decode(record())
    assert decoded.malformed is not None and decoded.malformed.startswith(type(error).__name__)


def test_the_reason_of_a_huge_failure_is_bounded(monkeypatch):
    def failing(*arguments, **keywords):
        raise ValueError("x" * 1_000_000)

    monkeypatch.setattr(decoding, "from_kafka_message", failing)
    assert len(decoding.decode(record()).malformed or "") < 600


async def test_one_bad_record_in_a_batch_leaves_the_others_decoded():
    batch = [record(), dataclasses.replace(record(b"[" * 200_000), offset=8), dataclasses.replace(record(), offset=9)]
    decoded = await decoding.decode_yielding(batch)
    assert [item.malformed is not None for item in decoded] == [False, True, False]
