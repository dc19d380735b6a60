"""`madoguchi`: the counter terminal's entry point.

    madoguchi [--settings FILE] [--language ja|en]
    madoguchi enroll BUNDLE_DIR [--settings FILE] [--registry-url URL] ...   (app/enrolment)
    madoguchi unenroll [--settings FILE]

Reads the settings (a broken file is reported and the terminal does not start), routes every
log record through the PII filter into the log directory, prepares Qt so that it caches
nothing on disk, installs the translation the settings ask for and shows the main window.
"""

from __future__ import annotations

import argparse
import logging
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from app.privacy.log_setup import configure_terminal_logging
from app.settings import LOG_DIR, LOG_LEVEL, UI_LANGUAGE, SettingsError, SettingsStore
from app.settings.paths import default_log_dir
from ui.i18n import install_translators, translate
from ui.qt_setup import pin_interpreter_singletons, prepare_qt_environment
from ui.shell import TerminalShell

log = logging.getLogger("madoguchi")
PRELOAD_DELAY_MS = 150
ENROLMENT_COMMANDS = ("enroll", "unenroll")

if TYPE_CHECKING:
    from app.registry_client import RegistryClient


@dataclass
class StartedTerminal:
    app: QApplication
    shell: TerminalShell
    translators: list[QTranslator]
    log_file: Path


def _log_uncaught(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    # Scrubbed like any record (the filter reduces the exception to its code or class and
    # scrubs the traceback text); nothing is written anywhere else, no crash dump.
    log.critical("uncaught exception", exc_info=(kind, error, tb))


def _log_thread_exception(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        log.critical("uncaught exception in a thread",
                     exc_info=(args.exc_type, args.exc_value, args.exc_traceback))


def _registry_client(settings: SettingsStore) -> RegistryClient:
    from app.registry_client import ClientConfig, RegistryClient

    return RegistryClient(ClientConfig.from_settings(settings))


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="madoguchi", description="住民基本台帳 窓口端末")
    parser.add_argument("--settings", type=Path, default=None, help="settings file to use")
    parser.add_argument("--language", choices=("ja", "en"), default=None,
                        help="override the language of the settings")
    args, _qt_args = parser.parse_known_args(argv[1:])
    return args


def start(argv: list[str]) -> StartedTerminal:
    """Everything up to a shown main window; `main` adds the event loop."""
    args = parse_args(argv)
    settings = SettingsStore.load(args.settings)
    log_dir = settings.get(LOG_DIR) or default_log_dir()
    log_file = configure_terminal_logging(log_dir, settings.get(LOG_LEVEL))
    sys.excepthook = _log_uncaught
    threading.excepthook = _log_thread_exception
    pin_interpreter_singletons()
    prepare_qt_environment()
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("madoguchi")
    app.setApplicationDisplayName(translate("MainWindow", "窓口端末"))
    translators = install_translators(app, args.language or settings.get(UI_LANGUAGE))
    shell = TerminalShell(app, settings, log_dir)
    app.aboutToQuit.connect(shell.shutdown)
    shell.window.show()
    # The registry client (httpx, TLS) loads just after the first paint: the login page is up
    # a tenth of a second sooner; a login sent before that builds the client on the spot.
    shell.set_registry_factory(lambda: _registry_client(settings))
    QTimer.singleShot(PRELOAD_DELAY_MS, shell.preload_registry)
    log.info("terminal started")
    return StartedTerminal(app, shell, translators, log_file)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] in ENROLMENT_COMMANDS:
        # Installers run these headless: no QApplication, no window, no log directory.
        from app.enrolment.cli import run as run_enrolment

        return run_enrolment(argv[1:])
    try:
        started = start(argv)
    except SettingsError as exc:
        # Before logging is set up: say it where the person starting the terminal looks.
        print(f"madoguchi: {exc} [{exc.code}]", file=sys.stderr)
        app = QApplication.instance() or QApplication(argv)
        if isinstance(app, QApplication) and app.platformName() != "offscreen":
            QMessageBox.critical(None, "madoguchi", translate(
                "MainWindow", "設定ファイルに誤りがあります。端末の管理者に連絡してください。\n%1"
            ).replace("%1", str(exc)))
        return 2
    return started.app.exec()


if __name__ == "__main__":
    sys.exit(main())
