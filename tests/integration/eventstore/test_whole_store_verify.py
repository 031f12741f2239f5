"""`hoanhap-<service> verify` on a real store: intact passes; each way of hiding tampering from the per-stream
chains is reported with where and why, and exits non-zero.

Tampering goes past the immutability triggers as a superuser would (the ``tamperer`` fixture of conftest.py).
"""

import io
import json
from typing import Any

import pytest

from hoanhap.eventstore import PostgresEventStore
from hoanhap.eventstore.audit.cli import INTACT, TAMPERED, parser, run_command
from hoanhap.eventstore.audit.settings import AuditSettings
from hoanhap.eventstore.testing import new_stream_id, sample_events
from tests.integration.eventstore.sql_tampering import SqlTamperer


async def verify(settings: AuditSettings, *options: str) -> tuple[int, dict[str, Any]]:
    """The verify command's exit code and JSON answer."""
    out = io.StringIO()
    code = await run_command("registry", parser("registry").parse_args(["verify", "--json", *options]), settings, out)
    return code, json.loads(out.getvalue())


async def checkpoint(settings: AuditSettings) -> str:
    """Sign a checkpoint with the checkpoint command; the line it printed."""
    out = io.StringIO()
    assert await run_command("registry", parser("registry").parse_args(["checkpoint"]), settings, out) == INTACT
    return out.getvalue().strip()


async def victim_among_others(store: PostgresEventStore) -> tuple[str, list[int]]:
    """A stream of four events with other streams' events around them; the positions of the events written right
    after the victim's second and fourth event."""
    victim, other = new_stream_id(), new_stream_id("other")
    await store.append(new_stream_id("other"), 0, sample_events(2))
    await store.append(victim, 0, sample_events(2))
    [after_second] = await store.append(other, 0, sample_events(1))
    await store.append(victim, 2, sample_events(2))
    after_fourth, _ = await store.append(other, 1, sample_events(2))
    return victim, [after_second.position, after_fourth.position]


def only_global_chain_finding(answer: dict[str, Any]) -> dict[str, Any]:
    assert answer["ok"] is False and answer["streams"] == [] and answer["checkpoints"] == []
    assert answer["global_chain"] is not None
    return dict(answer["global_chain"])


def only_checkpoint_findings(answer: dict[str, Any]) -> list[tuple[int, str]]:
    assert answer["ok"] is False and answer["streams"] == [] and answer["global_chain"] is None
    return [(problem["position"], problem["defect"]) for problem in answer["checkpoints"]]


async def test_an_intact_store_verifies_with_its_checkpoints(store: PostgresEventStore,
                                                             audit_settings: AuditSettings) -> None:
    await victim_among_others(store)
    await checkpoint(audit_settings)
    await victim_among_others(store)
    await checkpoint(audit_settings)
    code, answer = await verify(audit_settings)
    assert code == INTACT and answer["ok"] is True
    assert (answer["streams_checked"], answer["events_checked"], answer["checkpoints_checked"]) == (6, 18, 2)
    assert answer["last_position"] == await store.last_position() and answer["signatures_checked"] is True


async def test_a_deleted_stream_is_reported_as_events_missing_from_the_global_chain(
        store: PostgresEventStore, tamperer: SqlTamperer, audit_settings: AuditSettings) -> None:
    victim, after = await victim_among_others(store)
    await tamperer.delete_stream(victim)
    code, answer = await verify(audit_settings)
    assert code == TAMPERED
    finding = only_global_chain_finding(answer)
    assert (finding["position"], finding["defect"]) == (after[0], "events missing")
    assert "a whole stream" in finding["explanation"]


async def test_a_stream_s_truncated_tail_is_reported_as_events_missing_from_the_global_chain(
        store: PostgresEventStore, tamperer: SqlTamperer, audit_settings: AuditSettings) -> None:
    victim, after = await victim_among_others(store)
    for version in (4, 3):
        await tamperer.delete_event(victim, version)
    code, answer = await verify(audit_settings)
    assert code == TAMPERED
    finding = only_global_chain_finding(answer)
    assert (finding["position"], finding["defect"]) == (after[1], "events missing")


async def test_a_stream_rewritten_with_recomputed_stream_hashes_is_reported_at_the_rewritten_event(
        store: PostgresEventStore, tamperer: SqlTamperer, audit_settings: AuditSettings) -> None:
    victim, _ = await victim_among_others(store)
    await tamperer.rewrite_stream(victim, 3)
    code, answer = await verify(audit_settings)
    assert code == TAMPERED
    [rewritten] = await store.read_stream(victim, 3, 3)
    finding = only_global_chain_finding(answer)
    assert (finding["stream_id"], finding["version"], finding["position"], finding["defect"]) == (
        victim, 3, rewritten.position, "global hash mismatch")


async def test_a_tail_deleted_after_a_checkpoint_is_reported_though_every_chain_is_intact(
        store: PostgresEventStore, tamperer: SqlTamperer, audit_settings: AuditSettings) -> None:
    _, after = await victim_among_others(store)
    await checkpoint(audit_settings)
    last = await store.last_position()
    await tamperer.delete_after(after[0])
    assert (await store.verify_all()).ok, "without the checkpoint, the shortened store looks intact"
    code, answer = await verify(audit_settings)
    assert code == TAMPERED
    assert only_checkpoint_findings(answer) == [(last, "tail truncated")]
    assert f"ends at position {after[0]}" in answer["checkpoints"][0]["explanation"]


async def test_a_tail_deleted_with_the_checkpoints_is_caught_by_the_copies_kept_outside(
        store: PostgresEventStore, tamperer: SqlTamperer, audit_settings: AuditSettings) -> None:
    _, after = await victim_among_others(store)
    await checkpoint(audit_settings)
    last = await store.last_position()
    await tamperer.delete_after(after[0])
    await tamperer.delete_checkpoints()
    code, answer = await verify(audit_settings)
    assert code == TAMPERED
    assert only_checkpoint_findings(answer) == [(last, "not in the database"), (last, "tail truncated")]


async def test_a_rewrite_with_every_hash_recomputed_is_caught_by_the_checkpoint_after_it(
        store: PostgresEventStore, tamperer: SqlTamperer, audit_settings: AuditSettings) -> None:
    victim, _ = await victim_among_others(store)
    await checkpoint(audit_settings)
    await tamperer.rewrite_stream(victim, 1)
    await tamperer.rechain_from((await store.read_stream(victim, 1, 1))[0].position)
    assert (await store.verify_all()).ok, "every chain was recomputed, so only the checkpoint can tell"
    code, answer = await verify(audit_settings)
    assert code == TAMPERED
    assert only_checkpoint_findings(answer) == [(await store.last_position(), "hash differs")]


async def test_a_checkpoint_changed_in_the_database_fails_its_signature(
        store: PostgresEventStore, tamperer: SqlTamperer, audit_settings: AuditSettings) -> None:
    await victim_among_others(store)
    await checkpoint(audit_settings)
    last = await store.last_position()
    await tamperer.change_checkpoint_hash(last)
    code, answer = await verify(audit_settings)
    assert code == TAMPERED
    assert only_checkpoint_findings(answer) == [(last, "not in the database"), (last, "bad signature")]


async def test_a_checkpoint_signed_with_another_key_fails_its_signature(
        store: PostgresEventStore, audit_settings: AuditSettings) -> None:
    await victim_among_others(store)
    intruder = audit_settings.model_copy(update={"audit_signing_key": "A" * 43 + "=",
                                                 "audit_checkpoint_file": None})
    await checkpoint(intruder)
    code, answer = await verify(audit_settings)
    assert code == TAMPERED
    assert only_checkpoint_findings(answer) == [(await store.last_position(), "bad signature")]


async def test_without_a_public_key_the_answer_says_signatures_were_not_checked(
        store: PostgresEventStore, audit_settings: AuditSettings) -> None:
    await victim_among_others(store)
    await checkpoint(audit_settings)
    code, answer = await verify(audit_settings.model_copy(update={"audit_public_key": None}))
    assert code == INTACT and answer["signatures_checked"] is False and answer["checkpoints_checked"] == 1


async def test_a_file_of_copies_that_holds_something_else_cannot_be_checked(
        store: PostgresEventStore, audit_settings: AuditSettings, tmp_path) -> None:
    copies = tmp_path / "copies.jsonl"
    copies.write_text('{"store": "registry"}\n')
    with pytest.raises(ValueError, match="copies.jsonl, line 1, is not a checkpoint"):
        await verify(audit_settings, "--checkpoints", str(copies))


async def test_a_store_not_installed_yet_cannot_be_checked_and_the_answer_says_what_to_do(
        database_url: str, schema: str) -> None:
    with pytest.raises(ValueError, match="start the service once"):
        await verify(AuditSettings(database_url=database_url, database_schema=schema))
