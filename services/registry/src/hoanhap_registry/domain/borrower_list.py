"""A commune's list of borrowers (Form 01) as its events leave it, and what certifying it decides."""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from hoanhap_registry.domain import borrower_list_events as ev
from hoanhap_registry.domain.errors import CaseConflict, RuleViolation
from hoanhap_registry.domain.events import RegistryFact


@dataclass(frozen=True)
class BorrowerList:
    """The drawn list and, once certified, its certification."""

    drawn: ev.BorrowerListDrawn
    certified: ev.BorrowerListCertified | None = None


def replay_list(events: list[RegistryFact]) -> BorrowerList | None:
    """The list after its events, or None before it was drawn."""
    state: BorrowerList | None = None
    for event in events:
        if isinstance(event, ev.BorrowerListDrawn):
            state = BorrowerList(event)
        elif isinstance(event, ev.BorrowerListCertified) and state is not None:
            state = BorrowerList(state.drawn, event)
    return state


def certify(borrowers: BorrowerList, certified_on: date, certified_by: str, today: date,
            still_listed: set[UUID]) -> list[RegistryFact]:
    """The certification and one PersonListed per row whose person is still known (still_listed: the ids of
    those not erased since the drawing). Once only; not before the drawing, not in the future."""
    drawn = borrowers.drawn
    if borrowers.certified is not None:
        raise CaseConflict(f"the list was certified on {borrowers.certified.certified_on.isoformat()} already")
    if certified_on > today:
        raise RuleViolation("certified_on", f"{certified_on.isoformat()} is in the future")
    if certified_on < drawn.drawn_on:
        raise RuleViolation("certified_on", f"{certified_on.isoformat()} is before the list was drawn up on "
                                            f"{drawn.drawn_on.isoformat()}")
    listed: list[RegistryFact] = [
        ev.PersonListed(person_id=person_id, province_code=drawn.province_code, commune_code=drawn.commune_code,
                        certified_on=certified_on)
        for person_id in drawn.person_ids if person_id in still_listed]
    return [ev.BorrowerListCertified(certified_on=certified_on, certified_by=certified_by), *listed]
