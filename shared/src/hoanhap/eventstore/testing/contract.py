"""ONE test suite for every event store implementation (in memory, PostgreSQL).

Subclass ``EventStoreContract`` in a test module named ``test_*.py`` with a class named ``Test*`` and provide
two fixtures: ``store`` (a fresh, empty store) and ``tamperer`` (a ``Tamperer`` editing that store's storage).
"""

from hoanhap.eventstore.testing.append_contract import AppendContract
from hoanhap.eventstore.testing.feed_chain_contract import FeedChainContract
from hoanhap.eventstore.testing.feed_contract import FeedContract
from hoanhap.eventstore.testing.payload_contract import PayloadContract
from hoanhap.eventstore.testing.snapshot_contract import SnapshotContract
from hoanhap.eventstore.testing.verification_contract import VerificationContract


class EventStoreContract(AppendContract, PayloadContract, FeedContract, VerificationContract, FeedChainContract,
                         SnapshotContract):
    """Every behaviour an event store promises."""
