"""Why a loan refuses a command, in words an officer can act on."""


class LoanError(Exception):
    """A command the loan's rules refuse."""


class LoanRuleViolation(LoanError):
    """The command contradicts a rule about one of its fields (HTTP 422); `field` names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class LoanConflict(LoanError):
    """The loan is in a state that does not allow the command (HTTP 409); the message names the state."""
