"""Importing an officer's existing list of local models or outreach activities: each row goes through the same use
case as the one-by-one endpoint (Community.launch, Community.report_outreach: the jurisdiction, every rule, the
events and what they publish), at most once.

A row is known by the fingerprint of its content: the command's values but the new id, and its kind. A list sent
again (the same file, or the same list with rows added or reordered, or a row that was refused now corrected) thus
records only the rows not recorded before; a file's hash or a row number would record a reordered or extended
list twice. Two rows with the same content are one model or one activity: a commune that held two identical
sessions on one day writes one row with "Số lượng" 2, as the one-by-one report counts them.
"""

import dataclasses
import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import date

from hoanhap.auth import Principal
from hoanhap.postgres.connections import Connection
from hoanhap_supervision.application.community import Community
from hoanhap_supervision.application.import_storage import ImportedRows
from hoanhap_supervision.domain.local_models import LaunchModel
from hoanhap_supervision.domain.outreach import ReportOutreach

ID_FIELDS = {"model_id", "outreach_id"}


@dataclass(frozen=True)
class RowWritten:
    """The record a row made, or (duplicate) the one an earlier row with its content made."""

    record_id: uuid.UUID
    duplicate: bool


def fingerprint_of(command: LaunchModel | ReportOutreach) -> str:
    """The row's identity: its kind and its values but the new id, as the command holds them."""
    values = {name: value for name, value in dataclasses.asdict(command).items() if name not in ID_FIELDS}
    content = json.dumps([type(command).__name__, values], sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(content.encode()).hexdigest()


class CommunityImport:
    """The community use cases, each row of an import written once however often its list is sent."""

    def __init__(self, community: Community, imported: ImportedRows) -> None:
        self.community = community
        self.imported = imported

    async def launch_once(self, connection: Connection, command: LaunchModel, principal: Principal,
                          today: date) -> RowWritten:
        """Launch the row's model unless a row with its content was imported; in the caller's transaction."""
        earlier = await self.imported.claim(connection, command.province_code, fingerprint_of(command),
                                            command.model_id)
        if earlier is None:
            await self.community.launch(connection, command, principal, today)
        return RowWritten(earlier or command.model_id, earlier is not None)

    async def report_once(self, connection: Connection, command: ReportOutreach, principal: Principal,
                          today: date) -> RowWritten:
        """Record the row's outreach activity unless a row with its content was imported; in the caller's
        transaction."""
        earlier = await self.imported.claim(connection, command.province_code, fingerprint_of(command),
                                            command.outreach_id)
        if earlier is None:
            await self.community.report_outreach(connection, command, principal, today)
        return RowWritten(earlier or command.outreach_id, earlier is not None)
