"""The HTTP application every service builds: lifespan-managed runtime, health endpoints, its own routers."""

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager

from fastapi import APIRouter, Depends, FastAPI
from fastapi.exceptions import RequestValidationError

from hoanhap.auth import AuthSettings, install_token_verifier
from hoanhap.auth.enforcement import enforce_policy
from hoanhap.auth.policy import AccessPolicy
from hoanhap.observability import install_observability
from hoanhap.service import health
from hoanhap.service.error_answers import bounded_validation_answer
from hoanhap.service.garbage_collection import freeze_start_up_objects
from hoanhap.service.openapi_errors import document_error_answers
from hoanhap.service.request_limits import BodyLimitMiddleware
from hoanhap.service.runtime import Runtime, close_runtime, open_runtime
from hoanhap.service.settings import ServiceSettings

Extension = Callable[[FastAPI, Runtime], AbstractAsyncContextManager[None]]


def create_service_app(service: str, settings: ServiceSettings, policy: AccessPolicy,
                       routers: Sequence[APIRouter] = (), extensions: Sequence[Extension] = ()) -> FastAPI:
    """A FastAPI app for one service: its runtime opened in the lifespan, then each extension (migrations,
    relay, consumers) entered in order and left in reverse; every call checked against the service's access
    policy, with tokens of the service's own audience; bodies held to their limits as they arrive, bad input
    answered with a bounded list of problems, and every error answer in the OpenAPI."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if undeclared := policy.undeclared(app):
            raise ValueError(f"{service}: no access policy for {', '.join(undeclared)}")
        app.state.runtime = await open_runtime(settings)
        try:
            async with AsyncExitStack() as stack:
                for extension in extensions:
                    await stack.enter_async_context(extension(app, app.state.runtime))
                freeze_start_up_objects()  # what the extensions built (catalogues, consumers) lives as long
                yield
        finally:
            await close_runtime(app.state.runtime)

    app = FastAPI(title=f"Hoà Nhập {service}", lifespan=lifespan, dependencies=[Depends(enforce_policy)],
                  exception_handlers={RequestValidationError: bounded_validation_answer})
    app.state.access_policy = policy
    app.add_middleware(BodyLimitMiddleware)  # inside the observability middleware, which logs its 413s
    install_observability(app, service)
    auth = AuthSettings()
    install_token_verifier(app, auth, auth.audience_of(service))
    app.include_router(health.router)
    for router in routers:
        app.include_router(router)
    document_error_answers(app, policy)
    return app

