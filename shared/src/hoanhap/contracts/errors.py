"""What can go wrong reading an integration event off Kafka, each as its own exception.

Consumers skip `UnknownEventType` and `NewerSchemaVersion` with a log line (the producer is ahead of them) and
dead-letter `MalformedMessage` (the message itself is wrong).
"""


class ContractError(Exception):
    """Base of every error raised while reading an integration event."""


class UnknownEventType(ContractError):
    """The message names an event type these contracts do not define."""

    def __init__(self, event_type: str) -> None:
        super().__init__(f"unknown event type {event_type!r}")
        self.event_type = event_type


class NewerSchemaVersion(ContractError):
    """The message carries a schema version newer than the newest these contracts know."""

    def __init__(self, event_type: str, version: int, newest_known: int) -> None:
        super().__init__(
            f"{event_type} schema version {version} is newer than the newest known here ({newest_known})"
        )
        self.event_type = event_type
        self.version = version
        self.newest_known = newest_known


class MalformedMessage(ContractError):
    """The message is not a valid integration event; `reason` says why in words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class MissingUpcaster(ContractError):
    """An older schema version is known but no upcaster leads from it to the next one (a bug here)."""

    def __init__(self, event_type: str, from_version: int) -> None:
        super().__init__(f"no upcaster registered for {event_type} from version {from_version}")
        self.event_type = event_type
        self.from_version = from_version
