"""Where the devstack keeps downloads, data, logs and pid files."""

import os
from pathlib import Path


def repo_root() -> Path:
    """The checkout this package runs from (the folder holding the workspace pyproject)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").exists() and (parent / "services").is_dir():
            return parent
    return Path.cwd()


def cache_root() -> Path:
    """The ignored cache folder: HOANHAP_CACHE, else .cache in the checkout."""
    configured = os.environ.get("HOANHAP_CACHE")
    return Path(configured).resolve() if configured else repo_root() / ".cache"


def instance_dir(instance: str) -> Path:
    """The folder of one running stack (``up`` for make up, ``test`` for a test session)."""
    return cache_root() / "devstack" / instance
