"""Every integration event the services emit today, and the catalogue consumers read them with.

When an event gets a new schema version: keep the old model (renamed, e.g. `ReleaseRegisteredV1`, with the
same `event_type` and its old `schema_version`) in `SUPERSEDED_EVENTS`, and register the step from the old
version to the new one on `UPCASTERS` (in a module imported here).
"""

from typing import Any

from hoanhap.contracts.credit.events import LoanApplied, LoanApproved, LoanRejected, LoanWithdrawn
from hoanhap.contracts.credit.events_v1 import LoanAppliedV1, LoanOverdueV1, LoanRejectedV1
from hoanhap.contracts.credit.servicing import (
    LoanDisbursed,
    LoanOverdue,
    LoanSettled,
    LoanWrittenOff,
    RepaymentReceived,
)
from hoanhap.contracts.registry.events import (
    CaseClosed,
    CommuneListingCertified,
    IntakeRecorded,
    PersonErased,
    ReleaseRegistered,
    ReleaseRegisteredV1,
    ReoffenceRecorded,
    ResidenceChanged,
    ResidenceConfirmed,
)
from hoanhap.contracts.supervision.community import ModelEnded, ModelLaunched, OutreachLogged
from hoanhap.contracts.supervision.community_v1 import ModelLaunchedV1, OutreachLoggedV1
from hoanhap.contracts.supervision.events import (
    NextContactDueSet,
    PlanAreaStatusChanged,
    RiskGroupAssessed,
    SponsorAssigned,
    SponsorshipEnded,
    SupervisionClosed,
    SupervisionOpened,
    SupportProvided,
    VisitLogged,
)
from hoanhap.contracts.values import OLDEST_AT_RELEASE, YOUNGEST_AT_RELEASE
from hoanhap.contracts.versions.catalogue import EventCatalogue, EventClass
from hoanhap.contracts.versions.credit_upcasters import register_credit_upcasters
from hoanhap.contracts.versions.upcasting import Upcasters

REGISTRY_EVENTS: tuple[EventClass, ...] = (
    ReleaseRegistered,
    ResidenceConfirmed,
    IntakeRecorded,
    ResidenceChanged,
    ReoffenceRecorded,
    CaseClosed,
    PersonErased,
    CommuneListingCertified,
)
SUPERVISION_EVENTS: tuple[EventClass, ...] = (
    SupervisionOpened,
    VisitLogged,
    RiskGroupAssessed,
    SupportProvided,
    SponsorAssigned,
    ModelLaunched,
    OutreachLogged,
    SupervisionClosed,
    ModelEnded,
    SponsorshipEnded,
    NextContactDueSet,
    PlanAreaStatusChanged,
)
CREDIT_EVENTS: tuple[EventClass, ...] = (
    LoanApplied,
    LoanApproved,
    LoanRejected,
    LoanDisbursed,
    RepaymentReceived,
    LoanOverdue,
    LoanSettled,
    LoanWithdrawn,
    LoanWrittenOff,
)
SUPERSEDED_EVENTS: tuple[EventClass, ...] = (ReleaseRegisteredV1, ModelLaunchedV1, OutreachLoggedV1, LoanAppliedV1,
                                             LoanRejectedV1, LoanOverdueV1)

UPCASTERS = Upcasters()
register_credit_upcasters(UPCASTERS)


@UPCASTERS.register(ReleaseRegistered.event_type, from_version=1)
def release_drops_the_citizen_id_hmac(data: dict[str, Any]) -> dict[str, Any]:
    """ReleaseRegistered v1 -> v2: the HMAC of the citizen ID is dropped, unread; the age at release is the release
    year less the birth year, as v1's readers took it (a year too old when the birthday came after the release
    day), within the ages version 2 allows."""
    kept = {name: value for name, value in data.items() if name not in ("national_id_digest", "birth_year")}
    age = int(str(data["release_date"])[:4]) - data["birth_year"]
    return {**kept, "age_at_release": min(max(age, YOUNGEST_AT_RELEASE), OLDEST_AT_RELEASE)}


@UPCASTERS.register(ModelLaunched.event_type, from_version=1)
def launch_lists_the_running_commune(data: dict[str, Any]) -> dict[str, Any]:
    """ModelLaunched v1 -> v2: v1's one commune (the one running the model) is the list of covered communes; the
    others it covered were never published."""
    kept = {name: value for name, value in data.items() if name != "commune_code"}
    return {**kept, "commune_codes": [data["commune_code"]]}


@UPCASTERS.register(OutreachLogged.event_type, from_version=1)
def outreach_keeps_its_commune(data: dict[str, Any]) -> dict[str, Any]:
    """OutreachLogged v1 -> v2: unchanged; every v1 report named its commune, which v2 may leave empty."""
    return data


EVENT_CATALOGUE = EventCatalogue(
    current=(*REGISTRY_EVENTS, *SUPERVISION_EVENTS, *CREDIT_EVENTS),
    superseded=SUPERSEDED_EVENTS,
    upcasters=UPCASTERS,
)
