"""The refusals a write service's application layer raises, each answered with one HTTP status by the kit
(`error_answers.install_error_handlers`): NotFound 404, Forbidden 403, Conflict 409 (StaleVersion: 409 with the
current version and its ETag), RuleViolation 422 naming the field.

Standard library only: a service's application layer raises these without depending on FastAPI. A service's
domain, which may import nothing but the standard library, pydantic and the contracts, keeps errors of its own;
the service maps them onto these when it installs the handlers (see `install_error_handlers`).
"""


class WritePathError(Exception):
    """A refusal a caller can act on; `detail` says why, in words."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotFound(WritePathError):
    """No such record, or none the caller may see (HTTP 404)."""


class Forbidden(WritePathError):
    """The record exists for the caller but lies outside what they may act on (HTTP 403)."""


class Conflict(WritePathError):
    """The record is in a state that does not allow the request (HTTP 409)."""


class StaleVersion(Conflict):
    """The caller's expected version (If-Match) is not the record's current one (HTTP 409 with current_version)."""

    def __init__(self, current_version: int,
                 detail: str = "someone else changed this case first; reload it and try again") -> None:
        super().__init__(detail)
        self.current_version = current_version


class RuleViolation(WritePathError):
    """The request contradicts a rule about one of its fields (HTTP 422 located at the field)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
