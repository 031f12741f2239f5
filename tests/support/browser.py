"""Headless Chromium (Debian's) driven over the DevTools protocol: open a page, read it, take a screenshot."""

import asyncio
import base64
import itertools
import json
import os
import signal
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

import websockets

from hoanhap_devstack.chromium import ensure_chromium
from hoanhap_devstack.ports import free_port

FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-zygote",
         "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--window-size=1280,1200"]


class Browser:
    """One Chromium process with one page, controlled through its DevTools WebSocket."""

    def __init__(self) -> None:
        self.port = free_port()
        self.profile = tempfile.TemporaryDirectory()
        self.process = subprocess.Popen([ensure_chromium(), *FLAGS, f"--user-data-dir={self.profile.name}",
                                         f"--remote-debugging-port={self.port}", "about:blank"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        start_new_session=True)
        self.ids = itertools.count(1)
        self.socket: Any = None

    async def __aenter__(self) -> "Browser":
        try:
            self.socket = await websockets.connect(self._page_socket(), max_size=50_000_000)
            await self.call("Page.enable")
        except BaseException:
            await self.__aexit__()
            raise
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.socket is not None:
            await self.socket.close()
        self._stop_every_chromium_process()
        self.profile.cleanup()

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one DevTools command and return its result."""
        request_id = next(self.ids)
        await self.socket.send(json.dumps({"id": request_id, "method": method, "params": params}))
        while True:
            answer = json.loads(await self.socket.recv())
            if answer.get("id") == request_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return dict(answer.get("result", {}))

    async def open(self, url: str) -> None:
        """Navigate the page."""
        await self.call("Page.navigate", url=url)

    async def text_of(self, element_id: str) -> str:
        """The text of an element, or '' while it does not exist."""
        result = await self.call("Runtime.evaluate", returnByValue=True,
                                 expression=f"document.getElementById({element_id!r})?.textContent ?? ''")
        return str(result["result"].get("value", ""))

    async def wait_for_text(self, element_id: str, predicate: Any, timeout: float = 30) -> str:
        """Poll the element's text until predicate(text) holds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = await self.text_of(element_id)
            if predicate(text):
                return text
            await asyncio.sleep(0.2)
        raise AssertionError(f"#{element_id} never satisfied the condition; last text {text!r}")

    async def screenshot(self, path: Path) -> None:
        """Save the page as a PNG."""
        image = base64.b64decode((await self.call("Page.captureScreenshot", format="png"))["data"])
        await asyncio.to_thread(save, path, image)

    def _stop_every_chromium_process(self) -> None:
        """Chromium's helper processes outlive the browser and keep writing its profile: end its whole group."""
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(10)
        if not group_ends(self.process.pid, within=10):
            os.killpg(self.process.pid, signal.SIGKILL)
            group_ends(self.process.pid, within=5)

    def _page_socket(self) -> str:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/json", timeout=2) as response:
                    pages = [t for t in json.loads(response.read()) if t["type"] == "page"]
                if pages:
                    return str(pages[0]["webSocketDebuggerUrl"])
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError("Chromium did not open its DevTools port")


def group_ends(group: int, within: float) -> bool:
    """Wait until no process of the group runs (zombies do not count); False if some still run."""
    deadline = time.monotonic() + within
    while running_members(group):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def running_members(group: int) -> list[str]:
    """The pids of the group's processes that are neither dead nor zombies, read from /proc."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            state, _parent, process_group = stat.read_text().rsplit(")", 1)[1].split()[:3]
        except (OSError, IndexError):
            continue
        if int(process_group) == group and state not in "ZX":
            members.append(stat.parent.name)
    return members


def save(path: Path, content: bytes) -> None:
    """Write the file, making its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
