"""Settings of the registry service: where its state lives and which database it uses.

Resolution order for each value: command-line option, then environment variable, then default.
Nothing personal is ever kept here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from app.domain.resident_code import DEFAULT_SCHEME, ResidentCodeScheme, scheme_from_string

ENV_STATE = "MADOGUCHI_STATE"
ENV_DB_URL = "MADOGUCHI_DB_URL"
ENV_RESIDENT_CODE_SCHEME = "MADOGUCHI_RESIDENT_CODE_SCHEME"
ENV_DRAFT_TTL = "MADOGUCHI_DRAFT_TTL_SECONDS"
ENV_TRANSFER_RETENTION = "MADOGUCHI_TRANSFER_NOTICE_RETENTION_DAYS"
ENV_PURGE_INTERVAL = "MADOGUCHI_PURGE_INTERVAL_SECONDS"
ENV_SESSION_IDLE = "MADOGUCHI_SESSION_IDLE_SECONDS"
ENV_SESSION_LIFETIME = "MADOGUCHI_SESSION_LIFETIME_SECONDS"
ENV_SEARCH_LIMIT = "MADOGUCHI_SEARCH_LIMIT_PER_HOUR"
ENV_APPROVAL_TTL = "MADOGUCHI_APPROVAL_TTL_SECONDS"
ENV_COMMIT_THREADS = "MADOGUCHI_COMMIT_THREADS"
DEFAULT_STATE_DIR = Path.home() / ".local" / "state" / "madoguchi-registry"
SQLITE_FILENAME = "registry.sqlite3"


@dataclass(frozen=True)
class Municipality:
    code: str = "272159"  # 全国地方公共団体コード with check digit
    prefecture: str = "大阪府"
    city: str = "寝屋川市"
    mayor_title: str = "寝屋川市長"
    # A placeholder, clearly not a person: the city's configuration names the real mayor.
    mayor_name: str = "見本　市長"


@dataclass(frozen=True)
class Settings:
    state_dir: Path
    db_url: str
    municipality: Municipality = field(default_factory=Municipality)
    resident_code_scheme: ResidentCodeScheme = DEFAULT_SCHEME
    search_default_limit: int = 20
    search_max_limit: int = 100
    # Uncommitted move drafts expire after this and are purged.
    draft_ttl: timedelta = timedelta(hours=1)
    # Received 転出証明書情報 is deleted this long after its 転出予定日 (seed l.141-144).
    transfer_notice_retention: timedelta = timedelta(days=30)
    # Stored answers to Idempotency-Key requests; longer than a draft lives, so a retried
    # commit of any live draft still finds its first answer.
    idempotency_retention: timedelta = timedelta(days=2)
    purge_interval_seconds: float = 600.0
    # Staff sessions: the server's own idle timeout and an absolute lifetime, so that a terminal
    # that fails to lock still cannot act (seed l.1013).
    session_idle_timeout: timedelta = timedelta(minutes=15)
    session_lifetime: timedelta = timedelta(hours=10)
    # The screen policy handed to the terminal at login (seed l.1023).
    shield_after_seconds: int = 60
    lock_after_seconds: int = 300
    lockout_failures: int = 5
    lockout_duration: timedelta = timedelta(minutes=15)
    # Searches per staff member per hour before further searches are blocked (seed l.1425-1428).
    search_limit_per_hour: int = 300
    # Bulk output needs a supervisor's approval first (seed l.1026).
    bulk_documents_threshold: int = 10
    bulk_persons_threshold: int = 50
    approval_ttl: timedelta = timedelta(minutes=10)
    audit_seal_interval_seconds: float = 2.0
    # Threads per service process that take move commits in arrival order (registry.api.deps).
    commit_threads: int = 2
    # Behind a reverse proxy that terminates mutual TLS and forwards the verified client
    # certificate; trusted only on the Unix socket (serve --uds ... --behind-proxy).
    behind_proxy: bool = False
    # 手数料 per copy of a certificate; 公用請求 is free.
    certificate_fee_yen: int = 300

    @property
    def logout_after_seconds(self) -> int:
        return int(self.session_idle_timeout.total_seconds())

    @property
    def pki_dir(self) -> Path:
        return self.state_dir / "pki"

    @property
    def address_prefixes(self) -> tuple[str, ...]:
        return (self.municipality.prefecture, self.municipality.city)


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def load_settings(state_dir: str | Path | None = None, db_url: str | None = None) -> Settings:
    state = Path(state_dir or os.environ.get(ENV_STATE) or DEFAULT_STATE_DIR).expanduser()
    url = db_url or os.environ.get(ENV_DB_URL) or sqlite_url(state.resolve() / SQLITE_FILENAME)
    scheme_text = os.environ.get(ENV_RESIDENT_CODE_SCHEME)
    scheme = scheme_from_string(scheme_text) if scheme_text else DEFAULT_SCHEME
    return Settings(
        state_dir=state,
        db_url=url,
        resident_code_scheme=scheme,
        draft_ttl=timedelta(seconds=_positive(ENV_DRAFT_TTL, 3600)),
        transfer_notice_retention=timedelta(days=_positive(ENV_TRANSFER_RETENTION, 30)),
        purge_interval_seconds=_positive(ENV_PURGE_INTERVAL, 600),
        session_idle_timeout=timedelta(seconds=_positive(ENV_SESSION_IDLE, 900)),
        session_lifetime=timedelta(seconds=_positive(ENV_SESSION_LIFETIME, 36000)),
        search_limit_per_hour=int(_positive(ENV_SEARCH_LIMIT, 300)),
        approval_ttl=timedelta(seconds=_positive(ENV_APPROVAL_TTL, 600)),
        commit_threads=int(_positive(ENV_COMMIT_THREADS, 2)),
        behind_proxy=os.environ.get("MADOGUCHI_BEHIND_PROXY") == "1",
    )


class SettingsError(ValueError):
    pass


def _positive(name: str, default: float) -> float:
    text = os.environ.get(name)
    if text is None or text == "":
        return default
    try:
        value = float(text)
    except ValueError:
        raise SettingsError(f"{name} must be a number, not {text!r}") from None
    if value <= 0:
        raise SettingsError(f"{name} must be positive, not {text!r}")
    return value
