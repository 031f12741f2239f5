"""The registry's facts as they reach credit from the registry topic: each folded into credit's view of the
registry in the transaction that records the message as processed (a tracked consumer), so a redelivery changes
nothing twice. Erasure (PersonErased) makes the view forget the person and their identity digest (docs/credit.md)."""

import uuid
from collections.abc import Sequence
from typing import Protocol

import hoanhap.contracts as c
from hoanhap.postgres.connections import Connection


class RegistryView(Protocol):
    """Credit's view of the registry (adapters/registry_view.py)."""

    async def record(self, connection: Connection, event: c.RegistryEvent) -> None:
        """Fold one registry event into the view."""


class IdentityDigests(Protocol):
    """The table of the registry's identity digests (adapters/identity_digests.py)."""

    async def withdraw(self, connection: Connection, person_id: uuid.UUID) -> None:
        """Forget the person's digest."""


class RegistryFeed:
    """The tracked consumer's handler of the registry topic."""

    def __init__(self, view: RegistryView, digests: IdentityDigests) -> None:
        self.view = view
        self.digests = digests

    async def __call__(self, connection: Connection, envelopes: Sequence[c.Envelope]) -> None:
        """Apply a batch in order; events of other producers are none of credit's view."""
        for envelope in envelopes:
            if isinstance(envelope.data, c.RegistryEvent):
                await self.view.record(connection, envelope.data)
                if isinstance(envelope.data, c.PersonErased):
                    await self.digests.withdraw(connection, envelope.data.person_id)
