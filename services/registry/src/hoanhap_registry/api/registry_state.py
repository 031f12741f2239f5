"""What the registry's routers take from the app its lifespan built: the registry, and the key
its Idempotency-Key fingerprints are made with."""

from fastapi import Request

from hoanhap.auth import Principal
from hoanhap.write_path.idempotency import IdempotencyKey, fingerprint_key_of, idempotency_key
from hoanhap_registry.application.borrower_lists import BorrowerLists
from hoanhap_registry.application.registry import Registry

FINGERPRINT_PURPOSE = b"hoanhap.registry.idempotency-fingerprint"


def registry_of(request: Request) -> Registry:
    """The registry the app's lifespan built."""
    registry: Registry = request.app.state.registry
    return registry


async def registry_idempotency_key(request: Request, principal: Principal) -> IdempotencyKey | None:
    """The request's Idempotency-Key, its request fingerprinted under a key derived from the registry's master
    key (a stored fingerprint cannot be matched against guessed names and citizen IDs without it)."""
    fingerprint_key = fingerprint_key_of(registry_of(request).keys.master_key, FINGERPRINT_PURPOSE)
    return await idempotency_key(request, principal, fingerprint_key)


def borrower_lists_of(request: Request) -> BorrowerLists:
    """The borrower-list use cases the app's lifespan built."""
    lists: BorrowerLists = request.app.state.borrower_lists
    return lists
