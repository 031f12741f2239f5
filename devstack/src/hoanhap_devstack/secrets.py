"""Development keys of one devstack instance: made once, kept with its data so sealed identities stay readable.

Each service gets only the keys it needs (`KEYS_OF`): the registry its master key, the identity digest key and the key
that signs its event store's checkpoints, the credit service the identity digest key and its own master key (wrapping
borrowers' keys), supervision the key wrapping the keys that seal its notes, stats none (docs/threat-model.md).
"""

import base64
import json
import os
from pathlib import Path

KEYS_OF: dict[str, tuple[str, ...]] = {
    "registry": ("IDENTITY_MASTER_KEY", "IDENTITY_DIGEST_KEY", "AUDIT_SIGNING_KEY"),
    "credit": ("IDENTITY_DIGEST_KEY", "BORROWER_MASTER_KEY"),
    "supervision": ("NOTES_MASTER_KEY",),
}
DEVELOPMENT_KEYS = ("IDENTITY_MASTER_KEY", "IDENTITY_DIGEST_KEY", "AUDIT_SIGNING_KEY", "NOTES_MASTER_KEY",
                    "BORROWER_MASTER_KEY")


def development_keys(home: Path, service: str) -> dict[str, str]:
    """The service's random keys of this instance as environment variables, any missing one created on first use
    (never for production)."""
    file = home / "development-keys.json"
    keys = dict(json.loads(file.read_text())) if file.exists() else {}
    missing = [name for name in DEVELOPMENT_KEYS if name not in keys]
    if missing:
        keys.update({name: base64.b64encode(os.urandom(32)).decode() for name in missing})
        home.mkdir(parents=True, exist_ok=True)
        file.write_text(json.dumps(keys))
        file.chmod(0o600)
    return {name: keys[name] for name in KEYS_OF.get(service, ())}
