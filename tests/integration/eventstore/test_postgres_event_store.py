"""The PostgreSQL event store passes the same contract suite as the in-memory one, on a real server.

Its tamper tests (the ``tamperer`` fixture of conftest.py) change rows with SQL: an UPDATE of one character
of the jsonb payload, a DELETE, swapped payloads, swapped versions; verify_stream must name exactly the
event that was hit.
"""

from hoanhap.eventstore.testing import EventStoreContract


class TestPostgresEventStore(EventStoreContract):
    """Runs every contract test against PostgreSQL."""
