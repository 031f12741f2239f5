"""How a borrower's or a business's record is written: where (a place in the caller's jurisdiction), and its events,
as the store takes them, with their rows."""

from dataclasses import dataclass

from hoanhap.auth import Principal
from hoanhap.eventstore import Alongside, NewEvent, StreamAppend
from hoanhap.write_path.errors import Forbidden
from hoanhap_credit.application.loan_writes import metadata_of
from hoanhap_credit.domain.borrower_events import BorrowerFact


def record_append(stream_id: str, version: int, event: BorrowerFact, principal: Principal,
                  *alongside: Alongside) -> StreamAppend:
    """One event after `version` of the record's stream, by the caller, with the rows written alongside."""
    new = NewEvent(type=event.type_name(), payload=event.model_dump(mode="json"),
                   metadata=metadata_of(principal.sub, principal.agency.value), schema_version=event.schema_version)
    return StreamAppend(stream_id, version, [new], alongside=alongside)


@dataclass(frozen=True)
class Place:
    """A province and one of its communes."""

    province_code: str
    commune_code: str


def ensure_body_place(principal: Principal, place: Place) -> None:
    """The place named in the body lies in the caller's jurisdiction (403 otherwise)."""
    if not principal.can_access(place.province_code, place.commune_code):
        raise Forbidden("the place named is outside your jurisdiction")
