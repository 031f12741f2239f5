"""Checkpoints: signed statements of where the global chain stood, for an auditor to keep outside the database.

A checkpoint says: store S held N events up to position P, the global hash at P was H, at time T. It is signed
with an Ed25519 key that is never in the database (AUDIT_SIGNING_KEY); the auditor keeps the public key. Deleting
the store's newest events, or rewriting history and recomputing every hash after it, leaves a chain consistent in
itself, but not one that still reaches a checkpoint's position with its hash and count.
"""

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from hoanhap.eventstore.canonical import canonical_json, timestamp_text
from hoanhap.eventstore.hash_chain import GENESIS

LINE_FIELDS = {"store", "position", "global_hash", "events", "taken_at", "signature"}


@dataclass(frozen=True, slots=True)
class ChainTip:
    """Where the global chain stands: its last position, the global hash there and how many events lead to it."""

    position: int = 0
    global_hash: bytes = GENESIS
    events: int = 0


EMPTY_STORE = ChainTip()


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A signed statement that the store's global chain stood at tip at taken_at."""

    store: str
    tip: ChainTip
    taken_at: datetime
    signature: bytes

    @property
    def position(self) -> int:
        """The last position the checkpoint vouches for."""
        return self.tip.position

    def statement(self) -> bytes:
        """The bytes the signature covers."""
        return statement(self.store, self.tip, self.taken_at)

    def is_signed_by(self, key: Ed25519PublicKey) -> bool:
        """Whether the signature is the key's over this statement."""
        try:
            key.verify(self.signature, self.statement())
        except InvalidSignature:
            return False
        return True

    def line(self) -> str:
        """The checkpoint as one line of canonical JSON, as kept outside the database."""
        signature = base64.b64encode(self.signature).decode()
        return canonical_json(_stated(self.store, self.tip, self.taken_at) | {"signature": signature})


def statement(store: str, tip: ChainTip, taken_at: datetime) -> bytes:
    """The canonical JSON of what a checkpoint states."""
    return canonical_json(_stated(store, tip, taken_at)).encode()


def _stated(store: str, tip: ChainTip, taken_at: datetime) -> dict[str, object]:
    return {"store": store, "position": tip.position, "global_hash": tip.global_hash.hex(), "events": tip.events,
            "taken_at": timestamp_text(taken_at)}


def signed(key: Ed25519PrivateKey, store: str, tip: ChainTip, taken_at: datetime) -> Checkpoint:
    """A checkpoint of tip, signed with the store's key."""
    return Checkpoint(store, tip, taken_at, key.sign(statement(store, tip, taken_at)))


def checkpoint_of_line(line: str) -> Checkpoint:
    """The checkpoint one line of the outside copy holds; ValueError says what is wrong with it."""
    try:
        fields = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"is not JSON ({error.msg})") from None
    if not isinstance(fields, dict) or set(fields) != LINE_FIELDS:
        raise ValueError(f"is not a checkpoint: it needs exactly the fields {', '.join(sorted(LINE_FIELDS))}")
    try:
        tip = ChainTip(_whole(fields["position"]), bytes.fromhex(fields["global_hash"]), _whole(fields["events"]))
        return Checkpoint(str(fields["store"]), tip, _utc_time(fields["taken_at"]),
                          base64.b64decode(fields["signature"], validate=True))
    except (TypeError, ValueError, binascii.Error) as error:
        raise ValueError(f"has a field that is not what a checkpoint holds ({error})") from None


def _whole(value: object) -> int:
    if type(value) is not int or value < 0:
        raise ValueError(f"{value!r} is not a whole number >= 0")
    return value


def _utc_time(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.utcoffset() is None:
        raise ValueError(f"time {text!r} has no time zone")
    return moment
