"""Domain refusals as HTTP answers: 422 naming the field, 409 with the current version, 404."""

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from hoanhap_registry.application import PersonNotFound, StaleVersion
from hoanhap_registry.domain.errors import CaseConflict, RuleViolation


def install_error_handlers(app: FastAPI) -> None:
    """Map the registry's exceptions to answers a person can act on."""

    @app.exception_handler(RuleViolation)
    async def rule_violation(request: Request, error: RuleViolation) -> JSONResponse:
        return JSONResponse({"detail": [{"loc": ["body", error.field], "msg": error.message,
                                         "type": "rule_violation"}]}, 422)

    @app.exception_handler(CaseConflict)
    async def case_conflict(request: Request, error: CaseConflict) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, 409)

    @app.exception_handler(StaleVersion)
    async def stale_version(request: Request, error: StaleVersion) -> JSONResponse:
        return JSONResponse({"detail": "someone else changed this case first; reload it and try again",
                             "current_version": error.current_version}, 409,
                            headers={"ETag": f'"{error.current_version}"'})

    @app.exception_handler(PersonNotFound)
    async def person_not_found(request: Request, error: PersonNotFound) -> JSONResponse:
        return JSONResponse({"detail": "no such person"}, 404)
