"""Background server processes tracked by pid files, started in their own session."""

import contextlib
import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any


def read_pid(pid_file: Path) -> int | None:
    """The pid stored in the file, or None when there is no usable file."""
    try:
        return int(pid_file.read_text().strip())
    except (OSError, ValueError):
        return None


def is_alive(pid: int) -> bool:
    """True when the process exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def command_line(pid: int) -> str:
    """The process's command line, or an empty string when it is gone."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def running_pid(pid_file: Path, marker: str) -> int | None:
    """The live process recorded in the pid file whose command line holds marker; clears a stale file."""
    pid = read_pid(pid_file)
    if pid is not None and is_alive(pid) and marker in command_line(pid):
        return pid
    pid_file.unlink(missing_ok=True)
    return None


def spawn(command: list[str], log_file: Path, pid_file: Path, **options: Any) -> int:
    """Start command in a new session, output appended to log_file, pid written to pid_file."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    with open(log_file, "ab") as log:
        process = subprocess.Popen(  # noqa: S603 - commands are built by the devstack itself
            command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True, **options,
        )
    pid_file.write_text(str(process.pid))
    return process.pid


def stop(pid: int, stop_signal: int = signal.SIGTERM, grace: float = 30.0) -> None:
    """Ask the process (and its session) to stop, then kill it when it has not stopped in time."""
    _signal_group(pid, stop_signal)
    if not wait_gone(pid, grace):
        _signal_group(pid, signal.SIGKILL)
        wait_gone(pid, 5.0)


def wait_gone(pid: int, timeout: float) -> bool:
    """Wait until the process has exited; True when it did in time."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        _reap(pid)
        if not is_alive(pid):
            return True
        time.sleep(0.05)
    return not is_alive(pid)


def _signal_group(pid: int, sig: int) -> None:
    try:
        os.killpg(pid, sig)
    except (ProcessLookupError, PermissionError):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)


def _reap(pid: int) -> None:
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
