"""What the registry tells other services: internal events mapped to integration events for the relay.

Names, citizen ID numbers, birth dates, villages, facilities and notes never leave: the integration events carry
the person id and coarse attributes only. The bank's identity digest travels on a topic of its own
(`identity/digest_publisher.py`). This mapping is the privacy boundary.
"""

import uuid
from datetime import UTC, datetime

from hoanhap import contracts as c
from hoanhap.contracts import KafkaMessage
from hoanhap.contracts.values import OLDEST_AT_RELEASE, YOUNGEST_AT_RELEASE
from hoanhap.eventstore import StoredEvent
from hoanhap.relay import integration_message
from hoanhap_registry.adapters.list_publishing import list_message
from hoanhap_registry.domain import events as ev
from hoanhap_registry.domain.borrower_list_events import is_list_stream
from hoanhap_registry.domain.periods import months_between


def registry_message(stored: StoredEvent) -> KafkaMessage | None:
    """The integration message of a stored registry event, or None for an event kept inside."""
    if is_list_stream(stored.stream_id):
        return list_message(stored)
    person_id = uuid.UUID(stored.stream_id)
    fact = ev.FACTS[stored.type].model_validate(stored.payload)
    data = integration_event(person_id, fact, stored.recorded_at)
    return None if data is None else integration_message(stored, data)


def integration_event(person_id: uuid.UUID, fact: ev.RegistryFact,
                      recorded_at: datetime) -> c.IntegrationEvent | None:
    """The contract event for one internal event."""
    match fact:
        case ev.ReleaseRegistered():
            return c.ReleaseRegistered(
                person_id=person_id, age_at_release=age_at_release(fact), sex=fact.sex,
                province_code=fact.province_code,
                commune_code=fact.commune_code, former_place_name=fact.former_place_name,
                offence_articles=fact.offence_articles, sentence_months=fact.sentence_months,
                release_type=fact.release_type, release_date=fact.release_date,
                supervision_months=supervision_months(fact), notified_on=fact.notified_on)
        case ev.ResidenceConfirmed():
            return c.ResidenceConfirmed(person_id=person_id, province_code=fact.province_code,
                                        commune_code=fact.commune_code, confirmed_on=fact.confirmed_on,
                                        within_deadline=fact.confirmed_on <= fact.due_on)
        case ev.IntakeRecorded():
            return c.IntakeRecorded(person_id=person_id, commitment_on=fact.commitment_on,
                                    information_sheet_on=fact.information_sheet_on)
        case ev.ResidenceChanged():
            return c.ResidenceChanged(person_id=person_id, previous_province_code=fact.previous_province_code,
                                      previous_commune_code=fact.previous_commune_code,
                                      province_code=fact.province_code, commune_code=fact.commune_code,
                                      moved_on=fact.moved_on)
        case ev.ReoffenceRecorded():
            return c.ReoffenceRecorded(person_id=person_id, reoffence_id=fact.reoffence_id,
                                       committed_on=fact.committed_on, offence_articles=fact.offence_articles,
                                       status=fact.status)
        case ev.CaseClosed():
            return c.CaseClosed(person_id=person_id, closed_on=fact.closed_on, reason=fact.reason)
        case ev.PersonErased():
            return c.PersonErased(person_id=person_id, erased_at=recorded_at.astimezone(UTC))
    return None


def age_at_release(fact: ev.ReleaseRegistered) -> int:
    """Whole years of age on the release date; for events stored before it was recorded, the release year less the
    birth year, within the ages the contract allows."""
    if fact.age_at_release is not None:
        return fact.age_at_release
    return min(max(fact.release_date.year - fact.birth_year, YOUNGEST_AT_RELEASE), OLDEST_AT_RELEASE)


def supervision_months(fact: ev.ReleaseRegistered) -> int | None:
    """Whole months from release to the end of supervision, for the release types that have one."""
    if fact.supervision_end is None:
        return None
    return max(months_between(fact.release_date, fact.supervision_end), 0)
