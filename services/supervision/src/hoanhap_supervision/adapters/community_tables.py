"""The local_models and outreach_reports tables: each model's current state and every outreach report, written by
the statement that appends their events, and the queries listing them by place and period."""

from datetime import date

from asyncpg import Record

from hoanhap.contracts import ModelLevel
from hoanhap.eventstore import Alongside
from hoanhap.postgres.connections import Connection
from hoanhap_supervision.domain.community_events import OutreachReported
from hoanhap_supervision.domain.local_models import LocalModel

MODEL_COLUMNS = ("model_id, version, title, level, province_code, commune_codes, former_district_name, "
                 "lead_organisation, launched_on, ended_on, members")
MODEL_UPSERT = f"""
INSERT INTO local_models ({MODEL_COLUMNS})
SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 FROM appending
ON CONFLICT (model_id) DO UPDATE SET
    version = EXCLUDED.version, ended_on = EXCLUDED.ended_on, members = EXCLUDED.members, updated_at = now()
"""
OUTREACH_COLUMNS = "outreach_id, province_code, commune_code, activity, quantity, attendance, held_on"
OUTREACH_INSERT = f"INSERT INTO outreach_reports ({OUTREACH_COLUMNS}) SELECT $1, $2, $3, $4, $5, $6, $7 FROM appending"


class PostgresCommunityTables:
    """CommunityTables over supervision's PostgreSQL tables."""

    def model_alongside(self, model: LocalModel, version: int) -> Alongside:
        """Writing the model's current state alongside its events."""
        return model_alongside(model, version)

    def outreach_alongside(self, report: OutreachReported) -> Alongside:
        """Writing the report alongside its event."""
        return outreach_alongside(report)


def model_alongside(model: LocalModel, version: int) -> Alongside:
    """Writing the model's current state alongside its events."""
    return Alongside(MODEL_UPSERT, (
        model.model_id, version, model.title, model.level.value, model.province_code, list(model.commune_codes),
        model.former_district_name, model.lead_organisation, model.launched_on, model.ended_on,
        sorted(model.members)))


def outreach_alongside(report: OutreachReported) -> Alongside:
    """Writing the report alongside its event."""
    return Alongside(OUTREACH_INSERT, (
        report.outreach_id, report.province_code, report.commune_code, report.activity.value, report.quantity,
        report.attendance, report.held_on))


async def models_of(connection: Connection, province_code: str, communes: tuple[str, ...] | None) -> list[LocalModel]:
    """The province's models, or those covering one of these communes, oldest launch first."""
    rows = await connection.fetch(
        f"SELECT {MODEL_COLUMNS} FROM local_models WHERE province_code = $1 "
        "AND ($2::text[] IS NULL OR commune_codes && $2) ORDER BY launched_on, model_id",
        province_code, None if communes is None else list(communes))
    return [model_of(row) for row in rows]


async def outreach_of(connection: Connection, province_code: str, communes: tuple[str, ...] | None,
                      period: tuple[date, date]) -> list[Record]:
    """The province's reports held in the period (from, to inclusive), or only those of these communes."""
    return await connection.fetch(
        f"SELECT {OUTREACH_COLUMNS} FROM outreach_reports WHERE province_code = $1 "
        "AND ($2::text[] IS NULL OR commune_code = ANY($2)) AND held_on BETWEEN $3 AND $4 "
        "ORDER BY held_on, outreach_id", province_code, None if communes is None else list(communes), *period)


def model_of(row: Record) -> LocalModel:
    """The model a row of local_models holds."""
    return LocalModel(
        model_id=row["model_id"], title=row["title"], level=ModelLevel(row["level"]),
        province_code=row["province_code"], commune_codes=tuple(row["commune_codes"]),
        former_district_name=row["former_district_name"], lead_organisation=row["lead_organisation"],
        launched_on=row["launched_on"], members=frozenset(row["members"]), ended_on=row["ended_on"])

