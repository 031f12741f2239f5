"""Payloads in the JSON form PostgreSQL's jsonb gives back: whole floats as integers, nothing jsonb refuses.

jsonb keeps numbers as decimals and prints ``1e+16`` back as ``10000000000000000`` and ``100.0`` as
``100.0``. Writing every whole float as an integer, and refusing what jsonb cannot hold (NaN, infinities,
the NUL character, keys that are not text), makes an event read back from either store encode to exactly
the bytes it was hashed from, so verification never raises a false alarm.
"""

import math
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from hoanhap.eventstore.errors import InvalidEvent


class _Unstorable(Exception):
    """A value jsonb cannot hold; path grows as the refusal travels up to the top of the document."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        self.path = ""


def normalised(value: Any, where: str = "payload") -> Any:
    """A fresh JSON-ready copy of value in normal form; InvalidEvent says what cannot be stored and where."""
    try:
        return _normal(value)
    except _Unstorable as refusal:
        raise InvalidEvent(f"{where}{refusal.path} {refusal.reason}") from None


def _normal(value: Any) -> Any:
    kind = type(value)
    if kind is str:
        if "\x00" in value:
            raise _Unstorable("contains the NUL character, which PostgreSQL cannot store")
        return value
    if value is None or kind is int or kind is bool:
        return value
    if kind is float:
        return _normal_float(value)
    if isinstance(value, Mapping):
        return _normal_object(value)
    if isinstance(value, list | tuple):
        return _normal_array(value)
    if isinstance(value, str):  # a subclass, e.g. a StrEnum member: its text
        return _normal(str.__str__(value))
    if isinstance(value, int):  # e.g. an IntEnum member: its number
        return int(value)
    if isinstance(value, float):
        return _normal_float(float(value))
    raise _Unstorable(f"is a {kind.__name__}, which JSON cannot represent")


def _normal_object(value: Mapping[Any, Any]) -> dict[str, Any]:
    document = {}
    for key, item in value.items():
        if type(key) is not str:
            raise _Unstorable(f"has the key {key!r}; JSON object keys must be text")
        if "\x00" in key:
            raise _Unstorable("has a key containing the NUL character, which PostgreSQL cannot store")
        try:
            document[key] = _normal(item)
        except _Unstorable as refusal:
            refusal.path = f".{key}{refusal.path}"
            raise
    return document


def _normal_array(value: list[Any] | tuple[Any, ...]) -> list[Any]:
    array = []
    for index, item in enumerate(value):
        try:
            array.append(_normal(item))
        except _Unstorable as refusal:
            refusal.path = f"[{index}]{refusal.path}"
            raise
    return array


def _normal_float(value: float) -> float | int:
    if not math.isfinite(value):
        raise _Unstorable(f"is {value}, which JSON cannot represent")
    if value.is_integer():
        return int(Decimal(repr(value)))  # through the shortest decimal, as jsonb reads it: 1e+16 -> 10**16
    return value
