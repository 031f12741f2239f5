"""Sealing what is said about a person with a key of their own, so destroying the key erases it (crypto-shredding).

A person's key is random (AES-256-GCM); it is stored wrapped by the deployment's master key, with the person id
as associated data so a wrapped key, or a sealed text, cannot be moved to another person. Sealed texts live in an
immutable event store; the key lives in the service's ``person_keys`` table (``hoanhap.person_keys``) and nowhere
else. The registry seals identities with it, supervision its notes and reasons.
"""

import base64
import os
import uuid

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NONCE_BYTES = 12


def new_person_key() -> bytes:
    """A fresh random 256-bit key for one person."""
    return AESGCM.generate_key(bit_length=256)


def seal_bytes(plaintext: bytes, person_key: bytes, person_id: uuid.UUID) -> str:
    """The bytes encrypted with the person's key, as base64 text."""
    return _encrypt(person_key, plaintext, person_id)


def unseal_bytes(sealed: str, person_key: bytes, person_id: uuid.UUID) -> bytes:
    """The bytes a sealed text holds; ValueError when the key does not fit."""
    return _decrypt(person_key, sealed, person_id)


def seal_text(text: str, person_key: bytes, person_id: uuid.UUID) -> str:
    """A free text encrypted with the person's key, as base64 text."""
    return seal_bytes(text.encode(), person_key, person_id)


def unseal_text(sealed: str, person_key: bytes, person_id: uuid.UUID) -> str:
    """The free text a sealed text holds; ValueError when the key does not fit."""
    return unseal_bytes(sealed, person_key, person_id).decode()


def wrap_key(person_key: bytes, master_key: bytes, person_id: uuid.UUID) -> bytes:
    """The person's key encrypted with the deployment's master key."""
    return base64.b64decode(_encrypt(master_key, person_key, person_id))


def unwrap_key(wrapped: bytes, master_key: bytes, person_id: uuid.UUID) -> bytes:
    """The person's key from its wrapped form."""
    return _decrypt(master_key, base64.b64encode(wrapped).decode(), person_id)


def _encrypt(key: bytes, plaintext: bytes, person_id: uuid.UUID) -> str:
    nonce = os.urandom(NONCE_BYTES)
    return base64.b64encode(nonce + AESGCM(key).encrypt(nonce, plaintext, person_id.bytes)).decode()


def _decrypt(key: bytes, sealed: str, person_id: uuid.UUID) -> bytes:
    raw = base64.b64decode(sealed)
    try:
        return AESGCM(key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], person_id.bytes)
    except InvalidTag as error:
        raise ValueError("the key does not open this sealed text") from error
