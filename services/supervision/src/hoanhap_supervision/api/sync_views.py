"""What a supervisor sees of a conflict kept by sync: the operation, why it was kept, and its body unsealed."""

import json
from typing import Any

from hoanhap.sealing import unseal_text


def conflict_view(row: dict[str, Any], person_key: bytes | None) -> dict[str, Any]:
    """One kept operation; its body None once the person is erased (their key destroyed)."""
    body = None
    if person_key is not None and row["sealed_body"] is not None:
        body = json.loads(unseal_text(row["sealed_body"], person_key, row["person_id"]))
    return {"conflict_id": row["id"], "operation_id": str(row["operation_id"]),
            "person_id": str(row["person_id"]), "kind": row["kind"], "reason": row["reason"],
            "based_on_version": row["based_on_version"], "current_version": row["current_version"],
            "by": row["actor"], "device_at": row["device_at"].isoformat(),
            "received_at": row["received_at"].isoformat(), "body": body}
