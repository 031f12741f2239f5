"""How each operation of a sync batch is answered, in order, against the batch's cases held in memory (no I/O):
a duplicate gets its first answer, an id reused for other content is a conflict, and otherwise the operation is
judged against the case as the device saw it (sync_rules) and, when it may apply, decided like the same request
over HTTP. What is to be written (first answers, conflicts kept) is collected for the caller."""

import json
import uuid
from datetime import date
from typing import Any

from hoanhap.auth import Principal
from hoanhap.sealing import seal_text
from hoanhap.write_path.errors import Conflict, Forbidden, NotFound
from hoanhap.write_path.jurisdiction import ensure_place_access
from hoanhap_supervision.application.supervision import ERASED, FORBIDDEN, NOT_FOUND
from hoanhap_supervision.application.sync_cases import CaseInBatch
from hoanhap_supervision.application.sync_operation import SyncOperation
from hoanhap_supervision.domain.errors import CaseConflict, RuleViolation
from hoanhap_supervision.domain.landmarks import seen_at
from hoanhap_supervision.domain.next_contact import decide_and_follow
from hoanhap_supervision.domain.rules import SupervisionRules
from hoanhap_supervision.domain.sync_records import ConflictKept
from hoanhap_supervision.domain.sync_rules import Outcome, Verdict, same_id_other_content, stale_verdict


class Judging:
    """One batch's answers: the rules, the caller, Vietnam's today, the batch's cases and the ids claimed before
    it; it collects the first answers and the conflicts kept."""

    def __init__(self, rules: SupervisionRules, principal: Principal, today: date,
                 cases: dict[uuid.UUID, CaseInBatch], claimed_before: dict[uuid.UUID, tuple[str, Any]]) -> None:
        self.rules, self.principal, self.today = rules, principal, today
        self.cases = cases
        self.claimed = dict(claimed_before)
        self.first_answers: list[tuple[uuid.UUID, dict[str, Any]]] = []
        self.conflicts: list[ConflictKept] = []

    def answer(self, operation: SyncOperation) -> dict[str, Any]:
        """The operation's answer; a first one is kept to be stored with its claim."""
        record = operation.record
        first = self.claimed.get(record.operation_id)
        if first is not None:
            fingerprint, answer = first
            if fingerprint == record.fingerprint:
                return {"status": Outcome.DUPLICATE.value, "first_answer": answer}
            return self._reused_id(operation)
        answer = self._decided(operation)
        self.claimed[record.operation_id] = (record.fingerprint, answer)
        self.first_answers.append((record.operation_id, answer))
        return answer

    def _decided(self, operation: SyncOperation) -> dict[str, Any]:
        """Applied, kept as a conflict or rejected with its reason; a refused operation changes nothing."""
        try:
            return self._applied(operation)
        except (NotFound, Forbidden) as refusal:
            return refused("outside_jurisdiction" if isinstance(refusal, Forbidden) else "case_not_found",
                           str(refusal))
        except RuleViolation as violation:
            return {**refused("invalid", violation.message), "field": f"body.{violation.field}"}
        except (CaseConflict, Conflict) as conflict:
            return refused("case_refuses", str(conflict))

    def _applied(self, operation: SyncOperation) -> dict[str, Any]:
        record = operation.record
        work = self.cases.get(record.person_id)
        if work is None:
            raise NotFound(NOT_FOUND)
        now, version = work.case, work.case.version
        seen = seen_at(now.landmarks, record.based_on_version) if record.based_on_version <= version else None
        place = seen or now
        ensure_place_access(self.principal, place.province_code, place.commune_code, not_found=NOT_FOUND,
                            forbidden=FORBIDDEN)
        assessed = now.assessments - (seen.assessments if seen else now.assessments)
        verdict = stale_verdict(seen, now, record.kind, assessed, record.based_on_version, version,
                                getattr(operation.asked, "area", None))
        if verdict is not None:
            return self._not_applied(operation, work, verdict)
        if work.key is None:
            raise Conflict(ERASED)
        asked = operation.asked.sealed(work.key, record.person_id, self.principal)
        work.apply(decide_and_follow(now, asked, self.rules, self.today))
        return {"status": Outcome.ACCEPTED.value, "version": work.case.version, **operation_extra(operation)}

    def _not_applied(self, operation: SyncOperation, work: CaseInBatch, verdict: Verdict) -> dict[str, Any]:
        if verdict.outcome == Outcome.CONFLICT:
            self._keep(operation, work, verdict.reason)
        return {"status": verdict.outcome.value, "reason": verdict.reason, "message": verdict.message,
                "current_version": work.case.version}

    def _reused_id(self, operation: SyncOperation) -> dict[str, Any]:
        """Conflict, nothing changed; kept for the supervisor of the case's commune if the caller may see it."""
        verdict = same_id_other_content()
        work = self.cases.get(operation.record.person_id)
        if work is not None and self.principal.can_access(work.case.province_code, work.case.commune_code):
            self._keep(operation, work, verdict.reason)
        return {"status": verdict.outcome.value, "reason": verdict.reason, "message": verdict.message}

    def _keep(self, operation: SyncOperation, work: CaseInBatch, reason: str) -> None:
        person_id = operation.record.person_id
        body = None if work.key is None else seal_text(json.dumps(operation.body), work.key, person_id)
        place = (work.case.province_code, work.case.commune_code)
        self.conflicts.append(ConflictKept(operation.record, self.principal.sub, place, reason, work.case.version,
                                           body))


def refused(reason: str, message: str) -> dict[str, Any]:
    """A rejection with its reason code and words."""
    return {"status": Outcome.REJECTED.value, "reason": reason, "message": message}


def operation_extra(operation: SyncOperation) -> dict[str, Any]:
    """What an accepted operation's answer names besides the version: the id of what it recorded (a contact's, a
    support's: the operation's own id), as the kind's own endpoint names it."""
    name = f"{operation.record.kind}_id"
    return {name: str(operation.record.operation_id)} if hasattr(operation.asked, name) else {}
