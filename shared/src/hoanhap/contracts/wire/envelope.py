"""The envelope: an integration event with its CloudEvents 1.0 attributes and Hoà Nhập's extensions.

Only what cannot be derived from the event is stored; type, source, subject, dataschema and the schema
version are read off the event itself, so an envelope can never contradict its data.
"""

from typing import ClassVar, Literal
from uuid import UUID

from pydantic import Field, InstanceOf, SerializeAsAny

from hoanhap.contracts.integration_event import ContractModel, IntegrationEvent
from hoanhap.contracts.services import Service
from hoanhap.contracts.values import UtcDateTime
from hoanhap.contracts.wire.routing import subject_of


def source_of(service: Service) -> str:
    """The CloudEvents `source` of every event `service` emits, e.g. "/hoanhap/registry"."""
    return f"/hoanhap/{service}"


class Envelope(ContractModel):
    """One integration event as it travels: CloudEvents attributes, extensions and the event as data."""

    specversion: ClassVar[Literal["1.0"]] = "1.0"
    datacontenttype: ClassVar[Literal["application/json"]] = "application/json"

    id: UUID = Field(description="The event's unique id (the event store's event id)")
    time: UtcDateTime = Field(description="When the event was recorded")
    stream_version: int = Field(ge=0, description="Version of the event in its source stream")
    correlation_id: str = Field(min_length=1, description="Id of the request that started the chain")
    causation_id: str | None = Field(
        default=None, min_length=1, description="Id of the command or event that directly caused this one"
    )
    data: SerializeAsAny[InstanceOf[IntegrationEvent]]

    @property
    def type(self) -> str:
        """The CloudEvents `type`: the event type, e.g. "hoanhap.registry.ReleaseRegistered"."""
        return self.data.event_type

    @property
    def source(self) -> str:
        """The CloudEvents `source`: the emitting service."""
        return source_of(self.data.service)

    @property
    def subject(self) -> str:
        """The CloudEvents `subject`: what the event is about, also the Kafka key."""
        return subject_of(self.data)

    @property
    def schema_version(self) -> int:
        """The schema version of the data."""
        return self.data.schema_version

    @property
    def dataschema(self) -> str:
        """The CloudEvents `dataschema`: the `$id` of the data's JSON Schema."""
        return self.data.dataschema()
