"""Upcasting: raising an event's data from an older schema version to the newest, one version at a time."""

from collections.abc import Callable
from typing import Any

from hoanhap.contracts.errors import MissingUpcaster

EventData = dict[str, Any]
UpcastStep = Callable[[EventData], EventData]


class Upcasters:
    """Upcast steps keyed by (event type, from version); a step returns the data of from version + 1."""

    def __init__(self) -> None:
        self._steps: dict[tuple[str, int], UpcastStep] = {}

    def register(self, event_type: str, from_version: int) -> Callable[[UpcastStep], UpcastStep]:
        """Decorator: the step turning `event_type` data of `from_version` into `from_version + 1`."""

        def add(step: UpcastStep) -> UpcastStep:
            if (event_type, from_version) in self._steps:
                raise ValueError(f"an upcaster for {event_type} from version {from_version} exists")
            self._steps[(event_type, from_version)] = step
            return step

        return add

    def has_step(self, event_type: str, from_version: int) -> bool:
        """Whether a step from `from_version` of `event_type` is registered."""
        return (event_type, from_version) in self._steps

    def upcast(self, event_type: str, data: EventData, from_version: int, to_version: int) -> EventData:
        """The data raised from `from_version` to `to_version` through every step in between."""
        for version in range(from_version, to_version):
            step = self._steps.get((event_type, version))
            if step is None:
                raise MissingUpcaster(event_type, version)
            data = step(data)
        return data
