"""Advisory lock keys derived from names, so unrelated locks in one database never share a key by accident."""

from hashlib import sha256


def advisory_lock_key(name: str) -> int:
    """A signed 64-bit key for pg_advisory_lock, stable for a given name."""
    return int.from_bytes(sha256(name.encode()).digest()[:8], "big", signed=True)

