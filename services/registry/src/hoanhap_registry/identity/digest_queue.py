"""The identity_digest_queue table: which people's identity digest is still to be published or withdrawn."""

import uuid
from typing import Literal

from hoanhap.eventstore import Alongside

Action = Literal["publish", "withdraw"]
PUBLISH: Action = "publish"
WITHDRAW: Action = "withdraw"

QUEUE = """
INSERT INTO identity_digest_queue (person_id, action) SELECT $1, $2 FROM appending
ON CONFLICT (person_id) DO UPDATE SET action = EXCLUDED.action, queued_at = EXCLUDED.queued_at, attempts = 0
"""


def identity_digest_queued(person_id: uuid.UUID, action: Action) -> Alongside:
    """Queueing the publication (a new case) or the withdrawal (an erasure) of the person's identity digest,
    alongside the events that call for it; a later action replaces one not yet carried out."""
    return Alongside(QUEUE, (person_id, action))
