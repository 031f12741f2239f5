"""The privacy boundary for sponsors and support: SponsorAssigned and SupportProvided carry the kind, the day, the
model and the aid's value, never the sponsor's name, contact or token subject, the support's note or who gave it;
the end of a sponsorship leaves as SponsorshipEnded with its day only."""

import uuid
from datetime import date

from hoanhap import contracts as c
from hoanhap.contracts import SponsorKind, SupportKind, from_kafka_message
from hoanhap_supervision.adapters.publishing import supervision_message
from hoanhap_supervision.domain import events as ev
from tests.unit.supervision.adapters.test_supervision_integration_mapping import PERSON, SEALED, stored, wire

DAY = date(2026, 2, 1)
MODEL = uuid.uuid4()
SPONSOR = ev.SponsorAssigned(sponsor_id=uuid.uuid4(), sponsor_kind=SponsorKind.BUSINESS, sealed_name=SEALED,
                             sealed_contact=SEALED + "C", token_subject="sponsor:secret-account", model_id=MODEL,
                             assigned_on=DAY)
AID = ev.SupportGiven(support_id=uuid.uuid4(), kind=SupportKind.MATERIAL_AID, provided_on=DAY, value=2_500_000,
                      model_id=None, sealed_note=SEALED, by_subject="sponsor:secret-account", by_role="sponsor")


async def test_a_sponsor_is_published_with_its_kind_day_and_model_and_nothing_that_names_it():
    message = supervision_message(await stored(SPONSOR))
    assert message is not None
    for secret in (SEALED, "secret-account"):
        assert secret.encode() not in wire(message), secret
    data = from_kafka_message(message.key, message.value, message.headers).data
    assert isinstance(data, c.SponsorAssigned)
    assert (data.person_id, data.sponsor_kind, data.assigned_on, data.model_id) == (
        PERSON, SponsorKind.BUSINESS, DAY, MODEL)


async def test_support_is_published_with_its_kind_day_and_value_without_its_note_or_giver():
    message = supervision_message(await stored(AID))
    assert message is not None
    for secret in (SEALED, "secret-account", '"sponsor"'):
        assert secret.encode() not in wire(message), secret
    data = from_kafka_message(message.key, message.value, message.headers).data
    assert isinstance(data, c.SupportProvided)
    assert (data.support_id, data.kind, data.provided_on, data.value) == (
        AID.support_id, SupportKind.MATERIAL_AID, DAY, 2_500_000)


async def test_the_end_of_a_sponsorship_is_published_with_its_day_and_neither_the_sponsor_nor_the_reason():
    ended = ev.SponsorshipEnded(sponsor_id=SPONSOR.sponsor_id, ended_on=DAY, sealed_reason=SEALED)
    message = supervision_message(await stored(ended))
    assert message is not None
    for secret in (SEALED, str(SPONSOR.sponsor_id)):
        assert secret.encode() not in wire(message), secret
    data = from_kafka_message(message.key, message.value, message.headers).data
    assert isinstance(data, c.SponsorshipEnded)
    assert (data.person_id, data.ended_on) == (PERSON, DAY)
