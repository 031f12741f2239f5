"""The catalogue of event types and their schema versions, and reading any known version as the newest."""

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

from hoanhap.contracts.errors import MalformedMessage, NewerSchemaVersion, UnknownEventType
from hoanhap.contracts.integration_event import IntegrationEvent
from hoanhap.contracts.services import Service
from hoanhap.contracts.versions.upcasting import EventData, Upcasters

EventClass = type[IntegrationEvent]
Item = TypeVar("Item")
Key = TypeVar("Key", bound=Hashable)


class EventCatalogue:
    """Every event type in every schema version: the current model of each, the superseded ones, upcasters."""

    def __init__(
        self,
        current: Iterable[EventClass],
        superseded: Iterable[EventClass] = (),
        upcasters: Upcasters | None = None,
    ) -> None:
        self._newest = unique_by(current, lambda event: event.event_type)
        self._versions = unique_by(
            (*self._newest.values(), *superseded), lambda event: (event.event_type, event.schema_version)
        )
        self.upcasters = upcasters or Upcasters()
        for event_type, version in self._versions:
            if event_type not in self._newest or version > self._newest[event_type].schema_version:
                raise ValueError(f"{event_type} version {version} is superseded by no current model")

    def newest(self, event_type: str) -> EventClass:
        """The current model of `event_type`; UnknownEventType when there is none."""
        try:
            return self._newest[event_type]
        except KeyError:
            raise UnknownEventType(event_type) from None

    def current_events(self, service: Service | None = None) -> tuple[EventClass, ...]:
        """The current model of every event type, or of those `service` emits, in declaration order."""
        return tuple(event for event in self._newest.values() if service in (None, event.service))

    def every_version(self) -> tuple[EventClass, ...]:
        """Every model of every schema version, ordered by event type then version."""
        return tuple(self._versions[key] for key in sorted(self._versions))

    def newest_readable(self, event_type: str, schema_version: int) -> EventClass:
        """The current model of `event_type` when `schema_version` can be read as it, else an error.

        Raises UnknownEventType, NewerSchemaVersion, or MalformedMessage for a version below 1.
        """
        newest = self.newest(event_type)
        if schema_version > newest.schema_version:
            raise NewerSchemaVersion(event_type, schema_version, newest.schema_version)
        if schema_version < 1:
            raise MalformedMessage(f"{event_type} schema version {schema_version} is below 1")
        return newest

    def read(self, event_type: str, schema_version: int, data: EventData) -> IntegrationEvent:
        """The event in its newest shape from `data` of any known version: validated, upcast, validated.

        Raises what `newest_readable` raises, and pydantic's ValidationError for data that does not fit.
        """
        newest = self.newest_readable(event_type, schema_version)
        if schema_version == newest.schema_version:
            return newest.model_validate(data)
        if (old_model := self._versions.get((event_type, schema_version))) is not None:
            data = old_model.model_validate(data).model_dump(mode="json")
        return newest.model_validate(
            self.upcasters.upcast(event_type, data, schema_version, newest.schema_version)
        )


def unique_by(items: Iterable[Item], key_of: Callable[[Item], Key]) -> dict[Key, Item]:
    """The items keyed by `key_of`; a duplicate key is a ValueError."""
    keyed: dict[Key, Item] = {}
    for item in items:
        key = key_of(item)
        if key in keyed:
            raise ValueError(f"declared twice: {key}")
        keyed[key] = item
    return keyed
