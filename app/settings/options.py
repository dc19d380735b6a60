"""Every terminal setting, declared once with its type, default and validation.

Like Picard's Option and KeePassXC's Config: one registry, typed, nothing personal. A setting
holds what configures this terminal (where the registry is, which printer, which language);
never a search, a recent person, a staff member's name or anything typed at the counter.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Generic, TypeVar
from urllib.parse import urlsplit

T = TypeVar("T")

# Ten digits or more is a 宛名番号, a 住民票コード, an individual number or a phone number:
# nothing a terminal setting ever needs.
_PERSONAL_DIGITS: Final = re.compile(r"\d{10,}")
_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f]")


class SettingsError(ValueError):
    """A setting has a value the terminal cannot use. `code` is stable, `key` names it."""

    def __init__(self, key: str, code: str, message: str) -> None:
        self.key = key
        self.code = code
        self.message = message
        super().__init__(f"setting {key!r}: {message}")


@dataclass(frozen=True, eq=False)
class Option(Generic[T]):
    key: str
    default: T
    description: str
    parse: Callable[[object], T]  # from the JSON value; raises ValueError with a message
    dump: Callable[[T], object] = field(default=lambda v: v)
    validate: Callable[[T], None] = field(default=lambda v: None)
    secret: bool = False  # may carry a credential: redacted in diagnostics

    def check(self, value: object) -> T:
        try:
            parsed = self.parse(value)
            self.validate(parsed)
        except SettingsError:
            raise
        except (ValueError, TypeError) as exc:
            raise SettingsError(self.key, "invalid_value", str(exc)) from None
        return parsed


OPTIONS: dict[str, Option[Any]] = {}


def _register(option: Option[T]) -> Option[T]:
    if option.key in OPTIONS:
        raise RuntimeError(f"setting {option.key} declared twice")
    OPTIONS[option.key] = option
    return option


# -- parsers ------------------------------------------------------------------------------------


def _text(value: object, *, max_length: int = 200) -> str:
    if not isinstance(value, str):
        raise ValueError("must be text")
    if _CONTROL.search(value):
        raise ValueError("must not contain control characters")
    if len(value) > max_length:
        raise ValueError(f"must be at most {max_length} characters")
    if _PERSONAL_DIGITS.search(value):
        raise ValueError("contains a long number; settings never hold personal data")
    return value


def _optional_text(value: object) -> str | None:
    return None if value in (None, "") else _text(value)


def _optional_path(value: object) -> Path | None:
    if value in (None, ""):
        return None
    return Path(_text(value, max_length=1000)).expanduser()


def _dump_path(value: Path | None) -> str | None:
    return None if value is None else str(value)


def _choice(*allowed: str) -> Callable[[object], str]:
    def parse(value: object) -> str:
        if value not in allowed:
            raise ValueError(f"must be one of {', '.join(allowed)}")
        return str(value)

    return parse


def _number(low: float, high: float, *, integer: bool = False) -> Callable[[object], Any]:
    def parse(value: object) -> float | int:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError("must be a number")
        if integer and not float(value).is_integer():
            raise ValueError("must be a whole number")
        if not low <= value <= high:
            raise ValueError(f"must be between {low:g} and {high:g}")
        return int(value) if integer else float(value)

    return parse


def _https_url(value: object) -> str:
    text = _text(value, max_length=300).strip()
    parts = urlsplit(text)
    if parts.scheme != "https":
        raise ValueError("must be an https:// URL (the registry is reached over TLS only)")
    if not parts.hostname:
        raise ValueError("must name a host")
    if parts.username or parts.password:
        raise ValueError("must not carry a user name or password")
    if parts.query or parts.fragment or parts.path not in ("", "/"):
        raise ValueError("must be the registry's base URL, without a path or query")
    try:
        parts.port  # noqa: B018  # raises ValueError for a port out of range
    except ValueError:
        raise ValueError("has an invalid port") from None
    return text.rstrip("/")


def _optional_proxy(value: object) -> str | None:
    if value in (None, ""):
        return None
    text = _text(value, max_length=300)
    if urlsplit(text).scheme not in ("http", "https"):
        raise ValueError("must be an http:// or https:// URL")
    return text


# -- the settings -------------------------------------------------------------------------------

REGISTRY_URL = _register(Option(
    "registry.url", "https://127.0.0.1:8443",
    "Base URL of the registry service (https only).", _https_url,
))
REGISTRY_CA_FILE = _register(Option[Path | None](
    "registry.ca_file", None,
    "Enrolment CA certificate (PEM) the registry's certificate must chain to.",
    _optional_path, _dump_path,
))
REGISTRY_CLIENT_CERT = _register(Option[Path | None](
    "registry.client_cert", None,
    "This terminal's client certificate (PEM) from its enrolment.", _optional_path, _dump_path,
))
REGISTRY_CLIENT_KEY = _register(Option[Path | None](
    "registry.client_key", None,
    "Private key of the client certificate (PEM); its passphrase lives in the OS keyring.",
    _optional_path, _dump_path,
))
REGISTRY_TIMEOUT_S = _register(Option[float](
    "registry.timeout_s", 10.0, "Timeout of every registry call, in seconds.", _number(1, 120),
))
REGISTRY_PROXY_URL = _register(Option[str | None](
    "registry.proxy_url", None, "HTTP proxy to reach the registry through, if any.",
    _optional_proxy, secret=True,
))
UI_LANGUAGE = _register(Option(
    "ui.language", "ja", "Language of the terminal: ja or en.", _choice("ja", "en"),
))
PRINTER_NAME = _register(Option[str | None](
    "printing.printer", None, "Printer for certificates; empty for the system default.",
    _optional_text,
))
PAPER_TRAY = _register(Option(
    "printing.tray", "auto", "Paper tray for certificates, as the printer names it.",
    lambda v: _text(v, max_length=64),
))
SEAL_IMAGE = _register(Option[Path | None](
    "printing.seal_image", None,
    "The city's official seal (公印) printed on certificates: a PNG file the city installs; "
    "empty prints the synthetic specimen seal marked 見本.",
    _optional_path, _dump_path,
))
CARD_READER = _register(Option[str | None](
    "cardreader.preferred_reader", None,
    "PC/SC reader to use when several are connected; empty for the first with a card.",
    _optional_text,
))
LOG_LEVEL = _register(Option(
    "log.level", "INFO", "Level of the terminal's own log.",
    _choice("DEBUG", "INFO", "WARNING", "ERROR"),
))
LOG_DIR = _register(Option[Path | None](
    "log.dir", None, "Directory of the terminal's log; empty for the platform default.",
    _optional_path, _dump_path,
))
DIAGNOSTIC_LOG_LINES = _register(Option[int](
    "diagnostics.log_lines", 200, "How many last log lines the diagnostic view shows.",
    _number(10, 5000, integer=True),
))
