"""The registry batch fold: the deltas it gives always add up to a recount of the people it ends with, however
the events are split into batches; repeated facts move nothing; a withdrawn arrest, an erasure and a move each move
exactly what they must, by the place at the time of each fact."""

import uuid
from collections import Counter
from datetime import UTC, date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

import hoanhap.contracts as c
from hoanhap_stats.registry.fold import fold
from hoanhap_stats.registry.people import PEOPLE_MANAGED, REOFFENCES, KnownPerson, Spell, spells
from tests.support.releases import release

PEOPLE = [uuid.uuid4() for _ in range(4)]
REOFFENCE_IDS = [uuid.uuid4() for _ in range(3)]
COMMUNES = ["00004", "00007", "00010"]


def registered(person: uuid.UUID, commune: str = "00004") -> c.ReleaseRegistered:
    return release(person).model_copy(update={"commune_code": commune})  # released 2026-01-15


def moved(person: uuid.UUID, commune: str, moved_on: date = date(2026, 3, 1)) -> c.ResidenceChanged:
    return c.ResidenceChanged(person_id=person, previous_province_code="01", previous_commune_code="00004",
                              province_code="01", commune_code=commune, moved_on=moved_on)


def reoffended(person: uuid.UUID, reoffence: uuid.UUID,
               status: c.ReoffenceStatus = c.ReoffenceStatus.ARREST_PENDING_TRIAL,
               committed_on: date = date(2026, 4, 1)) -> c.ReoffenceRecorded:
    return c.ReoffenceRecorded(person_id=person, reoffence_id=reoffence, committed_on=committed_on,
                               offence_articles=[173], status=status)


def closed(person: uuid.UUID) -> c.CaseClosed:
    return c.CaseClosed(person_id=person, closed_on=date(2026, 5, 1), reason=c.CaseClosureReason.RECORD_CLEARED)


def erased(person: uuid.UUID, at: datetime = datetime(2026, 6, 30, 18, 0, tzinfo=UTC)) -> c.PersonErased:
    return c.PersonErased(person_id=person, erased_at=at)


def living_in(commune: str, closed: bool = False, reoffences: dict[uuid.UUID, date] | None = None) -> KnownPerson:
    return KnownPerson({date(2026, 1, 15): ("01", commune)}, closed=closed, reoffences=reoffences or {})


def recount(known: dict[uuid.UUID, KnownPerson]) -> Counter[tuple[str, str, str]]:
    """The totals counted afresh: the open, unerased people where they live last; each counted reoffence where the
    person lived on the day, by walking their moves in order."""
    totals: Counter[tuple[str, str, str]] = Counter()
    for person in known.values():
        moves = sorted(person.residences.items())
        if not (person.closed or person.erased):
            totals[(PEOPLE_MANAGED, *moves[-1][1])] += 1
        for committed_on in person.reoffences.values():
            place = moves[0][1]
            for since, there in moves:
                if since <= committed_on:
                    place = there
            totals[(REOFFENCES, *place)] += 1
    return +totals


def summed(batches: list[list[c.IntegrationEvent]]) -> tuple[Counter[tuple[str, str, str]], dict]:
    known: dict[uuid.UUID, KnownPerson] = {}
    totals: Counter[tuple[str, str, str]] = Counter()
    for batch in batches:
        for delta in fold(known, batch).deltas:
            totals[delta.key] += delta.amount
    return +totals, known


def moves_of(writes) -> set[tuple[str, str, int]]:
    return {(delta.figure, delta.commune_code, delta.amount) for delta in writes.deltas}


def test_a_conviction_settling_an_arrest_moves_no_figure_but_updates_the_row() -> None:
    person, reoffence = PEOPLE[0], REOFFENCE_IDS[0]
    writes = fold({}, [registered(person), reoffended(person, reoffence),
                       reoffended(person, reoffence, c.ReoffenceStatus.NEW_CONVICTION)])
    assert [(delta.figure, delta.amount) for delta in writes.deltas] == [(PEOPLE_MANAGED, 1), (REOFFENCES, 1)]
    assert writes.reoffences[reoffence].status is c.ReoffenceStatus.NEW_CONVICTION


def test_a_withdrawn_arrest_takes_back_the_reoffence_it_counted_and_keeps_the_row() -> None:
    person, reoffence = PEOPLE[0], REOFFENCE_IDS[0]
    known = {person: living_in("00004", reoffences={reoffence: date(2026, 4, 1)})}
    writes = fold(known, [reoffended(person, reoffence, c.ReoffenceStatus.ARREST_WITHDRAWN)])
    assert moves_of(writes) == {(REOFFENCES, "00004", -1)}
    assert writes.reoffences[reoffence].status is c.ReoffenceStatus.ARREST_WITHDRAWN
    assert known[person].reoffences == {}


def test_an_arrest_withdrawn_in_the_same_batch_counts_nowhere() -> None:
    person, reoffence = PEOPLE[0], REOFFENCE_IDS[0]
    writes = fold({}, [registered(person), reoffended(person, reoffence),
                       reoffended(person, reoffence, c.ReoffenceStatus.ARREST_WITHDRAWN)])
    totals = Counter[tuple[str, str, str]]()
    for delta in writes.deltas:
        totals[delta.key] += delta.amount
    assert +totals == Counter({(PEOPLE_MANAGED, "01", "00004"): 1})


def test_a_move_carries_the_person_but_leaves_past_reoffences_where_they_were_committed() -> None:
    person = PEOPLE[0]
    known = {person: living_in("00004", reoffences={REOFFENCE_IDS[0]: date(2026, 2, 1)})}
    writes = fold(known, [moved(person, "00007", date(2026, 3, 1))])
    assert moves_of(writes) == {(PEOPLE_MANAGED, "00004", -1), (PEOPLE_MANAGED, "00007", 1)}
    assert writes.residences == {person: {date(2026, 1, 15): ("01", "00004"), date(2026, 3, 1): ("01", "00007")}}


def test_a_residence_history_becomes_spells_each_ending_the_day_before_the_next() -> None:
    history = {date(2026, 3, 1): ("01", "00007"), date(2026, 1, 15): ("01", "00004"), date(2026, 6, 1): ("01", "00010")}
    assert spells(history) == [Spell(date(2026, 1, 15), date(2026, 2, 28), True, ("01", "00004")),
                               Spell(date(2026, 3, 1), date(2026, 5, 31), False, ("01", "00007")),
                               Spell(date(2026, 6, 1), None, False, ("01", "00010"))]


def test_a_move_recorded_late_takes_the_reoffences_committed_after_it_along() -> None:
    person = PEOPLE[0]
    known = {person: living_in("00004", reoffences={REOFFENCE_IDS[0]: date(2026, 2, 1),
                                                     REOFFENCE_IDS[1]: date(2026, 4, 1)})}
    writes = fold(known, [moved(person, "00007", date(2026, 3, 1))])
    assert moves_of(writes) == {(PEOPLE_MANAGED, "00004", -1), (REOFFENCES, "00004", -1),
                                (PEOPLE_MANAGED, "00007", 1), (REOFFENCES, "00007", 1)}


def test_a_reoffence_recorded_after_a_move_counts_where_the_person_lived_when_it_was_committed() -> None:
    person = PEOPLE[0]
    writes = fold({}, [registered(person, "00004"), moved(person, "00007", date(2026, 3, 1)),
                       reoffended(person, REOFFENCE_IDS[0], committed_on=date(2026, 2, 20))])
    assert writes.deltas[-1].key == (REOFFENCES, "01", "00004") and writes.deltas[-1].amount == 1


def test_erasing_an_open_case_ends_management_on_the_day_of_the_erasure_in_vietnam() -> None:
    person = PEOPLE[0]
    known = {person: living_in("00004", reoffences={REOFFENCE_IDS[0]: date(2026, 2, 1)})}
    writes = fold(known, [erased(person, datetime(2026, 6, 30, 18, 0, tzinfo=UTC))])  # 01:00 on 1 July in Hà Nội
    assert moves_of(writes) == {(PEOPLE_MANAGED, "00004", -1)}, "the reoffence it recorded still happened"
    assert writes.erasures == {person: date(2026, 7, 1)}


def test_erasing_a_closed_case_or_an_erased_person_changes_no_figure() -> None:
    person, other = PEOPLE[0], PEOPLE[1]
    known = {person: living_in("00004", closed=True), other: living_in("00007")}
    known[other].erased = True
    writes = fold(known, [erased(person), erased(other)])
    assert writes.deltas == [] and set(writes.erasures) == {person}, "the first erasure's day is kept"


def test_closing_a_closed_case_again_changes_no_figure() -> None:
    person = PEOPLE[0]
    writes = fold({person: living_in("00004", closed=True)}, [closed(person)])
    assert writes.deltas == [] and person in writes.closures


def test_a_second_registration_of_a_known_person_is_ignored() -> None:
    person = PEOPLE[0]
    writes = fold({person: living_in("00004")}, [registered(person, "00007")])
    assert writes.releases == {} and writes.deltas == []


DAYS = [date(2026, 1, 15), date(2026, 2, 10), date(2026, 3, 1), date(2026, 4, 1)]


def event_strategy() -> st.SearchStrategy[c.IntegrationEvent]:
    people, communes, reoffences = st.sampled_from(PEOPLE), st.sampled_from(COMMUNES), st.sampled_from(REOFFENCE_IDS)
    days, statuses = st.sampled_from(DAYS), st.sampled_from(list(c.ReoffenceStatus))
    return st.one_of(st.builds(registered, people, communes), st.builds(moved, people, communes, days),
                     st.builds(reoffended, people, reoffences, statuses, days), st.builds(closed, people),
                     st.builds(erased, people))


@settings(max_examples=300, deadline=None)
@given(st.lists(event_strategy(), max_size=25), st.data())
def test_deltas_add_up_to_a_recount_however_the_events_are_batched(events: list[c.IntegrationEvent],
                                                                   data: st.DataObject) -> None:
    cuts = sorted(data.draw(st.sets(st.integers(0, len(events)), max_size=5)))
    batches = [events[start:end] for start, end in zip([0, *cuts], [*cuts, len(events)], strict=True)]
    in_one, known_after_one = summed([events])
    in_many, _ = summed(batches)
    assert in_one == in_many == recount(known_after_one)
