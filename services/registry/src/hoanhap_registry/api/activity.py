"""Every HTTP request counts as work in progress, so the identity digests wait until requests stop."""

from starlette.types import ASGIApp, Receive, Scope, Send


class ActivityMiddleware:
    """Marks each HTTP request, from its start to its answer, in the registry's activity (once it runs)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        registry = getattr(scope["app"].state, "registry", None) if scope["type"] == "http" else None
        if registry is None:
            await self.app(scope, receive, send)
            return
        with registry.activity.working():
            await self.app(scope, receive, send)
