"""Writing a folded batch of credit events: each loan the batch changed, whole, in one statement, and its state at
the end of each day it changed on in another; what was fixed at application is never rewritten."""

from dataclasses import astuple

from hoanhap.postgres.connections import Connection
from hoanhap_stats.credit.fold import CreditWrites
from hoanhap_stats.projecting.upserts import Upsert, every_column_but

LOAN_COLUMNS = {
    "loan_id": "uuid", "province_code": "text", "commune_code": "text", "purpose": "text", "borrower_kind": "text",
    "person_id": "uuid", "business_type": "text", "status": "text", "amount_requested_vnd": "bigint",
    "applied_on": "date", "amount_approved_vnd": "bigint", "disbursed_vnd": "bigint",
    "repaid_principal_vnd": "bigint", "outstanding_principal_vnd": "bigint", "overdue_principal_vnd": "bigint",
    "decided_on": "date", "first_disbursed_on": "date", "final_due_on": "date", "overdue_since": "date",
    "settled_on": "date", "agent_organisation": "text", "approved_on": "date", "rejected_on": "date",
    "withdrawn_on": "date", "written_off_on": "date", "principal_written_off_vnd": "bigint",
    "days_past_due": "integer", "debt_group": "integer", "changed_on": "date"}
"""Each column of the loans table, named and ordered as LoanRow's fields, with its SQL type."""
FIXED_AT_APPLICATION = ("loan_id", "province_code", "commune_code", "purpose", "borrower_kind", "person_id",
                        "business_type", "amount_requested_vnd", "applied_on", "agent_organisation")
LOANS = Upsert("loans", LOAN_COLUMNS, key="loan_id",
               replaced=every_column_but(LOAN_COLUMNS, *FIXED_AT_APPLICATION))
DAY_COLUMNS = {"loan_id": "uuid", "on_day": "date", "status": "text", "disbursed_vnd": "bigint",
               "repaid_principal_vnd": "bigint", "outstanding_principal_vnd": "bigint",
               "overdue_principal_vnd": "bigint", "debt_group": "integer"}
"""Each column of loan_days, named and ordered as LoanDay's fields."""
LOAN_DAYS = Upsert("loan_days", DAY_COLUMNS, key="loan_id, on_day",
                   replaced=every_column_but(DAY_COLUMNS, "loan_id", "on_day"))


async def write_loan_rows(connection: Connection, writes: CreditWrites) -> None:
    """The loans as the batch leaves them and their days (the fold kept one row per key)."""
    await LOANS.write(connection, [[getattr(loan, column) for column in LOAN_COLUMNS]
                                   for loan in writes.loans.values()])
    await LOAN_DAYS.write(connection, [astuple(day) for day in writes.days.values()])
