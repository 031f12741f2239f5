"""The registry batch fold: the deltas it gives always add up to a recount of the people it ends with, however
the events are split into batches, and repeated facts move nothing."""

import uuid
from collections import Counter
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

import hoanhap.contracts as c
from hoanhap_stats.registry_batch import PEOPLE_MANAGED, REOFFENCES, KnownPerson, fold
from tests.support.releases import release

PEOPLE = [uuid.uuid4() for _ in range(4)]
REOFFENCE_IDS = [uuid.uuid4() for _ in range(3)]
COMMUNES = ["00004", "00007", "00010"]


def registered(person: uuid.UUID, commune: str = "00004") -> c.ReleaseRegistered:
    return release(person).model_copy(update={"commune_code": commune})


def moved(person: uuid.UUID, commune: str) -> c.ResidenceChanged:
    return c.ResidenceChanged(person_id=person, previous_province_code="01", previous_commune_code="00004",
                              province_code="01", commune_code=commune, moved_on=date(2026, 3, 1))


def reoffended(person: uuid.UUID, reoffence: uuid.UUID,
               status: c.ReoffenceStatus = c.ReoffenceStatus.ARREST_PENDING_TRIAL) -> c.ReoffenceRecorded:
    return c.ReoffenceRecorded(person_id=person, reoffence_id=reoffence, committed_on=date(2026, 4, 1),
                               offence_articles=[173], status=status)


def closed(person: uuid.UUID) -> c.CaseClosed:
    return c.CaseClosed(person_id=person, closed_on=date(2026, 5, 1), reason=c.CaseClosureReason.RECORD_CLEARED)


def recount(known: dict[uuid.UUID, KnownPerson]) -> Counter[tuple[str, str, str]]:
    totals: Counter[tuple[str, str, str]] = Counter()
    for person in known.values():
        totals[(PEOPLE_MANAGED, person.province_code, person.commune_code)] += 0 if person.closed else 1
        totals[(REOFFENCES, person.province_code, person.commune_code)] += len(person.reoffence_ids)
    return +totals


def summed(batches: list[list[c.IntegrationEvent]]) -> tuple[Counter[tuple[str, str, str]], dict]:
    known: dict[uuid.UUID, KnownPerson] = {}
    totals: Counter[tuple[str, str, str]] = Counter()
    for batch in batches:
        for delta in fold(known, batch).deltas:
            totals[delta.key] += delta.amount
    return +totals, known


def test_a_conviction_settling_an_arrest_moves_no_figure_but_updates_the_row() -> None:
    person, reoffence = PEOPLE[0], REOFFENCE_IDS[0]
    writes = fold({}, [registered(person), reoffended(person, reoffence),
                       reoffended(person, reoffence, c.ReoffenceStatus.NEW_CONVICTION)])
    assert [(delta.figure, delta.amount) for delta in writes.deltas] == [(PEOPLE_MANAGED, 1), (REOFFENCES, 1)]
    assert writes.reoffences[reoffence].status is c.ReoffenceStatus.NEW_CONVICTION


def test_a_move_carries_the_person_and_their_reoffences_to_the_new_commune() -> None:
    person = PEOPLE[0]
    known = {person: KnownPerson("01", "00004", closed=False, reoffence_ids={REOFFENCE_IDS[0]})}
    writes = fold(known, [moved(person, "00007")])
    assert {(delta.figure, delta.commune_code, delta.amount) for delta in writes.deltas} == {
        (PEOPLE_MANAGED, "00004", -1), (REOFFENCES, "00004", -1), (PEOPLE_MANAGED, "00007", 1),
        (REOFFENCES, "00007", 1)}
    assert writes.places == {person: ("01", "00007")}


def test_closing_a_closed_case_again_changes_no_figure() -> None:
    person = PEOPLE[0]
    writes = fold({person: KnownPerson("01", "00004", closed=True)}, [closed(person)])
    assert writes.deltas == [] and person in writes.closures


def test_a_second_registration_of_a_known_person_is_ignored() -> None:
    person = PEOPLE[0]
    writes = fold({person: KnownPerson("01", "00004", closed=False)}, [registered(person, "00007")])
    assert writes.releases == {} and writes.deltas == []


def event_strategy() -> st.SearchStrategy[c.IntegrationEvent]:
    people, communes, reoffences = st.sampled_from(PEOPLE), st.sampled_from(COMMUNES), st.sampled_from(REOFFENCE_IDS)
    return st.one_of(st.builds(registered, people, communes), st.builds(moved, people, communes),
                     st.builds(reoffended, people, reoffences), st.builds(closed, people))


@settings(max_examples=300, deadline=None)
@given(st.lists(event_strategy(), max_size=25), st.data())
def test_deltas_add_up_to_a_recount_however_the_events_are_batched(events: list[c.IntegrationEvent],
                                                                   data: st.DataObject) -> None:
    cuts = sorted(data.draw(st.sets(st.integers(0, len(events)), max_size=5)))
    batches = [events[start:end] for start, end in zip([0, *cuts], [*cuts, len(events)], strict=True)]
    in_one, known_after_one = summed([events])
    in_many, _ = summed(batches)
    assert in_one == in_many == recount(known_after_one)
