"""`madoguchi-registry`: set up, seed and run the registry service.

    madoguchi-registry [--state DIR] [--db URL] init
    madoguchi-registry [--state DIR] [--db URL] seed --residents N [--seed S] [--if-empty]
    madoguchi-registry [--state DIR] [--db URL] serve [--host 127.0.0.1] [--port N]
"""

from __future__ import annotations

import argparse
import functools
import os
import ssl
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.exc import ArgumentError, OperationalError

from registry.config import ENV_DB_URL, ENV_STATE, Settings, SettingsError, load_settings

DEFAULT_PORT = 8443


class CliError(Exception):
    """A problem the operator can fix; printed without a traceback, exit status 2."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="madoguchi-registry", description="Central resident-register service."
    )
    parser.add_argument("--state", help=f"state directory (env {ENV_STATE})")
    parser.add_argument("--db", help=f"database URL (env {ENV_DB_URL}); default SQLite in state")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    commands.add_parser("init", help="migrate the database; create the CA and server certificate")

    seed = commands.add_parser("seed", help="load a synthetic city into an empty register")
    seed.add_argument("--residents", type=int, required=True, help="number of residents")
    seed.add_argument("--seed", type=int, default=0, help="random seed (same seed, same city)")
    seed.add_argument(
        "--if-empty", action="store_true", help="do nothing (and succeed) if residents exist"
    )

    commands.add_parser(
        "demo-setup", help="demo staff of every role and this machine's terminal (make run only)"
    )

    commands.add_parser(
        "purge", help="delete expired drafts and 転出証明書情報 past retention (logged)"
    )

    terminal = commands.add_parser("terminal", help="enrol, list and revoke counter terminals")
    tcmd = terminal.add_subparsers(dest="action", required=True, metavar="ACTION")
    enroll = tcmd.add_parser("enroll", help="issue a terminal certificate and write it with its key")
    enroll.add_argument("name")
    enroll.add_argument("--out", required=True, type=Path, help="directory for the PEM files")
    tcmd.add_parser("list", help="enrolled terminals")
    revoke = tcmd.add_parser("revoke", help="refuse a terminal from its next request on")
    revoke.add_argument("name")

    staff = commands.add_parser("staff", help="staff accounts")
    scmd = staff.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = scmd.add_parser("add", help="create an account")
    add.add_argument("id")
    add.add_argument("--name", required=True)
    add.add_argument("--roles", required=True, help="clerk,card_desk,supervisor,helpdesk,admin,auditor")
    add.add_argument("--number-view", action="store_true", help="may see individual numbers")
    add.add_argument("--password-stdin", action="store_true", required=True)
    for name, text in (("disable", "end the account's access at once"), ("enable", "allow again"),
                       ("unlock", "clear a login lockout or a search block")):
        scmd.add_parser(name, help=text).add_argument("id")
    reset = scmd.add_parser("reset-password", help="set a new password (ends sessions)")
    reset.add_argument("id")
    reset.add_argument("--password-stdin", action="store_true", required=True)
    roles = scmd.add_parser("roles", help="assign roles (ends sessions)")
    roles.add_argument("id")
    roles.add_argument("--roles", required=True)
    roles.add_argument("--number-view", action=argparse.BooleanOptionalAction, default=None)
    scmd.add_parser("list", help="accounts and their state")

    audit = commands.add_parser("audit", help="the audit trail")
    acmd = audit.add_subparsers(dest="action", required=True, metavar="ACTION")
    acmd.add_parser("verify", help="seal pending rows and check the whole hash chain (exit 1 if broken)")

    serve = commands.add_parser("serve", help="run the HTTPS API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument("--uds", type=Path, help="listen on this Unix socket instead (behind a proxy)")
    serve.add_argument(
        "--behind-proxy", action="store_true",
        help="with --uds: the proxy terminates mutual TLS and forwards the client certificate",
    )
    serve.add_argument(
        "--workers", type=int, default=1,
        help="worker processes (PostgreSQL: one per core; SQLite writes one at a time anyway)",
    )
    return parser


def _require_migrated(settings: Settings) -> None:
    from registry.migrate import current_heads, head_revision

    try:
        heads = current_heads(settings.db_url)
    except Exception as exc:  # unreachable server, bad URL, missing driver
        raise CliError(f"cannot open the database: {type(exc).__name__}: {exc}") from exc
    if heads != {head_revision()}:
        raise CliError("the database is not initialised or not up to date: run `init` first")


def cmd_init(settings: Settings) -> None:
    from registry import migrate, pki, seeding
    from registry.db import make_engine, make_session_factory
    from registry.synth.towns import load_towns

    settings.state_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    _, created = pki.ensure_pki(settings.pki_dir)
    print(f"certificates: {'created' if created else 'kept'} in {settings.pki_dir}")
    migrate.upgrade(settings.db_url)
    print(f"database: migrated to {migrate.head_revision()}")
    engine = make_engine(settings.db_url)
    try:
        m = settings.municipality
        added = seeding.load_towns(
            make_session_factory(engine), load_towns(city=m.city, prefecture=m.prefecture)
        )
    finally:
        engine.dispose()
    print(f"towns: {added} added")


def cmd_seed(settings: Settings, residents: int, seed: int, if_empty: bool) -> None:
    from registry import seeding
    from registry.db import make_engine, make_session_factory
    from registry.synth.generator import generate_city

    if not 1 <= residents <= 5_000_000:
        raise CliError("--residents must be between 1 and 5000000")
    _require_migrated(settings)
    engine = make_engine(settings.db_url)
    started = time.perf_counter()
    try:
        loaded = seeding.load_city(
            make_session_factory(engine),
            functools.partial(generate_city, residents, seed),
            progress=lambda n: print(f"  {n:,} residents", file=sys.stderr),
        )
    except seeding.RegisterNotEmpty as exc:
        if if_empty:
            print("the register already holds residents: nothing seeded")
            return
        raise CliError(f"{exc}; seed only an empty register") from exc
    finally:
        engine.dispose()
    print(f"seeded {loaded:,} residents in {time.perf_counter() - started:.1f} s")


def cmd_admin(settings: Settings, args: argparse.Namespace) -> int:
    from registry import admin

    _require_migrated(settings)
    try:
        if args.command == "terminal":
            if args.action == "enroll":
                print(admin.terminal_enroll(settings, args.name, args.out))
            elif args.action == "revoke":
                print(admin.terminal_revoke(settings, args.name))
            else:
                print(admin.terminal_list(settings))
        elif args.command == "staff":
            a = args.action
            if a == "add":
                password = admin.read_password(args.password_stdin)
                print(admin.staff_add(settings, args.id, args.name, args.roles, args.number_view, password))
            elif a == "reset-password":
                print(admin.staff_reset_password(settings, args.id, admin.read_password(args.password_stdin)))
            elif a == "roles":
                print(admin.staff_roles(settings, args.id, args.roles, args.number_view))
            elif a == "list":
                print(admin.staff_list(settings))
            else:
                print(getattr(admin, f"staff_{a}")(settings, args.id))
        else:
            ok, text = admin.audit_verify(settings)
            print(text)
            return 0 if ok else 1
    except admin.AdminError as exc:
        raise CliError(str(exc)) from None
    return 0


def cmd_demo_setup(settings: Settings) -> None:
    from registry import demo
    from registry.db import make_engine, make_write_session_factory

    _require_migrated(settings)
    engine = make_engine(settings.db_url)
    try:
        with make_write_session_factory(engine).begin() as session:
            done = demo.set_up(session, settings)
    finally:
        engine.dispose()
    print("demo: " + ("; ".join(done) if done else "staff and terminal already set up"))


def cmd_purge(settings: Settings) -> None:
    from registry.db import make_engine, make_write_session_factory
    from registry.jobs.purge import run_once

    _require_migrated(settings)
    engine = make_engine(settings.db_url)
    try:
        report = run_once(make_write_session_factory(engine), settings)
    finally:
        engine.dispose()
    print(
        f"purged: {report.drafts} drafts, {report.transfer_notices} 転出証明書情報, "
        f"{report.idempotency_keys} idempotency keys"
    )


def cmd_serve(
    settings: Settings, host: str, port: int, workers: int = 1, uds: Path | None = None,
    behind_proxy: bool = False,
) -> None:
    import uvicorn

    from registry.api.app import create_app
    from registry.pki import PkiPaths
    from registry.security.tls import ClientCertHttpToolsProtocol

    _require_migrated(settings)
    paths = PkiPaths(settings.pki_dir)
    if not paths.complete():
        raise CliError(f"no certificates in {settings.pki_dir}: run `init` first")
    if not 1 <= workers <= 64:
        raise CliError("--workers must be between 1 and 64")
    if behind_proxy != (uds is not None):
        raise CliError("--behind-proxy and --uds go together: the proxy talks to the Unix socket")
    if uds is not None:
        import dataclasses

        settings = dataclasses.replace(settings, behind_proxy=True)
        os.environ["MADOGUCHI_BEHIND_PROXY"] = "1"
        uds.unlink(missing_ok=True)
        uvicorn.run(
            create_app(settings) if workers == 1 else "registry.api.app:app_from_environment",
            factory=workers > 1, workers=workers, uds=str(uds), http=ClientCertHttpToolsProtocol,
            access_log=False, log_level="warning",
        )
        return
    # Worker processes build the app themselves from the environment (uvicorn's factory).
    os.environ[ENV_STATE] = str(settings.state_dir)
    os.environ[ENV_DB_URL] = settings.db_url
    uvicorn.run(
        create_app(settings) if workers == 1 else "registry.api.app:app_from_environment",
        factory=workers > 1,
        workers=workers,
        host=host,
        port=port,
        ssl_certfile=str(paths.server_cert),
        ssl_keyfile=str(paths.server_key),
        # Mutual TLS: only terminals with a certificate from the terminal CA get through the
        # handshake, and the protocol hands their certificate to the application.
        ssl_cert_reqs=ssl.CERT_REQUIRED,
        ssl_ca_certs=str(paths.terminal_ca_cert),
        http=ClientCertHttpToolsProtocol,
        # Terminals connect straight to the service: no proxy's X-Forwarded-* headers are to be
        # believed (uvicorn's default trusts them from 127.0.0.1), and none are read.
        proxy_headers=False,
        # Query strings carry names and birth dates: never write them to an access log.
        access_log=False,
        log_level="warning",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings(args.state, args.db)
    except SettingsError as exc:
        print(f"madoguchi-registry: {exc}", file=sys.stderr)
        return 2
    try:
        if args.command == "init":
            cmd_init(settings)
        elif args.command == "seed":
            cmd_seed(settings, args.residents, args.seed, args.if_empty)
        elif args.command == "purge":
            cmd_purge(settings)
        elif args.command == "demo-setup":
            cmd_demo_setup(settings)
        elif args.command in ("terminal", "staff", "audit"):
            return cmd_admin(settings, args)
        elif args.command == "serve":
            cmd_serve(settings, args.host, args.port, args.workers, args.uds, args.behind_proxy)
    except CliError as exc:
        print(f"madoguchi-registry: {exc}", file=sys.stderr)
        return 2
    except (ArgumentError, OperationalError) as exc:
        # A mistyped URL or an unreachable server: the operator's to fix, not a crash.
        print(f"madoguchi-registry: cannot use the database: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
