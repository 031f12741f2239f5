"""CloudEvents binary mode on Kafka: each attribute is a `ce_`-prefixed header, the data is the value.

Per the CloudEvents Kafka protocol binding, `datacontenttype` travels as the `content-type` header. The
extensions (lowercase alphanumeric names, as CloudEvents requires) are schemaversion, streamversion,
correlationid and causationid.
"""

from typing import Literal
from uuid import UUID

from pydantic import ConfigDict, Field

from hoanhap.contracts.integration_event import ContractModel
from hoanhap.contracts.values import UtcDateTime
from hoanhap.contracts.wire.envelope import Envelope

CE_SPECVERSION = "ce_specversion"
CE_ID = "ce_id"
CE_SOURCE = "ce_source"
CE_TYPE = "ce_type"
CE_SUBJECT = "ce_subject"
CE_TIME = "ce_time"
CE_DATASCHEMA = "ce_dataschema"
CONTENT_TYPE = "content-type"
CE_SCHEMAVERSION = "ce_schemaversion"
CE_STREAMVERSION = "ce_streamversion"
CE_CORRELATIONID = "ce_correlationid"
CE_CAUSATIONID = "ce_causationid"

ENVELOPE_HEADERS = (
    CE_SPECVERSION,
    CE_ID,
    CE_SOURCE,
    CE_TYPE,
    CE_SUBJECT,
    CE_TIME,
    CE_DATASCHEMA,
    CONTENT_TYPE,
    CE_SCHEMAVERSION,
    CE_STREAMVERSION,
    CE_CORRELATIONID,
    CE_CAUSATIONID,
)


class ReceivedAttributes(ContractModel):
    """The envelope headers of a received message, parsed; headers not listed here are ignored."""

    model_config = ConfigDict(extra="ignore", title="CloudEventsHeaders")

    ce_specversion: Literal["1.0"] = Field(description="CloudEvents version")
    ce_id: UUID = Field(description="Unique id of the event")
    ce_source: str = Field(description="Emitting service, e.g. /hoanhap/registry")
    ce_type: str = Field(description="Event type, e.g. hoanhap.registry.ReleaseRegistered")
    ce_subject: str = Field(description="What the event is about; equals the message key")
    ce_time: UtcDateTime = Field(description="When the event was recorded (RFC 3339, UTC)")
    ce_dataschema: str = Field(description="$id of the JSON Schema of the data's version")
    content_type: Literal["application/json"] = Field(
        alias=CONTENT_TYPE, description="CloudEvents datacontenttype"
    )
    ce_schemaversion: int = Field(description="Schema version of the data (decimal digits)")
    ce_streamversion: int = Field(ge=0, description="Version of the event in its source stream")
    ce_correlationid: str = Field(min_length=1, description="Id of the request that started the chain")
    ce_causationid: str | None = Field(
        default=None, min_length=1, description="Id of the command or event that caused this one, if any"
    )


def envelope_headers(envelope: Envelope) -> list[tuple[str, bytes]]:
    """The Kafka headers carrying the envelope's attributes, in ENVELOPE_HEADERS order.

    An event with no cause has no ce_causationid header: CloudEvents leaves unset extensions out.
    """
    values = {
        CE_SPECVERSION: envelope.specversion,
        CE_ID: str(envelope.id),
        CE_SOURCE: envelope.source,
        CE_TYPE: envelope.type,
        CE_SUBJECT: envelope.subject,
        CE_TIME: envelope.time.isoformat().replace("+00:00", "Z"),
        CE_DATASCHEMA: envelope.dataschema,
        CONTENT_TYPE: envelope.datacontenttype,
        CE_SCHEMAVERSION: str(envelope.schema_version),
        CE_STREAMVERSION: str(envelope.stream_version),
        CE_CORRELATIONID: envelope.correlation_id,
        CE_CAUSATIONID: envelope.causation_id,
    }
    return [(name, value.encode()) for name in ENVELOPE_HEADERS if (value := values[name]) is not None]
