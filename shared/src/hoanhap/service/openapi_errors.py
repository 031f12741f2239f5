"""Every operation in a service's OpenAPI lists the error answers it can give, with their bodies: those every
request can get (401, 413, 431), 400 where a body is parsed, 403 where the access policy restricts the caller, 422
in its bounded shape, and the body of any error an endpoint declares without one. A public operation says that it
needs no token (a token sent is still checked), so a client or a fuzzer does not expect a 401 without one."""

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel

from hoanhap.auth.policy import AccessPolicy
from hoanhap.service.error_answers import ErrorAnswer, ProblemsAnswer
from hoanhap.service.request_limits import HEADER_BYTES, JSON_BODY_BYTES

SCHEMAS = "#/components/schemas/"
EVERY_REQUEST = {
    401: "the token is missing, malformed, expired or not for this service (WWW-Authenticate says which); a public "
         "endpoint answers this too when a token is sent and is bad",
    413: f"the body is larger than this endpoint takes: {JSON_BODY_BYTES:,} bytes, unless its x-body-limit-bytes "
         "says more",
    431: f"the request line and headers are larger than {HEADER_BYTES:,} bytes",
}
WITH_JSON_BODY = {400: "the body could not be read as JSON (not UTF-8 text, or nested too deep)"}
RESTRICTED = {403: "the caller's agency, role or jurisdiction may not do this"}
BAD_INPUT = 422
# A public endpoint answers without a token; one sent must be valid.
TOKEN_OPTIONAL: list[dict[str, list[str]]] = [{}, {"HTTPBearer": []}]
WWW_AUTHENTICATE = {"WWW-Authenticate": {"description": "Bearer, with error=\"invalid_token\" when one was sent",
                                         "schema": {"type": "string"}}}


def document_error_answers(app: FastAPI, policy: AccessPolicy) -> None:
    """Make the app's OpenAPI list every operation's error answers (generated once, on first use)."""
    generate: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            add_error_answers(generate(), policy)
        return app.openapi_schema or {}

    app.openapi = openapi  # type: ignore[method-assign]


def add_error_answers(schema: dict[str, Any], policy: AccessPolicy) -> None:
    """Add the error answers to every operation of the schema, and their bodies to its components; say that a
    public operation needs no token."""
    schema.setdefault("components", {}).setdefault("schemas", {}).update(component_schemas(ErrorAnswer,
                                                                                           ProblemsAnswer))
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            rule = policy.rule_for(method.upper(), path)
            answers = {**EVERY_REQUEST, **(WITH_JSON_BODY if takes_json(operation) else {}),
                       **(RESTRICTED if rule is not None and not rule.public else {})}
            complete(operation.setdefault("responses", {}), answers)
            if rule is not None and rule.public:
                operation["security"] = TOKEN_OPTIONAL


def takes_json(operation: dict[str, Any]) -> bool:
    """True when the framework parses the operation's body as JSON (a parse failure is a 400)."""
    return "application/json" in operation.get("requestBody", {}).get("content", {})


def complete(responses: dict[str, Any], answers: dict[int, str]) -> None:
    """Add the answers not declared yet; give every error answer its body (bad input: the problems)."""
    for code, description in answers.items():
        responses.setdefault(str(code), {"description": description})
    responses.get("401", {}).setdefault("headers", WWW_AUTHENTICATE)
    for status, response in responses.items():
        if status.isdigit() and int(status) >= 400:
            model = ProblemsAnswer if int(status) == BAD_INPUT else ErrorAnswer
            if int(status) == BAD_INPUT or not response.get("content", {}).get("application/json", {}).get("schema"):
                response["content"] = {"application/json": {"schema": {"$ref": SCHEMAS + model.__name__}}}


def component_schemas(*models: type[BaseModel]) -> dict[str, Any]:
    """The JSON schemas of the models and of the models they use, named as components."""
    found: dict[str, Any] = {}
    for model in models:
        schema = model.model_json_schema(ref_template=SCHEMAS + "{model}")
        found.update(schema.pop("$defs", {}))
        found[model.__name__] = schema
    return found
