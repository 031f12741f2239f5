"""Debian's PostgreSQL server binaries: found on the machine, or installed from Debian's packages."""

import os
import shutil
import subprocess
from pathlib import Path

from hoanhap_devstack.errors import DevstackError

DEBIAN_ROOT = Path("/usr/lib/postgresql")


def ensure_postgres_binaries() -> Path:
    """The bin folder holding initdb and postgres, installing Debian's package when root may."""
    found = _find_bindir()
    if found is not None:
        return found
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        raise DevstackError(
            "PostgreSQL server binaries (initdb, postgres) were not found; install Debian's "
            "`postgresql` package (sudo apt-get install postgresql) or set POSTGRES_URL to an existing server"
        )
    _install_from_debian()
    found = _find_bindir()
    if found is None:
        raise DevstackError("installing Debian's postgresql package did not provide initdb; "
                            "install PostgreSQL by hand or set POSTGRES_URL")
    return found


def _find_bindir() -> Path | None:
    candidates = sorted(DEBIAN_ROOT.glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    if candidates:
        return candidates[-1].parent
    pg_config = shutil.which("pg_config")
    if pg_config:
        bindir = Path(subprocess.run([pg_config, "--bindir"], capture_output=True, text=True,
                                     check=False).stdout.strip())
        if (bindir / "initdb").exists() and (bindir / "postgres").exists():
            return bindir
    return None


def _install_from_debian() -> None:
    print("devstack: installing PostgreSQL from Debian's packages (once)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", "postgresql"]
    if subprocess.run(install, env=env, capture_output=True, check=False).returncode == 0:
        return
    subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True, check=False)
    result = subprocess.run(install, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise DevstackError("apt-get could not install postgresql (is Debian's package registry reachable?): "
                            + (result.stderr.strip().splitlines() or ["no output"])[-1])
