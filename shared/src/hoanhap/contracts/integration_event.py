"""The base every integration event and every model nested in one derives from."""

from typing import ClassVar

from pydantic import BaseModel, ConfigDict

from hoanhap.contracts.services import Service


class ContractModel(BaseModel):
    """A model that travels between services: immutable, and an unknown field is an error."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class IntegrationEvent(ContractModel):
    """A fact one service publishes for the others, identified on the wire by its type and schema version."""

    service: ClassVar[Service]
    event_type: ClassVar[str]
    schema_version: ClassVar[int]

    @classmethod
    def event_name(cls) -> str:
        """The type without its namespace, e.g. "ReleaseRegistered" for "hoanhap.registry.ReleaseRegistered"."""
        return cls.event_type.rsplit(".", 1)[-1]

    @classmethod
    def dataschema(cls) -> str:
        """The CloudEvents `dataschema` of this model: the `$id` of its committed JSON Schema."""
        return dataschema_uri(cls.event_type, cls.schema_version)


def dataschema_uri(event_type: str, schema_version: int) -> str:
    """The URI naming one version of one event type's schema, e.g. urn:hoanhap:registry:CaseClosed:v1."""
    return "urn:" + event_type.replace(".", ":") + f":v{schema_version}"
