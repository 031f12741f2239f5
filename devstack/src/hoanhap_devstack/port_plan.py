"""The ports one devstack instance uses, kept stable across restarts in a small JSON file."""

import json
import os
from pathlib import Path

from hoanhap_devstack.errors import DevstackError
from hoanhap_devstack.ports import free_port, is_port_free


class PortPlan:
    """Named ports of one instance: a configured port must be free; otherwise any free port is taken."""

    def __init__(self, file: Path) -> None:
        self.file = file

    def get(self, name: str) -> int:
        """The port recorded for name."""
        return int(self._load()[name])

    def claim(self, name: str, env_var: str, default: int | None = None) -> int:
        """Reserve a port for name: the one in env_var (must be free), the recorded one, default, or any."""
        configured = os.environ.get(env_var)
        if configured:
            return self._record(name, _configured_port(configured, env_var))
        for candidate in (self._load().get(name), default):
            if candidate is not None and is_port_free(int(candidate)):
                return self._record(name, int(candidate))
        if default is not None:
            raise DevstackError(f"port {default} for {name} is busy; stop what uses it "
                                f"(ss -ltnp 'sport = :{default}') or set {env_var} to another port")
        return self._record(name, free_port())

    def _record(self, name: str, port: int) -> int:
        ports = self._load()
        ports[name] = port
        self.file.parent.mkdir(parents=True, exist_ok=True)
        self.file.write_text(json.dumps(ports, indent=1, sort_keys=True))
        return port

    def _load(self) -> dict[str, int]:
        try:
            return dict(json.loads(self.file.read_text()))
        except (OSError, ValueError):
            return {}


def _configured_port(value: str, env_var: str) -> int:
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise DevstackError(f"{env_var}={value} is not a TCP port number (1-65535)")
    port = int(value)
    if not is_port_free(port):
        raise DevstackError(f"port {port} ({env_var}) is busy; stop what uses it "
                            f"(ss -ltnp 'sport = :{port}') or set {env_var} to another port")
    return port
