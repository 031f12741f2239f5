"""How much memory a running service takes: the resident size of its process tree, read from /proc (Linux)."""

import threading
from pathlib import Path
from urllib.parse import urlsplit


def process_listening_on(url: str) -> int:
    """The service process started with the URL's port."""
    wanted = f"HTTP_PORT={urlsplit(url).port}".encode()
    for entry in Path("/proc").iterdir():
        try:
            if (entry.name.isdigit() and wanted in (entry / "environ").read_bytes().split(b"\0")
                    and b"hoanhap-" in (entry / "cmdline").read_bytes()):
                return int(entry.name)
        except OSError:
            continue
    raise AssertionError(f"no process serves {url}")


def tree_rss(root: int) -> int:
    """Resident bytes of the process and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    resident: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit():
                status = dict(line.split(":", 1) for line in (entry / "status").read_text().splitlines() if ":" in line)
                parents[int(entry.name)] = int(status["PPid"])
                resident[int(entry.name)] = int(status.get("VmRSS", "0 kB").split()[0]) * 1024
        except (OSError, KeyError, ValueError):
            continue
    tree, added = {root}, True
    while added:
        children = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= children
        added = bool(children)
    return sum(resident.get(pid, 0) for pid in tree)


class PeakMemory:
    """The largest resident size of a process tree, sampled in the background while in use."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, tree_rss(pid), threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(0.1):
            self.peak = max(self.peak, tree_rss(self.pid))

    def __enter__(self) -> "PeakMemory":
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
