"""Where integration events travel: topic names, who consumes which topic, and the Kafka key of an event.

One topic per emitting service, named `hoanhap.<service>.events`. The key decides the partition, so it names
the thing whose events must stay in order:
- events about a person (all of registry's, supervision's case events): the person id;
- loan events: the borrower (the person id of an individual, the business id of a business), so each
  borrower's loans keep their order and an individual's loan events sit with the rest of that person's;
- ModelLaunched and OutreachLogged, which are about no person: the commune code. Stats counts them per
  commune, a commune's own events then stay in order, and 3,321 communes spread well over partitions. A model's
  launch and end: the commune running it (the first it covers); a province-wide outreach report: the province code.
The same string is the CloudEvents `subject`.
"""

from collections.abc import Mapping
from types import MappingProxyType

from hoanhap.contracts.credit.borrowers import Borrower, IndividualBorrower
from hoanhap.contracts.credit.events import CreditEvent
from hoanhap.contracts.integration_event import IntegrationEvent
from hoanhap.contracts.registry.events import RegistryEvent
from hoanhap.contracts.services import Service
from hoanhap.contracts.supervision.community import ModelEnded, ModelLaunched, OutreachLogged
from hoanhap.contracts.supervision.community_v1 import ModelLaunchedV1, OutreachLoggedV1
from hoanhap.contracts.supervision.events import SupervisionCaseEvent

REGISTRY_TOPIC = "hoanhap.registry.events"
SUPERVISION_TOPIC = "hoanhap.supervision.events"
CREDIT_TOPIC = "hoanhap.credit.events"

EMITTED_TOPIC: Mapping[Service, str] = MappingProxyType(
    {
        Service.REGISTRY: REGISTRY_TOPIC,
        Service.SUPERVISION: SUPERVISION_TOPIC,
        Service.CREDIT: CREDIT_TOPIC,
    }
)
CONSUMED_TOPICS: Mapping[Service, tuple[str, ...]] = MappingProxyType(
    {
        Service.REGISTRY: (),
        Service.SUPERVISION: (REGISTRY_TOPIC,),
        Service.CREDIT: (REGISTRY_TOPIC,),
        Service.STATS: (REGISTRY_TOPIC, SUPERVISION_TOPIC, CREDIT_TOPIC),
    }
)


def topic_of(event: IntegrationEvent | type[IntegrationEvent]) -> str:
    """The topic an event (or event class) is published on: its service's topic."""
    return EMITTED_TOPIC[event.service]


def emitting_service(topic: str) -> Service:
    """The service that publishes on `topic`."""
    for service, emitted in EMITTED_TOPIC.items():
        if emitted == topic:
            return service
    raise ValueError(f"no service publishes on topic {topic!r}")


def subject_of(event: IntegrationEvent) -> str:
    """What the event is about, in the sense that decides ordering (see the module docstring)."""
    match event:
        case RegistryEvent() | SupervisionCaseEvent():
            return str(event.person_id)
        case CreditEvent():
            return borrower_subject(event.borrower)
        case ModelLaunched() | ModelEnded():
            return event.commune_codes[0]
        case OutreachLogged():
            return event.commune_code or event.province_code
        case ModelLaunchedV1() | OutreachLoggedV1():
            return event.commune_code
    raise TypeError(f"no partition rule for {type(event).__name__}")


def borrower_subject(borrower: Borrower) -> str:
    """The person id of an individual borrower, the business id of a business."""
    if isinstance(borrower, IndividualBorrower):
        return str(borrower.person_id)
    return str(borrower.business_id)


def partition_key(event: IntegrationEvent) -> bytes:
    """The Kafka message key of an event: its subject, UTF-8 encoded."""
    return subject_of(event).encode()
