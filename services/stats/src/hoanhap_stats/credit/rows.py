"""Writing a folded batch of credit events: each loan the batch changed, whole, in one statement; what was fixed at
application is never rewritten."""

from hoanhap.postgres.connections import Connection
from hoanhap_stats.credit.loans import LoanRow
from hoanhap_stats.projecting.upserts import Upsert, every_column_but

LOAN_COLUMNS = {
    "loan_id": "uuid", "province_code": "text", "commune_code": "text", "purpose": "text", "borrower_kind": "text",
    "person_id": "uuid", "business_type": "text", "status": "text", "amount_requested_vnd": "bigint",
    "applied_on": "date", "amount_approved_vnd": "bigint", "disbursed_vnd": "bigint",
    "repaid_principal_vnd": "bigint", "outstanding_principal_vnd": "bigint", "overdue_principal_vnd": "bigint",
    "decided_on": "date", "first_disbursed_on": "date", "final_due_on": "date", "overdue_since": "date",
    "settled_on": "date"}
"""Each column of the loans table, named and ordered as LoanRow's fields, with its SQL type."""
FIXED_AT_APPLICATION = ("loan_id", "province_code", "commune_code", "purpose", "borrower_kind", "person_id",
                        "business_type", "amount_requested_vnd", "applied_on")
LOANS = Upsert("loans", LOAN_COLUMNS, key="loan_id",
               replaced=every_column_but(LOAN_COLUMNS, *FIXED_AT_APPLICATION))


async def write_loan_rows(connection: Connection, loans: list[LoanRow]) -> None:
    """The loans as the batch leaves them (the fold kept one row per loan)."""
    await LOANS.write(connection, [[getattr(loan, column) for column in LOAN_COLUMNS] for loan in loans])
