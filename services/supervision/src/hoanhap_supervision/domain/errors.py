"""Why supervision refuses a command, in words an officer can act on."""


class DomainError(Exception):
    """A command the case's rules refuse."""


class RuleViolation(DomainError):
    """The command contradicts a rule about one of its fields (HTTP 422)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class CaseConflict(DomainError):
    """The case is in a state that does not allow the command (HTTP 409)."""


class NotInCase(DomainError):
    """The command names something the case does not hold, e.g. a sponsor it never had (HTTP 404)."""
