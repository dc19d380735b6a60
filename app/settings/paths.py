"""Where the terminal keeps its configuration and its log, per platform, without Qt.

The same places QStandardPaths would give (AppConfigLocation, and the state/log location),
computed here so that `app` needs no Qt. MADOGUCHI_CONFIG_DIR and MADOGUCHI_LOG_DIR override
them (installers, tests).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Final

APP_DIR_NAME: Final = "madoguchi"


def _home() -> Path:
    return Path(os.environ.get("HOME") or Path.home())


def config_dir() -> Path:
    override = os.environ.get("MADOGUCHI_CONFIG_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("APPDATA")
        return Path(base) / APP_DIR_NAME if base else _home() / "AppData" / "Roaming" / APP_DIR_NAME
    if sys.platform == "darwin":
        return _home() / "Library" / "Application Support" / APP_DIR_NAME
    base = os.environ.get("XDG_CONFIG_HOME")
    return (Path(base) if base else _home() / ".config") / APP_DIR_NAME


def default_log_dir() -> Path:
    override = os.environ.get("MADOGUCHI_LOG_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        root = Path(base) if base else _home() / "AppData" / "Local"
        return root / APP_DIR_NAME / "Logs"
    if sys.platform == "darwin":
        return _home() / "Library" / "Logs" / APP_DIR_NAME
    base = os.environ.get("XDG_STATE_HOME")
    return (Path(base) if base else _home() / ".local" / "state") / APP_DIR_NAME / "log"


def settings_file() -> Path:
    return config_dir() / "settings.json"
