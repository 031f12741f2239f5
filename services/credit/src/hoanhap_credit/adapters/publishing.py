"""What credit tells other services: internal loan events mapped to the credit contract's events, for the relay.

This mapping is the privacy boundary. The borrower leaves only as the registry's random person id or the bank's
random business id with its kind; no name, citizen ID, address, household representative, business name or
registration, savings group, and no free text (a supervisor's reason, sealed or not) ever does. A rejection leaves
as the rules that failed, never their words. An extension is not published, nor the overdue interest the end
of day posts (its arrears are, as LoanOverdue). A loan whose borrower the registry
does not know (no person_id) is not published at all: other services know people only by the registry's id, and
such an application is always rejected (the borrower rule), so the figures lose no loan that was granted.
Borrowers' and businesses' own streams are never published."""

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from hoanhap import contracts as c
from hoanhap.contracts import KafkaMessage
from hoanhap.eventstore import StoredEvent
from hoanhap.relay import integration_message
from hoanhap_credit.domain import loan_events as ev
from hoanhap_credit.domain.applications import Purpose
from hoanhap_credit.domain.loan_party import LoanParty
from hoanhap_credit.domain.loan_record import loan_id_of

PURPOSES = {Purpose.TRAINING: c.LoanPurpose.TRAINING, Purpose.PRODUCTION_BUSINESS: c.LoanPurpose.PRODUCTION,
            Purpose.JOB_CREATION: c.LoanPurpose.JOB_CREATION}
BASIS_POINTS = Decimal(10_000)


def credit_message(stored: StoredEvent) -> KafkaMessage | None:
    """The integration message of a stored credit event, or None for an event kept inside."""
    loan_id = loan_id_of(stored.stream_id)
    if loan_id is None:
        return None
    fact = ev.FACTS[stored.type].model_validate(stored.payload)
    borrower = published_borrower(fact.party)
    if borrower is None:
        return None
    data = integration_event({"loan_id": loan_id, "borrower": borrower}, fact)
    return None if data is None else integration_message(stored, data)


def published_borrower(party: LoanParty | None) -> c.IndividualBorrower | c.BusinessBorrower | None:
    """Who borrows, as other services may know them; None for a person the registry does not know."""
    if party is None:
        return None
    if party.business_id is not None and party.business_kind is not None:
        return c.BusinessBorrower(kind="business", business_id=party.business_id, business_type=party.business_kind)
    if party.person_id is not None:
        return c.IndividualBorrower(kind="individual", person_id=party.person_id)
    return None


def basis_points(rate: Decimal) -> int:
    """A yearly rate (0.066) in basis points (660), half up."""
    return int((rate * BASIS_POINTS).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def integration_event(loan: dict[str, Any], fact: ev.LoanFact) -> c.IntegrationEvent | None:
    """The contract event for one internal event (`loan`: its loan_id and borrower)."""
    match fact:
        case ev.LoanApplied():
            return applied(loan, fact)
        case ev.LoanApproved():
            return c.LoanApproved(**loan, approved_amount=fact.amount, annual_interest_rate_bp=basis_points(
                fact.quoted_rate), term_months=fact.term_months, secured=fact.secured, approved_on=fact.approved_on)
        case ev.LoanRejected():
            rules = tuple(dict.fromkeys(c.LoanRule(failure.code.value) for failure in fact.failures))
            return c.LoanRejected(**loan, failed_rules=rules, rejected_on=fact.rejected_on)
        case ev.ApplicationWithdrawn():
            return c.LoanWithdrawn(**loan, withdrawn_on=fact.withdrawn_on)
        case ev.TrancheDisbursed():
            return c.LoanDisbursed(**loan, amount=fact.amount, disbursed_on=fact.disbursed_on,
                                   final_due_on=fact.final_due_on)
        case ev.RepaymentReceived():
            return c.RepaymentReceived(
                **loan, repayment_id=fact.payment_id, received_on=fact.paid_on,
                principal=fact.overdue_principal + fact.principal_due + fact.in_advance,
                interest=fact.interest_due + fact.overdue_interest, outstanding_principal=fact.outstanding_principal)
        case ev.LoanSettled():
            return c.LoanSettled(**loan, settled_on=fact.settled_on, principal_repaid=fact.principal_repaid,
                                 interest_paid=fact.interest_paid)
        case ev.LoanWrittenOff():
            return c.LoanWrittenOff(**loan, written_off_on=fact.written_off_on,
                                    principal_written_off=fact.principal_written_off,
                                    interest_written_off=fact.interest_written_off)
        case ev.ArrearsChanged():
            return c.LoanOverdue(**loan, as_of=fact.as_of, overdue_principal=fact.overdue_principal,
                                 overdue_since=fact.overdue_since, days_past_due=fact.days_past_due,
                                 debt_group=fact.debt_group, overdue_interest_rate_bp=basis_points(fact.overdue_rate))
    return None


def applied(loan: dict[str, Any], fact: ev.LoanApplied) -> c.LoanApplied:
    """The application's counts and choices, and where the loan is held."""
    application, party = fact.application, fact.party
    assert party is not None
    request, business = application.request, application.business
    workforce = None if business is None else c.BusinessWorkforce(
        total_workers=business.total_workers, eligible_workers=business.eligible_workers_on_contract)
    return c.LoanApplied(**loan, purpose=PURPOSES[request.purpose], amount_requested=request.amount,
                         term_months=request.term_months, course_months=request.course_months,
                         agent_organisation=party.agent_organisation, workforce=workforce,
                         province_code=party.province_code, commune_code=party.commune_code,
                         applied_on=application.applied_on)
