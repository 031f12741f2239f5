"""Integration-event contracts of Hoà Nhập: what the services publish on Kafka, and how it travels.

Import from here. JSON Schemas: `python -m hoanhap.contracts.versions.schemas`; AsyncAPI documents:
`python -m hoanhap.contracts.wire.asyncapi` (both take `--check`).
"""

from hoanhap.contracts.choices import ReleaseType, RiskGroup, Sex
from hoanhap.contracts.credit.borrowers import (
    Borrower,
    BusinessBorrower,
    BusinessWorkforce,
    IndividualBorrower,
)
from hoanhap.contracts.credit.choices import AgentOrganisation, BusinessType, LoanPurpose, LoanRule
from hoanhap.contracts.credit.events import CreditEvent, LoanApplied, LoanApproved, LoanRejected, LoanWithdrawn
from hoanhap.contracts.credit.events_v1 import LoanAppliedV1, LoanOverdueV1, LoanRejectedV1
from hoanhap.contracts.credit.servicing import (
    DEBT_GROUPS,
    LoanDisbursed,
    LoanOverdue,
    LoanSettled,
    LoanWrittenOff,
    RepaymentReceived,
)
from hoanhap.contracts.digest import identity_digest, national_id_digest
from hoanhap.contracts.errors import (
    ContractError,
    MalformedMessage,
    MissingUpcaster,
    NewerSchemaVersion,
    UnknownEventType,
)
from hoanhap.contracts.integration_event import IntegrationEvent
from hoanhap.contracts.registry.choices import CaseClosureReason, ReoffenceStatus
from hoanhap.contracts.registry.events import (
    CaseClosed,
    CommuneListingCertified,
    IntakeRecorded,
    PersonErased,
    RegistryEvent,
    ReleaseRegistered,
    ReleaseRegisteredV1,
    ReoffenceRecorded,
    ResidenceChanged,
    ResidenceConfirmed,
)
from hoanhap.contracts.services import Service
from hoanhap.contracts.supervision.choices import (
    ModelLevel,
    NeedArea,
    OutreachActivity,
    PlanStatus,
    SponsorKind,
    SupervisionClosureReason,
    SupportKind,
    VisitKind,
)
from hoanhap.contracts.supervision.community import ModelEnded, ModelLaunched, OutreachLogged
from hoanhap.contracts.supervision.community_v1 import ModelLaunchedV1, OutreachLoggedV1
from hoanhap.contracts.supervision.events import (
    NextContactDueSet,
    PlanAreaStatusChanged,
    RiskGroupAssessed,
    SponsorAssigned,
    SponsorshipEnded,
    SupervisionCaseEvent,
    SupervisionClosed,
    SupervisionEvent,
    SupervisionOpened,
    SupportProvided,
    VisitLogged,
)
from hoanhap.contracts.values import (
    CommuneCode,
    Money,
    NationalIdDigest,
    PersonId,
    ProvinceCode,
    UtcDateTime,
)
from hoanhap.contracts.versions.catalogue import EventCatalogue
from hoanhap.contracts.versions.compatibility import breaking_changes
from hoanhap.contracts.versions.known_events import (
    CREDIT_EVENTS,
    EVENT_CATALOGUE,
    REGISTRY_EVENTS,
    SUPERVISION_EVENTS,
    UPCASTERS,
)
from hoanhap.contracts.versions.upcasting import Upcasters
from hoanhap.contracts.wire.envelope import Envelope, source_of
from hoanhap.contracts.wire.headers import ENVELOPE_HEADERS
from hoanhap.contracts.wire.kafka_messages import KafkaMessage, from_kafka_message, to_kafka_message
from hoanhap.contracts.wire.routing import (
    CONSUMED_TOPICS,
    CREDIT_TOPIC,
    EMITTED_TOPIC,
    REGISTRY_TOPIC,
    SUPERVISION_TOPIC,
    partition_key,
    subject_of,
    topic_of,
)

__all__ = [
    "CONSUMED_TOPICS",
    "CREDIT_EVENTS",
    "CREDIT_TOPIC",
    "DEBT_GROUPS",
    "EMITTED_TOPIC",
    "ENVELOPE_HEADERS",
    "EVENT_CATALOGUE",
    "REGISTRY_EVENTS",
    "REGISTRY_TOPIC",
    "SUPERVISION_EVENTS",
    "SUPERVISION_TOPIC",
    "UPCASTERS",
    "AgentOrganisation",
    "Borrower",
    "BusinessBorrower",
    "BusinessType",
    "BusinessWorkforce",
    "CaseClosed",
    "CommuneListingCertified",
    "IntakeRecorded",
    "CaseClosureReason",
    "CommuneCode",
    "ContractError",
    "CreditEvent",
    "Envelope",
    "EventCatalogue",
    "IndividualBorrower",
    "IntegrationEvent",
    "KafkaMessage",
    "LoanApplied",
    "LoanAppliedV1",
    "LoanApproved",
    "LoanDisbursed",
    "LoanOverdue",
    "LoanOverdueV1",
    "LoanPurpose",
    "LoanRejected",
    "LoanRejectedV1",
    "LoanRule",
    "LoanSettled",
    "LoanWithdrawn",
    "LoanWrittenOff",
    "MalformedMessage",
    "MissingUpcaster",
    "ModelEnded",
    "ModelLaunched",
    "ModelLaunchedV1",
    "ModelLevel",
    "Money",
    "NationalIdDigest",
    "NeedArea",
    "NewerSchemaVersion",
    "NextContactDueSet",
    "OutreachActivity",
    "OutreachLogged",
    "OutreachLoggedV1",
    "PersonErased",
    "PlanAreaStatusChanged",
    "PlanStatus",
    "PersonId",
    "ProvinceCode",
    "RegistryEvent",
    "ReleaseRegistered",
    "ReleaseRegisteredV1",
    "ReleaseType",
    "ReoffenceRecorded",
    "ReoffenceStatus",
    "RepaymentReceived",
    "ResidenceChanged",
    "ResidenceConfirmed",
    "RiskGroup",
    "RiskGroupAssessed",
    "Service",
    "Sex",
    "SponsorAssigned",
    "SponsorKind",
    "SponsorshipEnded",
    "SupervisionCaseEvent",
    "SupervisionClosed",
    "SupervisionClosureReason",
    "SupervisionEvent",
    "SupervisionOpened",
    "SupportKind",
    "SupportProvided",
    "UnknownEventType",
    "Upcasters",
    "UtcDateTime",
    "VisitKind",
    "VisitLogged",
    "breaking_changes",
    "from_kafka_message",
    "identity_digest",
    "national_id_digest",
    "partition_key",
    "source_of",
    "subject_of",
    "to_kafka_message",
    "topic_of",
]
