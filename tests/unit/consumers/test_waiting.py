"""A consumer waiting out a transient failure is reported only once the wait outlasts the grace, and no longer
once a batch goes through."""

from hoanhap.consumers import waiting
from hoanhap.consumers.waiting import Waiting


def test_a_wait_within_the_grace_is_not_reported_and_one_beyond_it_names_its_cause(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(waiting.time, "monotonic", lambda: now[0])
    wait = Waiting()
    wait.begin("ConnectionDoesNotExistError")
    now[0] += 30
    assert wait.beyond(30) is None
    wait.begin("TooManyConnectionsError")  # another failed try: the wait still counts from the first one
    now[0] += 12
    assert wait.beyond(30) == "retrying for 42 s: TooManyConnectionsError"


def test_a_wait_that_ended_is_not_reported(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(waiting.time, "monotonic", lambda: now[0])
    wait = Waiting()
    wait.begin("TimeoutError")
    now[0] += 100
    wait.end()
    assert wait.beyond(30) is None
