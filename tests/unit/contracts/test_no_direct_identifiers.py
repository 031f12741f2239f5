"""No event carries a direct identifier (names, ID numbers...) or a float, however deeply nested."""

import typing
from types import UnionType

from pydantic import BaseModel

from hoanhap.contracts import EVENT_CATALOGUE

IDENTIFYING_WORDS = (
    "name", "citizen", "national_id", "id_number", "id_card", "cccd", "cmnd", "passport",
    "phone", "email", "address", "birth_date", "date_of_birth",
)
PLACE_NAMES = {"former_place_name", "former_district_name"}


def types_in(annotation: object) -> list[object]:
    """The annotation and every type argument inside it, through unions, optionals and tuples."""
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation) if origin is not None or isinstance(annotation, UnionType) else ()
    return [annotation, *(inner for argument in arguments for inner in types_in(argument))]


def nested_models(annotation: object) -> list[type[BaseModel]]:
    """The pydantic models an annotation mentions."""
    return [kind for kind in types_in(annotation) if isinstance(kind, type) and issubclass(kind, BaseModel)]


def identifying_fields(model: type[BaseModel], path: str = "") -> list[str]:
    """Fields of the model, or of models inside it, whose name suggests a direct identifier."""
    path = path or f"{model.__name__}."
    found = []
    for name, field in model.model_fields.items():
        looks_identifying = any(word in name for word in IDENTIFYING_WORDS)
        if looks_identifying and not name.endswith("_digest") and name not in PLACE_NAMES:
            found.append(f"{path}{name}")
        for inner in nested_models(field.annotation):
            found += identifying_fields(inner, f"{path}{name}.")
    return found


def float_fields(model: type[BaseModel]) -> list[str]:
    """Fields of the model, or of models inside it, that could hold a float."""
    found = []
    for name, field in model.model_fields.items():
        if float in types_in(field.annotation):
            found.append(f"{model.__name__}.{name}")
        for inner in nested_models(field.annotation):
            found += float_fields(inner)
    return found


def test_no_event_model_has_a_field_named_like_a_direct_identifier():
    assert [field for event in EVENT_CATALOGUE.every_version() for field in identifying_fields(event)] == []


def test_the_identifier_check_finds_names_and_ids_even_in_nested_models():
    class Holder(BaseModel):
        citizen_id: str

    class Leaky(BaseModel):
        full_name: str
        national_id_digest: str
        holder: Holder | None

    assert identifying_fields(Leaky) == ["Leaky.full_name", "Leaky.holder.citizen_id"]


def test_no_event_model_has_a_float_field():
    assert [field for event in EVENT_CATALOGUE.every_version() for field in float_fields(event)] == []


def test_the_float_check_finds_a_float_even_when_optional_or_nested():
    class Amount(BaseModel):
        vnd: float

    class Loose(BaseModel):
        rate: float | None
        amount: tuple[Amount, ...]

    assert float_fields(Loose) == ["Loose.rate", "Amount.vnd"]
