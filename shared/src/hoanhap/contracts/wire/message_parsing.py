"""Reading the raw parts of a Kafka message, turning every failure into MalformedMessage with a reason."""

import json
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from pydantic import ValidationError

from hoanhap.contracts.errors import MalformedMessage

Parsed = TypeVar("Parsed")


def decode_headers(headers: Iterable[tuple[str, bytes]]) -> dict[str, str]:
    """The headers as text by name; a repeated header or one that is not UTF-8 is malformed."""
    decoded: dict[str, str] = {}
    for name, raw in headers:
        if name in decoded:
            raise MalformedMessage(f"header {name} appears more than once")
        try:
            decoded[name] = raw.decode()
        except (UnicodeDecodeError, AttributeError):  # AttributeError: not bytes at all (None, say)
            raise MalformedMessage(f"header {name} is not UTF-8 text") from None
    return decoded


def decode_json_object(value: bytes | None) -> dict[str, Any]:
    """The message value parsed as a JSON object; a value nested too deeply to parse is malformed too."""
    if value is None:
        raise MalformedMessage("the message has no value (a tombstone is not an event)")
    try:
        data = json.loads(value)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise MalformedMessage(f"the message value is not JSON: {error}") from None
    except RecursionError:  # Python's parser recurses per level: [ x 200,000 exhausts the stack, not the input
        raise MalformedMessage("the message value is JSON nested too deeply to read") from None
    if not isinstance(data, dict):
        raise MalformedMessage(f"the message value is a JSON {type(data).__name__}, not an object")
    return data


def parse_with_reason(parse: Callable[[Any], Parsed], raw: Any, what: str) -> Parsed:
    """`parse(raw)`, a validation failure becoming MalformedMessage that names each field and reason."""
    try:
        return parse(raw)
    except ValidationError as error:
        raise MalformedMessage(f"invalid {what}: {field_errors(error)}") from None


def field_errors(error: ValidationError) -> str:
    """Pydantic's errors as "field: reason" pairs separated by semicolons."""
    return "; ".join(
        f"{'.'.join(str(part) for part in detail['loc']) or 'value'}: {detail['msg']}"
        for detail in error.errors()
    )
