"""The same-purpose debt rule again at approval and at the first disbursement: between the application and then,
another loan of the holder's for the same purpose may have been applied for, approved or paid out (two applications
made before either is paid out would otherwise both pass). The holder's other loans are counted at that moment,
under the holder's lock (LoanStreams.outstanding_same_purpose), and refused with the rule's own words
(eligibility_loan.debt_failures). The application passed the rule, so the other programmes' debt it declared was 0:
what counts now is this service's other loans."""

from dataclasses import replace

from hoanhap.postgres.connections import Connection
from hoanhap.write_path.errors import RuleViolation
from hoanhap_credit.application.loan_input import ApprovalInput, DisbursementInput, LoanChange
from hoanhap_credit.application.storage import LoanStreams
from hoanhap_credit.domain.eligibility_loan import debt_failures
from hoanhap_credit.domain.loan_record import LoanRecord


async def ensure_no_same_purpose_debt(streams: LoanStreams, connection: Connection, record: LoanRecord,
                                      asked: LoanChange) -> None:
    """Refuse (422 at same_purpose_debt) an approval or a first disbursement while the holder's other loans of the
    purpose ask, are granted or still owe anything."""
    first_payout = isinstance(asked, DisbursementInput) and not record.loan.tranches
    if not (isinstance(asked, ApprovalInput) or first_payout):
        return
    application = record.loan.application
    owed = await streams.outstanding_same_purpose(connection, record.party.holder_id, application.request.purpose,
                                                  excluding=record.loan_id)
    failures = debt_failures(replace(application, request=replace(application.request, same_purpose_debt=owed)))
    if failures:
        raise RuleViolation(failures[0].field, failures[0].message)
