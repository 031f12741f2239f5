"""Who of a commune's people may be put on its list of borrowers under Decision 22/2023/QĐ-TTg (Form 01), from the
registry's own facts.

The same rules as credit's domain/eligibility_person.py, written again here because no service imports another:
a completed prison sentence or a special amnesty (a conditional early release once its probation has ended, the
day after its last day; suspended and non-custodial sentences never qualify), no recorded reoffence that stands (a
withdrawn arrest is none), and at most 5 calendar years from completing the sentence to the day the list is drawn
(the anniversary itself still qualifies). The person must still be known: not erased, the case not closed by
death. Whether they obey the law and avoid social evils is the police's judgement, made by excluding them."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from hoanhap.contracts import CaseClosureReason, ReleaseType
from hoanhap.working_days.calendar_periods import years_after
from hoanhap_registry.domain.state import PersonCase

YEARS_SINCE_COMPLETION = 5
COMPLETED_ON_RELEASE = {ReleaseType.COMPLETED_SENTENCE, ReleaseType.SPECIAL_AMNESTY}


def completed_on(case: PersonCase) -> date | None:
    """The day the sentence counts as completed: the release or amnesty, or the last day of an early release's
    probation; None for the types that never complete a prison sentence (or an early release with no end known)."""
    if case.release_type in COMPLETED_ON_RELEASE:
        return case.release.release_date
    if case.release_type is ReleaseType.CONDITIONAL_EARLY_RELEASE:
        return case.release.supervision_end
    return None


def still_known(case: PersonCase) -> bool:
    """Not erased, and the case not closed by the person's death."""
    closed_by_death = case.closure is not None and case.closure.reason is CaseClosureReason.DECEASED
    return case.erased_on is None and not closed_by_death


def may_borrow(case: PersonCase, today: date) -> bool:
    """True when the person may be on the commune's list drawn on `today`."""
    since = completed_on(case)
    if since is None or not still_known(case) or case.reoffence_count > 0:
        return False
    if case.release_type is ReleaseType.CONDITIONAL_EARLY_RELEASE and since >= today:
        return False  # the probation runs to its last day inclusive
    return since <= today <= years_after(since, YEARS_SINCE_COMPLETION)


@dataclass(frozen=True)
class ListRow:
    """One person as their row of the list shows them, fixed when the list is drawn (the name is shown from the
    sealed identity, while it can be read)."""

    person_id: UUID
    birth_year: int
    village: str | None
    release_type: ReleaseType
    completed_on: date


def selected(cases: Iterable[tuple[UUID, PersonCase]], commune_code: str, today: date,
             excluded: frozenset[UUID]) -> tuple[list[ListRow], list[UUID]]:
    """The rows of the people living in the commune now who may borrow, earliest completion first, and those of
    them the police excluded."""
    rows, left_out = [], []
    for person_id, case in cases:
        since = completed_on(case)
        if case.commune_code != commune_code or since is None or not may_borrow(case, today):
            continue
        if person_id in excluded:
            left_out.append(person_id)
            continue
        rows.append(ListRow(person_id, case.release.birth_year, case.village, case.release_type, since))
    return sorted(rows, key=lambda row: (row.completed_on, str(row.person_id))), sorted(left_out, key=str)
