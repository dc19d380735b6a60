"""The terminal's display language while it runs: which one is in force and when it changes.

The rule, in this order:
  1. a language the clerk (or a visiting helpdesk person) picks on the login page holds until
     the program exits, whatever the settings file says;
  2. otherwise the `--language` given at start holds (whoever started the terminal chose it);
  3. otherwise the settings file's `ui.language` (default ja): read at start, and read again
     each time the login page comes back after a session (logout, idle logout, another person,
     the server ending it), since IT may have changed the file in the meantime.
A file that cannot be read at that point keeps the language in force (and says so in the
log): the terminal refused to start with a broken file, but a session is no time to stop it.
The language is never written to the settings file: that file is IT's, and may be readable
only for the counter accounts.

The switch happens between sessions only (the choice is on the login page), so the pages
built per session are built in the new language; the chrome that lives as long as the window
retranslates itself on QEvent.LanguageChange.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTranslator, Signal, Slot
from PySide6.QtGui import QGuiApplication

from app.settings import UI_LANGUAGE, SettingsError, SettingsStore
from ui.i18n import LANGUAGES, switch_language, translate

log = logging.getLogger(__name__)
DEFAULT_LANGUAGE = "ja"


def language_at_sign_in(current: str, from_settings: str | None, pinned: str | None) -> str:
    """The language the login page shows after a session: a pinned choice (the clerk's, else
    `--language`), else the settings file's, else (file unreadable) the current one."""
    return pinned or from_settings or current


def settings_file_language(path: Path) -> str | None:
    """`ui.language` as the settings file says it now; None if the file cannot be read."""
    try:
        return SettingsStore.load(path).get(UI_LANGUAGE)
    except SettingsError as exc:
        log.warning("settings file unreadable at the login page, language kept: code=%s", exc.code)
        return None


def application_display_name() -> str:
    return translate("MainWindow", "窓口端末")


class DisplayLanguage(QObject):
    """Holds the installed translators and switches them by the rule above."""

    language_changed = Signal(str)

    def __init__(
        self,
        app: QCoreApplication,
        *,
        settings_language: Callable[[], str | None],
        language: str = DEFAULT_LANGUAGE,
        translators: list[QTranslator] | None = None,
        command_line: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`language` and `translators`: what is installed already (none: the Japanese
        source); `settings_language` reads the file's choice anew; `command_line`: the
        `--language` given at start, if any."""
        super().__init__(parent)
        self._app = app
        self._read_settings = settings_language
        self._language = language
        self._translators = list(translators or [])
        self._pinned = command_line
        self._chosen_by_clerk = False

    @classmethod
    def for_settings_file(
        cls,
        app: QCoreApplication,
        path: Path,
        *,
        language: str = DEFAULT_LANGUAGE,
        translators: list[QTranslator] | None = None,
        command_line: str | None = None,
        parent: QObject | None = None,
    ) -> DisplayLanguage:
        return cls(app, settings_language=lambda: settings_file_language(path), language=language,
                   translators=translators, command_line=command_line, parent=parent)

    @property
    def language(self) -> str:
        return self._language

    @property
    def translators(self) -> list[QTranslator]:
        return list(self._translators)

    @property
    def chosen_by_clerk(self) -> bool:
        return self._chosen_by_clerk

    @Slot(str)
    def choose(self, language: str) -> None:
        """The login page's pick: applied at once and held until the program exits (picking
        the language already shown holds it too, against a later change of the file)."""
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        self._pinned, self._chosen_by_clerk = language, True
        log.info("display language chosen on the login page: %s", language)
        self._apply(language)

    @Slot()
    def refresh_for_sign_in(self) -> None:
        """The login page is back after a session: apply the rule (reads the settings file
        unless a choice is pinned)."""
        from_settings = None if self._pinned else self._read_settings()
        language = language_at_sign_in(self._language, from_settings, self._pinned)
        if language != self._language:
            log.info("display language from the settings file: %s", language)
        self._apply(language)

    def _apply(self, language: str) -> None:
        if language == self._language:
            return
        self._translators = switch_language(self._app, language, self._translators)
        self._language = language
        if isinstance(self._app, QGuiApplication):
            self._app.setApplicationDisplayName(application_display_name())
        self.language_changed.emit(language)
