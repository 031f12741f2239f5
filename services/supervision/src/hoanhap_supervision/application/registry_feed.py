"""The registry's facts as they reach supervision from the registry topic: each folded into supervision's view of
the registry, and turned into a command on the person's case, in the transaction that records the message as
processed (a tracked consumer), so a redelivery changes nothing twice."""

from collections.abc import Sequence

import structlog

from hoanhap import contracts as c
from hoanhap.eventstore import EventMetadata
from hoanhap.postgres.connections import Connection
from hoanhap.vietnam_time import vietnam_today
from hoanhap_supervision.application.storage import RegistryView
from hoanhap_supervision.application.supervision import Supervision
from hoanhap_supervision.domain import commands as cmd

log = structlog.get_logger(__name__)
REGISTRY_ACTOR = "registry"


class RegistryFeed:
    """The tracked consumer's handler of the registry topic."""

    def __init__(self, supervision: Supervision, view: RegistryView) -> None:
        self.supervision = supervision
        self.view = view

    async def __call__(self, connection: Connection, envelopes: Sequence[c.Envelope]) -> None:
        """Apply a batch in order."""
        for envelope in envelopes:
            if isinstance(envelope.data, c.RegistryEvent):
                await self.apply(connection, envelope, envelope.data)

    async def apply(self, connection: Connection, envelope: c.Envelope, event: c.RegistryEvent) -> None:
        """The view first (an intake opens a case from it), then the case."""
        await self.view.record(connection, event)
        command = await self.command_for(connection, event, envelope)
        if command is not None:
            await self.supervision.apply_fact(connection, event.person_id, command, metadata_of(envelope),
                                              vietnam_today(envelope.time))
        if isinstance(event, c.PersonErased):
            await self.view.forget(connection, event.person_id)

    async def command_for(self, connection: Connection, event: c.RegistryEvent,
                          envelope: c.Envelope) -> cmd.Command | None:
        """What the fact asks of the person's case, if anything."""
        match event:
            case c.IntakeRecorded():
                return await self.opening(connection, event)
            case c.ResidenceChanged():
                return cmd.TransferCase(event.province_code, event.commune_code, event.moved_on)
            case c.ReoffenceRecorded() if event.status is not c.ReoffenceStatus.ARREST_WITHDRAWN:
                return cmd.PromptReassessment(event.reoffence_id, event.committed_on, vietnam_today(envelope.time))
            case c.CaseClosed():
                return cmd.EndSupervision(event.closed_on, event.reason)
            case c.PersonErased():
                return cmd.EraseNotes(event.erased_at)
        return None

    async def opening(self, connection: Connection, event: c.IntakeRecorded) -> cmd.OpenSupervision | None:
        """The person reported: a case opens where the registry last placed them, with nothing typed twice."""
        person = await self.view.person(connection, event.person_id)
        if person is None:
            log.warning("intake of a person the registry never released here", person_id=str(event.person_id))
            return None
        return cmd.OpenSupervision(person_id=person.person_id, province_code=person.province_code,
                                   commune_code=person.commune_code, commitment_on=event.commitment_on,
                                   information_sheet_on=event.information_sheet_on,
                                   release_type=person.release_type, release_date=person.release_date,
                                   supervision_ends_on=person.supervision_ends_on)


def metadata_of(envelope: c.Envelope) -> EventMetadata:
    """Events caused by a registry fact: the registry's, in the chain of the request that recorded it."""
    return EventMetadata(correlation_id=envelope.correlation_id, causation_id=str(envelope.id),
                         actor=REGISTRY_ACTOR, agency="police")
