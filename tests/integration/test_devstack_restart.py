"""Starting twice reuses the running servers; starting after a crash clears stale pid files and works."""

import os
import signal

import pytest

from hoanhap_devstack.processes import is_alive, wait_gone
from hoanhap_devstack.stack import LocalStack


@pytest.fixture
def stack(monkeypatch):
    for variable in ("KAFKA_BOOTSTRAP_SERVERS", "POSTGRES_URL"):
        monkeypatch.delenv(variable, raising=False)
    stack = LocalStack("restart-test", fresh=True)
    yield stack
    stack.stop()


def test_second_start_reuses_running_servers(stack):
    first = stack.start()
    pids = (stack.kafka.running_pid(), stack.postgres.running_pid())

    second = LocalStack("restart-test").start()

    assert second == first
    assert (stack.kafka.running_pid(), stack.postgres.running_pid()) == pids


def test_start_after_a_crash_replaces_stale_pid_files(stack):
    stack.start()
    crashed = [stack.kafka.running_pid(), stack.postgres.running_pid()]
    for pid in crashed:
        os.killpg(pid, signal.SIGKILL)
        assert wait_gone(pid, 10)
    assert stack.kafka.pid_file.exists() and stack.postgres.pid_file.exists()

    endpoints = LocalStack("restart-test").start()

    restarted = [stack.kafka.running_pid(), stack.postgres.running_pid()]
    assert None not in restarted and set(restarted).isdisjoint(crashed)
    assert all(is_alive(pid) for pid in restarted)
    assert endpoints.kafka_bootstrap_servers == stack.kafka.bootstrap_servers
