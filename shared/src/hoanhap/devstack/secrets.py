"""Development keys of one devstack instance: made once, kept with its data so sealed identities stay readable."""

import base64
import json
import os
from pathlib import Path

DEVELOPMENT_KEYS = ("IDENTITY_MASTER_KEY", "NATIONAL_ID_DIGEST_KEY")


def development_keys(home: Path) -> dict[str, str]:
    """The instance's random keys as environment variables, created on first use (never for production)."""
    file = home / "development-keys.json"
    if file.exists():
        return dict(json.loads(file.read_text()))
    keys = {name: base64.b64encode(os.urandom(32)).decode() for name in DEVELOPMENT_KEYS}
    home.mkdir(parents=True, exist_ok=True)
    file.write_text(json.dumps(keys))
    file.chmod(0o600)
    return keys
