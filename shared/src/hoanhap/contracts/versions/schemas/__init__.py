"""The JSON Schema of every version of every integration event, as committed under shared/schemas/.

Each file is `<service>/<EventName>.v<version>.json`; its `$id` is the CloudEvents `dataschema` that
messages of that version carry. Regenerate with `python -m hoanhap.contracts.versions.schemas`.
"""

import json
from pathlib import Path
from typing import Any

from hoanhap.contracts.versions.catalogue import EventCatalogue, EventClass
from hoanhap.contracts.versions.compatibility import breaking_changes
from hoanhap.contracts.versions.generated import GeneratedFiles, render_json

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
REGENERATE_COMMAND = "python -m hoanhap.contracts.versions.schemas"


def schema_path(event: EventClass) -> str:
    """Where the schema of one event version is committed, e.g. "registry/CaseClosed.v1.json"."""
    return f"{event.service}/{event.event_name()}.v{event.schema_version}.json"


def json_schema_of(event: EventClass) -> dict[str, Any]:
    """The JSON Schema of one event version's data, named by its type and version."""
    generated = event.model_json_schema()
    generated.pop("title", None)
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": event.dataschema(),
        "title": event.event_name(),
        "x-event-type": event.event_type,
        "x-schema-version": event.schema_version,
        **generated,
    }


def expected_schema_files(catalogue: EventCatalogue) -> dict[str, str]:
    """The schema file of every event version the catalogue knows, by path."""
    return {schema_path(event): render_json(json_schema_of(event)) for event in catalogue.every_version()}


def breaking_rewrites(expected: GeneratedFiles, folder: Path) -> list[str]:
    """Breaking changes that rewriting the committed schemas in `folder` would make, file by file."""
    problems = []
    for path, content in sorted(expected.items()):
        committed = folder / path
        if committed.is_file():
            old = json.loads(committed.read_text(encoding="utf-8"))
            problems += [f"{path}: {change}" for change in breaking_changes(old, json.loads(content))]
    return problems
