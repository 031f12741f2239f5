"""The internal events of a commune's list of borrowers (Form 01), in its own stream `borrower-list-<uuid>` (a
person's case stream is their bare id, so the two never meet).

The list is drawn once, its rows fixed then; certified once by the commune People's Committee; and each person on
it is then recorded as listed, one event each, which is what the bank hears (CommuneListingCertified). The
signatory's title and name stay in these events and the registry's tables: the mapping for the relay drops them."""

from datetime import date
from uuid import UUID

from hoanhap_registry.domain.events import RegistryFact

STREAM_PREFIX = "borrower-list-"


class BorrowerListDrawn(RegistryFact):
    """The commune police drew up the list from the registry's facts on drawn_on; excluded are the people the
    rules allowed but the police judged not to obey the law or avoid social evils."""

    list_id: UUID
    province_code: str
    commune_code: str
    drawn_on: date
    person_ids: tuple[UUID, ...]
    excluded_person_ids: tuple[UUID, ...]


class BorrowerListCertified(RegistryFact):
    """The commune People's Committee certified the list on certified_on; certified_by is the signatory's title
    and name as on the paper."""

    certified_on: date
    certified_by: str


class PersonListed(RegistryFact):
    """One person of a certified list, as the bank is told."""

    person_id: UUID
    province_code: str
    commune_code: str
    certified_on: date


LIST_FACTS: dict[str, type[RegistryFact]] = {fact.type_name(): fact for fact in (
    BorrowerListDrawn, BorrowerListCertified, PersonListed)}


def list_stream(list_id: UUID) -> str:
    """The stream of a borrower list."""
    return f"{STREAM_PREFIX}{list_id}"


def is_list_stream(stream_id: str) -> bool:
    """True for a borrower list's stream."""
    return stream_id.startswith(STREAM_PREFIX)


def list_id_of(stream_id: str) -> UUID:
    """The list a stream is named by."""
    return UUID(stream_id.removeprefix(STREAM_PREFIX))
