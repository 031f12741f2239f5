"""What an e2e test did to each loan through credit's HTTP API, written down with its day as it did it (Lent), and
stats' credit figures over a period counted by hand from it: the loans applied for in the period by their status on
its measuring day (its last, no later than today), what happened in the period, and the loans outstanding on the
measuring day by debt group."""

from dataclasses import dataclass, field
from datetime import date

STATUSES = ("applied", "approved", "rejected", "withdrawn", "disbursed", "overdue", "settled", "written_off")
PURPOSES = ("training", "production", "business", "job_creation")
KINDS = ("individual", "business")
AGENTS = ("womens_union", "farmers_union", "veterans_association", "youth_union", "none_recorded", "business")
DEBT_GROUPS = ("1", "2", "3", "4", "5")


def by(day: date | None, on: date) -> bool:
    """Whether something done on the day (None: never) was done by the end of `on`."""
    return day is not None and day <= on


@dataclass
class Lent:
    """One loan: where it is held, what was asked (purpose as stats is told it, VND), and each thing done to it."""

    commune: str
    purpose: str
    agent: str  # the agent organisation of a person's loan; "business" for a business's
    requested: int
    applied_on: date
    approved: int = 0
    approved_on: date | None = None
    rejected_on: date | None = None
    withdrawn_on: date | None = None
    tranches: list[tuple[int, date]] = field(default_factory=list)
    repaid: list[tuple[int, date]] = field(default_factory=list)  # each payment's principal, as credit allocated it
    settled_on: date | None = None
    written_off_on: date | None = None
    arrears: list[tuple[date, int, int]] = field(default_factory=list)  # (as of, overdue principal, debt group)

    @property
    def kind(self) -> str:
        return "business" if self.agent == "business" else "individual"

    def paid_out(self, on: date, since: date = date.min) -> int:
        return sum(amount for amount, day in self.tranches if since <= day <= on)

    def repaid_principal(self, on: date, since: date = date.min) -> int:
        return sum(principal for principal, day in self.repaid if since <= day <= on)

    def outstanding(self, on: date) -> int:
        ended = by(self.settled_on, on) or by(self.written_off_on, on)
        return 0 if ended else self.paid_out(on) - self.repaid_principal(on)

    def overdue_and_group(self, on: date) -> tuple[int, int]:
        """The arrears last recorded by the end of the day; in order (nothing overdue, group 1) before any."""
        recorded = [(overdue, group) for as_of, overdue, group in self.arrears if as_of <= on]
        return recorded[-1] if recorded else (0, 1)

    def status(self, on: date) -> str:
        """The status the loan had at the end of the day."""
        for status, now in (("written_off", by(self.written_off_on, on)), ("settled", by(self.settled_on, on)),
                            ("overdue", self.outstanding(on) and self.overdue_and_group(on)[0]),
                            ("disbursed", self.paid_out(on)), ("withdrawn", by(self.withdrawn_on, on)),
                            ("rejected", by(self.rejected_on, on)), ("approved", by(self.approved_on, on))):
            if now:
                return status
        return "applied"


def count(values: list[str], keys: tuple[str, ...]) -> dict[str, int]:
    return {key: values.count(key) for key in keys}


def loan_figures(ledger: list[Lent], start: date, end: date) -> dict[str, object]:
    """/v1/credit/loans: the period's applications by their status on its last day, with their sums."""
    loans = [loan for loan in ledger if start <= loan.applied_on <= end]

    def approved(loan: Lent) -> int:
        return loan.approved if by(loan.approved_on, end) else 0

    return {"measured_on": end.isoformat(), "loans": len(loans),
            "by_status": count([loan.status(end) for loan in loans], STATUSES),
            "by_purpose": count([loan.purpose for loan in loans], PURPOSES),
            "by_borrower_kind": count([loan.kind for loan in loans], KINDS),
            "by_agent_organisation": count([loan.agent for loan in loans], AGENTS),
            "amounts_vnd": {"requested": sum(loan.requested for loan in loans),
                            "approved": sum(approved(loan) for loan in loans)},
            "amounts_vnd_by_purpose": {
                "requested": {purpose: sum(loan.requested for loan in loans if loan.purpose == purpose)
                              for purpose in PURPOSES},
                "approved": {purpose: sum(approved(loan) for loan in loans if loan.purpose == purpose)
                             for purpose in PURPOSES}}}


def activity_figures(ledger: list[Lent], start: date, end: date) -> dict[str, object]:
    """/v1/credit/activity: what happened to loans in the period, and its sums."""
    def within(day: date | None) -> bool:
        return day is not None and start <= day <= end

    written_off = [loan for loan in ledger if within(loan.written_off_on)]
    return {"approved": sum(1 for loan in ledger if within(loan.approved_on)),
            "rejected": sum(1 for loan in ledger if within(loan.rejected_on)),
            "withdrawn": sum(1 for loan in ledger if within(loan.withdrawn_on)),
            "disbursed": sum(1 for loan in ledger if loan.paid_out(end, start)),
            "repaid": sum(1 for loan in ledger if loan.repaid_principal(end, start)),
            "settled": sum(1 for loan in ledger if within(loan.settled_on)), "written_off": len(written_off),
            "amounts_vnd": {"approved": sum(loan.approved for loan in ledger if within(loan.approved_on)),
                            "disbursed": sum(loan.paid_out(end, start) for loan in ledger),
                            "repaid_principal": sum(loan.repaid_principal(end, start) for loan in ledger),
                            "written_off_principal": sum(loan.paid_out(end) - loan.repaid_principal(end)
                                                         for loan in written_off)}}


def portfolio_figures(ledger: list[Lent], end: date) -> dict[str, object]:
    """/v1/credit/portfolio: the loans outstanding at the end of the period's last day, by debt group."""
    outstanding = [loan for loan in ledger if loan.applied_on <= end and loan.outstanding(end)]
    groups = {group: [loan for loan in outstanding if str(loan.overdue_and_group(end)[1]) == group]
              for group in DEBT_GROUPS}
    return {"measured_on": end.isoformat(), "loans_outstanding": len(outstanding),
            "loans_overdue": sum(1 for loan in outstanding if loan.overdue_and_group(end)[0]),
            "loans_by_debt_group": {group: len(held) for group, held in groups.items()},
            "outstanding_principal_vnd": sum(loan.outstanding(end) for loan in outstanding),
            "overdue_principal_vnd": sum(loan.overdue_and_group(end)[0] for loan in outstanding),
            "overdue_principal_vnd_by_debt_group": {group: sum(loan.overdue_and_group(end)[0] for loan in held)
                                                    for group, held in groups.items()}}


def hand_counts(ledger: list[Lent], commune: str | None, start: date, end: date) -> dict[str, dict[str, object]]:
    """Every credit figure of the commune (None: every loan of the ledger, the province) over the period from
    start to end (no later than today, so measured on its end)."""
    loans = [loan for loan in ledger if commune in (None, loan.commune)]
    return {"/v1/credit/loans": loan_figures(loans, start, end), "/v1/credit/activity": activity_figures(
        loans, start, end), "/v1/credit/portfolio": portfolio_figures(loans, end)}
