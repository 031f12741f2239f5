"""Maker-checker: whoever applied for a loan may not also approve it or write it off; another member of the bank's
staff must. Who applied is the subject of the token that recorded LoanApplied, read from that event's metadata (the
store keeps every event's actor): no new field on the internal event, no migration of the loans already stored, and
the actor cannot be told apart from the one the store stamped."""

import uuid

from hoanhap.auth import Principal
from hoanhap.postgres.connections import Connection
from hoanhap.write_path.errors import Forbidden
from hoanhap_credit.application.loan_input import ApprovalInput, LoanChange, WriteOffInput
from hoanhap_credit.application.storage import LoanStreams
from hoanhap_credit.domain.loan_record import stream_of

APPLICANT_CHECKS = "you recorded this loan's application: another member of staff must approve it or write it off"


async def ensure_checked_by_another(streams: LoanStreams, connection: Connection, loan_id: uuid.UUID,
                                    asked: LoanChange, principal: Principal) -> None:
    """Refuse (403) an approval or a write-off asked by the subject who recorded the application."""
    if not isinstance(asked, ApprovalInput | WriteOffInput):
        return
    stored = await streams.read_stream(connection, stream_of(loan_id))
    if stored and stored[0].metadata.actor == principal.sub:
        raise Forbidden(APPLICANT_CHECKS)
