"""Every integer an event carries is bounded so that the column storing it can hold it: counts fit PostgreSQL's
integer, money its bigint (and a JavaScript number exactly). A new field without bounds fails here."""

from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from hoanhap.contracts import EVENT_CATALOGUE
from hoanhap.contracts.values import INTEGER_COLUMN_MAX, MONEY_MAX, Day, Instant, Money, PositiveCount

JAVASCRIPT_SAFE_INTEGER = 2**53 - 1


def integer_fields(schema: dict[str, Any], definitions: dict[str, Any], path: str) -> list[tuple[str, dict]]:
    """Every integer in a JSON schema, with its path, through references, arrays and alternatives."""
    if "$ref" in schema:
        return integer_fields(definitions[schema["$ref"].rsplit("/", 1)[1]], definitions, path)
    found = [(path, schema)] if schema.get("type") == "integer" else []
    for name, inner in schema.get("properties", {}).items():
        found += integer_fields(inner, definitions, f"{path}.{name}")
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), dict):
            found += integer_fields(schema[key], definitions, f"{path}[]")
    for alternative in schema.get("anyOf", []) + schema.get("oneOf", []):
        found += integer_fields(alternative, definitions, path)
    return found


def every_integer_field() -> list[tuple[str, dict]]:
    fields = []
    for event in EVENT_CATALOGUE.every_version():
        schema = event.model_json_schema()
        fields += integer_fields(schema, schema.get("$defs", {}), f"{event.__name__}.v{event.schema_version}")
    return fields


def test_every_integer_of_every_event_version_has_bounds_its_column_can_hold():
    unbounded = [path for path, schema in every_integer_field() if "minimum" not in schema or "maximum" not in schema]
    too_large = [path for path, schema in every_integer_field()
                 if schema.get("maximum", 0) > INTEGER_COLUMN_MAX and schema.get("maximum") != MONEY_MAX]
    assert (unbounded, too_large) == ([], [])


def test_the_sweep_sees_integers_inside_nested_models_and_optional_fields():
    paths = [path for path, _ in every_integer_field()]
    assert "LoanApplied.v2.workforce.total_workers" in paths
    assert "OutreachLogged.v2.attendance" in paths and "ReoffenceRecorded.v1.offence_articles[]" in paths


def test_money_fits_a_bigint_column_and_a_javascript_number_exactly():
    assert MONEY_MAX <= JAVASCRIPT_SAFE_INTEGER < 2**63 - 1
    with pytest.raises(ValidationError, match="less than or equal"):
        TypeAdapter(Money).validate_python(MONEY_MAX + 1)


def test_a_count_above_what_an_integer_column_holds_is_refused():
    with pytest.raises(ValidationError, match="less than or equal"):
        TypeAdapter(PositiveCount).validate_python(INTEGER_COLUMN_MAX + 1)


@pytest.mark.parametrize("written", [0, 20250101, "0", "2025-1-1", "20250101", "2025-01-01T00:00:00", "1899-12-31",
                                     "2101-01-01"])
def test_a_day_is_a_calendar_date_written_yyyy_mm_dd_within_the_services_years(written):
    with pytest.raises(ValidationError):
        TypeAdapter(Day).validate_python(written)


@pytest.mark.parametrize("written", ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00",
                                     "2026-03-01T08:00:00"])
def test_an_instant_outside_the_years_or_without_a_timezone_is_refused_not_overflowed(written):
    with pytest.raises(ValidationError):
        TypeAdapter(Instant).validate_python(written)
