"""A 405 names every method the path serves. A case's assessments and visits are read with GET and written with
POST from two routers (reads and writes); Starlette's own 405 would name only the first route's method."""

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from hoanhap.auth.policy import endpoints_of

METHOD_NOT_ALLOWED = 405


async def every_allowed_method(request: Request, error: Exception) -> Response:
    """The default answer to an HTTP error, with the Allow header of a 405 listing every route of the path."""
    assert isinstance(error, HTTPException)
    template = getattr(request.scope.get("route"), "path_format", None)
    if error.status_code == METHOD_NOT_ALLOWED and template is not None:
        methods = sorted(endpoint.split(" ", 1)[0] for endpoint in endpoints_of(request.app)
                         if endpoint.split(" ", 1)[1] == template)
        error = HTTPException(METHOD_NOT_ALLOWED, error.detail, headers={"Allow": ", ".join(methods)})
    return await http_exception_handler(request, error)


def install_allowed_methods(app: FastAPI) -> None:
    """Answer HTTP errors with every_allowed_method."""
    app.add_exception_handler(HTTPException, every_allowed_method)
