"""How a loan reads to bank staff: its status, the application's facts, the approval, the tranches, what is owed
today, and, when rejected, every failed rule in English and Vietnamese (or the supervisor's reason, unsealed)."""

import uuid
from dataclasses import asdict
from datetime import date
from typing import Any

from pydantic_core import to_jsonable_python

from hoanhap.sealing import unseal_text
from hoanhap_credit.domain import loan_events as ev
from hoanhap_credit.domain.loan_errors import LoanRuleViolation
from hoanhap_credit.domain.loan_owed import owed_on
from hoanhap_credit.domain.loan_record import LoanRecord
from hoanhap_credit.domain.loan_state import LoanStatus


def loan_summary(record: LoanRecord) -> dict[str, Any]:
    """One line of a list of loans."""
    request = record.loan.application.request
    return to_jsonable_python({
        "loan_id": record.loan_id, "status": record.loan.status, "version": record.version,
        "purpose": request.purpose, "amount_requested": request.amount,
        "applied_on": record.loan.application.applied_on, "disbursed": record.loan.disbursed,
        "principal_outstanding": record.loan.disbursed - record.loan.paid.principal})


def loan_view(record: LoanRecord, facts: list[ev.LoanFact], key: bytes | None, today: date) -> dict[str, Any]:
    """The loan as of today, with its rejection (if any) from its events."""
    loan = record.loan
    view = {**loan_summary(record), **to_jsonable_python({
        "party": record.party.model_dump(mode="json"),
        "application": asdict(loan.application),
        "approval": None if loan.approval is None else asdict(loan.approval),
        "annual_rate": None if loan.annual_rate is None else str(loan.annual_rate),
        "tranches": [asdict(tranche) for tranche in loan.tranches],
        "paid": asdict(loan.paid),
        "owed_today": owed_today(record, today),
        "rejection": rejection(facts, key, record.party.holder_id)})}
    return view


def owed_today(record: LoanRecord, today: date) -> dict[str, int] | None:
    """What is owed today, by part (None before disbursement or once closed)."""
    if record.loan.status is not LoanStatus.DISBURSED:
        return None
    try:
        return asdict(owed_on(record.loan, today))
    except LoanRuleViolation:  # a repayment dated after today (Vietnam's clock behind the teller's)
        return None


def rejection(facts: list[ev.LoanFact], key: bytes | None, holder_id: uuid.UUID) -> dict[str, Any] | None:
    """The rejection: every failed rule with its citation and words, or the supervisor's reason (None once the
    borrower's key is destroyed)."""
    rejected = next((fact for fact in facts if isinstance(fact, ev.LoanRejected)), None)
    if rejected is None:
        return None
    reason = None if rejected.reason is None or key is None else unseal_text(rejected.reason, key, holder_id)
    return {"rejected_on": rejected.rejected_on.isoformat(), "by_role": rejected.by_role, "reason": reason,
            "failures": [asdict(failure) for failure in rejected.failures]}
