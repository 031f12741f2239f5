"""The registry's facts about one person as credit receives them: contract events and their envelopes."""

import uuid
from datetime import UTC, date, datetime

from hoanhap import contracts as c
from hoanhap.contracts import CaseClosureReason, ReleaseType, ReoffenceStatus, Sex


def released(person_id: uuid.UUID, release_type: ReleaseType = ReleaseType.CONDITIONAL_EARLY_RELEASE,
             supervision_months: int | None = 18, commune_code: str = "00004") -> c.ReleaseRegistered:
    return c.ReleaseRegistered(person_id=person_id, age_at_release=35, sex=Sex.MALE, province_code="01",
                               commune_code=commune_code, offence_articles=(173,), sentence_months=24,
                               release_type=release_type, release_date=date(2026, 1, 15),
                               supervision_months=supervision_months, notified_on=date(2026, 1, 9))


def moved(person_id: uuid.UUID, commune_code: str = "00070") -> c.ResidenceChanged:
    return c.ResidenceChanged(person_id=person_id, previous_province_code="01", previous_commune_code="00004",
                              province_code="79", commune_code=commune_code, moved_on=date(2026, 3, 1))


def reoffended(person_id: uuid.UUID, reoffence_id: uuid.UUID, committed_on: date = date(2026, 2, 1),
               status: ReoffenceStatus = ReoffenceStatus.ARREST_PENDING_TRIAL) -> c.ReoffenceRecorded:
    return c.ReoffenceRecorded(person_id=person_id, reoffence_id=reoffence_id, committed_on=committed_on,
                               offence_articles=(173,), status=status)


def closed(person_id: uuid.UUID) -> c.CaseClosed:
    return c.CaseClosed(person_id=person_id, closed_on=date(2026, 6, 1), reason=CaseClosureReason.RECORD_CLEARED)


def erased(person_id: uuid.UUID) -> c.PersonErased:
    return c.PersonErased(person_id=person_id, erased_at=datetime(2026, 6, 2, tzinfo=UTC))


def envelope(data: c.IntegrationEvent) -> c.Envelope:
    return c.Envelope(id=uuid.uuid4(), time=datetime(2026, 2, 20, 3, tzinfo=UTC), stream_version=1,
                      correlation_id="corr-1", data=data)


def listed(person_id: uuid.UUID, list_id: uuid.UUID, certified_on: date = date(2026, 3, 5),
           commune_code: str = "00004") -> c.CommuneListingCertified:
    return c.CommuneListingCertified(person_id=person_id, list_id=list_id, province_code="01",
                                     commune_code=commune_code, certified_on=certified_on)
