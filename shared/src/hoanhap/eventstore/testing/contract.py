"""ONE test suite for every event store implementation (in memory, PostgreSQL).

Subclass ``EventStoreContract`` in a test module named ``test_*.py`` with a class named ``Test*`` and provide
three fixtures: ``store`` (a fresh, empty store), ``tamperer`` (a ``Tamperer`` editing that store's storage) and
``notes_alongside`` (what the committed writes alongside made; see ``append_many_contract``).
"""

from hoanhap.eventstore.testing.append_contract import AppendContract
from hoanhap.eventstore.testing.append_many_contract import AppendManyContract
from hoanhap.eventstore.testing.feed_chain_contract import FeedChainContract
from hoanhap.eventstore.testing.feed_contract import FeedContract
from hoanhap.eventstore.testing.payload_contract import PayloadContract
from hoanhap.eventstore.testing.verification_contract import VerificationContract


class EventStoreContract(AppendContract, AppendManyContract, PayloadContract, FeedContract, VerificationContract,
                         FeedChainContract):
    """Every behaviour an event store promises."""
