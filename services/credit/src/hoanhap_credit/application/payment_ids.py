"""A payment id is the bank's one payment: posted to one loan only. The same id again on the same loan is the
idempotent repost (loan_servicing.repayment); on another loan it is refused (409 naming payment_id), checked in the
transaction that records the repayment while holding a lock on that id, so two loans posting it at once cannot both
take it (LoanStreams.payment_recorded_elsewhere)."""

import uuid

from hoanhap.postgres.connections import Connection
from hoanhap.write_path.errors import Conflict
from hoanhap_credit.application.storage import LoanStreams
from hoanhap_credit.domain.loan_record import stream_of


async def ensure_payment_of_this_loan(streams: LoanStreams, connection: Connection, loan_id: uuid.UUID,
                                      payment_id: str) -> None:
    """Refuse a payment id another loan has recorded; call inside the transaction appending the repayment."""
    if await streams.payment_recorded_elsewhere(connection, payment_id, stream_of(loan_id)):
        raise Conflict(f"payment_id {payment_id} is already recorded on another loan: a payment is posted to one "
                       f"loan only")
