"""The diagnostic bundle: a zip built in memory, written only where the helpdesk chooses."""

from __future__ import annotations

import io
import json
import os
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from app.diagnostics.log_tail import scrub_log_line
from app.diagnostics.report import DiagnosticReport

README: Final = """madoguchi terminal diagnostic bundle

report.json   versions, configuration (secrets removed), registry reachability and TLS
              certificate, card readers (names and presence only), printers
log-tail.txt  the last lines of the terminal's log (personal data scrubbed when written,
              and again when exported)

This bundle holds no resident data: the terminal keeps none on disk, its log is scrubbed,
and the card readers are listed without reading any card.
"""


def bundle_file_name(now: datetime | None = None) -> str:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    return f"madoguchi-diagnostics-{stamp}.zip"


def build_bundle(report: DiagnosticReport) -> bytes:
    data = report.as_dict()
    log_tail = [scrub_log_line(line) for line in data.pop("log_tail")]
    created = datetime.fromisoformat(report.created_at)
    stamp = (created.year, created.month, created.day, created.hour, created.minute, created.second)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in (
            ("README.txt", README),
            ("report.json", json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"),
            ("log-tail.txt", "\n".join(log_tail) + "\n"),
        ):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def write_bundle(data: bytes, path: Path) -> Path:
    """Write the bundle to `path` (owner-only); the helpdesk picked it, nothing else is written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    if sys.platform != "win32":
        os.chmod(path, 0o600)
    return path
