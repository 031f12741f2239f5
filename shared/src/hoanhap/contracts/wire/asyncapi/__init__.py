"""The AsyncAPI 3.0 document of each service, generated with FastStream and committed under shared/asyncapi/.

Keys are sorted when rendered because FastStream does not list channels in a stable order.
Regenerate with `python -m hoanhap.contracts.wire.asyncapi`.
"""

from importlib.metadata import version
from typing import Any

from faststream.specification import AsyncAPI

from hoanhap.contracts.services import Service
from hoanhap.contracts.versions.catalogue import EventCatalogue
from hoanhap.contracts.versions.generated import render_json
from hoanhap.contracts.wire.asyncapi.brokers import documenting_broker
from hoanhap.contracts.wire.asyncapi.cloudevents import describe_cloudevents_headers

REGENERATE_COMMAND = "python -m hoanhap.contracts.wire.asyncapi"


def asyncapi_document(service: Service, catalogue: EventCatalogue) -> dict[str, Any]:
    """The AsyncAPI document of one service: the events it publishes and the topics it consumes."""
    specification = AsyncAPI(
        documenting_broker(service, catalogue),
        title=f"Hoà Nhập {service}",
        version=version("hoanhap-shared"),
        description=f"Integration events the {service} service publishes and consumes on Kafka. "
        "Each message is a CloudEvents 1.0 event in binary mode: attributes as headers, data as value.",
        schema_version="3.0.0",
    ).to_specification()
    return describe_cloudevents_headers(specification.to_jsonable())


def expected_asyncapi_files(catalogue: EventCatalogue) -> dict[str, str]:
    """The AsyncAPI document of every service, by file name."""
    return {
        f"{service}.json": render_json(asyncapi_document(service, catalogue), sort_keys=True)
        for service in Service
    }
