"""The four services run as processes against a stack, as `make up` does."""

import os
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from hoanhap_devstack import processes
from hoanhap_devstack.errors import DevstackError
from hoanhap_devstack.port_plan import PortPlan
from hoanhap_devstack.secrets import development_keys

SERVICE_PORTS = {"registry": 8001, "supervision": 8002, "credit": 8003, "stats": 8004}
READY_TIMEOUT = 60.0


@dataclass(frozen=True)
class ServiceProcess:
    """One service of one devstack instance: its port, pid file and log."""

    name: str
    home: Path
    ports: PortPlan

    @property
    def pid_file(self) -> Path:
        """Where the service's pid is kept."""
        return self.home / "services" / f"{self.name}.pid"

    @property
    def log_file(self) -> Path:
        """Where the service's output goes."""
        return self.home / "logs" / f"{self.name}.log"

    @property
    def url(self) -> str:
        """The service's base URL."""
        return f"http://127.0.0.1:{self.ports.get(self.name)}"

    def start(self, database_url: str, kafka_bootstrap_servers: str) -> None:
        """Start the service's console entry point with its environment."""
        port = self.ports.claim(self.name, f"HOANHAP_{self.name.upper()}_PORT", SERVICE_PORTS[self.name])
        self.pid_file.parent.mkdir(parents=True, exist_ok=True)
        env = {**development_keys(self.home, self.name), **os.environ, "DATABASE_URL": database_url,
               "HTTP_PORT": str(port), "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap_servers}
        command = [str(Path(sys.executable).parent / f"hoanhap-{self.name}")]
        processes.spawn(command, self.log_file, self.pid_file, env=env)

    def wait_ready(self) -> None:
        """Wait until /health/ready answers 200."""
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self.running_pid() is None:
                raise DevstackError(f"the {self.name} service exited during start-up; see {self.log_file}")
            if http_status(self.url + "/health/ready") == 200:
                return
            time.sleep(0.3)
        raise DevstackError(f"{self.name} was not ready within {READY_TIMEOUT:.0f} s; see {self.log_file}")

    def stop(self) -> None:
        """Stop the service gracefully."""
        pid = self.running_pid()
        if pid is not None:
            processes.stop(pid, grace=15.0)
        self.pid_file.unlink(missing_ok=True)

    def running_pid(self) -> int | None:
        """The service's pid when it runs."""
        return processes.running_pid(self.pid_file, f"hoanhap-{self.name}")


def http_status(url: str, timeout: float = 3.0) -> int | None:
    """The HTTP status of a GET, or None when nothing answered."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback only
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)
    except OSError:
        return None
