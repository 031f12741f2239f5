"""The use cases of local models and outreach reports: load a model, check the caller covers its communes, decide,
then write the events with the model's state (or the report's row) alongside in one statement."""

import uuid
from datetime import date

from hoanhap.auth import Principal
from hoanhap.eventstore import Alongside, ConcurrencyConflict, NewEvent, StoredEvent, StreamAppend
from hoanhap.postgres.connections import Connection
from hoanhap.write_path.errors import Forbidden, NotFound, StaleVersion
from hoanhap_supervision.application.community_storage import CommunityTables
from hoanhap_supervision.application.storage import CaseStreams
from hoanhap_supervision.application.supervision import Supervision, request_metadata
from hoanhap_supervision.domain import community_events as ev
from hoanhap_supervision.domain.community_streams import model_stream, outreach_stream
from hoanhap_supervision.domain.errors import RuleViolation
from hoanhap_supervision.domain.local_model_rules import decide_model
from hoanhap_supervision.domain.local_models import (
    AddMember,
    LaunchModel,
    LocalModel,
    ModelCommand,
    evolve_model,
    replay_model,
)
from hoanhap_supervision.domain.outreach import ReportOutreach, decide_outreach
from hoanhap_supervision.domain.place_catalogue import PlaceCatalogue

NOT_FOUND = "no local model with this id"
NOT_A_MEMBER_CASE = "no open supervision case of this person in the model's communes"


def covers_all(principal: Principal, province_code: str, commune_codes: tuple[str, ...]) -> bool:
    """True when the caller's jurisdiction covers every one of the communes."""
    return all(principal.can_access(province_code, code) for code in commune_codes)


def covers_one(principal: Principal, model: LocalModel) -> bool:
    """True when the model covers a commune of the caller's (who may then read it)."""
    return any(principal.can_access(model.province_code, code) for code in model.commune_codes)


class Community:
    """Models and outreach in supervision's event store, beside the cases (whose existence a member needs), with
    their tables written alongside and the official places they are checked against."""

    def __init__(self, supervision: Supervision, tables: CommunityTables, places: PlaceCatalogue) -> None:
        self.supervision = supervision
        self.streams: CaseStreams = supervision.streams
        self.tables = tables
        self.places = places

    async def model_for(self, connection: Connection, model_id: uuid.UUID, principal: Principal,
                        changing: bool) -> tuple[LocalModel, int]:
        """The model and its version: NotFound without one or in another province, Forbidden unless the caller
        covers one of its communes (all of them to change it)."""
        stored = await self.streams.read_stream(connection, model_stream(model_id))
        model = replay_model(stored_facts(stored))
        if model is None or not principal.sees_province(model.province_code):
            raise NotFound(NOT_FOUND)
        if not (covers_all(principal, model.province_code, model.commune_codes) if changing
                else covers_one(principal, model)):
            raise Forbidden("this model covers communes outside your jurisdiction")
        return model, len(stored)

    async def launch(self, connection: Connection, command: LaunchModel, principal: Principal, today: date) -> None:
        """Launch a model in communes the caller covers."""
        if not covers_all(principal, command.province_code, command.commune_codes):
            raise Forbidden("the model covers communes outside your jurisdiction")
        await self._write_model(connection, None, 0, decide_model(None, command, self.places, today), principal)

    async def change(self, connection: Connection, model_id: uuid.UUID, command: ModelCommand,
                     principal: Principal, expected_version: int | None, today: date) -> int:
        """Add or remove a member or end the model; its new version."""
        model, version = await self.model_for(connection, model_id, principal, changing=True)
        if expected_version is not None and expected_version != version:
            raise StaleVersion(version)
        if isinstance(command, AddMember):
            await self._ensure_supervised_in(connection, command.person_id, model)
        events = decide_model(model, command, self.places, today)
        await self._write_model(connection, model, version, events, principal)
        return version + len(events)

    async def report_outreach(self, connection: Connection, command: ReportOutreach, principal: Principal,
                              today: date) -> None:
        """Record an outreach report of the caller's commune (or province, for a province-wide caller)."""
        if not principal.can_access(command.province_code, command.commune_code):
            raise Forbidden("this place is outside your jurisdiction")
        report = decide_outreach(command, self.places, today)
        await self._append(connection, outreach_stream(command.outreach_id), 0, [report], principal,
                           self.tables.outreach_alongside(report))

    async def _ensure_supervised_in(self, connection: Connection, person_id: uuid.UUID, model: LocalModel) -> None:
        """A member is a person supervised (an open case) in one of the model's communes (422 otherwise, saying no
        more)."""
        case, _ = await self.supervision.load(connection, person_id)
        if (case is None or not case.is_open or case.province_code != model.province_code
                or case.commune_code not in model.commune_codes):
            raise RuleViolation("person_id", NOT_A_MEMBER_CASE)

    async def _write_model(self, connection: Connection, model: LocalModel | None, version: int,
                           events: list[ev.SupervisionFact], principal: Principal) -> None:
        """The model's events with its new state."""
        for event in events:
            model = evolve_model(model, event)
        assert model is not None
        await self._append(connection, model_stream(model.model_id), version, events, principal,
                           self.tables.model_alongside(model, version + len(events)))

    async def _append(self, connection: Connection, stream_id: str, version: int, events: list[ev.SupervisionFact],
                      principal: Principal, alongside: Alongside) -> None:
        """The events after version, with the write alongside; StaleVersion if the stream moved on."""
        metadata = request_metadata(principal)
        new_events = [NewEvent(type=event.type_name(), payload=event.model_dump(mode="json"), metadata=metadata,
                               schema_version=event.schema_version) for event in events]
        try:
            await self.streams.append_many(connection, [StreamAppend(stream_id, version, new_events,
                                                                     alongside=[alongside])])
        except ConcurrencyConflict as conflict:
            raise StaleVersion(conflict.actual_version) from conflict


def stored_facts(stored: list[StoredEvent]) -> list[ev.SupervisionFact]:
    """The internal events of a model's or report's stored events."""
    return [ev.COMMUNITY_FACTS[event.type].model_validate(event.payload) for event in stored]
