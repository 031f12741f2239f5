"""Whether a new JSON Schema of an event version still serves the consumers of the old one.

Breaking, for a consumer of the old schema: a field removed (a rename is a removal), a field whose type
changed, a value the field no longer accepts, a field that is newly required. Adding an optional field or
accepting more values is not breaking. Constraints such as patterns and bounds are not compared.
"""

from dataclasses import dataclass
from typing import Any

Schema = dict[str, Any]


@dataclass(frozen=True)
class Document:
    """A whole JSON Schema document, against which its local `$ref`s resolve."""

    root: Schema

    def resolve(self, schema: Schema) -> Schema:
        """The schema a `$ref` points at (followed to the end), or the schema itself."""
        while "$ref" in schema:
            target: Any = self.root
            for part in schema["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            schema = target
        return schema


def breaking_changes(old_schema: Schema, new_schema: Schema) -> list[str]:
    """Each change in `new_schema` that breaks a consumer of `old_schema`, in words; empty if none."""
    return compare(Document(old_schema), old_schema, Document(new_schema), new_schema, "")


def compare(old_doc: Document, old: Schema, new_doc: Document, new: Schema, path: str) -> list[str]:
    """The breaking changes from `old` to `new`, one field at `path` and everything beneath it."""
    old, new = old_doc.resolve(old), new_doc.resolve(new)
    old_type, new_type = describe(old_doc, old), describe(new_doc, new)
    if old_type != new_type:
        return [f"field {path!r} changed type from {old_type} to {new_type}"]
    changes = dropped_values(old, new, path)
    changes += compare_properties(old_doc, old, new_doc, new, path)
    if "items" in old and "items" in new:
        changes += compare(old_doc, old["items"], new_doc, new["items"], f"{path}[]")
    for old_choice, new_choice in paired_alternatives(old_doc, old, new_doc, new):
        key = alternative_key(old_doc, old_choice)
        changes += compare(old_doc, old_choice, new_doc, new_choice, f"{path} ({key})")
    return changes


def compare_properties(
    old_doc: Document, old: Schema, new_doc: Document, new: Schema, path: str
) -> list[str]:
    """Removed, retyped and newly required properties of an object schema."""
    old_fields, new_fields = old.get("properties", {}), new.get("properties", {})
    prefix = f"{path}." if path else ""
    changes = []
    for name, old_field in old_fields.items():
        if name not in new_fields:
            changes.append(f"field {prefix + name!r} was removed (a rename counts as a removal)")
        else:
            changes += compare(old_doc, old_field, new_doc, new_fields[name], prefix + name)
    for name in new.get("required", []):
        if name not in old.get("required", []):
            how = "became required" if name in old_fields else "was added as required"
            changes.append(f"field {prefix + name!r} {how}")
    return changes


def dropped_values(old: Schema, new: Schema, path: str) -> list[str]:
    """A change naming the values of an enum or constant that the field no longer accepts."""
    old_values, new_values = allowed_values(old), allowed_values(new)
    if old_values is None or new_values is None:
        return []
    dropped = [value for value in old_values if value not in new_values]
    return [f"field {path!r} no longer accepts {dropped}"] if dropped else []


def allowed_values(schema: Schema) -> list[Any] | None:
    """The values an enum or constant allows, or None when the schema is not one."""
    if "const" in schema:
        return [schema["const"]]
    return schema.get("enum")


def alternatives(schema: Schema) -> list[Schema]:
    """The members of an anyOf or oneOf schema (empty for any other schema)."""
    members: list[Schema] = schema.get("anyOf") or schema.get("oneOf") or []
    return members


def paired_alternatives(
    old_doc: Document, old: Schema, new_doc: Document, new: Schema
) -> list[tuple[Schema, Schema]]:
    """The union members of `old` and `new` paired by their type, and objects by their constant fields."""
    new_by_key = {alternative_key(new_doc, choice): choice for choice in alternatives(new)}
    return [
        (choice, new_by_key[key])
        for choice in alternatives(old)
        if (key := alternative_key(old_doc, choice)) in new_by_key
    ]


def alternative_key(document: Document, schema: Schema) -> str:
    """What tells a union member apart: its type and, for an object, its constant (discriminator) fields."""
    schema = document.resolve(schema)
    constants = sorted(
        f"{name}={field['const']}"
        for name, field in schema.get("properties", {}).items()
        if "const" in field
    )
    return " ".join([describe(document, schema), *constants])


def describe(document: Document, schema: Schema) -> str:
    """The type of a schema in words, e.g. "integer", "string (date)", "null or string (uuid)"."""
    schema = document.resolve(schema)
    if choices := alternatives(schema):
        return " or ".join(sorted(describe(document, choice) for choice in choices))
    kind = schema.get("type", "any")
    if kind == "array":
        return f"array of {describe(document, schema.get('items', {}))}"
    return f"{kind} ({schema['format']})" if "format" in schema else str(kind)
