"""Dead letters: a message a consumer could not process goes to that consumer's own dead-letter topic.

The topic is per consumer (``hoanhap.dlq.<consumer>``), not per source topic: replaying a dead letter must reach
only the consumer that failed it, never the others that already processed the original.
"""

from aiokafka import AIOKafkaProducer
from aiokafka.structs import ConsumerRecord

from hoanhap.excerpts import excerpt

REASON = "dlq_reason"
ORIGIN_TOPIC = "dlq_original_topic"
ORIGIN_PARTITION = "dlq_original_partition"
ORIGIN_OFFSET = "dlq_original_offset"
DLQ_HEADERS = (REASON, ORIGIN_TOPIC, ORIGIN_PARTITION, ORIGIN_OFFSET)
MAX_REASON = 1000
"""Characters of a reason kept on the letter and in the consumer's table: the cause, never the whole input."""


def dead_letter_topic(consumer: str) -> str:
    """The dead-letter topic of one consumer."""
    return f"hoanhap.dlq.{consumer}"


async def send_to_dead_letters(producer: AIOKafkaProducer, consumer: str, record: ConsumerRecord,
                               reason: str) -> None:
    """Publish the original key, value and headers plus the reason (see ``bounded_reason``) and origin; return
    once the broker has it."""
    headers = [(name, value) for name, value in (record.headers or ()) if name not in DLQ_HEADERS]
    headers += [
        (REASON, reason.encode()),
        (ORIGIN_TOPIC, record.topic.encode()),
        (ORIGIN_PARTITION, str(record.partition).encode()),
        (ORIGIN_OFFSET, str(record.offset).encode()),
    ]
    await producer.send_and_wait(dead_letter_topic(consumer), record.value, key=record.key, headers=headers)


def bounded_reason(reason: str) -> str:
    """The reason as a letter carries it, at most MAX_REASON characters."""
    return excerpt(reason, MAX_REASON)


def original_headers(record: ConsumerRecord) -> list[tuple[str, bytes]]:
    """A dead letter's headers as the original message had them."""
    return [(name, value) for name, value in (record.headers or ()) if name not in DLQ_HEADERS]
