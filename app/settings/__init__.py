"""The terminal's one typed settings registry, stored in the platform config directory."""

from app.settings.options import (
    CARD_READER,
    DIAGNOSTIC_LOG_LINES,
    LOG_DIR,
    LOG_LEVEL,
    OPTIONS,
    PAPER_TRAY,
    PRINTER_NAME,
    REGISTRY_CA_FILE,
    REGISTRY_CLIENT_CERT,
    REGISTRY_CLIENT_KEY,
    REGISTRY_PROXY_URL,
    REGISTRY_TIMEOUT_S,
    REGISTRY_URL,
    UI_LANGUAGE,
    Option,
    SettingsError,
)
from app.settings.paths import config_dir, default_log_dir, settings_file
from app.settings.store import REDACTED, SettingsStore

__all__ = [
    "CARD_READER",
    "DIAGNOSTIC_LOG_LINES",
    "LOG_DIR",
    "LOG_LEVEL",
    "OPTIONS",
    "PAPER_TRAY",
    "PRINTER_NAME",
    "REDACTED",
    "REGISTRY_CA_FILE",
    "REGISTRY_CLIENT_CERT",
    "REGISTRY_CLIENT_KEY",
    "REGISTRY_PROXY_URL",
    "REGISTRY_TIMEOUT_S",
    "REGISTRY_URL",
    "UI_LANGUAGE",
    "Option",
    "SettingsError",
    "SettingsStore",
    "config_dir",
    "default_log_dir",
    "settings_file",
]
