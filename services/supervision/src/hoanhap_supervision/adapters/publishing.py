"""What supervision tells other services: internal events mapped to integration events for the relay.

Free text (an assessment's reason, a contact's note, sealed or not), the assessment's factors, who made a contact
and a contact's outcome never leave: the integration events carry the person and case ids, places, days, the risk
group and the kind of contact. Only contacts where the person was met are published as VisitLogged (the
contract's "an officer or sponsor met the person"). Of a sponsorship only the kind of sponsor and its days leave,
never who the sponsor is nor why it ended. The day a person's next contact is due leaves, not the standard that gave
it; a plan area's status leaves, not who changed it nor any case note. This mapping is the privacy boundary.
"""

import uuid

from hoanhap import contracts as c
from hoanhap.contracts import CaseClosureReason, KafkaMessage, SupervisionClosureReason
from hoanhap.eventstore import StoredEvent
from hoanhap.relay import integration_message
from hoanhap_supervision.adapters.community_publishing import community_message
from hoanhap_supervision.domain import events as ev
from hoanhap_supervision.domain.case_identity import case_id_of
from hoanhap_supervision.domain.choices import VisitOutcome
from hoanhap_supervision.domain.community_streams import is_community_stream

CLOSURE_REASONS = {
    CaseClosureReason.RECORD_CLEARED: SupervisionClosureReason.RECORD_CLEARED,
    CaseClosureReason.DECEASED: SupervisionClosureReason.DECEASED,
    CaseClosureReason.OTHER: SupervisionClosureReason.OTHER,
}


def supervision_message(stored: StoredEvent) -> KafkaMessage | None:
    """The integration message of a stored supervision event, or None for an event kept inside."""
    if is_community_stream(stored.stream_id):
        return community_message(stored)
    person_id = uuid.UUID(stored.stream_id)
    data = integration_event(person_id, ev.FACTS[stored.type].model_validate(stored.payload))
    return None if data is None else integration_message(stored, data)


def integration_event(person_id: uuid.UUID, fact: ev.SupervisionFact) -> c.IntegrationEvent | None:
    """The contract event for one internal event."""
    case_id = case_id_of(person_id)
    match fact:
        case ev.SupervisionStarted():
            return c.SupervisionOpened(person_id=person_id, case_id=case_id, province_code=fact.province_code,
                                       commune_code=fact.commune_code, opened_on=fact.commitment_on,
                                       commitment_signed=True, supervision_ends_on=fact.supervision_ends_on)
        case ev.RiskAssessed():
            return c.RiskGroupAssessed(person_id=person_id, case_id=case_id, risk_group=fact.risk_group,
                                       previous_risk_group=fact.previous_risk_group, assessed_on=fact.assessed_on)
        case ev.VisitRecorded() if fact.outcome is VisitOutcome.MET:
            return c.VisitLogged(person_id=person_id, case_id=case_id, visit_id=fact.visit_id, kind=fact.kind,
                                 visited_on=fact.visited_on)
        case ev.SupervisionEnded():
            return c.SupervisionClosed(person_id=person_id, case_id=case_id, closed_on=fact.closed_on,
                                       reason=CLOSURE_REASONS[fact.reason])
        case ev.SponsorAssigned():
            return c.SponsorAssigned(person_id=person_id, case_id=case_id, sponsor_kind=fact.sponsor_kind,
                                     assigned_on=fact.assigned_on, model_id=fact.model_id)
        case ev.SponsorshipEnded():
            return c.SponsorshipEnded(person_id=person_id, case_id=case_id, ended_on=fact.ended_on)
        case ev.SupportGiven():
            return c.SupportProvided(person_id=person_id, case_id=case_id, support_id=fact.support_id,
                                     kind=fact.kind, provided_on=fact.provided_on, value=fact.value,
                                     model_id=fact.model_id)
        case ev.NextContactDueChanged():
            return c.NextContactDueSet(person_id=person_id, case_id=case_id, next_due_on=fact.next_due_on,
                                       as_of=fact.as_of)
        case ev.PlanStatusChanged():
            return c.PlanAreaStatusChanged(person_id=person_id, case_id=case_id, area=fact.area, status=fact.status,
                                           changed_on=fact.changed_on)
    return None
