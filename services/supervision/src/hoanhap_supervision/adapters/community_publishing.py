"""What supervision tells other services about local models and outreach: a model's launch as ModelLaunched with
the communes it covers (the one running it first) and its end as ModelEnded, an outreach report of a commune or
of a whole province (no commune) as OutreachLogged.

The contracts carry less than the service keeps: a model's lead organisation and members stay inside."""

import uuid

from hoanhap import contracts as c
from hoanhap.contracts import KafkaMessage
from hoanhap.eventstore import StoredEvent
from hoanhap.relay import integration_message
from hoanhap_supervision.domain import community_events as ev
from hoanhap_supervision.domain.community_streams import id_of_stream


def community_message(stored: StoredEvent) -> KafkaMessage | None:
    """The integration message of a stored model or outreach event, or None for one kept inside."""
    fact = ev.COMMUNITY_FACTS[stored.type].model_validate(stored.payload)
    data = community_event(id_of_stream(stored.stream_id), fact)
    return None if data is None else integration_message(stored, data)


def community_event(stream_of: uuid.UUID, fact: ev.SupervisionFact) -> c.IntegrationEvent | None:
    """The contract event for one internal event of the model or report `stream_of` names."""
    match fact:
        case ev.ModelStarted():
            return c.ModelLaunched(model_id=fact.model_id, title=fact.title, level=fact.level,
                                   province_code=fact.province_code, commune_codes=tuple(fact.commune_codes),
                                   former_district_name=fact.former_district_name, launched_on=fact.launched_on)
        case ev.ModelEnded() if fact.province_code is not None and fact.commune_codes:
            return c.ModelEnded(model_id=stream_of, province_code=fact.province_code,
                                commune_codes=tuple(fact.commune_codes), ended_on=fact.ended_on)
        case ev.OutreachReported():
            return c.OutreachLogged(outreach_id=fact.outreach_id, activity=fact.activity, quantity=fact.quantity,
                                    attendance=fact.attendance, province_code=fact.province_code,
                                    commune_code=fact.commune_code, held_on=fact.held_on)
    return None
