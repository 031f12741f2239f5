"""Migration 0010 over loans projected before it, against the real PostgreSQL: stats' read models at 0009 with
loan rows of the old shape, then every migration: each loan gets one day in loan_days, its state as it stands, on
the latest day its row knows of, its decision dated as approval or rejection, and an outstanding loan debt group 1;
the figures then read them."""

import shutil
import uuid
from datetime import date
from importlib.resources import files
from pathlib import Path

import asyncpg

from hoanhap.consumers import install_consumer_schema
from hoanhap.postgres.migration_runner import apply_migrations
from hoanhap_stats.credit.activity import activity
from hoanhap_stats.credit.portfolio import debt_groups
from hoanhap_stats.figures.selection import Selection
from hoanhap_stats.projecting.read_models import install_read_models

OLD_COLUMNS = ("loan_id", "province_code", "commune_code", "purpose", "borrower_kind", "person_id", "status",
               "amount_requested_vnd", "applied_on", "amount_approved_vnd", "disbursed_vnd",
               "outstanding_principal_vnd", "overdue_principal_vnd", "decided_on", "first_disbursed_on",
               "overdue_since")
OVERDUE, REJECTED = uuid.uuid4(), uuid.uuid4()
OLD_ROWS = [
    (OVERDUE, "01", "00004", "production", "individual", uuid.uuid4(), "overdue", 50_000_000, date(2023, 1, 2),
     40_000_000, 40_000_000, 30_000_000, 5_000_000, date(2023, 1, 9), date(2023, 1, 15), date(2023, 6, 1)),
    (REJECTED, "01", "00004", "training", "individual", uuid.uuid4(), "rejected", 8_000_000, date(2023, 2, 1),
     None, 0, 0, 0, date(2023, 2, 3), None, None)]


async def test_loans_projected_before_0010_get_their_day_and_count_in_the_figures(database_url, tmp_path):
    schema = f"upgrade_{uuid.uuid4().hex[:8]}"
    pool = await asyncpg.create_pool(database_url, min_size=1, max_size=2, server_settings={"search_path": schema})
    try:
        await pool.execute(f'CREATE SCHEMA "{schema}"')
        await install_consumer_schema(pool)
        await apply_migrations(pool, migrations_before_0010(tmp_path), "stats")
        await pool.executemany(f"INSERT INTO loans ({', '.join(OLD_COLUMNS)}) VALUES "
                               f"({', '.join(f'${n}' for n in range(1, len(OLD_COLUMNS) + 1))})", OLD_ROWS)
        await install_read_models(pool, schema)
        days = {row["loan_id"]: tuple(row) for row in await pool.fetch("SELECT * FROM loan_days")}
        loans = {row["loan_id"]: row for row in await pool.fetch("SELECT * FROM loans")}
        async with pool.acquire() as connection:
            groups = await debt_groups(connection, Selection(date(2023, 1, 1), date(2023, 12, 31), "01"))
            year = await activity(connection, Selection(date(2023, 1, 1), date(2023, 12, 31), "01"))
    finally:
        await pool.execute(f'DROP SCHEMA "{schema}" CASCADE')
        await pool.close()
    assert days[OVERDUE] == (OVERDUE, date(2023, 6, 1), "overdue", 40_000_000, 0, 30_000_000, 5_000_000, 1)
    assert days[REJECTED] == (REJECTED, date(2023, 2, 3), "rejected", 0, 0, 0, 0, None)
    assert (loans[OVERDUE]["approved_on"], loans[OVERDUE]["rejected_on"]) == (date(2023, 1, 9), None)
    assert (loans[REJECTED]["approved_on"], loans[REJECTED]["rejected_on"]) == (None, date(2023, 2, 3))
    assert (groups["1"].loans, groups["1"].overdue_principal.vnd) == (1, 5_000_000)
    assert (year.counts["approved"], year.counts["rejected"], year.amounts["disbursed"].vnd) == (1, 1, 40_000_000)


def migrations_before_0010(folder: Path) -> Path:
    """A copy of stats' migrations up to 0009."""
    before = folder / "migrations"
    before.mkdir()
    for entry in files("hoanhap_stats.migrations").iterdir():
        if entry.name.endswith(".sql") and entry.name < "0010":
            shutil.copyfile(str(entry), before / entry.name)
    return before
