"""What supervision's routers take from the app its lifespan built: the use cases, and the key
its Idempotency-Key fingerprints are made with."""

from fastapi import Request

from hoanhap.auth import Principal
from hoanhap.write_path.idempotency import IdempotencyKey, fingerprint_key_of, idempotency_key
from hoanhap_supervision.application.supervision import Supervision

FINGERPRINT_PURPOSE = b"hoanhap.supervision.idempotency-fingerprint"


def supervision_of(request: Request) -> Supervision:
    """The use cases the app's lifespan built."""
    supervision: Supervision = request.app.state.supervision
    return supervision


async def supervision_idempotency_key(request: Request, principal: Principal) -> IdempotencyKey | None:
    """The request's Idempotency-Key, its request (notes included) fingerprinted under a key derived from the
    master key, so a stored fingerprint cannot be matched against guessed notes without it."""
    fingerprint_key = fingerprint_key_of(supervision_of(request).keys.master_key, FINGERPRINT_PURPOSE)
    return await idempotency_key(request, principal, fingerprint_key)
