"""The kit's refusals as HTTP answers in the shape every service uses (`hoanhap.service.error_answers`), and the
mapping of a service's own domain errors onto them."""

from collections.abc import Callable, Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from hoanhap.write_path.errors import Conflict, Forbidden, NotFound, RuleViolation, StaleVersion, WritePathError
from hoanhap.write_path.versions import etag

Translation = Callable[[Any], WritePathError]
STATUS_OF: tuple[tuple[type[WritePathError], int], ...] = ((NotFound, 404), (Forbidden, 403), (Conflict, 409))


def answer_of(error: WritePathError) -> JSONResponse:
    """The answer to one refusal: 422 located at the field, 409 (with the current version when stale), 403, 404."""
    if isinstance(error, RuleViolation):
        return JSONResponse({"detail": [{"loc": ["body", error.field], "msg": error.message,
                                         "type": "rule_violation"}]}, 422)
    if isinstance(error, StaleVersion):
        return JSONResponse({"detail": error.detail, "current_version": error.current_version}, 409,
                            headers={"ETag": etag(error.current_version)})
    status = next((status for kind, status in STATUS_OF if isinstance(error, kind)), 400)
    return JSONResponse({"detail": error.detail}, status)


def install_error_handlers(app: FastAPI, domain_errors: Mapping[type[Exception], Translation] | None = None) -> None:
    """Answer the kit's refusals, and each of the service's domain errors as the refusal its translation gives
    (e.g. ``{CaseConflict: lambda error: Conflict(str(error))}``): the domain stays free of the kit."""

    async def refusal(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, WritePathError)
        return answer_of(error)

    app.add_exception_handler(WritePathError, refusal)
    for error_type, translate in (domain_errors or {}).items():
        app.add_exception_handler(error_type, translated_by(translate))


def translated_by(translate: Translation) -> Callable[[Request, Exception], Any]:
    """A handler answering a domain error as the kit's refusal it translates to."""

    async def handler(request: Request, error: Exception) -> JSONResponse:
        return answer_of(translate(error))

    return handler
