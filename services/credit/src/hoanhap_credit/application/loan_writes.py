"""What one write of a loan appends: its events, each stamped with whose loan it is, and its new state alongside
(the loans table). The one way to write a loan: the use cases here and the end of day both build their appends
with it, and append many at once with the store's append_many."""

from hoanhap.eventstore import Alongside, EventMetadata, NewEvent, StoredEvent, StreamAppend
from hoanhap.observability import current_correlation_id, new_correlation_id
from hoanhap_credit.application.storage import LoanProjection
from hoanhap_credit.domain import loan_events as ev
from hoanhap_credit.domain.loan_record import LoanRecord, stream_of
from hoanhap_credit.domain.loan_state import Loan, replay


def loan_append(projection: LoanProjection, record: LoanRecord, version: int, events: list[ev.LoanFact],
                metadata: EventMetadata, *alongside: Alongside) -> StreamAppend:
    """The loan's events after `version`, with `record` (the loan once they are added) written alongside."""
    stamped = [event.model_copy(update={"party": record.party}) for event in events]
    new_events = [NewEvent(type=event.type_name(), payload=event.model_dump(mode="json"), metadata=metadata,
                           schema_version=event.schema_version) for event in stamped]
    return StreamAppend(stream_of(record.loan_id), version, new_events, alongside=[projection(record), *alongside])


def facts_of(stored: list[StoredEvent]) -> list[ev.LoanFact]:
    """The loan's internal events as stored."""
    return [ev.FACTS[event.type].model_validate(event.payload) for event in stored]


def loan_of(stored: list[StoredEvent]) -> Loan | None:
    """The loan these stored events make."""
    return replay(facts_of(stored))


def metadata_of(actor: str, agency: str) -> EventMetadata:
    """Who did it, on behalf of which agency, in answer to which request."""
    return EventMetadata(correlation_id=current_correlation_id() or new_correlation_id(), actor=actor, agency=agency)
