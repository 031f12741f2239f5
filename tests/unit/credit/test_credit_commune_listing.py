"""The person's entry on a certified commune list (Form 01) in credit's view of the registry, and when it counts
for an application: of the commune they live in now, on that commune's latest certified list."""

import uuid
from datetime import date

from hoanhap import contracts as c
from hoanhap.contracts import ReleaseType
from hoanhap_credit.domain.applications import CommuneListing
from hoanhap_credit.domain.registry_person import CertifiedListing, RegistryPerson, folded, listing_of
from tests.unit.credit.credit_registry_facts import erased, listed, moved, released

PERSON = uuid.UUID("00000000-0000-4000-8000-000000000001")
MARCH, JUNE = uuid.UUID(int=3), uuid.UUID(int=6)


def fold(*events: c.RegistryEvent) -> RegistryPerson | None:
    person = None
    for event in events:
        person = folded(person, event)
    return person


def test_a_certified_listing_is_kept_with_its_list_commune_and_day() -> None:
    person = fold(released(PERSON, ReleaseType.COMPLETED_SENTENCE, None), listed(PERSON, MARCH))

    assert person is not None and person.certified_listing == CertifiedListing(MARCH, "00004", date(2026, 3, 5))


def test_a_later_certification_replaces_an_earlier_one_and_an_earlier_one_arriving_late_does_not() -> None:
    later = fold(released(PERSON), listed(PERSON, MARCH), listed(PERSON, JUNE, date(2026, 6, 1)))
    late = fold(released(PERSON), listed(PERSON, JUNE, date(2026, 6, 1)), listed(PERSON, MARCH))

    assert later is not None and later.certified_listing == CertifiedListing(JUNE, "00004", date(2026, 6, 1))
    assert late is not None and late.certified_listing == later.certified_listing


def test_a_listing_of_someone_credit_does_not_know_or_after_erasure_leaves_nothing() -> None:
    assert fold(listed(PERSON, MARCH)) is None
    assert fold(released(PERSON), listed(PERSON, MARCH), erased(PERSON)) is None


def test_the_listing_counts_as_certified_by_the_commune_peoples_committee_on_its_day() -> None:
    person = fold(released(PERSON), listed(PERSON, MARCH))

    assert person is not None
    assert listing_of(person, date(2026, 3, 5)) == CommuneListing(certified_by="UBND xã",
                                                                  certified_on=date(2026, 3, 5))


def test_a_listing_on_an_older_list_than_the_communes_latest_does_not_count() -> None:
    person = fold(released(PERSON), listed(PERSON, MARCH))

    assert person is not None and listing_of(person, date(2026, 6, 1)) is None


def test_a_move_keeps_the_listing_but_it_counts_only_in_the_commune_that_certified_it() -> None:
    person = fold(released(PERSON), listed(PERSON, MARCH), moved(PERSON, "00070"))

    assert person is not None and person.certified_listing == CertifiedListing(MARCH, "00004", date(2026, 3, 5))
    assert listing_of(person, None) is None


def test_someone_never_listed_has_no_listing() -> None:
    person = fold(released(PERSON))

    assert person is not None and listing_of(person, date(2026, 3, 5)) is None
