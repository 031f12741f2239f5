"""What an e2e test did to each loan through credit's HTTP API, written down as it did it (Lent), and stats' credit
figures counted by hand from it: loans applied for in a period by their status on its measuring day, what happened in
the period, and the loans outstanding on the measuring day by debt group. Every day of the story is in the period."""

from dataclasses import dataclass, field
from datetime import date

STATUSES = ("applied", "approved", "rejected", "withdrawn", "disbursed", "overdue", "settled", "written_off")
PURPOSES = ("training", "production", "business", "job_creation")
KINDS = ("individual", "business")
AGENTS = ("womens_union", "farmers_union", "veterans_association", "youth_union", "none_recorded", "business")
DEBT_GROUPS = ("1", "2", "3", "4", "5")


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
    tranches: list[int] = field(default_factory=list)
    repaid_principal: list[int] = field(default_factory=list)  # each payment's principal, as credit allocated it
    settled: bool = False
    written_off: bool = False
    overdue: int = 0
    debt_group: int = 1

    @property
    def kind(self) -> str:
        return "business" if self.agent == "business" else "individual"

    @property
    def outstanding(self) -> int:
        ended = self.settled or self.written_off
        return 0 if ended else sum(self.tranches) - sum(self.repaid_principal)

    @property
    def status(self) -> str:
        """The status the loan ends the story in."""
        for status, now in (("written_off", self.written_off), ("settled", self.settled),
                            ("overdue", self.tranches and self.overdue), ("disbursed", self.tranches),
                            ("withdrawn", self.withdrawn_on), ("rejected", self.rejected_on),
                            ("approved", self.approved_on)):
            if now:
                return status
        return "applied"


def count(values: list[str], keys: tuple[str, ...]) -> dict[str, int]:
    return {key: values.count(key) for key in keys}


def by_purpose(loans: list[Lent], vnd: str) -> dict[str, int]:
    return {purpose: sum(getattr(loan, vnd) for loan in loans if loan.purpose == purpose) for purpose in PURPOSES}


def loan_figures(loans: list[Lent], measured_on: date) -> dict[str, object]:
    """/v1/credit/loans: the period's applications by their status on the measuring day, with their sums."""
    return {"measured_on": measured_on.isoformat(), "loans": len(loans),
            "by_status": count([loan.status for loan in loans], STATUSES),
            "by_purpose": count([loan.purpose for loan in loans], PURPOSES),
            "by_borrower_kind": count([loan.kind for loan in loans], KINDS),
            "by_agent_organisation": count([loan.agent for loan in loans], AGENTS),
            "amounts_vnd": {"requested": sum(loan.requested for loan in loans),
                            "approved": sum(loan.approved for loan in loans)},
            "amounts_vnd_by_purpose": {"requested": by_purpose(loans, "requested"),
                                       "approved": by_purpose(loans, "approved")}}


def activity_figures(loans: list[Lent]) -> dict[str, object]:
    """/v1/credit/activity: what happened to the loans in the period, and its sums."""
    repaying = [loan for loan in loans if sum(loan.repaid_principal) > 0]
    written_off = [loan for loan in loans if loan.written_off]
    return {"approved": sum(1 for loan in loans if loan.approved_on), "rejected": sum(1 for loan in loans
                                                                                     if loan.rejected_on),
            "withdrawn": sum(1 for loan in loans if loan.withdrawn_on),
            "disbursed": sum(1 for loan in loans if loan.tranches), "repaid": len(repaying),
            "settled": sum(1 for loan in loans if loan.settled), "written_off": len(written_off),
            "amounts_vnd": {"approved": sum(loan.approved for loan in loans),
                            "disbursed": sum(sum(loan.tranches) for loan in loans),
                            "repaid_principal": sum(sum(loan.repaid_principal) for loan in repaying),
                            "written_off_principal": sum(sum(loan.tranches) - sum(loan.repaid_principal)
                                                         for loan in written_off)}}


def portfolio_figures(loans: list[Lent], measured_on: date) -> dict[str, object]:
    """/v1/credit/portfolio: the loans outstanding on the measuring day, by debt group."""
    outstanding = [loan for loan in loans if loan.outstanding]
    groups = {group: [loan for loan in outstanding if str(loan.debt_group) == group] for group in DEBT_GROUPS}
    return {"measured_on": measured_on.isoformat(), "loans_outstanding": len(outstanding),
            "loans_overdue": sum(1 for loan in outstanding if loan.overdue),
            "loans_by_debt_group": {group: len(held) for group, held in groups.items()},
            "outstanding_principal_vnd": sum(loan.outstanding for loan in outstanding),
            "overdue_principal_vnd": sum(loan.overdue for loan in outstanding),
            "overdue_principal_vnd_by_debt_group": {group: sum(loan.overdue for loan in held)
                                                    for group, held in groups.items()}}


def hand_counts(ledger: list[Lent], commune: str | None, measured_on: date) -> dict[str, dict[str, object]]:
    """Every credit figure of the commune (None: every loan of the ledger, the province), the story inside the
    period and no later than its measuring day."""
    loans = [loan for loan in ledger if commune in (None, loan.commune)]
    return {"/v1/credit/loans": loan_figures(loans, measured_on), "/v1/credit/activity": activity_figures(loans),
            "/v1/credit/portfolio": portfolio_figures(loans, measured_on)}
