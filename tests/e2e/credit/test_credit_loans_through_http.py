"""Through HTTP and the real Kafka: a release registered in the registry, the borrower registered in credit by
citizen ID and birth date, their application rejected naming every failing rule; a business's loan approved,
disbursed in two tranches, repaid (a payment posted twice applied once) and settled; the contract events arrive on
the credit topic with no name, citizen ID, address or free text, and none of them is in credit's log."""

import asyncio
import time
from datetime import timedelta

import httpx
import pytest

from hoanhap.auth import Role
from hoanhap.contracts import CREDIT_TOPIC, from_kafka_message
from hoanhap.vietnam_time import vietnam_today
from tests.support.credit import bank_headers, borrower_body, business_body, person_known_to_credit
from tests.support.kafka_reading import read_topic
from tests.support.services import officer_headers, release_body

REASON = "Khách hàng xin gia hạn vì mất mùa"
OFFICER, SUPERVISOR = bank_headers(), bank_headers(Role.SUPERVISOR)


@pytest.fixture(scope="module")
def clients(registry: str, credit: str):
    with httpx.Client(base_url=registry, timeout=30) as registry_client, \
            httpx.Client(base_url=credit, timeout=30) as credit_client:
        yield registry_client, credit_client


def post(client: httpx.Client, path: str, body: dict, headers: dict = OFFICER, status: int = 200) -> dict:
    answer = client.post(path, json=body, headers=headers)
    assert answer.status_code == status, answer.text
    return answer.json()


def test_a_released_persons_application_is_rejected_naming_every_failing_rule(clients, credit_database, logs,
                                                                              kafka_bootstrap_servers):
    registry, credit = clients
    release = release_body()
    person_id = post(registry, "/v1/releases", release, officer_headers(), 201)["person_id"]
    person_known_to_credit(credit_database, person_id)
    body = borrower_body(citizen_id=release["citizen_id"], birth_date=release["birth_date"])
    borrower = post(credit, "/v1/borrowers", body, status=201)
    assert borrower["person_id"] == person_id
    assert post(credit, "/v1/borrowers", body) == {**borrower, "updated": False}  # already a borrower: the same one

    application = {"borrower_id": borrower["borrower_id"], "purpose": "production_business", "amount": 150_000_000,
                   "term_months": 36, "agent_organisation": "womens_union", "savings_group": "Tổ TK&VV thôn 3"}
    loan = post(credit, "/v1/loans", application, status=201)
    assert loan["status"] == "rejected"
    assert [failure["code"] for failure in loan["failures"]] == [
        "not_on_commune_list", "amount_above_limit", "security_missing"]
    assert all(failure["message"] and failure["message_vi"] for failure in loan["failures"])
    shown = credit.get(f"/v1/loans/{loan['loan_id']}", headers=OFFICER).json()
    assert [failure["code"] for failure in shown["rejection"]["failures"]] == [
        failure["code"] for failure in loan["failures"]]
    record = credit.get(f"/v1/borrowers/{borrower['borrower_id']}", headers=OFFICER).json()
    assert (record["identity"]["full_name"], [item["loan_id"] for item in record["loans"]]) == (
        body["full_name"], [loan["loan_id"]])
    assert credit.get(f"/v1/loans/{loan['loan_id']}", headers=bank_headers(communes=("00070",))).status_code == 403

    events = credit_events(kafka_bootstrap_servers, loan["loan_id"], expected=2)
    assert [type(envelope.data).__name__ for envelope in events] == ["LoanApplied", "LoanRejected"]
    assert str(events[0].data.borrower.person_id) == person_id
    assert events[1].data.failed_rules == ("not_on_commune_list", "amount_above_limit", "security_missing")
    assert_nothing_identifying(kafka_bootstrap_servers, body, logs)


def test_a_borrower_the_registry_does_not_know_is_rejected_and_never_published(clients, kafka_bootstrap_servers):
    _, credit = clients
    borrower = post(credit, "/v1/borrowers", borrower_body(), status=201)
    assert borrower["person_id"] is None
    application = {"borrower_id": borrower["borrower_id"], "purpose": "training", "amount": 8_000_000,
                   "term_months": 6, "course_months": 2, "agent_organisation": "youth_union", "savings_group": "Tổ 7"}
    loan = post(credit, "/v1/loans", application, status=201)
    assert [failure["code"] for failure in loan["failures"]] == ["not_on_commune_list", "ineligible_release_type"]
    assert credit_events(kafka_bootstrap_servers, loan["loan_id"], expected=0, timeout=5) == []


def test_a_business_loan_is_approved_disbursed_in_two_tranches_repaid_once_and_settled(clients, logs,
                                                                                       kafka_bootstrap_servers):
    _, credit = clients
    business = post(credit, "/v1/businesses", business_body(), status=201)
    application = {"business_id": business["business_id"], "purpose": "job_creation", "amount": 200_000_000,
                   "term_months": 60, "security_offered": True, "plan_confirmed_on": "2026-05-20",
                   "workforce": {"total_workers": 20, "eligible_workers_on_contract": 5}, "applied_on": "2026-06-01"}
    once = {**OFFICER, "Idempotency-Key": f"apply-{business['business_id']}"}
    first_answer = credit.post("/v1/loans", json=application, headers=once)
    replayed = credit.post("/v1/loans", json=application, headers=once)
    assert first_answer.status_code == replayed.status_code == 201, first_answer.text
    assert (replayed.json(), replayed.headers.get("Idempotent-Replay")) == (first_answer.json(), "true")
    assert credit.post("/v1/loans", json={**application, "amount": 1}, headers=once).status_code == 422
    loan = first_answer.json()
    assert (loan["status"], loan["failures"]) == ("applied", [])
    path = f"/v1/loans/{loan['loan_id']}"
    approval = {"amount": 200_000_000, "term_months": 60, "plan": "quarterly", "secured": True,
                "approved_on": "2026-06-10"}
    assert credit.post(f"{path}/approval", json=approval, headers=OFFICER).status_code == 403  # supervisors only
    assert post(credit, f"{path}/approval", approval, SUPERVISOR)["status"] == "approved"
    post(credit, f"{path}/disbursements", {"amount": 120_000_000, "disbursed_on": "2026-07-01"})
    post(credit, f"{path}/disbursements", {"amount": 80_000_000, "disbursed_on": "2026-08-01"})
    payment = {"payment_id": "5f0e7c1a-3b6d-4e8f-9a21-7c4d2b1e0f33", "amount": 2_000_000, "paid_on": "2026-09-01"}
    first = post(credit, f"{path}/repayments", payment)
    assert post(credit, f"{path}/repayments", payment) == first  # a second teller: applied once, same answer
    shares = ("overdue_interest", "interest_due", "overdue_principal", "principal_due", "in_advance", "remainder")
    assert sum(first["repayment"][share] for share in shares) == 2_000_000 and first["repayment"]["interest_due"] > 0
    moved_to = vietnam_today() + timedelta(days=30)  # an extension's due day is never before the day it is asked
    extension = {"instalment": 1, "due_on": moved_to.isoformat(), "reason": REASON}
    post(credit, f"{path}/extensions", extension, SUPERVISOR)
    schedule = credit.get(f"{path}/schedule", headers=OFFICER).json()["instalments"]
    assert schedule[0]["status"] in {"due", "overdue", "paid"} and len(schedule) >= 20
    page = credit.get(f"{path}/schedule.html", headers=OFFICER).text
    assert moved_to.strftime("%d/%m/%Y") in page and "đồng" in page and business_body()["name"] not in page
    payoff = {"payment_id": "0b7f3c2e-1d4a-4f6b-8e9c-2a5d7f1b3c40", "amount": 400_000_000, "paid_on": "2026-09-02"}
    assert post(credit, f"{path}/repayments", payoff)["status"] == "settled"

    events = credit_events(kafka_bootstrap_servers, loan["loan_id"], expected=7)
    assert [type(envelope.data).__name__ for envelope in events] == [
        "LoanApplied", "LoanApproved", "LoanDisbursed", "LoanDisbursed", "RepaymentReceived", "RepaymentReceived",
        "LoanSettled"]
    assert events[0].data.workforce.eligible_workers == 5 and events[1].data.annual_interest_rate_bp == 660
    assert events[-1].data.principal_repaid == 200_000_000
    assert_nothing_identifying(kafka_bootstrap_servers, business_body(), logs)


def credit_events(servers: str, loan_id: str, expected: int, timeout: float = 30) -> list:
    """The loan's envelopes on the credit topic, once expected have arrived (or the timeout passed)."""
    deadline = time.monotonic() + timeout
    while True:
        envelopes = [from_kafka_message(record.key, record.value, record.headers)
                     for record in asyncio.run(read_topic(servers, CREDIT_TOPIC, expected=1, timeout=5))]
        mine = [envelope for envelope in envelopes if str(envelope.data.loan_id) == loan_id]
        if (expected and len(mine) >= expected) or time.monotonic() > deadline:
            return mine


def assert_nothing_identifying(servers: str, body: dict, logs) -> None:
    """No name, citizen ID, address, household representative, savings group or reason in any byte of the credit
    topic, nor in credit's log."""
    records = asyncio.run(read_topic(servers, CREDIT_TOPIC, expected=1, timeout=5))
    log = (logs / "credit.log").read_bytes()
    secrets = [value for name, value in body.items() if name in {"citizen_id", "full_name", "address",
                                                                 "household_representative", "name"}]
    for secret in [*secrets, REASON, "Tổ TK&VV thôn 3"]:
        assert all(secret.encode() not in record.value for record in records), f"{secret!r} reached Kafka"
        assert secret.encode() not in log, f"{secret!r} reached credit's log"


def test_a_supervisors_rejection_a_withdrawal_and_a_write_off_reach_the_topic_without_their_reasons(
        clients, logs, kafka_bootstrap_servers):
    _, credit = clients
    application = {"purpose": "production_business", "amount": 90_000_000, "term_months": 24,
                   "plan_confirmed_on": "2026-05-20", "applied_on": "2026-06-01",
                   "workforce": {"total_workers": 9, "eligible_workers_on_contract": 1}}
    refused, withdrawn, written_off = (  # three businesses: one's second application of a purpose is rejected
        post(credit, "/v1/loans", {**application, "business_id": post(credit, "/v1/businesses", business_body(),
                                                                      status=201)["business_id"]},
             status=201)["loan_id"] for _ in range(3))
    post(credit, f"/v1/loans/{refused}/rejection", {"reason": REASON, "rejected_on": "2026-06-02"}, SUPERVISOR)
    assert credit.get(f"/v1/loans/{refused}", headers=OFFICER).json()["rejection"]["reason"] == REASON
    post(credit, f"/v1/loans/{withdrawn}/withdrawal", {"withdrawn_on": "2026-06-03"})
    post(credit, f"/v1/loans/{written_off}/approval", {"amount": 90_000_000, "term_months": 24, "plan": "monthly",
                                                        "secured": False, "approved_on": "2026-06-05"}, SUPERVISOR)
    post(credit, f"/v1/loans/{written_off}/disbursements", {"amount": 90_000_000, "disbursed_on": "2026-06-10"})
    closed = post(credit, f"/v1/loans/{written_off}/write-off", {"reason": REASON, "written_off_on": "2026-11-10"},
                  SUPERVISOR)
    assert closed["status"] == "written_off"
    assert credit.post(f"/v1/loans/{written_off}/disbursements", json={"amount": 1, "disbursed_on": "2026-11-11"},
                       headers=OFFICER).status_code == 409

    [_, rejection] = credit_events(kafka_bootstrap_servers, refused, expected=2)
    assert type(rejection.data).__name__ == "LoanRejected" and rejection.data.failed_rules == ()
    [_, withdrawal] = credit_events(kafka_bootstrap_servers, withdrawn, expected=2)
    assert type(withdrawal.data).__name__ == "LoanWithdrawn"
    write_off = credit_events(kafka_bootstrap_servers, written_off, expected=4)[-1].data
    assert type(write_off).__name__ == "LoanWrittenOff"
    assert (write_off.principal_written_off, write_off.interest_written_off > 0) == (90_000_000, True)
    assert_nothing_identifying(kafka_bootstrap_servers, business_body(), logs)
