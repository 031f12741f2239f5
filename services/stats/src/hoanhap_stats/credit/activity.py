"""What happened to loans in a period: decisions, withdrawals, payouts, repayments and ends dated in it, with their
sums. A payout or repayment is read from loan_days as what was paid out or repaid in all by the period's last day
less what was by the day before its first, so tranches and repayments count in the period they were made in."""

from dataclasses import dataclass

from hoanhap.postgres.connections import Connection
from hoanhap_stats.credit.loan_days import state_on
from hoanhap_stats.figures.amounts import Amount
from hoanhap_stats.figures.own_place import figure_arguments, own_rows
from hoanhap_stats.figures.selection import Selection

IN_PERIOD = "BETWEEN $1 AND $2"
PAID_OUT = "e.disbursed_vnd - coalesce(b.disbursed_vnd, 0)"
REPAID = "e.repaid_principal_vnd - coalesce(b.repaid_principal_vnd, 0)"
ACTIVITY = f"""SELECT count(*) FILTER (WHERE l.approved_on {IN_PERIOD}) AS approved,
      count(*) FILTER (WHERE l.rejected_on {IN_PERIOD}) AS rejected,
      count(*) FILTER (WHERE l.withdrawn_on {IN_PERIOD}) AS withdrawn,
      count(*) FILTER (WHERE {PAID_OUT} > 0) AS disbursed, count(*) FILTER (WHERE {REPAID} > 0) AS repaid,
      count(*) FILTER (WHERE l.settled_on {IN_PERIOD}) AS settled,
      count(*) FILTER (WHERE l.written_off_on {IN_PERIOD}) AS written_off,
      coalesce(sum(l.amount_approved_vnd) FILTER (WHERE l.approved_on {IN_PERIOD}), 0) AS approved_vnd,
      count(*) FILTER (WHERE l.approved_on {IN_PERIOD} AND l.amount_approved_vnd > 0) AS approved_behind,
      coalesce(sum({PAID_OUT}), 0) AS disbursed_vnd, coalesce(sum({REPAID}), 0) AS repaid_vnd,
      coalesce(sum(l.principal_written_off_vnd) FILTER (WHERE l.written_off_on {IN_PERIOD}), 0) AS written_off_vnd,
      count(*) FILTER (WHERE l.written_off_on {IN_PERIOD} AND l.principal_written_off_vnd > 0) AS written_off_behind
    FROM loans l {state_on("$2", "e")} {state_on("$1::date - 1", "b", "LEFT JOIN")}
    WHERE l.applied_on <= $2 AND {own_rows('l')}"""
COUNTS = ("approved", "rejected", "withdrawn", "disbursed", "repaid", "settled", "written_off")
"""Loans approved, rejected, withdrawn, paid out (any tranche), repaying principal, settled and written off in the
period."""


@dataclass(frozen=True, slots=True)
class Activity:
    """The period's counts of loans (see COUNTS) and its sums: approved, disbursed, principal repaid and written
    off, each with the loans adding money to it."""

    counts: dict[str, int]
    amounts: dict[str, Amount]


async def activity(connection: Connection, period: Selection) -> Activity:
    """What happened to the loans of the period's place in it."""
    row = await connection.fetchrow(ACTIVITY, *figure_arguments(period))
    return Activity({name: row[name] for name in COUNTS}, {
        "approved": Amount(int(row["approved_vnd"]), row["approved_behind"]),
        "disbursed": Amount(int(row["disbursed_vnd"]), row["disbursed"]),
        "repaid_principal": Amount(int(row["repaid_vnd"]), row["repaid"]),
        "written_off_principal": Amount(int(row["written_off_vnd"]), row["written_off_behind"])})
