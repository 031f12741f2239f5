"""Credit's HTTP steps for e2e tests: each done through the API as the bank's staff, and written down in the loan's
Lent (tests/support/credit_ledger.py) as it is done, so figures can be counted by hand afterwards."""

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx

from tests.support.credit_ledger import Lent

REFUSAL_REASON, WRITE_OFF_REASON = "Phương án vay không khả thi", "Người vay chết"
SHARES = ("overdue_interest", "interest_due", "overdue_principal", "principal_due", "in_advance", "remainder")
PRINCIPAL = ("overdue_principal", "principal_due", "in_advance")


@dataclass(frozen=True)
class Bank:
    """Credit's HTTP API, with the tokens of an officer and a supervisor of the bank."""

    client: httpx.Client
    officer: dict[str, str]
    supervisor: dict[str, str]

    def post(self, path: str, body: dict[str, Any], by_supervisor: bool = False, status: int = 200) -> dict[str, Any]:
        """The answer to a request sent once (its own Idempotency-Key), which must have the status."""
        headers = {**(self.supervisor if by_supervisor else self.officer), "Idempotency-Key": str(uuid.uuid4())}
        answer = self.client.post(path, json=body, headers=headers)
        assert answer.status_code == status, (path, answer.text)
        return dict(answer.json())


def applied(bank: Bank, lent: Lent, body: dict[str, Any], rejected: bool = False) -> dict[str, Any]:
    """The application for lent.requested VND on lent.applied_on, recorded (or rejected at once: written down)."""
    loan = bank.post("/v1/loans", {**body, "amount": lent.requested, "applied_on": lent.applied_on.isoformat()},
                     status=201)
    assert (loan["status"], bool(loan["failures"])) == (("rejected", True) if rejected else ("applied", False))
    if rejected:
        lent.rejected_on = lent.applied_on
    return loan


def approved(bank: Bank, loan_id: str, lent: Lent, on: date, **terms: Any) -> None:
    """Approved by a supervisor for what was asked."""
    body = {"amount": lent.requested, "approved_on": on.isoformat(), **terms}
    assert bank.post(f"/v1/loans/{loan_id}/approval", body, by_supervisor=True)["status"] == "approved"
    lent.approved, lent.approved_on = lent.requested, on


def refused(bank: Bank, loan_id: str, lent: Lent, on: date) -> None:
    """Refused by a supervisor, for a reason of their own."""
    body = {"reason": REFUSAL_REASON, "rejected_on": on.isoformat()}
    assert bank.post(f"/v1/loans/{loan_id}/rejection", body, by_supervisor=True)["status"] == "rejected"
    lent.rejected_on = on


def withdrawn(bank: Bank, loan_id: str, lent: Lent, on: date) -> None:
    assert bank.post(f"/v1/loans/{loan_id}/withdrawal", {"withdrawn_on": on.isoformat()})["status"] == "withdrawn"
    lent.withdrawn_on = on


def disbursed(bank: Bank, loan_id: str, lent: Lent, amount: int, on: date) -> None:
    bank.post(f"/v1/loans/{loan_id}/disbursements", {"amount": amount, "disbursed_on": on.isoformat()})
    lent.tranches.append((amount, on))


def repaid(bank: Bank, loan_id: str, lent: Lent, payment: dict[str, Any]) -> dict[str, Any]:
    """A payment posted (a payment_id, amount and paid_on); the principal credit allocated it to written down."""
    answer = bank.post(f"/v1/loans/{loan_id}/repayments", payment)
    shares = answer["repayment"]
    assert sum(shares[share] for share in SHARES) == payment["amount"], "every đồng of the payment is allocated"
    paid_on = date.fromisoformat(payment["paid_on"])
    lent.repaid.append((sum(shares[share] for share in PRINCIPAL), paid_on))
    lent.settled_on = paid_on if answer["status"] == "settled" else None
    return answer


def written_off(bank: Bank, loan_id: str, lent: Lent, on: date) -> None:
    body = {"reason": WRITE_OFF_REASON, "written_off_on": on.isoformat()}
    assert bank.post(f"/v1/loans/{loan_id}/write-off", body, by_supervisor=True)["status"] == "written_off"
    lent.written_off_on = on


def assert_failures_read(failures: list[dict[str, Any]], words: dict[str, tuple[str, ...]]) -> None:
    """Exactly these rules fail, in this order, each in English and Vietnamese words carrying its figures."""
    assert [failure["code"] for failure in failures] == list(words)
    for failure in failures:
        said = failure["message"] + " | " + failure["message_vi"]
        missing = [figure for figure in words[failure["code"]] if figure not in said]
        assert not missing, (failure["code"], said, missing)
