"""The verify command's answer names each finding with its position, stream, version and why, in words and in
JSON."""

from datetime import UTC, datetime

from hoanhap.eventstore.audit.report import report_json, report_lines
from hoanhap.eventstore.verification import (
    BadEvent,
    BrokenLink,
    CheckpointDefect,
    CheckpointProblem,
    Defect,
    StoreVerification,
    VerificationResult,
)

TAMPERED = StoreVerification(
    streams_checked=3, events_checked=12,
    failures=(VerificationResult("person-a", 4, BadEvent(2, 7, Defect.HASH_MISMATCH, "event 2 was changed")),),
    broken_link=BrokenLink(9, "person-b", 1, Defect.EVENTS_MISSING, "the global chain breaks at position 9"),
    last_position=14, checkpoints_checked=2,
    checkpoint_problems=(CheckpointProblem(16, datetime(2026, 3, 1, tzinfo=UTC), CheckpointDefect.TAIL_TRUNCATED,
                                           "the store ends at position 14"),),
)


def test_an_intact_store_is_reported_intact_with_what_was_checked() -> None:
    intact = StoreVerification(2, 5, (), last_position=5, checkpoints_checked=1)
    assert report_lines("registry", intact, signatures_checked=True) == [
        "registry event store: intact",
        "  5 events in 2 streams, global chain to position 5; 1 checkpoints (signatures checked)"]
    assert report_json("registry", intact, True)["ok"] is True


def test_every_finding_is_a_line_of_its_own() -> None:
    lines = report_lines("registry", TAMPERED, signatures_checked=False)
    assert lines[0] == "registry event store: TAMPERED WITH"
    assert "signatures NOT checked: no public key given" in lines[1]
    assert lines[2:] == ["  stream: event 2 was changed", "  global chain: the global chain breaks at position 9",
                         "  checkpoint: the store ends at position 14"]


def test_the_json_answer_gives_position_stream_version_and_why_of_each_finding() -> None:
    answer = report_json("registry", TAMPERED, signatures_checked=True)
    assert answer["ok"] is False and answer["last_position"] == 14
    assert answer["streams"] == [{"stream_id": "person-a", "version": 2, "position": 7, "defect": "hash mismatch",
                                  "explanation": "event 2 was changed"}]
    assert answer["global_chain"] == {"position": 9, "stream_id": "person-b", "version": 1, "defect": "events missing",
                                      "explanation": "the global chain breaks at position 9"}
    assert answer["checkpoints"] == [{"position": 16, "taken_at": "2026-03-01T00:00:00+00:00",
                                      "defect": "tail truncated", "explanation": "the store ends at position 14"}]
