"""The JSON Schemas committed under shared/schemas/ are current and still serve every published version."""

import json

import pytest
from jsonschema import Draft202012Validator

from hoanhap.contracts import EVENT_CATALOGUE, ReleaseRegistered, breaking_changes, to_kafka_message
from hoanhap.contracts.versions.document_folders import SCHEMAS_DIR
from hoanhap.contracts.versions.generated import stale_files
from hoanhap.contracts.versions.schemas import (
    REGENERATE_COMMAND,
    expected_schema_files,
    json_schema_of,
    schema_path,
)
from hoanhap.contracts.versions.schemas.__main__ import main as schemas_main

from .event_examples import envelope_of, example_of

COMMITTED = sorted(SCHEMAS_DIR.rglob("*.json"))
MODELS_BY_PATH = {schema_path(event): event for event in EVENT_CATALOGUE.every_version()}


def test_committed_schemas_equal_what_the_code_generates():
    problems = stale_files(expected_schema_files(EVENT_CATALOGUE), SCHEMAS_DIR)
    assert not problems, f"run `{REGENERATE_COMMAND}` and commit the result:\n" + "\n".join(problems)


def test_a_schema_is_committed_for_every_event_version():
    assert {path.relative_to(SCHEMAS_DIR).as_posix() for path in COMMITTED} == set(MODELS_BY_PATH)


@pytest.mark.parametrize("committed", COMMITTED, ids=lambda path: path.relative_to(SCHEMAS_DIR).as_posix())
def test_each_committed_schema_version_still_fits_the_current_model_of_that_version(committed):
    path = committed.relative_to(SCHEMAS_DIR).as_posix()
    assert path in MODELS_BY_PATH, f"{path} was published: keep its model (see known_events.py)"
    old = json.loads(committed.read_text(encoding="utf-8"))
    assert breaking_changes(old, json_schema_of(MODELS_BY_PATH[path])) == []


@pytest.mark.parametrize("event_class", EVENT_CATALOGUE.every_version(), ids=schema_path)
def test_the_value_on_the_wire_validates_against_the_committed_schema(event_class):
    committed = json.loads((SCHEMAS_DIR / schema_path(event_class)).read_text(encoding="utf-8"))
    value = json.loads(to_kafka_message(envelope_of(example_of(event_class))).value)
    Draft202012Validator.check_schema(committed)
    assert [error.message for error in Draft202012Validator(committed).iter_errors(value)] == []


def test_the_committed_schema_rejects_what_the_model_rejects():
    committed = json.loads((SCHEMAS_DIR / schema_path(ReleaseRegistered)).read_text(encoding="utf-8"))
    value = json.loads(to_kafka_message(envelope_of(example_of(ReleaseRegistered))).value)
    bad = {**value, "province_code": "1", "age_at_release": 36.5, "full_name": "Lê Thị C"}
    errors = sorted(error.message for error in Draft202012Validator(committed).iter_errors(bad))
    assert errors == [
        "'1' does not match '^[0-9]{2}$'",
        "36.5 is not of type 'integer'",
        "Additional properties are not allowed ('full_name' was unexpected)",
    ]


def test_each_schema_names_itself_by_the_dataschema_messages_carry():
    schema = json_schema_of(ReleaseRegistered)
    assert schema["$id"] == ReleaseRegistered.dataschema() == "urn:hoanhap:registry:ReleaseRegistered:v2"
    assert schema["title"] == "ReleaseRegistered"
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_check_passes_on_current_schemas(tmp_path):
    assert schemas_main(["--dir", str(tmp_path)]) == 0
    assert schemas_main(["--check", "--dir", str(tmp_path)]) == 0


def test_check_fails_naming_the_stale_file_and_the_command_to_run(tmp_path, capsys):
    schemas_main(["--dir", str(tmp_path)])
    (tmp_path / "registry" / "CaseClosed.v1.json").write_text("{}\n", encoding="utf-8")
    (tmp_path / "credit" / "LoanApplied.v1.json").unlink()
    assert schemas_main(["--check", "--dir", str(tmp_path)]) == 1
    report = capsys.readouterr().err
    assert "registry/CaseClosed.v1.json differs" in report
    assert "credit/LoanApplied.v1.json is missing" in report
    assert REGENERATE_COMMAND in report


def test_check_fails_on_a_committed_schema_the_code_no_longer_generates(tmp_path, capsys):
    schemas_main(["--dir", str(tmp_path)])
    (tmp_path / "registry" / "PersonVanished.v1.json").write_text("{}\n", encoding="utf-8")
    assert schemas_main(["--check", "--dir", str(tmp_path)]) == 1
    assert "registry/PersonVanished.v1.json is committed but the code no longer generates it" in (
        capsys.readouterr().err
    )


def test_rewriting_refuses_to_break_a_published_version(tmp_path, capsys):
    schemas_main(["--dir", str(tmp_path)])
    published = tmp_path / "registry" / "CaseClosed.v1.json"
    schema = json.loads(published.read_text(encoding="utf-8"))
    schema["properties"]["closed_by"] = {"type": "string"}
    published.write_text(json.dumps(schema), encoding="utf-8")
    assert schemas_main(["--dir", str(tmp_path)]) == 1
    assert "registry/CaseClosed.v1.json: field 'closed_by' was removed" in capsys.readouterr().err
    assert "closed_by" in published.read_text(encoding="utf-8")
    assert schemas_main(["--dir", str(tmp_path), "--allow-breaking"]) == 0
    assert "closed_by" not in published.read_text(encoding="utf-8")
