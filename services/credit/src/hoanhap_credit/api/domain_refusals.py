"""Credit's domain refusals as the write-path kit's: a rule about a field is 422 at that field, a loan whose state
does not allow the command is 409 (`install_error_handlers(app, DOMAIN_REFUSALS)`)."""

from hoanhap.write_path import errors as kit
from hoanhap.write_path.error_answers import Translation
from hoanhap_credit.domain.loan_errors import LoanConflict, LoanRuleViolation
from hoanhap_credit.domain.schedule_errors import ScheduleRuleViolation


def rule_violation(error: LoanRuleViolation | ScheduleRuleViolation) -> kit.WritePathError:
    """422 naming the field."""
    return kit.RuleViolation(error.field, error.message)


def loan_conflict(error: LoanConflict) -> kit.WritePathError:
    """409 saying why."""
    return kit.Conflict(str(error))


DOMAIN_REFUSALS: dict[type[Exception], Translation] = {LoanRuleViolation: rule_violation,
                                                       ScheduleRuleViolation: rule_violation,
                                                       LoanConflict: loan_conflict}
