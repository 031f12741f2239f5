"""Folding a batch of credit events: each loan's status and money as its events leave them, its state at the end of
each day it changed on (what figures read a past day from), and the counts of outstanding and overdue loans they
move. Every event kind of the contract; arrears and their cures from LoanOverdue v2; version 1 events upcast."""

import uuid
from datetime import date

import hoanhap.contracts as c
from hoanhap.contracts.wire.kafka_messages import from_kafka_message
from hoanhap_stats.credit.fold import fold
from hoanhap_stats.credit.loans import LoanDay, LoanRow, LoanStatus
from hoanhap_stats.projecting.commune_totals import Delta
from tests.support.consuming import message_of

LOAN = uuid.uuid4()
PERSON = {"kind": "individual", "person_id": uuid.uuid4()}
HERE = ("01", "00004")
ON = {"approved_on": date(2024, 1, 9), "disbursed_on": date(2024, 1, 15)}


def applied(borrower: dict | None = None, **details: object) -> c.LoanApplied:
    return c.LoanApplied(loan_id=LOAN, borrower=borrower or PERSON, purpose="production",
                         amount_requested=50_000_000, term_months=36, province_code="01", commune_code="00004",
                         applied_on=date(2024, 1, 2), **details)


def approved(on: date = ON["approved_on"]) -> c.LoanApproved:
    return c.LoanApproved(loan_id=LOAN, borrower=PERSON, approved_amount=40_000_000, annual_interest_rate_bp=660,
                          term_months=36, secured=False, approved_on=on)


def disbursed(amount: int, on: date = ON["disbursed_on"]) -> c.LoanDisbursed:
    return c.LoanDisbursed(loan_id=LOAN, borrower=PERSON, amount=amount, disbursed_on=on,
                           final_due_on=date(2027, 1, 15))


def repaid(principal: int, outstanding: int, on: date = date(2024, 6, 1)) -> c.RepaymentReceived:
    return c.RepaymentReceived(loan_id=LOAN, borrower=PERSON, repayment_id=uuid.uuid4(), principal=principal,
                               interest=100_000, received_on=on, outstanding_principal=outstanding)


def overdue(principal: int, on: date = date(2024, 4, 1), days: int = 1, group: int = 1) -> c.LoanOverdue:
    return c.LoanOverdue(loan_id=LOAN, borrower=PERSON, as_of=on, overdue_principal=principal,
                         overdue_since=date(2024, 4, 1) if principal else None, days_past_due=days if principal else 0,
                         debt_group=group, overdue_interest_rate_bp=858)


def settled() -> c.LoanSettled:
    return c.LoanSettled(loan_id=LOAN, borrower=PERSON, settled_on=date(2025, 1, 1), principal_repaid=40_000_000,
                         interest_paid=3_000_000)


def written_off(principal: int = 30_000_000) -> c.LoanWrittenOff:
    return c.LoanWrittenOff(loan_id=LOAN, borrower=PERSON, written_off_on=date(2025, 3, 1),
                            principal_written_off=principal, interest_written_off=2_000_000)


def withdrawn() -> c.LoanWithdrawn:
    return c.LoanWithdrawn(loan_id=LOAN, borrower=PERSON, withdrawn_on=date(2024, 1, 20))


def rejected(*rules: str) -> c.LoanRejected:
    return c.LoanRejected(loan_id=LOAN, borrower=PERSON, failed_rules=rules, rejected_on=date(2024, 1, 5))


def last(events: list[c.IntegrationEvent], known: dict | None = None) -> LoanRow:
    return fold({} if known is None else known, events).loans[LOAN]


def paid_out(amount: int = 40_000_000) -> list[c.IntegrationEvent]:
    return [applied(), approved(), disbursed(amount)]


def test_a_loan_moves_from_applied_through_approved_and_disbursed_to_settled():
    assert last([applied()]).status is LoanStatus.APPLIED
    assert (last([applied(), approved()]).status, last([applied(), approved()]).amount_approved_vnd) == (
        LoanStatus.APPROVED, 40_000_000)
    assert last([applied(), approved()]).approved_on == date(2024, 1, 9)
    tranches = last([applied(), approved(), disbursed(25_000_000), disbursed(15_000_000)])
    assert (tranches.status, tranches.disbursed_vnd, tranches.outstanding_principal_vnd, tranches.debt_group) == (
        LoanStatus.DISBURSED, 40_000_000, 40_000_000, 1)
    done = last([*paid_out(), repaid(10_000_000, 30_000_000), settled()])
    assert (done.status, done.outstanding_principal_vnd, done.repaid_principal_vnd, done.debt_group) == (
        LoanStatus.SETTLED, 0, 40_000_000, None)


def test_an_application_is_rejected_naming_rules_or_withdrawn_and_then_changes_no_more():
    loan = last([applied(), rejected("amount_above_limit", "security_missing")])
    assert (loan.status, loan.amount_approved_vnd, loan.rejected_on) == (LoanStatus.REJECTED, None, date(2024, 1, 5))
    gone = last([applied(), approved(), withdrawn()])
    assert (gone.status, gone.withdrawn_on, gone.amount_approved_vnd) == (LoanStatus.WITHDRAWN, date(2024, 1, 20),
                                                                           40_000_000)
    known: dict = {}
    fold(known, [applied(), withdrawn()])
    assert fold(known, [approved(), disbursed(1_000)]).loans == {}, "a withdrawn application changes no more"


def test_a_withdrawal_after_money_was_paid_out_changes_nothing():
    assert last([*paid_out(), withdrawn()]).status is LoanStatus.DISBURSED


def test_arrears_follow_loan_overdue_into_higher_debt_groups_and_out_again_when_cured():
    late = last([*paid_out(), overdue(5_000_000, date(2024, 4, 1))])
    assert (late.status, late.overdue_principal_vnd, late.days_past_due, late.debt_group) == (
        LoanStatus.OVERDUE, 5_000_000, 1, 1)
    worse = last([*paid_out(), overdue(5_000_000), overdue(8_000_000, date(2024, 5, 1), days=31, group=2)])
    assert (worse.overdue_principal_vnd, worse.days_past_due, worse.debt_group) == (8_000_000, 31, 2)
    cured = last([*paid_out(), overdue(5_000_000), repaid(5_000_000, 35_000_000), overdue(0, date(2024, 6, 1))])
    assert (cured.status, cured.overdue_principal_vnd, cured.overdue_since, cured.debt_group) == (
        LoanStatus.DISBURSED, 0, None, 1)
    assert (cured.repaid_principal_vnd, cured.outstanding_principal_vnd) == (5_000_000, 35_000_000)


def test_a_repayment_leaves_the_arrears_to_the_loan_overdue_that_follows_it():
    paid = last([*paid_out(), overdue(5_000_000), repaid(2_000_000, 38_000_000)])
    assert (paid.status, paid.overdue_principal_vnd, paid.outstanding_principal_vnd) == (
        LoanStatus.OVERDUE, 5_000_000, 38_000_000)


def test_a_written_off_loan_has_nothing_outstanding_and_keeps_the_principal_written_off():
    loan = last([*paid_out(), overdue(10_000_000, days=400, group=5), repaid(10_000_000, 30_000_000),
                 written_off(30_000_000)])
    assert (loan.status, loan.principal_written_off_vnd, loan.written_off_on) == (
        LoanStatus.WRITTEN_OFF, 30_000_000, date(2025, 3, 1))
    assert (loan.outstanding_principal_vnd, loan.overdue_principal_vnd, loan.debt_group, loan.repaid_principal_vnd) == (
        0, 0, None, 10_000_000)


def test_events_that_do_not_fit_the_status_change_nothing():
    assert fold({}, [approved(), disbursed(1_000)]).loans == {}, "no application seen"
    before_payout = last([applied(), approved(), overdue(1_000), repaid(1_000, 0), settled(), written_off()])
    assert before_payout.status is LoanStatus.APPROVED and before_payout.changed_on == date(2024, 1, 9)
    known: dict = {}
    fold(known, [*paid_out(), settled()])
    assert fold(known, [overdue(1_000_000), written_off(), disbursed(5)]).loans == {}, "a settled loan stays so"


def test_each_day_a_loan_changed_on_keeps_its_state_at_the_end_of_that_day():
    days = fold({}, [applied(), approved(), disbursed(25_000_000), disbursed(15_000_000),
                     overdue(5_000_000, date(2024, 4, 1))]).days
    assert sorted(day for _, day in days) == [date(2024, 1, 2), date(2024, 1, 9), date(2024, 1, 15), date(2024, 4, 1)]
    assert days[LOAN, date(2024, 1, 15)] == LoanDay(LOAN, date(2024, 1, 15), LoanStatus.DISBURSED, 40_000_000, 0,
                                                    40_000_000, 0, 1), "the day's last change wins"
    assert days[LOAN, date(2024, 4, 1)].status is LoanStatus.OVERDUE


def test_an_event_dated_before_the_loans_latest_change_counts_from_that_change_never_earlier():
    known: dict = {}
    fold(known, [*paid_out(), overdue(5_000_000, date(2024, 4, 1))])
    late = fold(known, [repaid(1_000_000, 39_000_000, on=date(2024, 3, 30))])
    assert list(late.days) == [(LOAN, date(2024, 4, 1))]
    assert late.loans[LOAN].changed_on == date(2024, 4, 1)


def test_counts_of_outstanding_and_overdue_loans_move_with_the_status():
    deltas = fold({}, [*paid_out(), disbursed(1), overdue(5_000_000), overdue(0, date(2024, 5, 1)),
                       overdue(4_000_000, date(2024, 6, 1)), written_off()]).deltas
    moving = [(delta.figure, delta.amount) for delta in deltas if delta.amount]
    assert moving == [("loans_outstanding", 1), ("loans_overdue", 1), ("loans_overdue", -1), ("loans_overdue", 1),
                      ("loans_outstanding", -1), ("loans_overdue", -1)]
    assert {delta.key[1:] for delta in deltas} == {HERE}


def test_a_business_borrower_is_kept_as_its_kind_and_type_only_and_an_individual_with_its_agent():
    business = {"kind": "business", "business_id": uuid.uuid4(), "business_type": "cooperative"}
    event = applied(business, workforce={"total_workers": 10, "eligible_workers": 1})
    loan = last([event])
    assert (loan.borrower_kind, loan.person_id, loan.business_type, loan.agent_organisation) == (
        "business", None, "cooperative", None)
    assert Delta("loans_outstanding", *HERE, 0) in fold({}, [event]).deltas
    assert last([applied(agent_organisation="womens_union")]).agent_organisation == "womens_union"


def test_version_1_rejections_and_arrears_arrive_upcast_and_fold_like_version_2():
    v1 = [c.LoanRejectedV1(loan_id=LOAN, borrower=PERSON, failed_rule="amount_above_limit",
                           explanation="vượt hạn mức", rejected_on=date(2024, 1, 5)),
          c.LoanOverdueV1(loan_id=LOAN, borrower=PERSON, overdue_principal=5_000_000,
                          overdue_since=date(2024, 4, 1), overdue_interest_rate_bp=858)]
    read = [from_kafka_message(message.key, message.value, message.headers).data
            for message in (message_of(event, c.CREDIT_TOPIC) for event in v1)]
    assert last([applied(), read[0]]).status is LoanStatus.REJECTED
    late = last([*paid_out(), read[1]])
    assert (late.status, late.overdue_principal_vnd, late.days_past_due, late.debt_group) == (
        LoanStatus.OVERDUE, 5_000_000, 1, 1)
