"""Why a request is not authenticated: one problem code per cause, and a message a caller can act on."""

from enum import StrEnum

from pydantic_core import ErrorDetails


class TokenProblem(StrEnum):
    """What is wrong with the bearer token (or its absence)."""

    MISSING = "missing_token"
    MALFORMED = "malformed_token"
    WRONG_ALGORITHM = "wrong_algorithm"
    BAD_SIGNATURE = "bad_signature"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    WRONG_AUDIENCE = "wrong_audience"
    WRONG_ISSUER = "wrong_issuer"
    MISSING_CLAIM = "missing_claim"
    INVALID_CLAIM = "invalid_claim"


class Unauthenticated(Exception):
    """The request carries no usable token; `problem` is the code, the message says why in words."""

    def __init__(self, problem: TokenProblem, message: str) -> None:
        super().__init__(message)
        self.problem = problem
        self.message = message


def in_words(problem: ErrorDetails) -> str:
    """A pydantic error's message without pydantic's "Value error, " prefix."""
    return problem["msg"].removeprefix("Value error, ")
