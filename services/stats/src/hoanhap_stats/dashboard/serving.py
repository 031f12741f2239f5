"""Serving the dashboard: its static files at /dashboard/, and the service's root sending browsers there."""

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).parent / "static"


def serve_dashboard(app: FastAPI) -> None:
    """Mount the dashboard's files and redirect / to it."""
    app.mount("/dashboard", StaticFiles(directory=STATIC, html=True), name="dashboard")
    app.add_api_route("/", lambda: RedirectResponse("/dashboard/"), include_in_schema=False)
