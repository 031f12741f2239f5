"""Through HTTP: who applied for a loan may not approve or write it off (403); a payment id posted to a second loan
is refused (409 naming payment_id); a tranche dated before the last repayment and an extension beyond the term plus
the longest extension are refused (422 at the field)."""

import uuid

import httpx
import pytest

from hoanhap.auth import Agency, Jurisdiction, Principal, Role
from tests.support.credit import bank_headers, business_body
from tests.support.services import bearer_headers

OFFICER, SUPERVISOR = bank_headers(), bank_headers(Role.SUPERVISOR)
OTHER_SUPERVISOR = bearer_headers(Principal(sub="bank-supervisor-2", agency=Agency.BANK, role=Role.SUPERVISOR,
                                            jurisdiction=Jurisdiction(province="01", communes=("00004",))))
APPROVAL = {"amount": 100_000_000, "term_months": 12, "plan": "monthly", "secured": False,
            "approved_on": "2026-06-02"}


@pytest.fixture(scope="module")
def client(credit: str):
    with httpx.Client(base_url=credit, timeout=30) as credit_client:
        yield credit_client


def applied_by(client: httpx.Client, headers: dict[str, str]) -> str:
    """A business's loan applied for by the caller: its path."""
    business = client.post("/v1/businesses", json=business_body(), headers=OFFICER).json()["business_id"]
    application = {"business_id": business, "purpose": "job_creation", "amount": 100_000_000, "term_months": 12,
                   "security_offered": False, "plan_confirmed_on": "2026-05-20", "applied_on": "2026-06-01",
                   "workforce": {"total_workers": 20, "eligible_workers_on_contract": 5}}
    loan = client.post("/v1/loans", json=application, headers=headers)
    assert loan.status_code == 201 and loan.json()["status"] == "applied", loan.text
    return f"/v1/loans/{loan.json()['loan_id']}"


def paid_out(client: httpx.Client) -> str:
    path = applied_by(client, OFFICER)
    assert client.post(f"{path}/approval", json=APPROVAL, headers=SUPERVISOR).status_code == 200
    tranche = client.post(f"{path}/disbursements", json={"amount": 50_000_000, "disbursed_on": "2026-06-03"},
                          headers=OFFICER)
    assert tranche.status_code == 200, tranche.text
    return path


def test_a_supervisor_who_applied_may_not_approve_nor_write_off_another_supervisor_may(client):
    path = applied_by(client, SUPERVISOR)
    refused = client.post(f"{path}/approval", json=APPROVAL, headers=SUPERVISOR)
    assert refused.status_code == 403 and "another member of staff" in refused.json()["detail"]
    assert client.post(f"{path}/approval", json=APPROVAL, headers=OTHER_SUPERVISOR).status_code == 200
    client.post(f"{path}/disbursements", json={"amount": 50_000_000, "disbursed_on": "2026-06-03"}, headers=OFFICER)
    write_off = {"reason": "người vay qua đời", "written_off_on": "2026-07-01"}
    assert client.post(f"{path}/write-off", json=write_off, headers=SUPERVISOR).status_code == 403
    assert client.post(f"{path}/write-off", json=write_off, headers=OTHER_SUPERVISOR).status_code == 200


def test_a_payment_id_posted_to_a_second_loan_is_refused_naming_payment_id(client):
    payment = {"payment_id": str(uuid.uuid4()), "amount": 1_000, "paid_on": "2026-07-01"}
    first, second = paid_out(client), paid_out(client)
    assert client.post(f"{first}/repayments", json=payment, headers=OFFICER).status_code == 200
    refused = client.post(f"{second}/repayments", json=payment, headers=OFFICER)
    assert refused.status_code == 409 and f"payment_id {payment['payment_id']}" in refused.json()["detail"]
    assert client.post(f"{first}/repayments", json=payment, headers=OFFICER).status_code == 200  # the repost


def test_a_backdated_tranche_and_an_extension_past_the_term_and_its_longest_extension_are_refused_at_the_field(
        client):
    path = paid_out(client)
    payment = {"payment_id": str(uuid.uuid4()), "amount": 1_000, "paid_on": "2026-07-10"}
    assert client.post(f"{path}/repayments", json=payment, headers=OFFICER).status_code == 200
    tranche = client.post(f"{path}/disbursements", json={"amount": 1_000, "disbursed_on": "2026-07-09"},
                          headers=OFFICER)
    assert tranche.status_code == 422 and tranche.json()["detail"][0]["loc"] == ["body", "disbursed_on"]
    assert tranche.json()["detail"][0]["msg"] == ("2026-07-09 is before the last repayment or end of day "
                                                  "(2026-07-10)")
    far = client.post(f"{path}/extensions", json={"instalment": 1, "due_on": "2100-12-31", "reason": "lũ"},
                      headers=SUPERVISOR)
    assert far.status_code == 422 and far.json()["detail"][0]["loc"] == ["body", "due_on"]
