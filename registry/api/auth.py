"""Who is calling: the terminal from its verified client certificate, the staff member from
the session token, and the permission each endpoint needs (checked on every request).

`require(permission)` is the dependency every endpoint declares; the permission table in
docs/permissions.md is generated from these declarations (registry.api.permission_table).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Final

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Connection, bindparam, select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from registry import single_read
from registry.api.deps import db_session, db_write_connection, db_write_session
from registry.audit import writer
from registry.batch import Batch, Outcome
from registry.db import NO_FLUSH_WAIT
from registry.models import Staff, StaffSession, Terminal
from registry.models.base import table_of, utcnow
from registry.repositories.actor import Actor
from registry.security import errors, sessions, terminals
from registry.security.tls import SCOPE_KEY

_SS, _ST = table_of(StaffSession), table_of(Staff)

PURPOSE_HEADER: Final = "X-Madoguchi-Purpose"
# Any valid staff session, whatever its permissions (logout, unlock, reference data).
SESSION: Final = "session"
# No staff session: only the enrolled terminal (health, login).
TERMINAL: Final = "terminal"

Dependency = Callable[[Request], Awaitable[Actor]]


# nginx: proxy_set_header X-SSL-Client-Cert $ssl_client_escaped_cert;
PROXY_CERT_HEADER: Final = "x-ssl-client-cert"


def _from_proxy(request: Request) -> bytes | None:
    value = request.headers.get(PROXY_CERT_HEADER)
    if not value:
        return None
    from urllib.parse import unquote

    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    try:
        return x509.load_pem_x509_certificate(unquote(value).encode()).public_bytes(Encoding.DER)
    except ValueError:
        return None


def peer(request: Request) -> terminals.PeerCertificate:
    tls = request.scope.get("extensions", {}).get(SCOPE_KEY) or {}
    der = tls.get("client_cert_der")
    if not der and tls.get("local_socket") and request.app.state.settings.behind_proxy:
        der = _from_proxy(request)
    if not der:
        raise errors.SecurityError(
            401, "terminal_not_enrolled", "この端末は登録されていません（端末証明書がありません）。"
        )
    return terminals.peer_of(der)


_T = table_of(Terminal)
# The terminal, the staff session and its staff member: one statement per request.
CALLER: Final = (
    select(_T.c.fingerprint, _T.c.revoked_at, *sessions.SESSION_COLUMNS)
    .select_from(
        _T.outerjoin(_SS, _SS.c.id == bindparam("session_id"))
        .outerjoin(_ST, _ST.c.id == _SS.c.staff_id)
    )
    .where(_T.c.name == bindparam("terminal"))
)
TERMINAL_ONLY: Final = select(_T.c.fingerprint, _T.c.revoked_at).where(_T.c.name == bindparam("terminal"))


def _read(request: Request, statement: Any, values: dict[str, str]) -> Any:
    """One row of a check that reads. On PostgreSQL in autocommit (registry.db): no BEGIN and
    no ROLLBACK around the single statement, and straight through the driver."""
    return single_read.first(request.app.state.auth_engine, statement, values)


def _enrolled(request: Request, certificate: terminals.PeerCertificate, row: Any) -> str:
    """The terminal's name if the row shows it enrolled under this certificate and not revoked.
    Otherwise terminals.check, reading again, says what is wrong (its codes and messages)."""
    if row is not None and row.fingerprint == certificate.fingerprint and row.revoked_at is None:
        return certificate.name
    with db_session(request) as session:
        try:
            return terminals.check(session, certificate).name
        except DomainError as exc:
            raise errors.SecurityError(403, exc.code, exc.message) from None


def terminal_id(request: Request) -> str:
    """The enrolled, unrevoked terminal making this request (checked at every request)."""
    certificate = peer(request)
    return _enrolled(request, certificate, _read(request, TERMINAL_ONLY, {"terminal": certificate.name}))


def _bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token or len(token) > 200:
        raise errors.session_required()
    return token.strip()


def _purpose(request: Request) -> str | None:
    value = request.headers.get(PURPOSE_HEADER)
    if value is None:
        return None
    # Headers arrive as Latin-1; the terminal sends the purpose percent-encoded UTF-8.
    from urllib.parse import unquote

    text = unquote(value)[:100]
    return text if text.isprintable() else None


def _caller(request: Request) -> tuple[terminals.PeerCertificate, str | None, dict[str, str]]:
    """The certificate (401 without one), the bearer token if well formed, and CALLER's values."""
    certificate = peer(request)
    try:
        token: str | None = _bearer(request)
    except errors.SecurityError:
        token = None  # refused below, once the terminal is known (its error comes first)
    return certificate, token, {"terminal": certificate.name, "session_id": sessions.token_id(token or "")}


def resolve(request: Request, permission: str) -> Actor:
    if permission == TERMINAL:
        return Actor(staff_id=None, terminal_id=terminal_id(request), purpose=None)
    certificate, token, values = _caller(request)
    return _decide(request, permission, certificate, token, _read(request, CALLER, values))


def _decide(
    request: Request, permission: str, certificate: terminals.PeerCertificate, token: str | None, row: Any,
) -> Actor:
    settings = request.app.state.settings
    now = utcnow()
    terminal = _enrolled(request, certificate, row)
    if token is None:
        raise errors.session_required()
    decision = sessions.check(row, settings, terminal, now)
    auth = decision.auth
    actor = None if auth is None else Actor(
        staff_id=auth.staff_id,
        terminal_id=terminal,
        purpose=_purpose(request),
        may_view_numbers="number.view" in auth.permissions,
        permissions=auth.permissions,
        session_id=auth.session_id,
        roles=auth.roles,
    )
    if decision.end_reason is not None or decision.touch:
        with db_write_session(request) as session:
            sessions.record(session, token, decision, now)
            session.commit()
    if actor is None:
        assert decision.error is not None
        raise decision.error
    if permission != SESSION and permission not in actor.permissions:
        route = request.scope.get("route")
        path = route.path if route else request.url.path
        record(request, actor, writer.Event(
            action=f"denied:{request.method} {path}"[:40],
            result="denied", detail=permission,
        ))
        raise errors.permission_denied()
    return actor


def require(permission: str) -> Dependency:
    async def dependency(request: Request) -> Actor:
        return await run_in_threadpool(resolve, request, permission)

    dependency.permission = permission  # type: ignore[attr-defined]
    return dependency


class Deferred:
    """The check of `require`, handed to a handler that runs its work in a worker thread anyway
    (`require_in_handler`). The handler calls it first thing in that thread, before it looks at
    anything else of the request: the same check in the same order, one thread hop less. On
    PostgreSQL the handler may instead send the check's read in one round trip with its own
    first statements (`read_with`); on either database it may read more columns in the check's
    own statement (`read_beside`). The check still decides before anything else read is looked
    at."""

    def __init__(self, request: Request, permission: str) -> None:
        self.request, self.permission = request, permission

    def __call__(self) -> Actor:
        return resolve(self.request, self.permission)

    @property
    def folds(self) -> bool:
        """Whether `read_with` may be used: only on PostgreSQL. On SQLite the handler's write
        transaction holds the process's write lock, which the check's own writes (a session's
        last-seen time, a refusal's audit row) would wait for."""
        return bool(self.request.app.state.engine.dialect.name == "postgresql")

    def read_beside(self, conn: Connection, statement: Any, values: dict[str, Any]) -> tuple[Actor, Any]:
        """The check, its row read by `statement` (CALLER with columns added) with `values`
        besides CALLER's own, in one statement on `conn`: on PostgreSQL a connection in
        autocommit, on SQLite one that only reads (the check may write, and on SQLite would
        otherwise wait for the write lock the connection held). The caller, or the check's
        refusal; and the row, whose added columns are to be looked at only now that the check
        has passed."""
        assert self.permission != TERMINAL
        certificate, token, caller_values = _caller(self.request)
        row = single_read.first_on(conn, statement, {**values, **caller_values})
        return _decide(self.request, self.permission, certificate, token, row), row

    def read_with(self, batch: Batch) -> Callable[[list[Outcome]], Actor]:
        """Queues the check's read in `batch` (401 at once if the terminal sent no certificate);
        the answer, given the batch's outcomes, is the check's: the caller or its refusal."""
        assert self.folds and self.permission != TERMINAL
        certificate, token, values = _caller(self.request)
        index = batch.add(CALLER, values)

        def answer(outcomes: list[Outcome]) -> Actor:
            return _decide(self.request, self.permission, certificate, token, outcomes[index].first())

        return answer


def require_in_handler(permission: str) -> Callable[[Request], Awaitable[Deferred]]:
    """`require` for a handler that runs its work in a worker thread anyway (see Deferred)."""

    async def dependency(request: Request) -> Deferred:
        return Deferred(request, permission)

    dependency.permission = permission  # type: ignore[attr-defined]
    return dependency


_NO_FLUSH_WAIT: Final = select(NO_FLUSH_WAIT)


def record(request: Request, actor: Actor, event: writer.Event) -> None:
    """An audit row in its own short transaction, for requests that only read: the answer is
    sent only once its row is committed."""
    with db_write_connection(request) as conn:
        _record_on(conn, actor, event)


def record_in(session: Session, actor: Actor, event: writer.Event) -> None:
    """The audit row of a read, in the caller's write transaction (the caller commits)."""
    _record_on(session.connection(), actor, event)


def _record_on(conn: Connection, actor: Actor, event: writer.Event) -> None:
    """On PostgreSQL the row of a read that touched no individual number is not waited for on
    disk (registry.db.NO_FLUSH_WAIT)."""
    batch = Batch(conn)
    if conn.dialect.name == "postgresql" and not event.number_access:
        batch.add(_NO_FLUSH_WAIT, {})
    queued = writer.queue(batch, conn, actor, event)
    batch.run()
    if not queued:
        writer.write(conn, actor, event)


def permission_of(dependency: Any) -> str | None:
    return getattr(dependency, "permission", None)
