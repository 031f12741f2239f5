"""Through HTTP, the command and the real Kafka: a business's loan paid out in June and never repaid is closed by
the service's own end of day once it starts (yesterday in Vietnam, the first run ever), which reaches the credit topic
as LoanOverdue (overdue principal, since when, days past due, debt group, overdue rate); the command run after it
finds nothing to close; a repayment of more than is overdue puts the loan back in order at once, published as
LoanOverdue with nothing overdue in group 1. No business name reaches the topic or the log."""

import os
import subprocess
import sys
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import httpx

from hoanhap import contracts as c
from hoanhap_credit.domain.debt_groups import debt_group
from hoanhap_credit.end_of_day_running import last_day_over
from tests.e2e.credit.test_credit_loans_through_http import (
    SUPERVISOR,
    assert_nothing_identifying,
    credit_events,
    post,
)
from tests.support.credit import business_body
from tests.support.services import keys_of, running_service

MONTHLY = 7_500_000  # 90,000,000 over 12 months


def overdue_loan(credit: str) -> str:
    """A business's loan of VND 90,000,000 over 12 months, repaid monthly from 15 July 2026, never repaid."""
    with httpx.Client(base_url=credit, timeout=30) as client:
        business = post(client, "/v1/businesses", business_body(), status=201)
        application = {"business_id": business["business_id"], "purpose": "production_business",
                       "amount": 90_000_000, "term_months": 12, "plan_confirmed_on": "2026-05-20",
                       "workforce": {"total_workers": 20, "eligible_workers_on_contract": 5},
                       "applied_on": "2026-06-01"}
        loan = post(client, "/v1/loans", application, status=201)
        path = f"/v1/loans/{loan['loan_id']}"
        post(client, f"{path}/approval", {"amount": 90_000_000, "term_months": 12, "plan": "monthly",
                                          "secured": False, "approved_on": "2026-06-10"}, SUPERVISOR)
        post(client, f"{path}/disbursements", {"amount": 90_000_000, "disbursed_on": "2026-06-15"})
        return str(loan["loan_id"])


def test_the_service_closes_yesterday_the_command_finds_it_closed_and_a_repayment_cures_the_loan(
        credit_database: str, kafka_bootstrap_servers: str, logs) -> None:
    group = f"credit-eod-{uuid.uuid4().hex[:8]}"
    with running_service("credit", credit_database, kafka_bootstrap_servers, logs / "credit.log",
                         consumer_group=group, end_of_day_in_service="false") as credit:
        loan_id = overdue_loan(credit)
    yesterday = last_day_over(datetime.now(UTC))
    dues = [date(2026, 6 + month, 15) if month <= 6 else date(2027, month - 6, 15) for month in range(1, 13)]
    fallen_due = [due for due in dues if due < yesterday]
    with running_service("credit", credit_database, kafka_bootstrap_servers, logs / "credit.log",
                         consumer_group=group) as credit:
        [overdue] = [e.data for e in credit_events(kafka_bootstrap_servers, loan_id, expected=4, timeout=60)
                     if isinstance(e.data, c.LoanOverdue)]
        days = (yesterday - date(2026, 7, 15)).days
        assert (overdue.as_of, overdue.overdue_principal, overdue.overdue_since, overdue.days_past_due,
                overdue.debt_group, overdue.overdue_interest_rate_bp) == (
            yesterday, MONTHLY * len(fallen_due), date(2026, 7, 16), days, debt_group(days), 858)
        command = subprocess.run([str(Path(sys.executable).parent / "hoanhap-credit-end-of-day")], env={
            **os.environ, "DATABASE_URL": credit_database, "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap_servers,
            **keys_of("credit")}, capture_output=True, timeout=120, check=False)
        assert command.returncode == 0 and b"nothing to close" in command.stdout, command
        with httpx.Client(base_url=credit, timeout=30) as client:
            today = date.fromordinal(yesterday.toordinal() + 1)  # Vietnam's today
            payment = {"payment_id": str(uuid.uuid4()), "amount": 45_000_000, "paid_on": today.isoformat()}
            post(client, f"/v1/loans/{loan_id}/repayments", payment)
        arrears = [e.data for e in credit_events(kafka_bootstrap_servers, loan_id, expected=6, timeout=60)
                   if isinstance(e.data, c.LoanOverdue)]
        assert [(a.overdue_principal, a.overdue_since, a.days_past_due, a.debt_group) for a in arrears[1:]] == [
            (0, None, 0, 1)]
    assert_nothing_identifying(kafka_bootstrap_servers, business_body(), logs)
