"""`make up` as a newcomer runs it: everything becomes ready, survives a broker outage, and Ctrl-C cleans up."""

import json
import os
import shutil
import signal
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from hoanhap_devstack.instance import Instance
from hoanhap_devstack.paths import instance_dir
from hoanhap_devstack.ports import free_port, is_listening
from hoanhap_devstack.processes import is_alive, read_pid
from hoanhap_devstack.services import SERVICE_PORTS, http_status

REPO = Path(__file__).resolve().parents[2]
INSTANCE = "e2e-make-up"


@pytest.fixture(scope="module")
def make_up() -> Iterator[tuple[subprocess.Popen[str], Instance]]:
    """`make up` in its own process group, as a terminal runs it, on free ports, with an instance as empty as a
    newcomer's (a run before this one left its data, and the demo loads only into an empty registry)."""
    Instance(INSTANCE).stop()
    shutil.rmtree(instance_dir(INSTANCE), ignore_errors=True)
    env = {key: value for key, value in os.environ.items()
           if key not in ("KAFKA_BOOTSTRAP_SERVERS", "POSTGRES_URL")}
    env.update({f"HOANHAP_{name.upper()}_PORT": str(free_port()) for name in SERVICE_PORTS})
    process = subprocess.Popen(["make", "up", f"INSTANCE={INSTANCE}"], cwd=REPO, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)
    instance = Instance(INSTANCE)
    try:
        yield process, instance
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(60)
        instance.stop()


class Printed:
    """Everything `make up` prints, read as it comes by a thread of its own, so the process never blocks on a
    full pipe while the test is busy elsewhere (the stopping lines come after a long silence)."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)

    def wait_for(self, text: str, timeout: float) -> list[str]:
        """Lines printed up to and including the first one containing text."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for number, line in enumerate(list(self.lines)):
                if text in line:
                    return self.lines[:number + 1]
            if self.process.poll() is not None and not any(text in line for line in self.lines):
                break
            time.sleep(0.1)
        pytest.fail(f"`make up` never printed {text!r}; it printed:\n{self.tail()}")

    def tail(self) -> str:
        """The last lines printed."""
        return "".join(self.lines[-40:])


def wait_for_status(url: str, expected: int, timeout: float) -> float:
    """Seconds until the URL answers the expected status."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if http_status(url, timeout=5) == expected:
            return time.monotonic() - started
        time.sleep(0.2)
    pytest.fail(f"{url} did not answer {expected} within {timeout} s")


def test_make_up_serves_every_service_loads_demo_data_and_ctrl_c_leaves_nothing_running(make_up):
    process, instance = make_up
    output = Printed(process)
    started = time.monotonic()
    printed = output.wait_for("Press Ctrl-C", timeout=180)
    print(f"make up: everything ready after {time.monotonic() - started:.1f} s")
    for service in instance.services:
        assert any(service.url in line for line in printed), f"make up did not print {service.name}'s URL"
        assert http_status(service.url + "/health/ready") == 200
        assert http_status(service.url + "/health/live") == 200
    output.wait_for("Demo data loaded", timeout=300)
    stats = instance.services[-1].url
    assert http_status(stats + "/dashboard/") == 200
    assert demo_people_managed(stats) > 1000, "the dashboard's figures come from the demo data"

    broker = instance.stack.kafka
    ready_url = instance.services[0].url + "/health/ready"
    broker.stop()
    print(f"broker stopped: 503 after {wait_for_status(ready_url, 503, timeout=15):.1f} s")
    broker.start()
    print(f"broker back: 200 after {wait_for_status(ready_url, 200, timeout=60):.1f} s")

    pids = {name: read_pid(file) for name, file in _pid_files(instance).items()}
    ports = [int(url.rsplit(":", 1)[1]) for url in (s.url for s in instance.services)]
    os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(90)
    except subprocess.TimeoutExpired:
        pytest.fail(f"`make up` did not stop within 90 s of Ctrl-C; it printed:\n{output.tail()}")

    assert {name: pid for name, pid in pids.items() if pid and is_alive(pid)} == {}
    assert [port for port in ports if is_listening(port)] == []
    assert None not in pids.values(), f"a pid file was missing while running: {pids}"


def demo_people_managed(stats_url: str) -> int:
    """Hà Nội's people under management in Vietnam's last closed year, as the public sees it."""
    year = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).year - 1
    deadline = time.monotonic() + 60
    while True:
        with urllib.request.urlopen(f"{stats_url}/v1/provinces/01/communes?from={year}-01-01&to={year}-12-31",
                                    timeout=10) as response:
            total = json.loads(response.read())["people_managed"] or 0
        if total > 1000 or time.monotonic() > deadline:
            return total
        time.sleep(1)


def _pid_files(instance: Instance) -> dict[str, Path]:
    files = {service.name: service.pid_file for service in instance.services}
    files["kafka"] = instance.stack.kafka.pid_file
    files["postgres"] = instance.stack.postgres.pid_file
    return files
