"""A throwaway, real PostgreSQL server for a test run or a benchmark.

``PgCluster`` runs ``initdb`` + ``pg_ctl`` from Debian's ``postgresql`` package
(``/usr/lib/postgresql/<newest version>/bin``) to create a private cluster that
listens only on 127.0.0.1 on a free port, with its own data, socket and log
files.  It never touches Debian's own cluster (``15/main`` on port 5432), which
may or may not be running.

The server is tuned for speed, NOT durability: ``fsync``, ``synchronous_commit``
and ``full_page_writes`` are off, so a crash of the machine can corrupt it.
That is fine for a database that is thrown away at the end of the run, and
must never be copied to anything that keeps real data.

Typical use (a session fixture)::

    with PgCluster.from_env(tmp_path_factory.mktemp("pg")) as pg:
        url = pg.create_database("registry_test")   # SQLAlchemy URL
        ...

``MADOGUCHI_TEST_PG_URL`` may name the admin URL of an existing server (for
instance ``postgresql://postgres:secret@db.internal:5432/postgres``); then
``PgCluster.from_env()`` returns an :class:`ExternalPgServer` that creates and
drops databases there and starts/stops nothing.

Missing binaries or a server that does not come up raise ``RuntimeError``: the
test suite must fail loudly, never skip.
"""

from __future__ import annotations

import atexit
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

#: Environment variable naming an existing server's admin URL.
ENV_URL = "MADOGUCHI_TEST_PG_URL"

#: Where Debian installs each PostgreSQL major version (``<root>/<ver>/bin``).
DEBIAN_PG_ROOT = Path("/usr/lib/postgresql")

#: How long to wait for the server to accept connections.
START_TIMEOUT_S = 60.0

#: Settings written into the cluster's configuration (see module docstring).
SERVER_SETTINGS: dict[str, str] = {
    "listen_addresses": "'127.0.0.1'",
    # Throwaway test server: durability traded for speed (never for real data).
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "200",
    "shared_buffers": "256MB",
}

DURABILITY_OFF = ("fsync", "synchronous_commit", "full_page_writes")

# Database names are interpolated into URLs; keep them to plain identifiers.
_DB_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")

# Unix socket paths are limited to 107 bytes (sun_path); leave some margin.
_MAX_SOCKET_DIR_LEN = 90

_MISSING_BINARIES = (
    "PostgreSQL server binaries (initdb, pg_ctl) not found in "
    "/usr/lib/postgresql/<version>/bin, `pg_config --bindir` or PATH. Install the Debian "
    'package "postgresql": run `bash installer/dev/system-packages.sh` as root '
    "(or `sudo apt-get install -y --no-install-recommends postgresql`)."
)


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------


def find_pg_bindir() -> Path:
    """Return the directory holding ``initdb`` and ``pg_ctl``.

    Order: newest ``/usr/lib/postgresql/<version>/bin`` (Debian keeps server
    binaries off PATH there), then ``pg_config --bindir``, then PATH.
    """

    def has_tools(d: Path) -> bool:
        return all(os.access(d / tool, os.X_OK) for tool in ("initdb", "pg_ctl", "postgres"))

    def version_key(p: Path) -> tuple[int, ...]:
        return tuple(int(x) for x in re.findall(r"\d+", p.parent.name)) or (0,)

    candidates = sorted(DEBIAN_PG_ROOT.glob("*/bin"), key=version_key, reverse=True)
    for d in candidates:
        if has_tools(d):
            return d

    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            out = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, check=True, timeout=10
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            out = ""
        if out and has_tools(Path(out)):
            return Path(out)

    initdb = shutil.which("initdb")
    if initdb:
        d = Path(initdb).resolve().parent
        if has_tools(d):
            return d

    raise RuntimeError(_MISSING_BINARIES)


def free_loopback_port() -> int:
    """Ask the kernel for a currently free TCP port on 127.0.0.1.

    There is a small window before the server binds it; ``PgCluster.start``
    retries with a new port if the bind fails.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _check_db_name(name: str) -> None:
    if not _DB_NAME_RE.match(name):
        raise ValueError(f"database name must be a plain identifier, got {name!r}")


def _clean_env() -> dict[str, str]:
    """The caller's environment without libpq/PG* variables that could redirect
    initdb/pg_ctl (PGDATA, PGPORT, PGHOST, PGOPTIONS...)."""
    return {k: v for k, v in os.environ.items() if not k.startswith("PG")}


def _traversable_by_others(path: Path) -> bool:
    """True if every directory from / down to ``path`` has the o+x bit."""
    p = path.resolve()
    for d in [p, *p.parents]:
        try:
            if not d.stat().st_mode & 0o001:
                return False
        except OSError:
            return False
    return True


def _tail(path: Path, lines: int = 40) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        return f"(no server log at {path}: {e})"
    return "\n".join(text.splitlines()[-lines:]) or "(server log is empty)"


# --------------------------------------------------------------------------
# a private cluster
# --------------------------------------------------------------------------


class PgCluster:
    """A private PostgreSQL cluster started from scratch (``initdb``) and
    removed on :meth:`stop`.

    Layout (``work_dir``): ``data/`` (PGDATA), ``sock/`` (unix socket),
    ``server.log``.  ``work_dir`` is ``base_dir/pgcluster`` when we are not
    root.  As root see :meth:`_make_work_dir`.  The server log is copied to
    ``base_dir/postgresql.log`` on stop, for post-mortems.
    """

    def __init__(self, base_dir: Path, port: int | None = None, *, durable: bool = False) -> None:
        self.base_dir = Path(base_dir)
        # durable: keep PostgreSQL's crash-safe defaults (fsync, synchronous commit), for
        # benchmarks whose figures must hold for a production server.
        self.durable = durable
        self._fixed_port = port
        self.port: int = port if port is not None else 0  # chosen in start()
        self.host = "127.0.0.1"
        self.bindir: Path | None = None
        self.work_dir: Path | None = None
        self._own_work_dir = False  # True: we made it with mkdtemp, remove it in stop()
        self._socket_dir: Path | None = None
        self._own_socket_dir = False
        self._running = False
        self._as_root = os.geteuid() == 0
        self._pg_uid = -1
        self._pg_gid = -1

    # -- construction from the environment ----------------------------------

    @classmethod
    def from_env(cls, base_dir: Path | None = None) -> PgCluster:
        """``ExternalPgServer`` when ``MADOGUCHI_TEST_PG_URL`` is set, else a
        (not yet started) ``PgCluster`` in ``base_dir`` (a fresh temporary
        directory when ``base_dir`` is None).  Use it as a context manager, or
        call ``start()``/``stop()``."""
        url = os.environ.get(ENV_URL, "").strip()
        if url:
            return ExternalPgServer(url)
        if base_dir is None:
            base_dir = Path(tempfile.mkdtemp(prefix="madoguchi-pgbase-"))
        return cls(base_dir, None)

    # -- URLs ----------------------------------------------------------------

    @property
    def admin_conninfo(self) -> str:
        """libpq conninfo of the ``postgres`` maintenance database."""
        return f"host={self.host} port={self.port} user=postgres dbname=postgres connect_timeout=5"

    def url_for(self, name: str) -> str:
        """SQLAlchemy URL of database ``name`` (whether or not it exists)."""
        _check_db_name(name)
        return f"postgresql+psycopg://postgres@{self.host}:{self.port}/{name}"

    @property
    def log_path(self) -> Path:
        assert self.work_dir is not None, "cluster not started"
        return self.work_dir / "server.log"

    # -- life cycle ------------------------------------------------------------

    def start(self) -> None:
        """initdb a fresh cluster and start it; return once it accepts
        connections.  Calling it on a running cluster does nothing."""
        if self._running:
            return
        self.bindir = find_pg_bindir()
        self._own_work_dir = self._own_socket_dir = False
        if self._as_root:
            try:
                pw = pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError(
                    "running as root, but there is no `postgres` system user to run the "
                    "server as (PostgreSQL refuses to run as root). " + _MISSING_BINARIES
                ) from None
            self._pg_uid, self._pg_gid = pw.pw_uid, pw.pw_gid

        self.base_dir.mkdir(parents=True, exist_ok=True)
        self.work_dir = self._make_work_dir()
        self._socket_dir = self._make_socket_dir()
        data = self.work_dir / "data"
        if data.exists():  # left over from a crashed run in the same base_dir
            self._pg_ctl_stop(data, "immediate")
            shutil.rmtree(data)

        try:
            self._initdb(data)
            attempts = 1 if self._fixed_port is not None else 5
            for attempt in range(attempts):
                fixed = self._fixed_port
                self.port = fixed if fixed is not None else free_loopback_port()
                self._write_config(data)
                if self._pg_ctl_start(data):
                    break
                log = _tail(self.log_path)
                port_taken = "could not bind" in log or "Address already in use" in log
                if not (port_taken and attempt + 1 < attempts):
                    raise RuntimeError(
                        f"PostgreSQL ({self.bindir}) failed to start on 127.0.0.1:{self.port} "
                        f"(full log kept as {self.base_dir / 'postgresql.log'}). "
                        f"Server log tail:\n{log}"
                    )
            self._running = True
            atexit.register(self.stop)  # a run that dies without teardown must not leak it
            self._wait_until_ready()
        except BaseException:
            self._running = True  # let stop() clean up whatever was made (log is kept)
            self.stop()
            raise

    def stop(self) -> None:
        """``pg_ctl stop -m fast`` and remove the throwaway files (the log is
        kept as ``base_dir/postgresql.log``).  Idempotent."""
        if not self._running:
            return
        self._running = False
        atexit.unregister(self.stop)
        assert self.work_dir is not None
        data = self.work_dir / "data"
        if (data / "postmaster.pid").exists():
            if not self._pg_ctl_stop(data, "fast"):  # e.g. wedged: do not leave it running
                self._pg_ctl_stop(data, "immediate")
        try:
            if self.log_path.exists() and self.log_path.parent != self.base_dir:
                shutil.copyfile(self.log_path, self.base_dir / "postgresql.log")
        except OSError:
            pass
        shutil.rmtree(data, ignore_errors=True)
        if self._own_work_dir:
            shutil.rmtree(self.work_dir, ignore_errors=True)
        if self._own_socket_dir and self._socket_dir is not None:
            shutil.rmtree(self._socket_dir, ignore_errors=True)

    # -- databases ---------------------------------------------------------------

    def create_database(self, name: str) -> str:
        """CREATE DATABASE ``name`` (UTF8); return its SQLAlchemy URL."""
        _check_db_name(name)
        self._require_running()
        with psycopg.connect(self.admin_conninfo, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.url_for(name)

    def drop_database(self, name: str) -> None:
        """DROP DATABASE ``name`` if it exists, closing its open connections."""
        _check_db_name(name)
        self._require_running()
        with psycopg.connect(self.admin_conninfo, autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )

    # -- context manager -----------------------------------------------------------

    def __enter__(self) -> PgCluster:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "running" if self._running else "stopped"
        return f"<PgCluster 127.0.0.1:{self.port} {state} in {self.work_dir}>"

    # -- internals -------------------------------------------------------------------

    def _make_work_dir(self) -> Path:
        """Where the cluster's files live.

        Not root: ``base_dir/pgcluster``; the server runs as us.

        Root: PostgreSQL refuses to run as root, so initdb/pg_ctl run as the
        ``postgres`` system user, which must be able to reach the data
        directory.  ``base_dir`` is typically under ``/tmp/pytest-of-root/``,
        which pytest deliberately makes 0700, so ``postgres`` cannot traverse
        it.  Rather than loosening permissions on directories we do not own
        (chmod o+x on pytest's or the user's parents), we make a fresh
        ``mkdtemp()`` directory in a world-traversable temp root (``/tmp`` is
        1777), chown only that one to ``postgres`` and remove it in stop().
        """
        if not self._as_root:
            d = self.base_dir / "pgcluster"
            d.mkdir(parents=True, exist_ok=True)
            return d
        for root in (tempfile.gettempdir(), "/tmp", "/var/tmp", "/dev/shm"):
            if Path(root).is_dir() and _traversable_by_others(Path(root)):
                d = Path(tempfile.mkdtemp(prefix="madoguchi-pg-", dir=root))
                os.chown(d, self._pg_uid, self._pg_gid)
                os.chmod(d, 0o700)
                self._own_work_dir = True
                return d
        raise RuntimeError(
            "running as root, but found no temp directory that the `postgres` user can "
            "traverse (tried $TMPDIR, /tmp, /var/tmp, /dev/shm)"
        )

    def _make_socket_dir(self) -> Path:
        """``work_dir/sock``, unless that path is too long for a unix socket
        (deep pytest tmp dirs): then a short mkdtemp() directory."""
        assert self.work_dir is not None
        d = self.work_dir / "sock"
        if len(str(d)) > _MAX_SOCKET_DIR_LEN:
            d = Path(tempfile.mkdtemp(prefix="pgsock-", dir="/tmp"))
            self._own_socket_dir = True
        d.mkdir(exist_ok=True)
        if self._as_root:
            os.chown(d, self._pg_uid, self._pg_gid)
        os.chmod(d, 0o700)
        return d

    def _tool(self, name: str) -> str:
        assert self.bindir is not None
        return str(self.bindir / name)

    def _run(self, argv: list[str], check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run a PostgreSQL tool, as ``postgres`` when we are root."""
        if self._as_root:
            argv = ["runuser", "-u", "postgres", "--", *argv]
        res = subprocess.run(
            argv,
            capture_output=True,
            text=True,
            env=_clean_env(),
            cwd=self.work_dir,  # a cwd that `postgres` can read (not e.g. /root)
            timeout=120,
        )
        if check and res.returncode != 0:
            raise RuntimeError(
                f"{' '.join(argv)} failed with exit code {res.returncode}:\n"
                f"{res.stdout}\n{res.stderr}".rstrip()
            )
        return res

    def _initdb(self, data: Path) -> None:
        base = [self._tool("initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--no-sync"]  # fmt: skip
        res = self._run([*base, "--locale=C.UTF-8"], check=False)
        if res.returncode != 0:
            # Older glibc without a built-in C.UTF-8: fall back to plain C.
            shutil.rmtree(data, ignore_errors=True)
            self._run([*base, "--locale=C"])

    def _write_config(self, data: Path) -> None:
        """Our settings go to ``madoguchi-test.conf``, included last from
        postgresql.conf, so they win over initdb's defaults."""
        assert self._socket_dir is not None
        settings = dict(SERVER_SETTINGS)
        if self.durable:
            for key in DURABILITY_OFF:
                settings.pop(key)
        settings["port"] = str(self.port)
        settings["unix_socket_directories"] = f"'{self._socket_dir}'"
        conf = data / "madoguchi-test.conf"
        conf.write_text(
            "# Written by tests/support/pgcluster.py: throwaway test server.\n"
            + "".join(f"{k} = {v}\n" for k, v in settings.items()),
            encoding="utf-8",
        )
        main_conf = data / "postgresql.conf"
        text = main_conf.read_text(encoding="utf-8")
        if "include 'madoguchi-test.conf'" not in text:
            main_conf.write_text(text + "\ninclude 'madoguchi-test.conf'\n", encoding="utf-8")
        if self._as_root:
            os.chown(conf, self._pg_uid, self._pg_gid)

    def _pg_ctl_start(self, data: Path) -> bool:
        res = self._run(
            [self._tool("pg_ctl"), "-D", str(data), "-l", str(self.log_path),
             "-w", "-t", str(int(START_TIMEOUT_S)), "start"],
            check=False,
        )
        return res.returncode == 0

    def _pg_ctl_stop(self, data: Path, mode: str) -> bool:
        res = self._run(
            [self._tool("pg_ctl"), "-D", str(data), "stop", "-m", mode, "-w", "-t", "30"],
            check=False,
        )
        return res.returncode == 0

    def _wait_until_ready(self) -> None:
        """pg_ctl -w already waited for the 'ready' state; also make sure a TCP
        connection works, as that is what the tests use."""
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                with psycopg.connect(self.admin_conninfo) as conn:
                    conn.execute("SELECT 1")
                return
            except psycopg.OperationalError as e:
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"PostgreSQL on 127.0.0.1:{self.port} does not accept connections "
                        f"({e}). Server log tail:\n{_tail(self.log_path)}"
                    ) from e
                time.sleep(0.1)

    def _require_running(self) -> None:
        if not self._running:
            raise RuntimeError(f"{self!r} is not running; call start() first")


# --------------------------------------------------------------------------
# an existing server (MADOGUCHI_TEST_PG_URL)
# --------------------------------------------------------------------------


class ExternalPgServer(PgCluster):
    """An already running server named by an admin URL, e.g.
    ``postgresql://postgres:pw@127.0.0.1:5432/postgres`` (a ``+driver`` suffix
    on the scheme is accepted).  The role must be allowed to CREATE DATABASE.
    start() only checks the connection; stop() does nothing.

    It subclasses PgCluster only so that code typed against ``PgCluster``
    (fixtures, benchmarks) accepts either; create_database/drop_database are
    inherited and go through ``admin_conninfo``/``url_for`` below."""

    def __init__(self, admin_url: str) -> None:
        super().__init__(Path(tempfile.gettempdir()))
        parts = urlsplit(admin_url)
        scheme = parts.scheme.split("+", 1)[0]
        if scheme not in ("postgresql", "postgres") or not parts.hostname:
            raise RuntimeError(
                f"{ENV_URL} must be a URL like postgresql://user:pw@host:5432/postgres, "
                f"got {admin_url!r}"
            )
        self.admin_url = admin_url
        self._parts = parts
        # libpq understands postgresql://... but not postgresql+psycopg://...
        self._admin_conninfo = urlunsplit(("postgresql", *parts[1:]))
        self.port = parts.port or 5432
        self.host = parts.hostname

    @property
    def admin_conninfo(self) -> str:
        return self._admin_conninfo

    def url_for(self, name: str) -> str:
        _check_db_name(name)
        return urlunsplit(("postgresql+psycopg", self._parts.netloc, f"/{name}",
                           self._parts.query, ""))  # fmt: skip

    def start(self) -> None:
        try:
            with psycopg.connect(self.admin_conninfo, connect_timeout=10) as conn:
                conn.execute("SELECT 1")
        except psycopg.Error as e:
            raise RuntimeError(f"cannot connect to the server named by {ENV_URL}: {e}") from e

    def stop(self) -> None:
        """Nothing to stop: the server is not ours."""

    def _require_running(self) -> None:
        """Always usable; a dead server shows up as a psycopg error."""

    def __repr__(self) -> str:
        return f"<ExternalPgServer {self.host}:{self.port}>"
