"""PostgreSQL refuses to run as root: as root, its programs run as the ``postgres`` user, whose data must lie where
that user can reach."""

import hashlib
import os
import pwd
import subprocess
from pathlib import Path
from typing import Any

from hoanhap_devstack.errors import DevstackError

OWN_FOLDER = "hoanhap-devstack"


def as_postgres_user() -> dict[str, Any]:
    """Options of subprocess.run/Popen that run a program as the postgres user when we are root; none otherwise."""
    if os.geteuid() != 0:
        return {}
    account = postgres_account()
    env = {**os.environ, "HOME": account.pw_dir, "USER": "postgres", "LOGNAME": "postgres"}
    return {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": [], "env": env, "cwd": "/"}


def postgres_account() -> pwd.struct_passwd:
    """The postgres user's account."""
    try:
        return pwd.getpwnam("postgres")
    except KeyError as missing:
        raise DevstackError("running as root but there is no `postgres` user to run PostgreSQL as; "
                            "install Debian's postgresql package or run as an ordinary user") from missing


def data_folder(home: Path) -> Path:
    """home/data, unless we are root and the postgres user cannot reach home (a checkout under /root, mode 700):
    then a folder of this checkout's own in that user's home directory."""
    if os.geteuid() != 0 or postgres_reaches(nearest_existing(home)):
        return home / "data"
    account = postgres_account()
    own = Path(account.pw_dir) / OWN_FOLDER
    if not postgres_reaches(Path(account.pw_dir)):
        raise DevstackError(f"the postgres user can reach neither {home} nor its home {account.pw_dir}: move the "
                            "checkout under a folder other users may enter (e.g. /srv), or set HOANHAP_CACHE to one")
    return own / hashlib.sha256(str(home).encode()).hexdigest()[:16] / "data"


def postgres_reaches(folder: Path) -> bool:
    """True when the postgres user may enter folder (every folder above it included)."""
    result = subprocess.run(["test", "-x", str(folder)], check=False, **as_postgres_user())  # noqa: S603, S607
    return result.returncode == 0


def nearest_existing(path: Path) -> Path:
    """The path itself or its nearest ancestor that exists."""
    return next(folder for folder in (path, *path.parents) if folder.exists())


def hand_to_postgres_user(*paths: Path) -> None:
    """Give the folders and files to the postgres user when we are root."""
    if os.geteuid() != 0:
        return
    account = postgres_account()
    for path in paths:
        os.chown(path, account.pw_uid, account.pw_gid)
