"""How far a relay is behind its store."""

from dataclasses import dataclass


@dataclass(frozen=True)
class RelayLag:
    """Events committed but not yet acknowledged, and the age of the oldest of them."""

    events: int
    seconds: float
