"""The sponsor scope on the in-memory store: a token whose subject starts with "sponsor:" may call only the
declared endpoints, only for a person it sponsors now (404 otherwise, as a case it cannot see); other tokens pass
untouched; what a sponsor records is recorded as by a sponsor, with support's note sealed."""

import uuid
from datetime import date

import pytest

from hoanhap.auth import Agency, Jurisdiction, Principal, Role
from hoanhap.contracts import SponsorKind, SupportKind
from hoanhap.sealing import unseal_text
from hoanhap.write_path.errors import Forbidden, NotFound
from hoanhap_supervision.access_policy import POLICY, SPONSORS_MAY
from hoanhap_supervision.application.registry_feed import RegistryFeed
from hoanhap_supervision.application.sponsor_scope import ensure_sponsor_scope
from hoanhap_supervision.application.sponsor_tokens import acting_role, is_sponsor
from hoanhap_supervision.application.sponsorship_input import SponsorInput, SponsorshipEndInput, SupportInput
from hoanhap_supervision.domain import events as ev
from tests.unit.supervision.application import registry_facts as facts
from tests.unit.supervision.application.envelopes import envelope
from tests.unit.supervision.application.in_memory import (
    NO_CONNECTION,
    InMemoryRegistryView,
    in_memory_supervision,
    officer,
)

TODAY = date(2026, 3, 1)
SUBJECT = "sponsor:moc-viet"
VISITS = "POST /v1/people/{person_id}/visits"


def sponsor_token(subject: str = SUBJECT, agency: Agency = Agency.SUPERVISION) -> Principal:
    return Principal(sub=subject, agency=agency, role=Role.OFFICER,
                     jurisdiction=Jurisdiction(province="01", communes=("00004",)))


async def sponsored():  # type: ignore[no-untyped-def]
    """Use cases with two open cases, the first sponsored by SUBJECT; the sponsor's id."""
    supervision, streams, keys = in_memory_supervision()
    person, stranger = uuid.uuid4(), uuid.uuid4()
    events = [fact(someone) for someone in (person, stranger) for fact in (facts.released, facts.intake)]
    await RegistryFeed(supervision, InMemoryRegistryView())(NO_CONNECTION, [envelope(event) for event in events])
    sponsor_id = uuid.uuid4()
    assigned = SponsorInput(sponsor_id, SponsorKind.INDIVIDUAL, "Nguyễn Văn Bảo", "0912 345 678", SUBJECT, None,
                            date(2026, 2, 1))
    await supervision.record(NO_CONNECTION, person, assigned, officer(), None, TODAY)
    return supervision, streams, keys, person, stranger, sponsor_id


def test_a_sponsor_is_known_by_its_subject_whatever_its_token_names():
    assert is_sponsor(sponsor_token()) and is_sponsor(sponsor_token(agency=Agency.POLICE))
    assert not is_sponsor(officer())
    assert (acting_role(sponsor_token()), acting_role(officer())) == ("sponsor", "officer")


def test_the_sponsors_endpoints_are_served_endpoints_that_write_for_one_person_or_list_its_own_people():
    assert set(POLICY.rules) >= SPONSORS_MAY
    assert all(endpoint.startswith("POST /v1/people/{person_id}/") for endpoint in SPONSORS_MAY
               if endpoint != "GET /v1/sponsors/me/people")


async def test_a_sponsor_passes_only_for_its_person_on_its_endpoints():
    supervision, _, _, person, stranger, _ = await sponsored()
    await ensure_sponsor_scope(supervision, NO_CONNECTION, sponsor_token(), VISITS, SPONSORS_MAY, person)
    with pytest.raises(NotFound):
        await ensure_sponsor_scope(supervision, NO_CONNECTION, sponsor_token(), VISITS, SPONSORS_MAY, stranger)
    with pytest.raises(NotFound):
        await ensure_sponsor_scope(supervision, NO_CONNECTION, sponsor_token("sponsor:other"), VISITS, SPONSORS_MAY,
                                   person)
    for endpoint in set(POLICY.rules) - SPONSORS_MAY:
        with pytest.raises(Forbidden):
            await ensure_sponsor_scope(supervision, NO_CONNECTION, sponsor_token(), endpoint, SPONSORS_MAY, person)


async def test_other_tokens_pass_the_scope_untouched():
    supervision, _, _, _, stranger, _ = await sponsored()
    for endpoint in POLICY.rules:
        await ensure_sponsor_scope(supervision, NO_CONNECTION, officer(), endpoint, SPONSORS_MAY, stranger)


async def test_an_ended_sponsorship_takes_the_scope_away():
    supervision, _, _, person, _, sponsor_id = await sponsored()
    ending = SponsorshipEndInput(sponsor_id, date(2026, 2, 20), "chuyển đi nơi khác")
    await supervision.record(NO_CONNECTION, person, ending, officer(), None, TODAY)
    with pytest.raises(NotFound):
        await ensure_sponsor_scope(supervision, NO_CONNECTION, sponsor_token(), VISITS, SPONSORS_MAY, person)


async def test_support_by_a_sponsor_is_recorded_as_a_sponsors_with_its_note_and_the_sponsors_name_sealed():
    supervision, streams, keys, person, _, _ = await sponsored()
    aid = SupportInput(uuid.uuid4(), SupportKind.MATERIAL_AID, date(2026, 2, 12), 2_500_000, None, "bộ dụng cụ")
    await supervision.record(NO_CONNECTION, person, aid, sponsor_token(), None, TODAY)
    stored = await streams.read_stream(NO_CONNECTION, str(person))
    assigned, given = (ev.FACTS[event.type].model_validate(event.payload) for event in stored[-2:])
    assert isinstance(assigned, ev.SponsorAssigned) and isinstance(given, ev.SupportGiven)
    assert "Nguyễn" not in str(stored[-2].payload) and "bộ dụng cụ" not in str(stored[-1].payload)
    assert unseal_text(assigned.sealed_name, keys.keys[person], person) == "Nguyễn Văn Bảo"
    assert (given.by_subject, given.by_role, given.value) == (SUBJECT, "sponsor", 2_500_000)
