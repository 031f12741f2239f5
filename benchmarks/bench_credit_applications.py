"""`make bench-credit`, its applications part: loan applications over HTTP by 32 concurrent clients, flat out and
paced, then a supervisor's approvals flat out.

Set-up (timed, not in the figures; benchmarks/credit_borrowers.py): BENCH_BORROWERS people (default 500) released
in one commune of the registry, the commune's Form 01 list drawn and certified there, credit's view of the registry
awaited, and each person registered as a borrower in credit (one scrypt identity digest each: their rate is printed
apart, the deliberate price of finding a person by citizen ID, paid once per borrower). Then:
- applications (POST /v1/loans) as fast as the clients go, and at BENCH_PACED_RATE a second for BENCH_PACED_SECONDS
  with each latency timed from when the request was due; one in five asks more than the per-person limit and is
  rejected at once naming the rule, the rest pass the rules and are recorded as applied;
- approvals (POST /v1/loans/{id}/approval) by a supervisor, as fast as the clients go, of the flat-out phase's
  applied loans.

Everything runs on this machine: Kafka, PostgreSQL, the registry and credit (one process each) and the load
generator. Figures, not a test.
"""

import asyncio
import os
import tempfile
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.bench_registry import percentile
from benchmarks.credit_borrowers import COMMUNE, set_up
from benchmarks.credit_load import Phase, posted
from benchmarks.devstack_session import bench_stack, fresh_database
from hoanhap.auth import Role
from tests.support.credit import bank_headers
from tests.support.services import running_registry, running_service

CLIENTS = int(os.environ.get("BENCH_CLIENTS", "32"))
BORROWERS = int(os.environ.get("BENCH_BORROWERS", "500"))
BORROWER_CLIENTS = int(os.environ.get("BENCH_BORROWER_CLIENTS", "8"))
APPLICATIONS = int(os.environ.get("BENCH_APPLICATIONS", "4000"))
WARM_UP = 300
PACED_RATE = int(os.environ.get("BENCH_PACED_RATE", "200"))
PACED_SECONDS = int(os.environ.get("BENCH_PACED_SECONDS", "10"))
FAILING_EVERY = 5
PASSING = {"purpose": "production_business", "amount": 50_000_000, "term_months": 36,
           "agent_organisation": "womens_union", "savings_group": "Tổ TK&VV thôn 3"}
ABOVE_LIMIT = {**PASSING, "amount": 150_000_000, "security_offered": True}
APPROVAL = {"amount": 50_000_000, "term_months": 36, "plan": "quarterly", "secured": False}


def applications(borrowers: list[str], count: int) -> list[tuple[str, dict[str, Any]]]:
    """`count` applications by the borrowers in turn; every FAILING_EVERY-th asks above the per-person limit."""
    return [("/v1/loans", {**(ABOVE_LIMIT if number % FAILING_EVERY == FAILING_EVERY - 1 else PASSING),
                           "borrower_id": borrowers[number % len(borrowers)]}) for number in range(count)]


def approvals(answers: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """An approval of each loan answered as applied (passed the rules)."""
    return [(f"/v1/loans/{answer['loan_id']}/approval", APPROVAL) for answer in answers
            if answer["status"] == "applied"]


def measured(credit_url: str, borrowers: list[str]) -> dict[str, Phase]:
    """The phases, each on its own event loop as in bench-supervision."""
    officer, supervisor = bank_headers(), bank_headers(Role.SUPERVISOR)
    asyncio.run(posted(credit_url, officer, applications(borrowers, WARM_UP), CLIENTS, 201))
    flat = asyncio.run(posted(credit_url, officer, applications(borrowers, APPLICATIONS), CLIENTS, 201))
    paced = asyncio.run(posted(credit_url, officer, applications(borrowers, PACED_RATE * PACED_SECONDS), CLIENTS,
                               201, PACED_RATE))
    approved = asyncio.run(posted(credit_url, supervisor, approvals(flat.answers), CLIENTS, 200))
    return {"flat": flat, "paced": paced, "approvals": approved}


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def statuses(phase: Phase) -> dict[str, int]:
    """How the phase's requests were answered, by the loan's status."""
    return dict(Counter(answer["status"] for answer in phase.answers))


def report(phases: dict[str, Phase], set_up: dict[str, float]) -> None:
    """The markdown table, then the set-up's times and the answers' statuses."""
    flat, paced, approved = phases["flat"], phases["paced"], phases["approvals"]
    print(f"\nbench-credit (applications): {BORROWERS:,} borrowers released in commune {COMMUNE}, listed on its "
          f"certified Form 01 and registered in credit; registry and credit one process each ({os.cpu_count()} "
          "cores shared by Kafka, PostgreSQL, the services and the load generator)\n")
    print("| measure | value |\n|---|---:|")
    print(f"| applications flat out: {APPLICATIONS:,} by {CLIENTS} clients, requests/s | {flat.rate:,.0f} |")
    print(f"| applications flat out: p50 / p99 latency | {ms(percentile(flat.latencies, 0.5))} / "
          f"{ms(percentile(flat.latencies, 0.99))} |")
    print(f"| applications paced: {PACED_RATE}/s offered for {PACED_SECONDS} s by {CLIENTS} clients, answered | "
          f"{paced.rate:,.0f}/s |")
    print(f"| applications paced: p50 / p99 latency from when due | {ms(percentile(paced.latencies, 0.5))} / "
          f"{ms(percentile(paced.latencies, 0.99))} |")
    print(f"| approvals by a supervisor flat out: {len(approved.answers):,} by {CLIENTS} clients, requests/s | "
          f"{approved.rate:,.0f} |")
    print(f"| approvals flat out: p50 / p99 latency | {ms(percentile(approved.latencies, 0.5))} / "
          f"{ms(percentile(approved.latencies, 0.99))} |")
    print(f"| set-up: borrowers registered (one scrypt digest each), {BORROWER_CLIENTS} clients | "
          f"{BORROWERS / set_up['borrowers']:,.1f}/s |")
    print("\nset-up (not in the figures): " + "; ".join(f"{name} {seconds:.1f} s" for name, seconds in set_up.items()))
    print(f"answers: flat out {statuses(flat)}; paced {statuses(paced)}; approvals {statuses(approved)}")


def main() -> None:
    with bench_stack() as endpoints, tempfile.TemporaryDirectory() as folder:
        kafka, suffix = endpoints.kafka_bootstrap_servers, uuid.uuid4().hex[:6]
        registry_database = fresh_database(endpoints, f"bench_registry_{suffix}")
        credit_database = fresh_database(endpoints, f"bench_credit_{suffix}")
        with running_registry(registry_database, kafka, Path(folder) / "registry.log") as registry_url, \
                running_service("credit", credit_database, kafka, Path(folder) / "credit.log",
                                consumer_group=f"credit-{suffix}") as credit_url:
            borrowers, took = set_up(registry_url, credit_url, credit_database, BORROWERS,
                                     (CLIENTS, BORROWER_CLIENTS))
            phases = measured(credit_url, borrowers)
    report(phases, took)


if __name__ == "__main__":
    main()
