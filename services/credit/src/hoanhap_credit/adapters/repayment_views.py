"""A repayment as the teller reads it back: how it was allocated (the first posting's, for a payment posted
again)."""

from typing import Any

from hoanhap.eventstore import StoredEvent
from hoanhap_credit.domain import loan_events as ev


def repayment_answer(stored: list[StoredEvent], payment_id: str) -> dict[str, Any] | None:
    """The payment's allocation, by part, in VND, as recorded the first time it was posted."""
    for event in stored:
        if event.type == ev.RepaymentReceived.type_name():
            fact = ev.RepaymentReceived.model_validate(event.payload)
            if fact.payment_id == payment_id:
                return fact.model_dump(mode="json", include={
                    "payment_id", "paid_on", "amount", "overdue_interest", "interest_due", "overdue_principal",
                    "principal_due", "in_advance", "remainder", "outstanding_principal"})
    return None
