"""One diagnostic report: everything the helpdesk view shows and the bundle holds."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.diagnostics.log_tail import tail_log
from app.diagnostics.readers import ReaderReport, collect_readers
from app.diagnostics.registry_probe import RegistryCheck, check_registry
from app.diagnostics.versions import collect_versions
from app.settings import (
    DIAGNOSTIC_LOG_LINES,
    REGISTRY_CA_FILE,
    REGISTRY_CLIENT_CERT,
    REGISTRY_CLIENT_KEY,
    REGISTRY_TIMEOUT_S,
    REGISTRY_URL,
    SettingsStore,
)
from cardreader.transport import Transport


@dataclass
class DiagnosticReport:
    created_at: str
    versions: dict[str, str]
    config: dict[str, Any]
    registry: RegistryCheck | None = None
    readers: ReaderReport | None = None
    printers: list[str] | None = None
    log_tail: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def redacted_config(settings: SettingsStore) -> dict[str, Any]:
    """Settings with secrets removed and the home directory (the OS user's name) as ~."""
    home = str(Path(os.environ.get("HOME") or Path.home()))
    out: dict[str, Any] = {}
    for key, value in settings.as_dict(redact=True).items():
        if isinstance(value, str) and home not in ("", "/") and value.startswith(home):
            value = "~" + value[len(home):]
        out[key] = value
    return out


def collect_report(
    settings: SettingsStore,
    *,
    log_dir: Path,
    extra_versions: dict[str, str] | None = None,
    printers: Callable[[], list[str]] | None = None,
    probe_registry: bool = True,
    reader_transport: Callable[[], Transport] | None = None,
    probe_readers: bool = True,
    identify_cards: bool = False,
    key_password: str | None = None,
) -> DiagnosticReport:
    """Collect everything; slow parts (network, PC/SC) make this a background operation."""
    report = DiagnosticReport(
        created_at=datetime.now(UTC).replace(microsecond=0).isoformat(),
        versions=collect_versions(extra_versions),
        config=redacted_config(settings),
        log_tail=tail_log(log_dir, settings.get(DIAGNOSTIC_LOG_LINES)),
    )
    if probe_registry:
        report.registry = check_registry(
            settings.get(REGISTRY_URL),
            ca_file=settings.get(REGISTRY_CA_FILE),
            client_cert=settings.get(REGISTRY_CLIENT_CERT),
            client_key=settings.get(REGISTRY_CLIENT_KEY),
            key_password=key_password,
            timeout_s=min(settings.get(REGISTRY_TIMEOUT_S), 10.0),
        )
    if probe_readers:
        report.readers = collect_readers(reader_transport, identify_cards=identify_cards)
    if printers is not None:
        try:
            report.printers = list(printers())
        except Exception as exc:  # a printing backend's failure is a finding, not a crash
            report.printers = [f"<{type(exc).__name__}>"]
    return report
