"""The HTTP application every service builds: lifespan-managed runtime, health endpoints, its own routers."""

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI

from hoanhap.observability import install_observability
from hoanhap.service import health
from hoanhap.service.runtime import close_runtime, open_runtime
from hoanhap.service.settings import ServiceSettings


def create_service_app(service: str, settings: ServiceSettings,
                       routers: Sequence[APIRouter] = ()) -> FastAPI:
    """A FastAPI app for one service with its runtime opened in the lifespan."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.runtime = await open_runtime(settings)
        try:
            yield
        finally:
            await close_runtime(app.state.runtime)

    app = FastAPI(title=f"Hoà Nhập {service}", lifespan=lifespan)
    install_observability(app)
    app.include_router(health.router)
    for router in routers:
        app.include_router(router)
    return app
