"""The four services (bounded contexts) of Hoà Nhập, by the name used in topics and CloudEvents sources."""

from enum import StrEnum


class Service(StrEnum):
    """A service; each is run by one agency and emits events on its own topic (stats emits none)."""

    REGISTRY = "registry"
    SUPERVISION = "supervision"
    CREDIT = "credit"
    STATS = "stats"
