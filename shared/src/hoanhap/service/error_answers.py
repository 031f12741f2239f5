"""The bodies of error answers, the same in every service: `{"detail": "why, in words"}` for a refusal, and for
bad input the problems found, each naming its field, at most MAX_LISTED_PROBLEMS of them with the count of the
rest, each bounded (a 7.7 MB body with 700,000 unknown keys was answered with all of them: 202 MB). An answer
never quotes what was sent: a body's values may be a name, a citizen ID or an address, and those never appear in
an error answer (a refused place check once answered with the whole body)."""

import re
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from hoanhap.excerpts import excerpt, value_excerpt

MAX_LISTED_PROBLEMS = 20
MESSAGE_CHARACTERS = 300
QUOTABLE_CHARACTERS = 3  # a value this short (a digit, "yes") may be in a message by chance: not worth hiding
HIDDEN = "(the value sent)"
QUOTED = re.compile(r"'([^']*)'")
SEARCHED_VALUES = 100  # of a body or a list, for a message that quotes one of them


class ErrorAnswer(BaseModel):
    """A refusal; some add fields of their own (a 409 adds the current version)."""

    detail: str = Field(description="why, in words")


class Problem(BaseModel):
    """One thing wrong with the input."""

    loc: list[str | int] = Field(description="where: body, query, path or header, then the field")
    msg: str = Field(description="what is wrong and, where it helps, what to send instead")
    type: str = Field(description="the kind of problem, e.g. missing, extra_forbidden, value_error")
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
    """One problem without the value sent (never echoed: it may be personal, and a message quoting it has it
    replaced), every other part cut to an excerpt (keys of the body are in `loc`)."""
    sent = sent_texts(problem.get("input"))
    location = [part if isinstance(part, int) else excerpt(str(part)) for part in problem.get("loc", ())]
    answer: dict[str, Any] = {"type": str(problem.get("type", "value_error")), "loc": location,
                              "msg": excerpt(unquoted(str(problem.get("msg", "")), sent), MESSAGE_CHARACTERS)}
    if problem.get("ctx"):
        answer["ctx"] = {str(name): value_excerpt(value if isinstance(value, int | float) else
                                                  unquoted(str(value), sent))
                         for name, value in problem["ctx"].items()}
    return answer


def sent_texts(value: Any, depth: int = 2) -> list[str]:
    """The texts sent in a value (a field's, or a body's and its objects' when a check spans fields), longest
    first, so that a message quoting one can have it hidden."""
    if isinstance(value, str):
        return [value, value.strip()] if len(value.strip()) > QUOTABLE_CHARACTERS else []
    inner = list(value.values()) if isinstance(value, dict) else value if isinstance(value, list) else []
    texts = [text for item in inner[:SEARCHED_VALUES] for text in sent_texts(item, depth - 1)] if depth else []
    return sorted(set(texts), key=len, reverse=True)


def unquoted(text: str, sent: list[str]) -> str:
    """The text with every value sent in it, and every quoted start of one ('Nguyễn Văn B', a validator's own
    excerpt), replaced by HIDDEN."""
    for value in sent:
        text = text.replace(value, HIDDEN)
    return QUOTED.sub(lambda quote: f"'{HIDDEN}'" if start_of_any(quote[1], sent) else quote[0], text)


def start_of_any(quoted: str, sent: list[str]) -> bool:
    """True when a quoted part of a message is long enough to matter and is how a value sent starts."""
    return len(quoted) > QUOTABLE_CHARACTERS and any(value.startswith(quoted) for value in sent)
