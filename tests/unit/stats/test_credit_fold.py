"""Folding a batch of credit events: each loan's status and money as its events leave them, and the counts of
outstanding and overdue loans they move."""

import uuid
from datetime import date

import hoanhap.contracts as c
from hoanhap_stats.credit.fold import fold
from hoanhap_stats.credit.loans import LoanRow, LoanStatus
from hoanhap_stats.projecting.commune_totals import Delta

LOAN = uuid.uuid4()
PERSON = {"kind": "individual", "person_id": uuid.uuid4()}
HERE = ("01", "00004")


def applied(borrower: dict | None = None, **details: object) -> c.LoanApplied:
    return c.LoanApplied(loan_id=LOAN, borrower=borrower or PERSON, purpose="production",
                         amount_requested=50_000_000, term_months=36, province_code="01", commune_code="00004",
                         applied_on=date(2024, 1, 2), **details)


def approved() -> c.LoanApproved:
    return c.LoanApproved(loan_id=LOAN, borrower=PERSON, approved_amount=40_000_000, annual_interest_rate_bp=660,
                          term_months=36, secured=False, approved_on=date(2024, 1, 9))


def disbursed(amount: int) -> c.LoanDisbursed:
    return c.LoanDisbursed(loan_id=LOAN, borrower=PERSON, amount=amount, disbursed_on=date(2024, 1, 15),
                           final_due_on=date(2027, 1, 15))


def repaid(principal: int, outstanding: int) -> c.RepaymentReceived:
    return c.RepaymentReceived(loan_id=LOAN, borrower=PERSON, repayment_id=uuid.uuid4(), principal=principal,
                               interest=100_000, received_on=date(2024, 6, 1), outstanding_principal=outstanding)


def overdue(principal: int) -> c.LoanOverdue:
    return c.LoanOverdue(loan_id=LOAN, borrower=PERSON, as_of=date(2024, 4, 1), overdue_principal=principal,
                         overdue_since=date(2024, 4, 1), days_past_due=1, debt_group=1, overdue_interest_rate_bp=858)


def settled() -> c.LoanSettled:
    return c.LoanSettled(loan_id=LOAN, borrower=PERSON, settled_on=date(2025, 1, 1), principal_repaid=40_000_000,
                         interest_paid=3_000_000)


def last(events: list[c.IntegrationEvent], known: dict | None = None) -> LoanRow:
    return fold({} if known is None else known, events).loans[LOAN]


def test_a_loan_moves_from_applied_through_approved_and_disbursed_to_settled():
    assert last([applied()]).status is LoanStatus.APPLIED
    assert (last([applied(), approved()]).status, last([applied(), approved()]).amount_approved_vnd) == (
        LoanStatus.APPROVED, 40_000_000)
    paid_out = last([applied(), approved(), disbursed(25_000_000), disbursed(15_000_000)])
    assert (paid_out.status, paid_out.disbursed_vnd, paid_out.outstanding_principal_vnd) == (
        LoanStatus.DISBURSED, 40_000_000, 40_000_000)
    done = last([applied(), approved(), disbursed(40_000_000), repaid(10_000_000, 30_000_000), settled()])
    assert (done.status, done.outstanding_principal_vnd, done.repaid_principal_vnd) == (LoanStatus.SETTLED, 0,
                                                                                        40_000_000)


def test_a_rejected_application_keeps_no_approved_amount():
    rejected = c.LoanRejected(loan_id=LOAN, borrower=PERSON, failed_rules=("amount_above_limit",),
                              rejected_on=date(2024, 1, 5))
    loan = last([applied(), rejected])
    assert (loan.status, loan.amount_approved_vnd, loan.decided_on) == (LoanStatus.REJECTED, None, date(2024, 1, 5))


def test_a_repayment_pays_the_overdue_principal_first_and_cures_the_loan_once_none_is_overdue():
    start = [applied(), approved(), disbursed(40_000_000), overdue(5_000_000)]
    partly = last([*start, repaid(3_000_000, 37_000_000)])
    assert (partly.status, partly.overdue_principal_vnd, partly.outstanding_principal_vnd) == (
        LoanStatus.OVERDUE, 2_000_000, 37_000_000)
    cured = last([*start, repaid(3_000_000, 37_000_000), repaid(2_000_000, 35_000_000)])
    assert (cured.status, cured.overdue_principal_vnd, cured.overdue_since) == (LoanStatus.DISBURSED, 0, None)
    assert cured.repaid_principal_vnd == 5_000_000


def test_counts_of_outstanding_and_overdue_loans_move_with_the_status():
    deltas = fold({}, [applied(), approved(), disbursed(40_000_000), disbursed(1), overdue(5_000_000),
                       repaid(5_000_000, 35_000_001), settled()]).deltas
    moving = [(delta.figure, delta.amount) for delta in deltas if delta.amount]
    assert moving == [("loans_outstanding", 1), ("loans_overdue", 1), ("loans_overdue", -1),
                      ("loans_outstanding", -1)]
    assert {delta.key[1:] for delta in deltas} == {HERE}


def test_a_settled_loan_changes_no_more_and_events_of_unknown_loans_are_left_out():
    known: dict = {}
    fold(known, [applied(), approved(), disbursed(40_000_000), settled()])
    assert fold(known, [overdue(1_000_000)]).loans == {}
    assert fold({}, [approved(), disbursed(1_000)]).loans == {}


def test_a_business_borrower_is_kept_as_its_kind_and_type_only():
    business = {"kind": "business", "business_id": uuid.uuid4(), "business_type": "cooperative"}
    event = applied(business, workforce={"total_workers": 10, "eligible_workers": 1})
    loan = last([event])
    assert (loan.borrower_kind, loan.person_id, loan.business_type) == ("business", None, "cooperative")
    assert Delta("loans_outstanding", *HERE, 0) in fold({}, [event]).deltas
