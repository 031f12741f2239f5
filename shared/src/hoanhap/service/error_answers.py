"""The bodies of error answers, the same in every service: `{"detail": "why, in words"}` for a refusal, and for
bad input the problems found, each naming its field, at most MAX_LISTED_PROBLEMS of them with the count of the
rest, each quoting no more than an excerpt of what was sent (a 7.7 MB body with 700,000 unknown keys was answered
with all of them: 202 MB)."""

from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from hoanhap.excerpts import EXCERPT_CHARACTERS, excerpt, value_excerpt

MAX_LISTED_PROBLEMS = 20
MESSAGE_CHARACTERS = 300  # a message may quote the value it refuses


class ErrorAnswer(BaseModel):
    """A refusal; some add fields of their own (a 409 adds the current version)."""

    detail: str = Field(description="why, in words")


class Problem(BaseModel):
    """One thing wrong with the input."""

    loc: list[str | int] = Field(description="where: body, query, path or header, then the field")
    msg: str = Field(description="what is wrong and, where it helps, what to send instead")
    type: str = Field(description="the kind of problem, e.g. missing, extra_forbidden, value_error")
    input: Any = Field(default=None, description=f"what was sent there, or its first {EXCERPT_CHARACTERS} "
                                                 "characters")
    ctx: dict[str, Any] | None = Field(default=None, description="the limits the value broke, when there are any")


class ProblemsAnswer(BaseModel):
    """Bad input: the problems found, in order."""

    detail: list[Problem] = Field(max_length=MAX_LISTED_PROBLEMS)
    errors_not_listed: int | None = Field(default=None, description="how many more problems were found")


async def bounded_validation_answer(request: Request, error: RequestValidationError) -> JSONResponse:
    """422 listing the first MAX_LISTED_PROBLEMS problems, each bounded, and how many more there were."""
    problems = error.errors()
    content: dict[str, Any] = {"detail": [bounded(problem) for problem in problems[:MAX_LISTED_PROBLEMS]]}
    if len(problems) > MAX_LISTED_PROBLEMS:
        content["errors_not_listed"] = len(problems) - MAX_LISTED_PROBLEMS
    return JSONResponse(content, 422)


def bounded(problem: Any) -> dict[str, Any]:
    """One problem with every part that can quote the input cut to an excerpt (keys of the body are in `loc`)."""
    location = [part if isinstance(part, int) else excerpt(str(part)) for part in problem.get("loc", ())]
    answer: dict[str, Any] = {"type": str(problem.get("type", "value_error")), "loc": location,
                              "msg": excerpt(str(problem.get("msg", "")), MESSAGE_CHARACTERS)}
    if "input" in problem:
        answer["input"] = value_excerpt(problem["input"])
    if problem.get("ctx"):
        answer["ctx"] = {str(name): value_excerpt(value if isinstance(value, str | int | float) else str(value))
                         for name, value in problem["ctx"].items()}
    return answer
