"""The verify command's answer: what was checked and every finding, as lines for a person or as JSON."""

from typing import Any

from hoanhap.eventstore.verification import StoreVerification


def report_json(store: str, verdict: StoreVerification, signatures_checked: bool) -> dict[str, Any]:
    """The verdict as a JSON object: counts, then each stream's first bad event, the global chain's first broken
    link and each checkpoint problem, with why."""
    link = verdict.broken_link
    return {
        "store": store, "ok": verdict.ok, "streams_checked": verdict.streams_checked,
        "events_checked": verdict.events_checked, "last_position": verdict.last_position,
        "checkpoints_checked": verdict.checkpoints_checked, "signatures_checked": signatures_checked,
        "streams": [{"stream_id": failure.stream_id, "version": bad.stream_version, "position": bad.position,
                     "defect": str(bad.defect), "explanation": bad.explanation}
                    for failure in verdict.failures if (bad := failure.first_bad_event)],
        "global_chain": None if link is None else {
            "position": link.position, "stream_id": link.stream_id, "version": link.stream_version,
            "defect": str(link.defect), "explanation": link.explanation},
        "checkpoints": [{"position": problem.position, "taken_at": problem.taken_at.isoformat(),
                         "defect": str(problem.defect), "explanation": problem.explanation}
                        for problem in verdict.checkpoint_problems],
    }


def report_lines(store: str, verdict: StoreVerification, signatures_checked: bool) -> list[str]:
    """The verdict for a person: one line of outcome, one of what was checked, then one per finding."""
    signatures = "signatures checked" if signatures_checked else "signatures NOT checked: no public key given"
    lines = [f"{store} event store: {'intact' if verdict.ok else 'TAMPERED WITH'}",
             f"  {verdict.events_checked} events in {verdict.streams_checked} streams, global chain to position "
             f"{verdict.last_position}; {verdict.checkpoints_checked} checkpoints ({signatures})"]
    lines += [f"  stream: {bad.explanation}" for failure in verdict.failures if (bad := failure.first_bad_event)]
    lines += [f"  global chain: {verdict.broken_link.explanation}"] if verdict.broken_link else []
    lines += [f"  checkpoint: {problem.explanation}" for problem in verdict.checkpoint_problems]
    return lines
