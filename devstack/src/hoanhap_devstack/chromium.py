"""Debian's Chromium for browser tests: found on the machine, or installed from Debian's packages when root."""

import os
import shutil
import subprocess

from hoanhap_devstack.errors import DevstackError


def ensure_chromium() -> str:
    """The path of a Chromium binary, installing Debian's `chromium` package when missing and allowed."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        raise DevstackError("browser tests need Chromium; install Debian's `chromium` package "
                            "(sudo apt-get install chromium)")
    print("devstack: installing Chromium from Debian's packages for the browser tests (once)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", "chromium"]
    if subprocess.run(install, env=env, capture_output=True, check=False).returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True, check=False)
        result = subprocess.run(install, env=env, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise DevstackError("apt-get could not install chromium (is Debian's package registry reachable?)")
    path = shutil.which("chromium")
    if path is None:
        raise DevstackError("Debian's chromium package installed no `chromium` binary")
    return path
