"""A hand-made history of supervision and credit events in one commune, as those services would publish it.

Eight people: P1..P6 under supervision during 2023 (P6's case closed on 2023-03-01), P7's case opened in 2024 and
P8's closed in 2022. Only this module's tests use commune 00091, and figures are asked of 2023.
"""

import uuid
from datetime import date
from typing import Any

import hoanhap.contracts as c

PROVINCE, COMMUNE = "01", "00091"
PEOPLE = {name: uuid.uuid4() for name in ("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8")}
CASES = {name: uuid.uuid4() for name in PEOPLE}
HERE = {"province_code": PROVINCE, "commune_code": COMMUNE}


def on_case(name: str) -> dict[str, Any]:
    return {"person_id": PEOPLE[name], "case_id": CASES[name]}


def releases() -> list[c.IntegrationEvent]:
    """P1..P4 are men, P5 and P6 women, so figures can be broken down by sex."""
    return [c.ReleaseRegistered(
        person_id=PEOPLE[name], age_at_release=32, sex="female" if name in ("P5", "P6") else "male", **HERE,
        offence_articles=(173,), sentence_months=24, release_type="completed_sentence", release_date=date(2022, 12, 1),
        notified_on=date(2022, 11, 25)) for name in PEOPLE]


def cases() -> list[c.IntegrationEvent]:
    opened = {"P1": "2023-01-10", "P2": "2023-01-10", "P3": "2023-01-10", "P4": "2023-01-10", "P5": "2023-01-10",
              "P6": "2022-06-01", "P7": "2024-02-01", "P8": "2022-01-01"}
    events: list[c.IntegrationEvent] = [
        c.SupervisionOpened(**on_case(name), **HERE, opened_on=day, commitment_signed=True)
        for name, day in opened.items()]
    return [*events,
            c.SupervisionClosed(**on_case("P6"), closed_on=date(2023, 3, 1), reason="moved_away"),
            c.SupervisionClosed(**on_case("P8"), closed_on=date(2022, 12, 31), reason="supervision_period_ended")]


VISIT_OF_P2 = uuid.uuid4()


def visits() -> list[c.IntegrationEvent]:
    """2023: P1 twice, P2 once (logged as a call, corrected to a home visit), P3, P4 and P6 once; P5 never.
    2024: P1 and P7."""
    logged = [("P1", "home_visit", "2023-02-01"), ("P1", "home_visit", "2023-05-01"),
              ("P3", "reported_at_commune", "2023-02-03"), ("P4", "home_visit", "2023-06-01"),
              ("P6", "home_visit", "2023-02-01"), ("P1", "phone_call", "2024-01-02"),
              ("P7", "home_visit", "2024-03-01")]
    corrected = [c.VisitLogged(**on_case("P2"), visit_id=VISIT_OF_P2, kind=kind, visited_on=date(2023, 4, 4))
                 for kind in ("phone_call", "home_visit")]
    return [*(c.VisitLogged(**on_case(name), visit_id=uuid.uuid4(), kind=kind, visited_on=day)
              for name, kind, day in logged), *corrected]


def risk_groups() -> list[c.IntegrationEvent]:
    """P1 B, then A; P2 and P4 A; P3 C; P6 D; P5 never assessed."""
    assessed = [("P1", "B"), ("P1", "A"), ("P2", "A"), ("P3", "C"), ("P4", "A"), ("P6", "D")]
    return [c.RiskGroupAssessed(**on_case(name), risk_group=group, assessed_on=date(2023, 2, 15))
            for name, group in assessed]


MODEL = uuid.uuid4()


def support_and_sponsors() -> list[c.IntegrationEvent]:
    """Material aid to P1..P5 (8,000,000 VND in 2023), counselling for P6, training for P1; one more aid in 2024.
    Sponsors: P1 an individual, P2 an organisation and P3 a business, the last two for model MODEL; P2's
    sponsorship ended on 2023-10-01."""
    aid = [("P1", 2_000_000), ("P2", 3_000_000), ("P3", 1_500_000), ("P4", 500_000), ("P5", 1_000_000)]
    support = [c.SupportProvided(**on_case(name), support_id=uuid.uuid4(), kind="material_aid",
                                 provided_on=date(2023, 7, 1), value=value, model_id=MODEL) for name, value in aid]
    support += [c.SupportProvided(**on_case("P6"), support_id=uuid.uuid4(), kind="counselling",
                                  provided_on=date(2023, 2, 10)),
                c.SupportProvided(**on_case("P1"), support_id=uuid.uuid4(), kind="vocational_training",
                                  provided_on=date(2023, 9, 1)),
                c.SupportProvided(**on_case("P1"), support_id=uuid.uuid4(), kind="material_aid",
                                  provided_on=date(2024, 1, 9), value=9_999_999)]
    sponsors = [c.SponsorAssigned(**on_case(name), sponsor_kind=kind, assigned_on=date(2023, 3, 3), model_id=model)
                for name, kind, model in (("P1", "individual", None), ("P2", "organisation", MODEL),
                                          ("P3", "business", MODEL))]
    ended = c.SponsorshipEnded(**on_case("P2"), ended_on=date(2023, 10, 1))
    return [*support, *sponsors, ended]


def models_and_outreach() -> list[c.IntegrationEvent]:
    """Models: one of 2022 and one of 2023 of the commune, one of a former district in 2023 that ended on
    2023-11-30. Outreach in 2023: two banner runs (3 and 2 banners) and a mobile session attended by 40; leaflets in
    2024."""
    models = [c.ModelLaunched(model_id=model_id, title=title, level=level, province_code=PROVINCE,
                              commune_codes=(COMMUNE,), launched_on=day,
                              former_district_name="Quận Ba Đình" if level == "district" else None)
              for model_id, title, level, day in (
                  (MODEL, "Doanh nghiệp đồng hành", "commune", date(2022, 5, 1)),
                  (uuid.uuid4(), "Tổ tự quản", "commune", date(2023, 4, 1)),
                  (uuid.uuid4(), "Câu lạc bộ hoà nhập", "district", date(2023, 5, 1)))]
    outreach = [c.OutreachLogged(outreach_id=uuid.uuid4(), activity=activity, quantity=quantity,
                                 attendance=attendance, **HERE, held_on=day)
                for activity, quantity, attendance, day in (
                    ("banner", 3, None, date(2023, 1, 20)), ("banner", 2, None, date(2023, 8, 20)),
                    ("mobile_session", 1, 40, date(2023, 6, 6)), ("leaflet", 200, None, date(2024, 2, 2)))]
    ended = c.ModelEnded(model_id=models[2].model_id, province_code=PROVINCE, commune_codes=(COMMUNE,),
                         ended_on=date(2023, 11, 30))
    return [*models, ended, *outreach]


LOANS = {name: uuid.uuid4() for name in ("L1", "L2", "L3", "L4", "L5", "L6", "L7", "L8")}
BUSINESS = {"kind": "business", "business_id": uuid.uuid4(), "business_type": "cooperative"}


def borrower_of(loan: str) -> dict[str, Any]:
    """L5 is a cooperative's; L1..L4, L6..L8 are P1..P4, P5..P7's."""
    people = {"L1": "P1", "L2": "P2", "L3": "P3", "L4": "P4", "L6": "P5", "L7": "P6", "L8": "P7"}
    return BUSINESS if loan == "L5" else {"kind": "individual", "person_id": PEOPLE[people[loan]]}


def loan(name: str, event: type[c.CreditEvent], **fields: Any) -> c.IntegrationEvent:
    return event(loan_id=LOANS[name], borrower=borrower_of(name), **fields)


def applications() -> list[c.IntegrationEvent]:
    """Seven applications in 2023 (805,000,000 VND asked) and one in 2024."""
    asked = [("L1", "production", 50_000_000), ("L2", "production", 30_000_000), ("L3", "training", 20_000_000),
             ("L4", "production", 100_000_000), ("L5", "business", 500_000_000), ("L6", "production", 60_000_000),
             ("L7", "production", 45_000_000), ("L8", "production", 70_000_000)]
    return [loan(name, c.LoanApplied, purpose=purpose, amount_requested=amount, term_months=36, **HERE,
                 applied_on=date(2024, 1, 5) if name == "L8" else date(2023, 3, 1),
                 course_months=6 if purpose == "training" else None,
                 workforce={"total_workers": 20, "eligible_workers": 1} if name == "L5" else None)
            for name, purpose, amount in asked]


def loan_lives() -> list[c.IntegrationEvent]:
    """L1 repaid in part, L2 overdue, L3 settled, L4 rejected, L5 disbursed, L6 only applied, L7 approved; L8
    (2024) disbursed."""
    approved = [("L1", 40_000_000), ("L2", 30_000_000), ("L3", 20_000_000), ("L5", 400_000_000),
                ("L7", 45_000_000), ("L8", 70_000_000)]
    events = [loan(name, c.LoanApproved, approved_amount=amount, annual_interest_rate_bp=660, term_months=36,
                   secured=amount > 100_000_000, approved_on=date(2023, 3, 20)) for name, amount in approved]
    events += [loan(name, c.LoanDisbursed, amount=amount, disbursed_on=date(2023, 4, 1),
                    final_due_on=date(2026, 4, 1)) for name, amount in approved if name != "L7"]
    return [*events,
            loan("L1", c.RepaymentReceived, repayment_id=uuid.uuid4(), principal=10_000_000, interest=500_000,
                 received_on=date(2023, 10, 1), outstanding_principal=30_000_000),
            loan("L2", c.LoanOverdue, as_of=date(2023, 10, 1), overdue_principal=5_000_000,
                 overdue_since=date(2023, 10, 1), days_past_due=1, debt_group=1, overdue_interest_rate_bp=858),
            loan("L3", c.LoanSettled, settled_on=date(2023, 12, 1), principal_repaid=20_000_000,
                 interest_paid=800_000),
            loan("L4", c.LoanRejected, failed_rules=("amount_above_limit",),
                 rejected_on=date(2023, 3, 15))]
