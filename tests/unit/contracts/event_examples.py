"""One realistic example of every integration event version, with fixed ids so snapshots stay stable."""

from datetime import UTC, date, datetime
from uuid import UUID

from hoanhap.contracts import (
    EVENT_CATALOGUE,
    BusinessBorrower,
    BusinessType,
    BusinessWorkforce,
    CaseClosed,
    CaseClosureReason,
    CommuneListingCertified,
    Envelope,
    IndividualBorrower,
    IntakeRecorded,
    IntegrationEvent,
    LoanApplied,
    LoanAppliedV1,
    LoanApproved,
    LoanDisbursed,
    LoanOverdue,
    LoanOverdueV1,
    LoanPurpose,
    LoanRejected,
    LoanRejectedV1,
    LoanRule,
    LoanSettled,
    LoanWithdrawn,
    LoanWrittenOff,
    ModelEnded,
    ModelLaunched,
    ModelLaunchedV1,
    ModelLevel,
    NeedArea,
    NextContactDueSet,
    OutreachActivity,
    OutreachLogged,
    OutreachLoggedV1,
    PersonErased,
    PlanAreaStatusChanged,
    PlanStatus,
    ReleaseRegistered,
    ReleaseRegisteredV1,
    ReleaseType,
    ReoffenceRecorded,
    ReoffenceStatus,
    RepaymentReceived,
    ResidenceChanged,
    ResidenceConfirmed,
    RiskGroup,
    RiskGroupAssessed,
    Sex,
    SponsorAssigned,
    SponsorKind,
    SponsorshipEnded,
    SupervisionClosed,
    SupervisionClosureReason,
    SupervisionOpened,
    SupportKind,
    SupportProvided,
    VisitKind,
    VisitLogged,
)
from hoanhap.contracts.credit.events_v1 import BusinessWorkforceV1

PERSON = UUID("3b1f8c2e-5d4a-4e6b-9c7d-8e9f0a1b2c3d")
WORKER = UUID("c4d5e6f7-0a1b-4c2d-8e3f-405162738495")
CASE = UUID("0e4b7d1a-2c3f-4a5b-8c6d-7e8f9a0b1c2d")
LOAN = UUID("9a8b7c6d-5e4f-4a3b-9c2d-1e0f2a3b4c5d")
BUSINESS = UUID("5f6e7d8c-9b0a-4f1e-a2d3-c4b5a6978869")
MODEL = UUID("7c1d2e3f-4a5b-4c6d-b7e8-f90a1b2c3d4e")
DIGEST = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"
HANOI, BA_DINH_WARD, HOAN_KIEM_WARD = "01", "00004", "00070"
PERSON_BORROWER = IndividualBorrower(kind="individual", person_id=PERSON)
BUSINESS_BORROWER = BusinessBorrower(
    kind="business", business_id=BUSINESS, business_type=BusinessType.COOPERATIVE
)
ON_CASE = {"person_id": PERSON, "case_id": CASE}
PERSON_LOAN = {"loan_id": LOAN, "borrower": PERSON_BORROWER}

RELEASE = {
    "person_id": PERSON, "sex": Sex.MALE, "province_code": HANOI, "commune_code": BA_DINH_WARD,
    "former_place_name": "Phường Điện Biên, quận Ba Đình", "offence_articles": (173, 178), "sentence_months": 36,
    "release_type": ReleaseType.CONDITIONAL_EARLY_RELEASE, "release_date": date(2025, 3, 14),
    "supervision_months": 10, "notified_on": date(2025, 3, 3),
}

REGISTRY_EXAMPLES: list[IntegrationEvent] = [
    ReleaseRegisteredV1(**RELEASE, birth_year=1988, national_id_digest=DIGEST),
    ReleaseRegistered(**RELEASE, age_at_release=37),
    ResidenceConfirmed(
        person_id=PERSON, province_code=HANOI, commune_code=BA_DINH_WARD,
        confirmed_on=date(2025, 3, 5), within_deadline=True,
    ),
    IntakeRecorded(
        person_id=PERSON, commitment_on=date(2025, 3, 7), information_sheet_on=date(2025, 3, 7),
    ),
    ResidenceChanged(
        person_id=PERSON, previous_province_code=HANOI, previous_commune_code=BA_DINH_WARD,
        province_code=HANOI, commune_code=HOAN_KIEM_WARD, moved_on=date(2025, 9, 1),
    ),
    ReoffenceRecorded(
        person_id=PERSON, reoffence_id=UUID("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"),
        committed_on=date(2026, 2, 2), offence_articles=(173,), status=ReoffenceStatus.ARREST_PENDING_TRIAL,
    ),
    CommuneListingCertified(
        person_id=PERSON, list_id=UUID("6f7a8b9c-0d1e-4f2a-b3c4-d5e6f7a8b9c0"), province_code=HANOI,
        commune_code=HOAN_KIEM_WARD, certified_on=date(2025, 9, 30),
    ),
    CaseClosed(person_id=PERSON, closed_on=date(2028, 3, 14), reason=CaseClosureReason.RECORD_CLEARED),
    PersonErased(person_id=PERSON, erased_at=datetime(2033, 3, 14, 2, 30, tzinfo=UTC)),
]

SUPERVISION_EXAMPLES: list[IntegrationEvent] = [
    SupervisionOpened(
        **ON_CASE, province_code=HANOI, commune_code=BA_DINH_WARD, opened_on=date(2025, 3, 17),
        commitment_signed=True, supervision_ends_on=date(2026, 1, 14),
    ),
    VisitLogged(
        **ON_CASE, visit_id=UUID("2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e"),
        kind=VisitKind.HOME_VISIT, visited_on=date(2025, 4, 2),
    ),
    RiskGroupAssessed(
        **ON_CASE, risk_group=RiskGroup.B, previous_risk_group=RiskGroup.C, assessed_on=date(2025, 6, 30),
    ),
    SupportProvided(
        **ON_CASE, support_id=UUID("3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f"), kind=SupportKind.MATERIAL_AID,
        provided_on=date(2025, 4, 10), value=2_000_000, model_id=MODEL,
    ),
    SponsorAssigned(
        **ON_CASE, sponsor_kind=SponsorKind.ORGANISATION, assigned_on=date(2025, 3, 20), model_id=MODEL,
    ),
    ModelLaunchedV1(
        model_id=MODEL, title="Mô hình Cảm hóa, giáo dục người lầm lỗi", level=ModelLevel.DISTRICT,
        province_code=HANOI, commune_code=BA_DINH_WARD, former_district_name="Quận Ba Đình",
        launched_on=date(2022, 5, 19),
    ),
    ModelLaunched(
        model_id=MODEL, title="Mô hình Cảm hóa, giáo dục người lầm lỗi", level=ModelLevel.DISTRICT,
        province_code=HANOI, commune_codes=(BA_DINH_WARD, HOAN_KIEM_WARD), former_district_name="Quận Ba Đình",
        launched_on=date(2022, 5, 19),
    ),
    ModelEnded(
        model_id=MODEL, province_code=HANOI, commune_codes=(BA_DINH_WARD, HOAN_KIEM_WARD),
        ended_on=date(2026, 6, 30),
    ),
    OutreachLoggedV1(
        outreach_id=UUID("4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a"), activity=OutreachActivity.JOB_COUNSELLING,
        quantity=1, attendance=42, province_code=HANOI, commune_code=BA_DINH_WARD,
        held_on=date(2025, 5, 8), model_id=MODEL,
    ),
    OutreachLogged(
        outreach_id=UUID("4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a"),
        activity=OutreachActivity.JOB_INTRODUCTION_CONFERENCE, quantity=1, attendance=42, province_code=HANOI,
        commune_code=None, held_on=date(2025, 5, 8), model_id=MODEL,
    ),
    SponsorshipEnded(**ON_CASE, ended_on=date(2025, 9, 20)),
    SupervisionClosed(
        **ON_CASE, closed_on=date(2026, 1, 14), reason=SupervisionClosureReason.SUPERVISION_PERIOD_ENDED,
    ),
    NextContactDueSet(**ON_CASE, next_due_on=date(2025, 5, 2), as_of=date(2025, 4, 2)),
    PlanAreaStatusChanged(
        **ON_CASE, area=NeedArea.ID_CARD, status=PlanStatus.MET, changed_on=date(2025, 5, 12),
    ),
]

CREDIT_EXAMPLES: list[IntegrationEvent] = [
    LoanAppliedV1(
        loan_id=LOAN, borrower=BUSINESS_BORROWER, purpose=LoanPurpose.BUSINESS, amount_requested=500_000_000,
        term_months=60, workforce=BusinessWorkforceV1(total_workers=12, eligible_worker_ids=(PERSON, WORKER)),
        province_code=HANOI, commune_code=HOAN_KIEM_WARD, applied_on=date(2025, 10, 1),
    ),
    LoanApplied(
        loan_id=LOAN, borrower=BUSINESS_BORROWER, purpose=LoanPurpose.PRODUCTION, amount_requested=500_000_000,
        term_months=60, workforce=BusinessWorkforce(total_workers=12, eligible_workers=2),
        province_code=HANOI, commune_code=HOAN_KIEM_WARD, applied_on=date(2025, 10, 1),
    ),
    LoanApproved(
        **PERSON_LOAN, approved_amount=80_000_000, annual_interest_rate_bp=660, term_months=60,
        secured=False, approved_on=date(2025, 10, 20),
    ),
    LoanRejectedV1(
        **PERSON_LOAN, failed_rule=LoanRule.MORE_THAN_FIVE_YEARS_SINCE_RELEASE,
        explanation="More than 5 years passed between completing the sentence and applying.",
        rejected_on=date(2025, 10, 20),
    ),
    LoanRejected(
        **PERSON_LOAN, failed_rules=(LoanRule.MORE_THAN_FIVE_YEARS_SINCE_RELEASE, LoanRule.STANDING_REOFFENCE),
        rejected_on=date(2025, 10, 20),
    ),
    LoanWithdrawn(**PERSON_LOAN, withdrawn_on=date(2025, 10, 21)),
    LoanDisbursed(
        **PERSON_LOAN, amount=80_000_000, disbursed_on=date(2025, 10, 25), final_due_on=date(2030, 10, 25),
    ),
    RepaymentReceived(
        **PERSON_LOAN, repayment_id=UUID("5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"), principal=1_333_000,
        interest=440_000, received_on=date(2025, 11, 25), outstanding_principal=78_667_000,
    ),
    LoanOverdueV1(
        **PERSON_LOAN, overdue_principal=1_333_000, overdue_since=date(2026, 1, 26),
        overdue_interest_rate_bp=858,
    ),
    LoanOverdue(
        **PERSON_LOAN, as_of=date(2026, 3, 6), overdue_principal=1_333_000, overdue_since=date(2026, 1, 26),
        days_past_due=40, debt_group=2, overdue_interest_rate_bp=858,
    ),
    LoanWrittenOff(
        **PERSON_LOAN, written_off_on=date(2027, 5, 2), principal_written_off=60_000_000,
        interest_written_off=2_100_000,
    ),
    LoanSettled(
        **PERSON_LOAN, settled_on=date(2030, 10, 25), principal_repaid=80_000_000, interest_paid=13_420_000,
    ),
]

EXAMPLES: dict[tuple[str, int], IntegrationEvent] = {
    (event.event_type, event.schema_version): event
    for event in (*REGISTRY_EXAMPLES, *SUPERVISION_EXAMPLES, *CREDIT_EXAMPLES)
}


def example_of(event_class: type[IntegrationEvent]) -> IntegrationEvent:
    """The example of one event version; fails, naming it, when none was written."""
    key = (event_class.event_type, event_class.schema_version)
    assert key in EXAMPLES, f"write an example of {key[0]} v{key[1]} in {__name__}"
    return EXAMPLES[key]


def envelope_of(event: IntegrationEvent) -> Envelope:
    """The event in an envelope with fixed attributes."""
    return Envelope(
        id=UUID("6f7a8b9c-0d1e-4f2a-b3c4-d5e6f7a8b9c0"),
        time=datetime(2025, 3, 3, 8, 15, 30, tzinfo=UTC),
        stream_version=3,
        correlation_id="7a8b9c0d-1e2f-4a3b-8c4d-e5f6a7b8c9d0",
        causation_id="8b9c0d1e-2f3a-4b4c-9d5e-f6a7b8c9d0e1",
        data=event,
    )


ALL_VERSIONS = EVENT_CATALOGUE.every_version()
