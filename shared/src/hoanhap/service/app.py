"""The HTTP application every service builds: lifespan-managed runtime, health endpoints, its own routers."""

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager

from fastapi import APIRouter, FastAPI

from hoanhap.auth import install_token_verifier
from hoanhap.observability import install_observability
from hoanhap.service import health
from hoanhap.service.runtime import Runtime, close_runtime, open_runtime
from hoanhap.service.settings import ServiceSettings

Extension = Callable[[FastAPI, Runtime], AbstractAsyncContextManager[None]]


def create_service_app(service: str, settings: ServiceSettings, routers: Sequence[APIRouter] = (),
                       extensions: Sequence[Extension] = ()) -> FastAPI:
    """A FastAPI app for one service: its runtime opened in the lifespan, then each extension (migrations,
    relay, consumers) entered in order and left in reverse."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.runtime = await open_runtime(settings)
        try:
            async with AsyncExitStack() as stack:
                for extension in extensions:
                    await stack.enter_async_context(extension(app, app.state.runtime))
                yield
        finally:
            await close_runtime(app.state.runtime)

    app = FastAPI(title=f"Hoà Nhập {service}", lifespan=lifespan)
    install_observability(app, service)
    install_token_verifier(app)
    app.include_router(health.router)
    for router in routers:
        app.include_router(router)
    return app
