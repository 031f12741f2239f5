"""The registry's facts on the supervision use cases: an intake opens one case where the person lives, however
often it is delivered; a residence change moves it, a reoffence prompts reassessment, a closure ends it, an
erasure destroys the person's key."""

import uuid
from datetime import date

from hoanhap.contracts import ReoffenceStatus
from hoanhap_supervision.application.registry_feed import RegistryFeed
from hoanhap_supervision.domain.case_identity import case_id_of
from tests.unit.supervision.application import registry_facts as facts
from tests.unit.supervision.application.envelopes import envelope
from tests.unit.supervision.application.in_memory import (
    NO_CONNECTION,
    InMemoryRegistryView,
    in_memory_supervision,
)


async def fed(*events):  # type: ignore[no-untyped-def]
    supervision, streams, keys = in_memory_supervision()
    view = InMemoryRegistryView()
    await RegistryFeed(supervision, view)(NO_CONNECTION, [envelope(event) for event in events])
    return supervision, streams, keys, view


async def test_an_intake_opens_one_case_where_the_registry_placed_the_person_with_a_key_of_their_own():
    person = uuid.uuid4()
    supervision, streams, keys, _ = await fed(facts.released(person), facts.intake(person), facts.intake(person))
    case, version = await supervision.load(NO_CONNECTION, person)
    assert version == 2 and case is not None  # opened, and its first contact's due day
    assert (case.commune_code, case.opened_on, case.supervision_ends_on) == ("00004", date(2026, 1, 16),
                                                                            date(2027, 7, 15))
    assert person in keys.keys
    [state] = [write for write in streams.store.written_alongside if "INSERT INTO cases" in write.sql]
    assert state.arguments[:3] == (case_id_of(person), 2, person)


async def test_a_move_before_the_intake_opens_the_case_at_the_new_place():
    person = uuid.uuid4()
    supervision, *_ = await fed(facts.released(person), facts.moved(person), facts.intake(person))
    case, _ = await supervision.load(NO_CONNECTION, person)
    assert case is not None and case.commune_code == "00070"


async def test_no_case_opens_without_the_release_or_after_the_closure():
    unknown, closed = uuid.uuid4(), uuid.uuid4()
    supervision, *_ = await fed(facts.intake(unknown), facts.released(closed), facts.closed(closed),
                                facts.intake(closed))
    assert (await supervision.load(NO_CONNECTION, unknown))[0] is None
    assert (await supervision.load(NO_CONNECTION, closed))[0] is None


async def test_a_move_transfers_the_case_and_a_reoffence_makes_reassessment_due_the_day_it_arrives():
    person = uuid.uuid4()
    supervision, *_ = await fed(facts.released(person), facts.intake(person), facts.moved(person),
                                facts.reoffended(person, ReoffenceStatus.ARREST_WITHDRAWN))
    case, version = await supervision.load(NO_CONNECTION, person)
    assert case is not None and (case.commune_code, version) == ("00070", 3), "a withdrawn arrest prompts nothing"
    supervision, streams, *_ = await fed(facts.released(person), facts.intake(person), facts.reoffended(person))
    prompt = (await streams.store.read_stream(str(person)))[-1]
    assert (prompt.type, prompt.payload["due_on"]) == ("ReassessmentPrompted", "2026-02-20")  # arrived that day


async def test_a_closure_ends_the_case_and_an_erasure_destroys_the_key_and_forgets_the_answers():
    person = uuid.uuid4()
    supervision, _, keys, view = await fed(facts.released(person), facts.intake(person), facts.closed(person),
                                           facts.erased(person))
    case, version = await supervision.load(NO_CONNECTION, person)
    assert case is not None and not case.is_open and case.notes_erased and version == 4
    assert person not in keys.keys
    assert view.forgotten == [person]
