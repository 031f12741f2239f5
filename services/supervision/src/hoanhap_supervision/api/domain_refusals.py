"""Supervision's domain refusals as the write-path kit's: a rule about a field is 422 at that field, a case whose
state does not allow the command is 409 (`install_error_handlers(app, DOMAIN_REFUSALS)`)."""

from hoanhap.write_path import errors as kit
from hoanhap.write_path.error_answers import Translation
from hoanhap_supervision.domain.errors import CaseConflict, NotInCase, RuleViolation


def rule_violation(error: RuleViolation) -> kit.WritePathError:
    """422 naming the field."""
    return kit.RuleViolation(error.field, error.message)


def case_conflict(error: CaseConflict) -> kit.WritePathError:
    """409 saying why."""
    return kit.Conflict(str(error))


def not_in_case(error: NotInCase) -> kit.WritePathError:
    """404 saying what the case lacks."""
    return kit.NotFound(str(error))


DOMAIN_REFUSALS: dict[type[Exception], Translation] = {RuleViolation: rule_violation, CaseConflict: case_conflict}
DOMAIN_REFUSALS[NotInCase] = not_in_case
