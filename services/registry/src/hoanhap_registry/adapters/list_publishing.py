"""What the registry tells other services about a commune's borrower list (Form 01): each person of a certified
list as CommuneListingCertified, with the list, the place and the day. The signatory, the rows' facts and who drew
or excluded whom stay inside; names were never in the list's events."""

from hoanhap import contracts as c
from hoanhap.contracts import KafkaMessage
from hoanhap.eventstore import StoredEvent
from hoanhap.relay import integration_message
from hoanhap_registry.domain import borrower_list_events as ev


def list_message(stored: StoredEvent) -> KafkaMessage | None:
    """The integration message of a stored borrower-list event, or None for one kept inside."""
    fact = ev.LIST_FACTS[stored.type].model_validate(stored.payload)
    if not isinstance(fact, ev.PersonListed):
        return None
    return integration_message(stored, c.CommuneListingCertified(
        person_id=fact.person_id, list_id=ev.list_id_of(stored.stream_id), province_code=fact.province_code,
        commune_code=fact.commune_code, certified_on=fact.certified_on))
