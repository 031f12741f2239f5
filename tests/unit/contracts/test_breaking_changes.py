"""The compatibility checker reports removed, retyped and newly required fields, and nothing else."""

import copy
import json
from pathlib import Path

import pytest

from hoanhap.contracts import breaking_changes
from hoanhap.contracts.versions.document_folders import SCHEMAS_DIR

RELEASE_V1 = SCHEMAS_DIR / "registry" / "ReleaseRegistered.v1.json"
LOAN_APPLIED_V1 = SCHEMAS_DIR / "credit" / "LoanApplied.v1.json"


def modified_copy(committed: Path, folder: Path, change) -> dict:
    """A copy of a committed schema written to `folder` after `change` edited it; read back."""
    schema = json.loads(committed.read_text(encoding="utf-8"))
    change(schema)
    copy_path = folder / committed.name
    copy_path.write_text(json.dumps(schema), encoding="utf-8")
    return json.loads(copy_path.read_text(encoding="utf-8"))


def committed(path: Path) -> dict:
    """A committed schema."""
    return json.loads(path.read_text(encoding="utf-8"))


def remove_field(name: str):
    """An edit removing a field."""

    def change(schema: dict) -> None:
        del schema["properties"][name]
        schema["required"] = [field for field in schema["required"] if field != name]

    return change


def test_an_unchanged_schema_has_no_breaking_changes():
    assert breaking_changes(committed(RELEASE_V1), copy.deepcopy(committed(RELEASE_V1))) == []


def test_a_removed_field_is_reported(tmp_path):
    new = modified_copy(RELEASE_V1, tmp_path, remove_field("birth_year"))
    assert breaking_changes(committed(RELEASE_V1), new) == [
        "field 'birth_year' was removed (a rename counts as a removal)"
    ]


def test_a_renamed_field_is_reported_as_removed(tmp_path):
    def rename(schema: dict) -> None:
        schema["properties"]["year_of_birth"] = schema["properties"].pop("birth_year")
        schema["required"] = ["year_of_birth" if f == "birth_year" else f for f in schema["required"]]

    new = modified_copy(RELEASE_V1, tmp_path, rename)
    assert breaking_changes(committed(RELEASE_V1), new) == [
        "field 'birth_year' was removed (a rename counts as a removal)",
        "field 'year_of_birth' was added as required",
    ]


def test_a_retyped_field_is_reported(tmp_path):
    new = modified_copy(RELEASE_V1, tmp_path, lambda schema: schema["properties"]["birth_year"].update(type="string"))
    assert breaking_changes(committed(RELEASE_V1), new) == [
        "field 'birth_year' changed type from integer to string"
    ]


def test_a_field_made_optional_in_type_is_reported_as_retyped(tmp_path):
    def nullable(schema: dict) -> None:
        schema["properties"]["release_date"] = {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]}

    new = modified_copy(RELEASE_V1, tmp_path, nullable)
    assert breaking_changes(committed(RELEASE_V1), new) == [
        "field 'release_date' changed type from string (date) to null or string (date)"
    ]


def test_a_new_required_field_is_reported(tmp_path):
    def add_required(schema: dict) -> None:
        schema["properties"]["prison_code"] = {"type": "string"}
        schema["required"].append("prison_code")

    new = modified_copy(RELEASE_V1, tmp_path, add_required)
    assert breaking_changes(committed(RELEASE_V1), new) == ["field 'prison_code' was added as required"]


def test_an_optional_field_becoming_required_is_reported(tmp_path):
    new = modified_copy(RELEASE_V1, tmp_path, lambda schema: schema["required"].append("former_place_name"))
    assert breaking_changes(committed(RELEASE_V1), new) == ["field 'former_place_name' became required"]


def test_a_new_optional_field_is_not_breaking(tmp_path):
    def add_optional(schema: dict) -> None:
        schema["properties"]["prison_code"] = {"anyOf": [{"type": "string"}, {"type": "null"}], "default": None}

    assert breaking_changes(committed(RELEASE_V1), modified_copy(RELEASE_V1, tmp_path, add_optional)) == []


def test_an_enum_value_dropped_is_reported(tmp_path):
    def drop_amnesty(schema: dict) -> None:
        schema["$defs"]["ReleaseType"]["enum"].remove("special_amnesty")

    new = modified_copy(RELEASE_V1, tmp_path, drop_amnesty)
    assert breaking_changes(committed(RELEASE_V1), new) == [
        "field 'release_type' no longer accepts ['special_amnesty']"
    ]


def test_an_enum_value_added_is_not_breaking(tmp_path):
    def add_pardon(schema: dict) -> None:
        schema["$defs"]["ReleaseType"]["enum"].append("pardon")

    assert breaking_changes(committed(RELEASE_V1), modified_copy(RELEASE_V1, tmp_path, add_pardon)) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda schema: schema["$defs"]["IndividualBorrower"]["properties"].pop("person_id"),
            "field 'borrower (object kind=individual).person_id' was removed (a rename counts as a removal)",
        ),
        (
            lambda schema: schema["$defs"]["BusinessWorkforceV1"]["properties"]["total_workers"].update(
                type="number"
            ),
            "field 'workforce (object).total_workers' changed type from integer to number",
        ),
    ],
    ids=["removed-inside-a-union-member", "retyped-inside-an-optional-object"],
)
def test_changes_inside_nested_models_are_reported_with_their_path(tmp_path, change, expected):
    new = modified_copy(LOAN_APPLIED_V1, tmp_path, change)
    assert breaking_changes(committed(LOAN_APPLIED_V1), new) == [expected]
