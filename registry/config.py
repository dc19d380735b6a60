"""Settings of the registry service: where its state lives and which database it uses.

Resolution order for each value: command-line option, then environment variable, then default.
Nothing personal is ever kept here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.resident_code import DEFAULT_SCHEME, ResidentCodeScheme, scheme_from_string

ENV_STATE = "MADOGUCHI_STATE"
ENV_DB_URL = "MADOGUCHI_DB_URL"
ENV_RESIDENT_CODE_SCHEME = "MADOGUCHI_RESIDENT_CODE_SCHEME"
DEFAULT_STATE_DIR = Path.home() / ".local" / "state" / "madoguchi-registry"
SQLITE_FILENAME = "registry.sqlite3"


@dataclass(frozen=True)
class Municipality:
    code: str = "272159"  # 全国地方公共団体コード with check digit
    prefecture: str = "大阪府"
    city: str = "寝屋川市"


@dataclass(frozen=True)
class Settings:
    state_dir: Path
    db_url: str
    municipality: Municipality = field(default_factory=Municipality)
    resident_code_scheme: ResidentCodeScheme = DEFAULT_SCHEME
    search_default_limit: int = 20
    search_max_limit: int = 100

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
    return Settings(state_dir=state, db_url=url, resident_code_scheme=scheme)
