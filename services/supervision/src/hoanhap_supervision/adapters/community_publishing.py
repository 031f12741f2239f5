"""What supervision tells other services about local models and outreach: a model's launch as ModelLaunched, a
commune's outreach report as OutreachLogged.

The contracts carry less than the service keeps: ModelLaunched names one commune, the first the model covers (the
one that runs it); its lead organisation, members and end stay inside; a province-wide outreach report has no
commune for OutreachLogged and stays inside too (see README, "Local models and outreach")."""

from hoanhap import contracts as c
from hoanhap.contracts import KafkaMessage
from hoanhap.eventstore import StoredEvent
from hoanhap.relay import integration_message
from hoanhap_supervision.domain import community_events as ev


def community_message(stored: StoredEvent) -> KafkaMessage | None:
    """The integration message of a stored model or outreach event, or None for one kept inside."""
    data = community_event(ev.COMMUNITY_FACTS[stored.type].model_validate(stored.payload))
    return None if data is None else integration_message(stored, data)


def community_event(fact: ev.SupervisionFact) -> c.IntegrationEvent | None:
    """The contract event for one internal event."""
    match fact:
        case ev.ModelStarted():
            return c.ModelLaunched(model_id=fact.model_id, title=fact.title, level=fact.level,
                                   province_code=fact.province_code, commune_code=fact.commune_codes[0],
                                   former_district_name=fact.former_district_name, launched_on=fact.launched_on)
        case ev.OutreachReported() if fact.commune_code is not None:
            return c.OutreachLogged(outreach_id=fact.outreach_id, activity=fact.activity, quantity=fact.quantity,
                                    attendance=fact.attendance, province_code=fact.province_code,
                                    commune_code=fact.commune_code, held_on=fact.held_on)
    return None
