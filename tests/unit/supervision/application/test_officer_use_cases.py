"""Officers' use cases on the in-memory store: what an assessment and a visit append (free text sealed with the
person's key), and what they refuse: no case, another province or commune, a stale version, an erased person."""

import uuid
from datetime import date

import pytest

from hoanhap.contracts import RiskGroup, VisitKind
from hoanhap.sealing import unseal_text
from hoanhap.write_path.errors import Conflict, Forbidden, NotFound, StaleVersion
from hoanhap_supervision.application.officer_input import AssessmentInput, VisitInput
from hoanhap_supervision.application.registry_feed import RegistryFeed
from hoanhap_supervision.domain.choices import VisitOutcome
from tests.unit.supervision.application import registry_facts as facts
from tests.unit.supervision.application.envelopes import envelope
from tests.unit.supervision.application.in_memory import (
    NO_CONNECTION,
    InMemoryRegistryView,
    in_memory_supervision,
    officer,
)
from tests.unit.supervision.domain.cases import FACTORS

TODAY = date(2026, 3, 1)
REASON = "mất việc, ở nhờ nhà chị"
ASSESSMENT = AssessmentInput(RiskGroup.B, FACTORS, REASON, date(2026, 2, 1))


async def opened(*later):  # type: ignore[no-untyped-def]
    supervision, streams, keys = in_memory_supervision()
    person = uuid.uuid4()
    events = [facts.released(person), facts.intake(person), *(fact(person) for fact in later)]
    await RegistryFeed(supervision, InMemoryRegistryView())(NO_CONNECTION, [envelope(event) for event in events])
    return supervision, streams, keys, person


async def test_an_assessment_is_appended_by_the_officer_with_its_reason_sealed_with_the_persons_key():
    supervision, streams, keys, person = await opened()
    assert await supervision.record(NO_CONNECTION, person, ASSESSMENT, officer(), 2, TODAY) == 3  # B moves no due day
    stored = (await streams.store.read_stream(str(person)))[-1]
    assert stored.type == "RiskAssessed" and stored.metadata.actor == "officer-7"
    assert REASON not in str(stored.payload)
    assert unseal_text(stored.payload["sealed_reason"], keys.keys[person], person) == REASON


async def test_a_visit_records_who_made_it_and_seals_its_note():
    supervision, streams, keys, person = await opened()
    visit = VisitInput(uuid.uuid4(), VisitKind.PHONE_CALL, date(2026, 2, 2), VisitOutcome.MET, "đã gọi")
    await supervision.record(NO_CONNECTION, person, visit, officer(), None, TODAY)
    recorded, due = (await streams.store.read_stream(str(person)))[-2:]
    payload = recorded.payload
    assert (recorded.type, due.type) == ("VisitRecorded", "NextContactDueChanged")
    assert (payload["by_subject"], payload["by_role"]) == ("officer-7", "officer")
    assert unseal_text(payload["sealed_note"], keys.keys[person], person) == "đã gọi"


@pytest.mark.parametrize(("caller", "refusal"), [(officer("79"), NotFound), (officer("01", "00070"), Forbidden)])
async def test_outside_the_jurisdiction_is_refused(caller, refusal):
    supervision, _, _, person = await opened()
    with pytest.raises(refusal):
        await supervision.record(NO_CONNECTION, person, ASSESSMENT, caller, None, TODAY)


async def test_after_a_transfer_the_new_commune_may_and_the_old_may_not():
    supervision, _, _, person = await opened(facts.moved)
    with pytest.raises(Forbidden):
        await supervision.record(NO_CONNECTION, person, ASSESSMENT, officer("01", "00004"), None, TODAY)
    assert await supervision.record(NO_CONNECTION, person, ASSESSMENT, officer("01", "00070"), None, TODAY) == 4


async def test_no_case_a_stale_version_and_an_erased_person_are_refused():
    supervision, _, _, person = await opened()
    with pytest.raises(NotFound):
        await supervision.record(NO_CONNECTION, uuid.uuid4(), ASSESSMENT, officer(), None, TODAY)
    with pytest.raises(StaleVersion):
        await supervision.record(NO_CONNECTION, person, ASSESSMENT, officer(), 7, TODAY)
    supervision, _, _, person = await opened(facts.erased)
    with pytest.raises(Conflict, match="erased"):
        await supervision.record(NO_CONNECTION, person, ASSESSMENT, officer(), None, TODAY)
