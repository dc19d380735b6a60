"""The terminal's own log: one rotating file under the log directory, scrubbed, owner-only."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path
from typing import Final

from app.privacy.log_filter import PiiScrubFilter

LOG_FILE_NAME: Final = "terminal.log"
MAX_BYTES: Final = 1_000_000
BACKUPS: Final = 5
FORMAT: Final = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_MARK: Final = "_madoguchi_handler"


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Files readable by the terminal's user only, also after each rotation."""

    def _open(self):  # type: ignore[no-untyped-def]  # typeshed types it loosely
        stream = super()._open()
        if sys.platform != "win32":
            os.chmod(self.baseFilename, 0o600)
        return stream


def configure_terminal_logging(
    log_dir: Path,
    level: str | int = "INFO",
    *,
    max_bytes: int = MAX_BYTES,
    backups: int = BACKUPS,
    also_stderr: bool = False,
) -> Path:
    """Route the root logger to `log_dir`/terminal.log through the PII filter; returns the path.

    Calling it again replaces the handlers it installed before (tests, a changed log level).
    """
    log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = log_dir / LOG_FILE_NAME
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _MARK, False)]:
        root.removeHandler(handler)
        handler.close()
    handlers: list[logging.Handler] = [
        _PrivateRotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
    ]
    if also_stderr:
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        handler.addFilter(PiiScrubFilter())
        handler.setFormatter(logging.Formatter(FORMAT))
        setattr(handler, _MARK, True)
        root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    return path


def log_files(log_dir: Path) -> list[Path]:
    """The current log file first, then its rotations, newest first."""
    current = log_dir / LOG_FILE_NAME
    rotated = [log_dir / f"{LOG_FILE_NAME}.{i}" for i in range(1, 100)]
    return [p for p in [current, *rotated] if p.is_file()]
