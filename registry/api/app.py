"""The registry's FastAPI application."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager, nullcontext
from functools import partial

from fastapi import FastAPI
from fastapi.telemetry import TelemetryConfig

from registry.api.errors import install_error_handlers
from registry.api.routes import (
    approval_requests,
    approvals,
    audit,
    cards,
    certificates,
    diagnostics,
    health,
    households,
    identity_checks,
    moves,
    notices,
    residents,
    sessions,
    towns,
)
from registry.config import Settings
from registry.db import (
    WAL_CHECKPOINT_INTERVAL_S,
    checkpoints_apart,
    make_engine,
    make_session_factory,
    make_write_session_factory,
    read_engine,
    write_engine,
)
from registry.jobs import purge
from registry.version import VERSION

# Query strings carry names and birth dates. FastAPI's native OpenTelemetry support would record
# every request as a span, its URL included, and export it wherever the process's environment
# pointed (FASTAPI_OTEL_AUTO_CONFIGURE); it also looks for a tracer on every request. Off, all of it.
NO_TELEMETRY: TelemetryConfig = {"tracing": False, "metrics": False, "logs": False, "auto_configure": False}


def create_app(settings: Settings, *, background_jobs: bool = True) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        purge_job = partial(
            purge.run_once, app.state.write_session_factory, settings, app.state.write_lock
        )
        seal_job = partial(seal_audit, app)
        threads = [
            purge.PurgeThread(purge_job, settings.purge_interval_seconds),
            purge.PeriodicThread("audit-seal", seal_job, settings.audit_seal_interval_seconds),
        ]
        if app.state.checkpoint is not None:
            threads.append(purge.PeriodicThread("wal-checkpoint", app.state.checkpoint, WAL_CHECKPOINT_INTERVAL_S))
        if background_jobs:
            for thread in threads:
                thread.start()
        try:
            yield
        finally:
            for thread in threads:
                thread.stop()
            app.state.commit_pool.shutdown(wait=True)
            app.state.engine.dispose()
            app.state.auth_engine.dispose()

    app = FastAPI(
        lifespan=lifespan,
        title="madoguchi registry",
        version=VERSION,
        description="Central resident-register service for the counter terminals.",
        # A redirect to the slash-less path would send a terminal's request elsewhere than it
        # asked for (and behind a proxy, to the wrong scheme); an unknown path is simply 404.
        redirect_slashes=False,
        telemetry=NO_TELEMETRY,
    )
    engine = make_engine(settings.db_url)
    # Without the background jobs nothing would checkpoint: SQLite then keeps its own.
    app.state.checkpoint = checkpoints_apart(engine) if background_jobs else None
    app.state.settings = settings
    app.state.engine = engine
    app.state.auth_engine = read_engine(engine)
    app.state.commit_pool = ThreadPoolExecutor(settings.commit_threads, thread_name_prefix="commit")
    app.state.session_factory = make_session_factory(engine)
    app.state.write_session_factory = make_write_session_factory(engine)
    app.state.write_engine = write_engine(engine)
    app.state.write_lock = threading.Lock() if engine.dialect.name == "sqlite" else nullcontext()
    install_error_handlers(app)
    app.include_router(health.router)
    app.include_router(residents.router)
    app.include_router(households.router)
    app.include_router(moves.router)
    app.include_router(notices.router)
    app.include_router(sessions.router)
    app.include_router(approvals.router)
    app.include_router(approval_requests.router)
    app.include_router(certificates.router)
    app.include_router(identity_checks.router)
    app.include_router(cards.router)
    app.include_router(audit.router)
    app.include_router(diagnostics.router)
    app.include_router(towns.router)
    _document_hand_parsed_bodies(app)
    return app


def seal_audit(app: FastAPI) -> int:
    """Seal the audit rows written since the last run into the hash chain."""
    from registry.audit import chain

    with app.state.write_lock, app.state.write_session_factory.begin() as session:
        return chain.seal(session)


def app_from_environment() -> FastAPI:
    """For `serve --workers N`: each worker process builds its app from the environment."""
    from registry.config import load_settings

    return create_app(load_settings())


def _document_hand_parsed_bodies(app: FastAPI) -> None:
    original = app.openapi

    def openapi() -> dict[str, object]:
        if app.openapi_schema is None:
            schema = original()
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            components.update(moves.openapi_components())
            transfer = notices.TransferNoticeIn.model_json_schema(
                ref_template="#/components/schemas/{model}"
            )
            components.update(transfer.pop("$defs", {}))
            components["TransferNoticeIn"] = transfer
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
