"""Which checkpoints a store is held to: forged ones are findings and never anchors, and a copy kept outside
that the database lost is a finding too."""

from dataclasses import replace
from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from hoanhap.eventstore.audit.checkpoint import ChainTip, Checkpoint, signed
from hoanhap.eventstore.audit.trust import CheckpointsToCheck, checked_checkpoints
from hoanhap.eventstore.verification import CheckpointDefect

KEY = Ed25519PrivateKey.generate()


def checkpoint(position: int) -> Checkpoint:
    return signed(KEY, "registry", ChainTip(position, bytes([position]) * 32, position),
                  datetime(2026, 3, position, tzinfo=UTC))


def test_checkpoints_signed_by_the_key_in_the_database_and_outside_are_anchors_once_each() -> None:
    kept = [checkpoint(1), checkpoint(2)]
    checked = checked_checkpoints(kept, CheckpointsToCheck("registry", [checkpoint(2)], KEY.public_key()))
    assert checked.anchors == tuple(kept) and checked.problems == () and checked.checked == 2


def test_a_forged_checkpoint_is_a_finding_and_not_an_anchor() -> None:
    forged = replace(checkpoint(2), tip=ChainTip(2, bytes(32), 2))
    checked = checked_checkpoints([checkpoint(1), forged], CheckpointsToCheck("registry", (), KEY.public_key()))
    assert checked.anchors == (checkpoint(1),)
    [problem] = checked.problems
    assert (problem.position, problem.defect) == (2, CheckpointDefect.BAD_SIGNATURE)


def test_a_copy_kept_outside_that_the_database_lost_is_a_finding_and_still_an_anchor() -> None:
    checked = checked_checkpoints([checkpoint(1)], CheckpointsToCheck("registry", [checkpoint(3)], KEY.public_key()))
    assert checked.anchors == (checkpoint(1), checkpoint(3))
    [problem] = checked.problems
    assert (problem.position, problem.defect) == (3, CheckpointDefect.NOT_IN_DATABASE)


def test_without_a_public_key_no_signature_is_checked() -> None:
    forged = replace(checkpoint(2), signature=bytes(64))
    checked = checked_checkpoints([forged], CheckpointsToCheck("registry"))
    assert checked.anchors == (forged,) and checked.problems == ()
