"""The Ed25519 keys of checkpoints, as base64 of their 32 raw bytes (``openssl rand -base64 32`` makes a
private key)."""

import base64
import binascii

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

KEY_BYTES = 32


def raw_key(text: str) -> bytes:
    """The 32 bytes base64 text holds; ValueError says why not."""
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("must be base64 (e.g. `openssl rand -base64 32`)") from None
    if len(raw) != KEY_BYTES:
        raise ValueError(f"must decode to exactly {KEY_BYTES} bytes, not {len(raw)}")
    return raw


def signing_key(text: str) -> Ed25519PrivateKey:
    """The private key base64 text holds."""
    return Ed25519PrivateKey.from_private_bytes(raw_key(text))


def public_key(text: str) -> Ed25519PublicKey:
    """The public key base64 text holds."""
    return Ed25519PublicKey.from_public_bytes(raw_key(text))


def public_key_text(key: Ed25519PrivateKey) -> str:
    """The base64 of the private key's public key: what the auditor keeps."""
    return base64.b64encode(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()
