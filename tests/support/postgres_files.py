"""Searching a database's files on the server's own disk for what must not be there."""

from pathlib import Path

import asyncpg


async def table_files(database_url: str) -> list[Path]:
    """The data files of every table and index of the database, after a checkpoint wrote them out."""
    connection = await asyncpg.connect(database_url)
    try:
        await connection.execute("CHECKPOINT")
        data_directory = Path(await connection.fetchval("SHOW data_directory"))
        paths = await connection.fetch("SELECT pg_relation_filepath(oid) AS path FROM pg_class "
                                       "WHERE relkind IN ('r', 'i', 't') AND pg_relation_filepath(oid) IS NOT NULL")
    finally:
        await connection.close()
    return [file for row in paths for file in (data_directory / row["path"]).parent.glob(
        Path(row["path"]).name + "*") if file.is_file()]


def files_containing(files: list[Path], needle: bytes) -> list[str]:
    """The names of the files that hold the bytes."""
    return [file.name for file in files if needle in file.read_bytes()]
