"""Test support for event stores: the shared contract suite, tampering hooks and event builders.

Imported by tests only (it needs pytest, a development dependency). Register it for pytest's assertion
rewriting in a conftest.py before importing it: ``pytest.register_assert_rewrite("hoanhap.eventstore.testing")``.
"""

from hoanhap.eventstore.testing.append_many_contract import NOTES_TABLE, NotesAlongside, note_alongside
from hoanhap.eventstore.testing.builders import new_stream_id, sample_event, sample_events, sample_metadata
from hoanhap.eventstore.testing.contract import EventStoreContract
from hoanhap.eventstore.testing.tampering import Tamperer

__all__ = [
    "NOTES_TABLE",
    "EventStoreContract",
    "NotesAlongside",
    "Tamperer",
    "new_stream_id",
    "note_alongside",
    "sample_event",
    "sample_events",
    "sample_metadata",
]
