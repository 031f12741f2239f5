"""The loans table: each loan's current state, in columns for the lists and whole for the next write
(loan_states.py), rewritten by the statement that appends its events."""

from hoanhap.eventstore import Alongside
from hoanhap_credit.adapters.loan_states import state_json
from hoanhap_credit.domain.loan_record import LoanRecord

COLUMNS = ("loan_id, version, status, borrower_id, person_id, business_id, province_code, commune_code, purpose, "
           "amount_requested, applied_on, disbursed, principal_repaid, state")
UPSERT = f"""
INSERT INTO loans ({COLUMNS})
SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14 FROM appending
ON CONFLICT (loan_id) DO UPDATE SET
    version = EXCLUDED.version, status = EXCLUDED.status, person_id = EXCLUDED.person_id,
    disbursed = EXCLUDED.disbursed, principal_repaid = EXCLUDED.principal_repaid, state = EXCLUDED.state,
    updated_at = now()
"""


def projection_alongside(record: LoanRecord) -> Alongside:
    """Writing the loan's current state alongside its events."""
    loan, party = record.loan, record.party
    request = loan.application.request
    return Alongside(UPSERT, (
        record.loan_id, record.version, loan.status.value, party.borrower_id, party.person_id, party.business_id,
        party.province_code, party.commune_code, request.purpose.value, request.amount, loan.application.applied_on,
        loan.disbursed, loan.paid.principal, state_json(record)))
