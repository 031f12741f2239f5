"""`hoanhap-registry verify | checkpoint | public-key` run as an operator runs them: the console script, settings
from the environment, an exit code and lines to read."""

import asyncio
import os
import sys
from pathlib import Path

from hoanhap.eventstore import PostgresEventStore
from hoanhap.eventstore.audit.settings import AuditSettings
from hoanhap.eventstore.testing import new_stream_id, sample_events
from hoanhap_devstack.ports import free_port
from tests.integration.eventstore.sql_tampering import SqlTamperer

REGISTRY = Path(sys.executable).parent / "hoanhap-registry"


async def registry_command(settings: AuditSettings | None, *argv: str) -> tuple[int, str, str]:
    """The console script's exit code, standard output and standard error, with settings as its environment."""
    environment = {name: value for name, value in os.environ.items()
                   if not name.startswith(("AUDIT_", "DATABASE_"))}
    if settings is not None:
        environment |= {"DATABASE_URL": settings.database_url, "DATABASE_SCHEMA": str(settings.database_schema),
                        "AUDIT_SIGNING_KEY": str(settings.audit_signing_key),
                        "AUDIT_PUBLIC_KEY": str(settings.audit_public_key),
                        "AUDIT_CHECKPOINT_FILE": str(settings.audit_checkpoint_file)}
    process = await asyncio.create_subprocess_exec(REGISTRY, *argv, env=environment, stdout=asyncio.subprocess.PIPE,
                                                   stderr=asyncio.subprocess.PIPE)
    out, err = await process.communicate()
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def test_the_registry_verifies_its_store_against_its_checkpoints_and_exits_1_when_tampered_with(
        store: PostgresEventStore, tamperer: SqlTamperer, audit_settings: AuditSettings) -> None:
    victim = new_stream_id()
    await store.append(victim, 0, sample_events(2))
    await store.append(new_stream_id(), 0, sample_events(2))
    code, out, _ = await registry_command(audit_settings, "checkpoint")
    assert code == 0 and f'"position":{await store.last_position()}' in out
    assert audit_settings.audit_checkpoint_file.read_text() == out

    code, out, _ = await registry_command(audit_settings, "verify")
    assert code == 0 and out.splitlines()[0] == "registry event store: intact"
    assert "4 events in 2 streams" in out and "1 checkpoints (signatures checked)" in out

    await tamperer.delete_stream(victim)
    code, out, _ = await registry_command(audit_settings, "verify")
    assert code == 1 and out.splitlines()[0] == "registry event store: TAMPERED WITH"
    assert "global chain: the global chain breaks at event 1 of stream" in out


async def test_the_registry_prints_its_public_key_and_refuses_to_audit_without_a_database(
        audit_settings: AuditSettings) -> None:
    code, out, _ = await registry_command(audit_settings, "public-key")
    assert code == 0 and out.strip() == audit_settings.audit_public_key
    code, out, err = await registry_command(None, "verify")
    assert code == 2 and "registry cannot start: DATABASE_URL: Field required" in err


async def test_a_database_it_cannot_reach_exits_2_cannot_check_not_1_tampered(audit_settings: AuditSettings) -> None:
    unreachable = audit_settings.model_copy(update={"database_url": f"postgresql://127.0.0.1:{free_port()}/registry"})
    code, _, err = await registry_command(unreachable, "verify")
    assert code == 2 and "registry verify: cannot read the event store or a file" in err
