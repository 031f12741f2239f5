"""A private PostgreSQL cluster of one devstack instance, run as the postgres user when we are root."""

import asyncio
import shutil
import signal
import subprocess
import time
from functools import cached_property
from pathlib import Path

from hoanhap_devstack import processes
from hoanhap_devstack.errors import DevstackError
from hoanhap_devstack.port_plan import PortPlan
from hoanhap_devstack.postgres_binaries import ensure_postgres_binaries
from hoanhap_devstack.postgres_user import as_postgres_user, data_folder, hand_to_postgres_user

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
        self.pid_file = home / "postgres.pid"

    @cached_property
    def data(self) -> Path:
        """The data directory: in home, or outside it when the postgres user cannot reach home."""
        return data_folder(self.home)

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
        processes.spawn(command, self.home / "postgres.log", self.pid_file, **as_postgres_user())
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
        if (self.data / "PG_VERSION").exists() and self._data_belongs_here():
            return
        shutil.rmtree(self.data, ignore_errors=True)
        self.home.mkdir(parents=True, exist_ok=True)
        self.data.mkdir(parents=True)
        log = self.home / "postgres.log"
        log.touch()
        hand_to_postgres_user(self.home, *self._own_folders(), log)
        command = [str(bindir / "initdb"), "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
                   "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"]
        result = subprocess.run(command, capture_output=True, text=True, check=False,  # noqa: S603
                                **as_postgres_user())
        if result.returncode != 0:
            shutil.rmtree(self.data, ignore_errors=True)
            detail = (result.stderr.strip().splitlines() or ["no output"])[-1]
            raise DevstackError(f"initdb failed in {self.data}: {detail}")
        self.location_note.write_text(f"{self.data}\n")

    @property
    def location_note(self) -> Path:
        """The file in home that names the data directory (a folder outside home is found by it)."""
        return self.home / "data-location"

    def _data_belongs_here(self) -> bool:
        """A data directory outside home is this instance's only while home still names it: a removed and
        recreated instance starts empty, as one inside home does."""
        return self.data.is_relative_to(self.home) or self.location_note.exists()

    def _own_folders(self) -> list[Path]:
        """The data folder and those made for it outside home, up to the postgres user's home."""
        if self.data.is_relative_to(self.home):
            return [self.data]
        return [self.data, *self.data.parents[:2]]

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
