"""The registry's FastAPI application."""

from __future__ import annotations

from fastapi import FastAPI

from registry.api.errors import install_error_handlers
from registry.api.routes import health, households, residents
from registry.config import Settings
from registry.db import make_engine, make_session_factory
from registry.version import VERSION


def create_app(settings: Settings) -> FastAPI:
    app = FastAPI(
        title="madoguchi registry",
        version=VERSION,
        description="Central resident-register service for the counter terminals.",
    )
    engine = make_engine(settings.db_url)
    app.state.settings = settings
    app.state.engine = engine
    app.state.session_factory = make_session_factory(engine)
    install_error_handlers(app)
    app.include_router(health.router)
    app.include_router(residents.router)
    app.include_router(households.router)
    return app
