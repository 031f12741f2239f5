"""A private PostgreSQL cluster of one devstack instance, run as the postgres user when we are root."""

import asyncio
import os
import pwd
import shutil
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

from hoanhap.devstack import processes
from hoanhap.devstack.errors import DevstackError
from hoanhap.devstack.port_plan import PortPlan
from hoanhap.devstack.postgres_binaries import ensure_postgres_binaries

SUPERUSER = "hoanhap"
READY_TIMEOUT = 60.0
SETTINGS = {
    "listen_addresses": "127.0.0.1",
    "unix_socket_directories": "",
    "max_connections": "300",
    "shared_buffers": "256MB",
    "fsync": "on",
    "log_min_messages": "warning",
}


class PostgresServer:
    """The cluster of one instance: its folder holds the data directory, a log and the pid file."""

    def __init__(self, home: Path, ports: PortPlan) -> None:
        self.home = home
        self.ports = ports
        self.data = home / "data"
        self.pid_file = home / "postgres.pid"

    @property
    def url(self) -> str:
        """An administrative URL (the ``postgres`` database) of this cluster."""
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.ports.get('postgres')}/postgres"

    def start(self, fresh: bool = False) -> None:
        """Start the cluster unless it already runs, creating it on first use."""
        if self.running_pid() is not None:
            return
        if fresh:
            shutil.rmtree(self.data, ignore_errors=True)
        bindir = ensure_postgres_binaries()
        self.ports.claim("postgres", "HOANHAP_POSTGRES_PORT")
        self._init_once(bindir)
        command = [str(bindir / "postgres"), "-D", str(self.data), "-p", str(self.ports.get("postgres"))]
        for key, value in SETTINGS.items():
            command += ["-c", f"{key}={value}"]
        processes.spawn(command, self.home / "postgres.log", self.pid_file, **_as_postgres_user())
        self._wait_ready()

    def stop(self) -> None:
        """Stop with a fast shutdown (SIGINT), killing the server if it hangs."""
        pid = self.running_pid()
        if pid is not None:
            processes.stop(pid, stop_signal=signal.SIGINT, grace=30.0)
        self.pid_file.unlink(missing_ok=True)

    def running_pid(self) -> int | None:
        """The postmaster's pid when it runs."""
        return processes.running_pid(self.pid_file, str(self.data))

    def _init_once(self, bindir: Path) -> None:
        if (self.data / "PG_VERSION").exists():
            return
        shutil.rmtree(self.data, ignore_errors=True)
        self.data.mkdir(parents=True)
        _hand_to_postgres_user(self.home)
        command = [str(bindir / "initdb"), "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
                   "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"]
        result = subprocess.run(command, capture_output=True, text=True, check=False,  # noqa: S603
                                **_as_postgres_user())
        if result.returncode != 0:
            shutil.rmtree(self.data, ignore_errors=True)
            detail = (result.stderr.strip().splitlines() or ["no output"])[-1]
            raise DevstackError(f"initdb failed in {self.data}: {detail}")

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self.running_pid() is None:
                raise DevstackError(f"PostgreSQL exited during start-up; see {self.home / 'postgres.log'}")
            if asyncio.run(server_answers(self.url)):
                return
            time.sleep(0.2)
        raise DevstackError(f"PostgreSQL did not accept connections in {READY_TIMEOUT:.0f} s; "
                            f"see {self.home / 'postgres.log'}")


async def server_answers(url: str, timeout: float = 2.0) -> bool:
    """True when the server accepts a connection and answers a query."""
    import asyncpg

    try:
        connection = await asyncpg.connect(url, timeout=timeout)
    except Exception:  # noqa: BLE001 - any failure means "not ready yet"
        return False
    try:
        return bool(await connection.fetchval("SELECT 1"))
    finally:
        await connection.close()


def _as_postgres_user() -> dict[str, Any]:
    """PostgreSQL refuses to run as root: as root, run its programs as the postgres user."""
    if os.geteuid() != 0:
        return {}
    try:
        account = pwd.getpwnam("postgres")
    except KeyError as missing:
        raise DevstackError("running as root but there is no `postgres` user to run PostgreSQL as; "
                            "install Debian's postgresql package or run as an ordinary user") from missing
    env = {**os.environ, "HOME": account.pw_dir, "USER": "postgres", "LOGNAME": "postgres"}
    return {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": [], "env": env,
            "cwd": "/"}


def _hand_to_postgres_user(home: Path) -> None:
    if os.geteuid() != 0:
        return
    account = pwd.getpwnam("postgres")
    for path in (home, home / "data"):
        os.chown(path, account.pw_uid, account.pw_gid)
    log = home / "postgres.log"
    log.touch()
    os.chown(log, account.pw_uid, account.pw_gid)
