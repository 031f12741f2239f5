"""The loan from application to approval, rejection or withdrawal: each transition allowed and refused."""

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

import pytest

from hoanhap_credit.domain import loan_commands as cmd
from hoanhap_credit.domain import loan_events as ev
from hoanhap_credit.domain.eligibility_failures import RuleCode
from hoanhap_credit.domain.loan_decide import decide
from hoanhap_credit.domain.loan_errors import LoanConflict, LoanRuleViolation
from hoanhap_credit.domain.loan_state import Loan, LoanStatus
from hoanhap_credit.domain.rates import RateInForce, RateTable
from hoanhap_credit.domain.schedule_dates import RepaymentPlan
from tests.unit.credit.credit_applications import APPLIED_ON, asking, business, request
from tests.unit.credit.credit_loans import (
    APPROVED_ON,
    applied,
    approve,
    approved,
    disbursed,
    run,
    small_loan_application,
    step,
)


def test_a_passing_application_is_recorded_and_awaits_a_decision() -> None:
    loan, events = step(None, cmd.ApplyForLoan(small_loan_application(), "officer"))
    assert [type(e) for e in events] == [ev.LoanApplied]
    assert loan is not None and loan.status is LoanStatus.APPLIED


def test_a_failing_application_is_recorded_then_rejected_with_every_failure() -> None:
    failing = asking(request(amount=150_000_000, term_months=121))
    loan, events = step(None, cmd.ApplyForLoan(failing, "officer"))
    assert [type(e) for e in events] == [ev.LoanApplied, ev.LoanRejected]
    rejected = events[1]
    assert isinstance(rejected, ev.LoanRejected)
    assert [f.code for f in rejected.failures] == [RuleCode.AMOUNT_ABOVE_LIMIT, RuleCode.SECURITY_MISSING,
                                                RuleCode.TERM_ABOVE_LIMIT]
    assert rejected.rejected_on == APPLIED_ON
    assert loan is not None and loan.status is LoanStatus.REJECTED


def test_a_second_application_on_the_same_loan_is_refused() -> None:
    with pytest.raises(LoanConflict, match="already has an application"):
        step(applied(), cmd.ApplyForLoan(small_loan_application(), "officer"))


def test_a_command_before_any_application_is_refused() -> None:
    with pytest.raises(LoanConflict, match="no application"):
        step(None, approve())


def test_approval_grants_up_to_the_amount_asked_and_quotes_the_rate_of_its_day() -> None:
    loan, events = step(applied(), approve(amount=12_000_000))
    assert isinstance(events[0], ev.LoanApproved) and events[0].quoted_rate == Decimal("0.066")
    assert loan is not None and loan.status is LoanStatus.APPROVED and loan.approval is not None
    with pytest.raises(LoanRuleViolation) as refused:
        step(applied(), approve(amount=12_000_001))
    assert refused.value.field == "amount"


def test_approval_of_a_term_above_the_limit_is_refused_naming_the_term() -> None:
    step(applied(), approve(term_months=120, plan=RepaymentPlan.QUARTERLY))
    with pytest.raises(LoanRuleViolation) as refused:
        step(applied(), approve(term_months=121))
    assert refused.value.field == "term_months"


def test_approval_without_security_above_the_threshold_is_refused_naming_security() -> None:
    application = asking(request(amount=200_000_000, term_months=60, security_offered=True), business())
    loan, _ = step(None, cmd.ApplyForLoan(application, "officer"))
    step(loan, approve(amount=200_000_000, term_months=60, secured=True))
    step(loan, approve(amount=100_000_000, term_months=60, secured=False))
    with pytest.raises(LoanRuleViolation) as refused:
        step(loan, approve(amount=100_000_001, term_months=60, secured=False))
    assert refused.value.field == "security_offered"


def test_approval_of_a_term_not_whole_periods_of_the_plan_is_refused() -> None:
    step(applied(), approve(term_months=12, plan=RepaymentPlan.HALF_YEARLY))
    with pytest.raises(LoanRuleViolation) as refused:
        step(applied(), approve(term_months=13, plan=RepaymentPlan.QUARTERLY))
    assert refused.value.field == "term_months"


def test_approval_before_the_application_day_is_refused() -> None:
    step(applied(), approve(approved_on=APPLIED_ON))
    with pytest.raises(LoanRuleViolation) as refused:
        step(applied(), approve(approved_on=APPLIED_ON - timedelta(days=1)))
    assert refused.value.field == "approved_on"


def test_approval_is_refused_once_decided_naming_the_state() -> None:
    with pytest.raises(LoanConflict, match="approved"):
        step(approved(), approve())


def test_a_supervisor_rejects_an_application_with_a_reason() -> None:
    loan, events = step(applied(), cmd.RejectLoan(APPROVED_ON, "plan not credible", "supervisor"))
    assert isinstance(events[0], ev.LoanRejected) and events[0].reason == "plan not credible"
    assert events[0].failures == ()
    assert loan is not None and loan.status is LoanStatus.REJECTED


def test_a_rejection_without_a_reason_or_after_approval_is_refused() -> None:
    with pytest.raises(LoanRuleViolation) as refused:
        step(applied(), cmd.RejectLoan(APPROVED_ON, "  ", "supervisor"))
    assert refused.value.field == "reason"
    with pytest.raises(LoanConflict, match="approved"):
        step(approved(), cmd.RejectLoan(APPROVED_ON, "changed mind", "supervisor"))


@pytest.mark.parametrize("start", [applied, approved])
def test_an_application_may_be_withdrawn_until_money_is_paid_out(start: Callable[[], Loan]) -> None:
    loan, _ = step(start(), cmd.WithdrawApplication(date(2025, 5, 25), "officer"))
    assert loan is not None and loan.status is LoanStatus.WITHDRAWN
    with pytest.raises(LoanConflict, match="withdrawn"):
        step(loan, approve())


def test_withdrawal_after_disbursement_is_refused() -> None:
    with pytest.raises(LoanConflict, match="disbursed"):
        step(disbursed(), cmd.WithdrawApplication(date(2025, 6, 2), "officer"))


def test_the_role_of_whoever_asks_is_recorded() -> None:
    _, events = run([cmd.ApplyForLoan(small_loan_application(), "officer"), approve()])
    application, approval = events
    assert isinstance(application, ev.LoanApplied) and application.by_role == "officer"
    assert isinstance(approval, ev.LoanApproved) and approval.by_role == "supervisor"


def test_approval_on_a_day_with_no_rate_in_force_is_refused_naming_the_day() -> None:
    late_rates = RateTable((RateInForce(APPROVED_ON, Decimal("0.066")),))
    decide(applied(), approve(approved_on=APPROVED_ON), late_rates)
    with pytest.raises(LoanRuleViolation) as refused:
        decide(applied(), approve(approved_on=APPROVED_ON - timedelta(days=1)), late_rates)
    assert refused.value.field == "approved_on"


def test_a_rejection_or_withdrawal_before_the_application_day_is_refused() -> None:
    step(applied(), cmd.RejectLoan(APPLIED_ON, "plan not credible", "supervisor"))
    with pytest.raises(LoanRuleViolation) as rejected_early:
        step(applied(), cmd.RejectLoan(APPLIED_ON - timedelta(days=1), "plan not credible", "supervisor"))
    assert rejected_early.value.field == "rejected_on"
    step(applied(), cmd.WithdrawApplication(APPLIED_ON, "officer"))
    with pytest.raises(LoanRuleViolation) as withdrawn_early:
        step(applied(), cmd.WithdrawApplication(APPLIED_ON - timedelta(days=1), "officer"))
    assert withdrawn_early.value.field == "withdrawn_on"
