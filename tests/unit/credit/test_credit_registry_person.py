"""Credit's view of one person, folded from the registry's facts."""

import uuid
from datetime import date

from hoanhap import contracts as c
from hoanhap.contracts import ReleaseType, ReoffenceStatus
from hoanhap_credit.domain.applications import Reoffence
from hoanhap_credit.domain.registry_person import RecordedReoffence, RegistryPerson, folded
from tests.unit.credit.credit_registry_facts import closed, erased, moved, released, reoffended

PERSON = uuid.UUID("00000000-0000-4000-8000-000000000001")
FIRST, SECOND = uuid.UUID(int=1), uuid.UUID(int=2)


def fold(*events: c.RegistryEvent) -> RegistryPerson | None:
    person = None
    for event in events:
        person = folded(person, event)
    return person


def test_a_release_gives_the_place_the_release_and_the_end_of_supervision_months_after_it() -> None:
    assert fold(released(PERSON)) == RegistryPerson(PERSON, "01", "00004", ReleaseType.CONDITIONAL_EARLY_RELEASE,
                                                    date(2026, 1, 15), supervision_ends_on=date(2027, 7, 15))


def test_a_release_without_supervision_has_no_end_of_supervision() -> None:
    person = fold(released(PERSON, ReleaseType.COMPLETED_SENTENCE, supervision_months=None))

    assert person is not None and person.supervision_ends_on is None


def test_a_second_registration_of_the_person_changes_nothing() -> None:
    first = fold(released(PERSON), moved(PERSON))

    assert folded(first, released(PERSON)) == first


def test_facts_of_a_person_never_released_here_leave_nothing() -> None:
    assert fold(moved(PERSON), reoffended(PERSON, FIRST), closed(PERSON)) is None


def test_a_move_changes_the_place() -> None:
    person = fold(released(PERSON), moved(PERSON, "26734"))

    assert person is not None and (person.province_code, person.commune_code) == ("79", "26734")


def test_reoffences_are_kept_in_the_order_committed_whatever_the_order_recorded() -> None:
    person = fold(released(PERSON), reoffended(PERSON, SECOND, date(2026, 4, 1)),
                  reoffended(PERSON, FIRST, date(2026, 3, 1)))

    assert person is not None and [item.reoffence_id for item in person.reoffences] == [FIRST, SECOND]


def test_a_reoffence_recorded_again_replaces_its_status_instead_of_counting_twice() -> None:
    person = fold(released(PERSON), reoffended(PERSON, FIRST),
                  reoffended(PERSON, FIRST, status=ReoffenceStatus.ARREST_WITHDRAWN))

    assert person is not None and person.reoffences == (
        RecordedReoffence(FIRST, date(2026, 2, 1), ReoffenceStatus.ARREST_WITHDRAWN),)


def test_the_reoffences_become_an_applications_facts_with_their_status() -> None:
    person = fold(released(PERSON), reoffended(PERSON, FIRST, status=ReoffenceStatus.NEW_CONVICTION))

    assert person is not None
    assert person.applicant_reoffences() == (Reoffence(date(2026, 2, 1), ReoffenceStatus.NEW_CONVICTION),)


def test_a_closed_case_is_still_known_with_its_closing_day() -> None:
    person = fold(released(PERSON), closed(PERSON))

    assert person is not None and person.closed_on == date(2026, 6, 1)


def test_erasure_forgets_every_registry_fact_of_the_person() -> None:
    assert fold(released(PERSON), moved(PERSON), reoffended(PERSON, FIRST), erased(PERSON)) is None


def test_facts_arriving_after_erasure_bring_nothing_back() -> None:
    assert fold(released(PERSON), erased(PERSON), moved(PERSON), closed(PERSON)) is None


def test_facts_credit_does_not_keep_leave_the_person_as_they_were() -> None:
    person = fold(released(PERSON))
    confirmed = c.ResidenceConfirmed(person_id=PERSON, province_code="01", commune_code="00004",
                                     confirmed_on=date(2026, 1, 20), within_deadline=True)
    intake = c.IntakeRecorded(person_id=PERSON, commitment_on=date(2026, 1, 16),
                              information_sheet_on=date(2026, 1, 17))

    assert folded(folded(person, confirmed), intake) == person
