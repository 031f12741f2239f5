"""Why a schedule, a rate table, a payment or a set of debt-group ranges is refused, naming the field at fault."""


class ScheduleRuleViolation(ValueError):
    """A value contradicts a rule of loan pricing or scheduling; `field` names it, `message` says why."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
