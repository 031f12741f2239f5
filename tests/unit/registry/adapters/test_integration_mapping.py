"""The privacy boundary: what leaves the registry on Kafka is the person id and coarse attributes. No name,
citizen ID, birth date, sealed identity, village, facility or free-text note reaches an integration event, however
the internal event is filled; the intake stays inside."""

import uuid
from datetime import UTC, date, datetime

import pytest

from hoanhap.contracts import CaseClosureReason, ReleaseType, ReoffenceStatus, Sex
from hoanhap.sealing import new_person_key
from hoanhap_registry.adapters.publishing import integration_event
from hoanhap_registry.domain import events as ev
from hoanhap_registry.identity.sealing import Identity, seal

PERSON = uuid.uuid4()
IDENTITY = Identity("Trần Thị Mai", "001190012345", date(1990, 2, 3), "GCN-4711")
SEALED = seal(IDENTITY, new_person_key(), PERSON)
VILLAGE, FACILITY, NOTE = "Xóm Đồng Bí Mật", "Trại giam Thanh Xuân", "chuyển đi nơi khác, ghi chú riêng"
NEVER_PUBLISHED = [IDENTITY.full_name, IDENTITY.citizen_id, IDENTITY.birth_date.isoformat(), "GCN-4711", SEALED,
                   VILLAGE, FACILITY, NOTE]
NEVER_A_FIELD = {"full_name", "citizen_id", "birth_date", "certificate_number", "sealed_identity", "village",
                 "facility", "note", "national_id_digest"}
RELEASE = ev.ReleaseRegistered(
    sealed_identity=SEALED, birth_year=1990, age_at_release=35, sex=Sex.FEMALE, province_code="01",
    commune_code="00004", village=VILLAGE, former_place_name="Huyện Từ Liêm cũ", facility=FACILITY,
    offence_articles=(173,), sentence_months=24, release_type=ReleaseType.COMPLETED_SENTENCE,
    release_date=date(2026, 1, 15), supervision_end=None, notified_on=date(2026, 1, 9))
PUBLISHED_FACTS = [
    RELEASE,
    ev.ResidenceConfirmed(province_code="01", commune_code="00004", confirmed_on=date(2026, 1, 12),
                          due_on=date(2026, 1, 14)),
    ev.ResidenceChanged(previous_province_code="01", previous_commune_code="00004", province_code="79",
                        commune_code="26506", village=VILLAGE, moved_on=date(2026, 2, 1)),
    ev.ReoffenceRecorded(reoffence_id=uuid.uuid4(), committed_on=date(2026, 3, 1), offence_articles=(173,),
                         status=ReoffenceStatus.ARREST_PENDING_TRIAL),
    ev.CaseClosed(closed_on=date(2026, 4, 1), reason=CaseClosureReason.OTHER, note=NOTE),
    ev.PersonErased(erased_on=date(2026, 5, 1)),
]


@pytest.mark.parametrize("fact", PUBLISHED_FACTS, ids=lambda fact: fact.type_name())
def test_no_identifier_and_no_free_text_reaches_the_integration_event(fact: ev.RegistryFact):
    published = integration_event(PERSON, fact, datetime(2026, 5, 1, tzinfo=UTC))
    assert published is not None and published.person_id == PERSON
    text = published.model_dump_json()
    assert [secret for secret in NEVER_PUBLISHED if secret in text] == []
    assert NEVER_A_FIELD & set(published.model_dump()) == set()


def test_a_release_publishes_the_age_not_the_birth_date():
    published = integration_event(PERSON, RELEASE, datetime(2026, 1, 15, tzinfo=UTC))
    assert published is not None and published.model_dump()["age_at_release"] == 35


def test_the_intake_is_published_with_its_two_days_only():
    intake = ev.IntakeRecorded(commitment_on=date(2026, 1, 12), information_sheet_on=date(2026, 1, 13))
    published = integration_event(PERSON, intake, datetime(2026, 1, 13, tzinfo=UTC))
    assert published is not None and published.model_dump() == {
        "person_id": PERSON, "commitment_on": date(2026, 1, 12), "information_sheet_on": date(2026, 1, 13)}
