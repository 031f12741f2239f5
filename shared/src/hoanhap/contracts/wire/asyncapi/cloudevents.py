"""Describing, in an AsyncAPI document, the CloudEvents headers every message carries.

FastStream documents payloads only, and assumes its own `correlation_id` header; this states the real ones.
"""

from typing import Any

from hoanhap.contracts.wire.headers import CE_CORRELATIONID, ReceivedAttributes

HEADERS_SCHEMA = "CloudEventsHeaders"


def describe_cloudevents_headers(document: dict[str, Any]) -> dict[str, Any]:
    """The document with each message's headers and correlation id described as they travel."""
    components = document.setdefault("components", {})
    components.setdefault("schemas", {})[HEADERS_SCHEMA] = ReceivedAttributes.model_json_schema(
        by_alias=True
    )
    for message in components.get("messages", {}).values():
        message["headers"] = {"$ref": f"#/components/schemas/{HEADERS_SCHEMA}"}
        message["correlationId"] = {
            "description": "Id of the request that started the chain of messages",
            "location": f"$message.header#/{CE_CORRELATIONID}",
        }
    return document
