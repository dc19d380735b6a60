"""`madoguchi`: the counter terminal's entry point.

    madoguchi [--settings FILE] [--language ja|en]
    madoguchi enroll BUNDLE_DIR [--settings FILE] [--registry-url URL] ...   (app/enrolment)
    madoguchi unenroll [--settings FILE]

Reads the settings (a broken file is reported and the terminal does not start), routes every
log record through the PII filter into the log directory, prepares Qt so that it caches
nothing on disk, installs the translation the settings ask for and shows the main window.
The language may change later, on the login page (ui/login/language.py has the rule).

Start-up order, for a login page up as soon as possible: the settings and the log are read
before Qt is loaded (PySide6 reads the source of every module imported after it, for its
`__feature__` switch; these pure-Python modules are spared that); what the login page does
not need (the registry client with httpx and TLS, the D-Bus system-lock monitor, the session
machinery) is loaded just after the first paint, or on the spot if a login comes sooner.
"""

from __future__ import annotations

import logging
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, NamedTuple

from app.privacy.crash_dumps import forbid_crash_dumps
from app.privacy.log_setup import configure_terminal_logging
from app.settings import LOG_DIR, LOG_LEVEL, UI_LANGUAGE, SettingsError, SettingsStore
from app.settings.paths import default_log_dir

log = logging.getLogger("madoguchi")
PRELOAD_DELAY_MS = 150
ENROLMENT_COMMANDS = ("enroll", "unenroll")
LANGUAGE_CHOICES = ("ja", "en")

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    from app.registry_client import RegistryClient
    from ui.shell import TerminalShell


@dataclass
class StartedTerminal:
    app: QApplication
    shell: TerminalShell
    log_file: Path

    @property
    def translators(self) -> list[QTranslator]:
        """Those installed now (the login page may have switched the language)."""
        return self.shell.language.translators


class Arguments(NamedTuple):
    settings: Path | None
    language: str | None


def _log_uncaught(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    # Scrubbed like any record (the filter reduces the exception to its code or class and
    # scrubs the traceback text); nothing is written anywhere else, and a native crash leaves
    # no core file (app.privacy.crash_dumps).
    log.critical("uncaught exception", exc_info=(kind, error, tb))


def _log_thread_exception(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        log.critical("uncaught exception in a thread",
                     exc_info=(args.exc_type, args.exc_value, args.exc_traceback))


def _registry_client(settings: SettingsStore) -> RegistryClient:
    from app.registry_client import ClientConfig, RegistryClient

    return RegistryClient(ClientConfig.from_settings(settings))


def parse_args(argv: list[str]) -> Arguments:
    """`--settings FILE` and `--language ja|en`; anything else is Qt's (e.g. `-platform`).

    The usual forms are read directly; argparse (and its gettext look-ups) is loaded only for
    anything unusual: `--help`, a bad language, an abbreviation, a missing value."""
    settings: str | None = None
    language: str | None = None
    rest = argv[1:]
    i = 0
    while i < len(rest):
        arg = rest[i]
        name, eq, value = arg.partition("=")
        if name in ("--settings", "--language"):
            if not eq:
                if i + 1 >= len(rest) or rest[i + 1].startswith("-"):
                    return _parse_args_fully(argv)
                value = rest[i + 1]
                i += 1
            if name == "--settings":
                settings = value
            elif value in LANGUAGE_CHOICES:
                language = value
            else:
                return _parse_args_fully(argv)
        elif arg.startswith("--"):
            return _parse_args_fully(argv)  # --help, an abbreviation, or a Qt option
        i += 1
    return Arguments(Path(settings) if settings is not None else None, language)


def _parse_args_fully(argv: list[str]) -> Arguments:
    import argparse

    parser = argparse.ArgumentParser(prog="madoguchi", description="住民基本台帳 窓口端末")
    parser.add_argument("--settings", type=Path, default=None, help="settings file to use")
    parser.add_argument("--language", choices=LANGUAGE_CHOICES, default=None,
                        help="override the language of the settings")
    args, _qt_args = parser.parse_known_args(argv[1:])
    return Arguments(args.settings, args.language)


def start(argv: list[str]) -> StartedTerminal:
    """Everything up to a shown main window; `main` adds the event loop."""
    forbid_crash_dumps()  # before anything personal is in memory
    args = parse_args(argv)
    settings = SettingsStore.load(args.settings)
    log_dir = settings.get(LOG_DIR) or default_log_dir()
    log_file = configure_terminal_logging(log_dir, settings.get(LOG_LEVEL))
    sys.excepthook = _log_uncaught
    threading.excepthook = _log_thread_exception

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.i18n import install_translators
    from ui.login.language import DisplayLanguage, application_display_name
    from ui.qt_setup import pin_interpreter_singletons, prepare_qt_environment
    from ui.shell import TerminalShell

    pin_interpreter_singletons()
    prepare_qt_environment()
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("madoguchi")
    # The language is read from the settings file at every start (the override aside), and
    # again at each login page after a session unless one was chosen (DisplayLanguage).
    language = args.language or settings.get(UI_LANGUAGE)
    translators = install_translators(app, language)
    app.setApplicationDisplayName(application_display_name())
    display_language = DisplayLanguage.for_settings_file(
        app, settings.path, language=language, translators=translators, command_line=args.language)
    shell = TerminalShell(app, settings, log_dir, defer_system_lock=True, language=display_language)
    app.aboutToQuit.connect(shell.shutdown)
    shell.window.show()
    # The registry client (httpx, TLS), the system-lock monitor (D-Bus) and the session
    # machinery load just after the first paint; a login sent before that loads them then.
    shell.set_registry_factory(lambda: _registry_client(settings))
    QTimer.singleShot(PRELOAD_DELAY_MS, shell.preload)
    log.info("terminal started")
    return StartedTerminal(app, shell, log_file)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] in ENROLMENT_COMMANDS:
        # Installers run these headless: no QApplication, no window, no log directory.
        from app.enrolment.cli import run as run_enrolment

        return run_enrolment(argv[1:])
    if "--self-check" in argv[1:]:
        # Headless installation check (CI, IT staff): offscreen, no window, no log directory.
        from ui.self_check import main as self_check

        return self_check(argv[1:])
    try:
        started = start(argv)
    except SettingsError as exc:
        # Before logging is set up: say it where the person starting the terminal looks.
        print(f"madoguchi: {exc} [{exc.code}]", file=sys.stderr)
        from PySide6.QtWidgets import QApplication, QMessageBox

        from ui.i18n import translate

        app = QApplication.instance() or QApplication(argv)
        if isinstance(app, QApplication) and app.platformName() != "offscreen":
            QMessageBox.critical(None, "madoguchi", translate(
                "MainWindow", "設定ファイルに誤りがあります。端末の管理者に連絡してください。\n%1"
            ).replace("%1", str(exc)))
        return 2
    return started.app.exec()


if __name__ == "__main__":
    sys.exit(main())
