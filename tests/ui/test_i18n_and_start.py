"""Translations (every clerk-facing string in both .ts files, English installed from the
settings) and the terminal's start-up."""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.privacy import crash_dumps
from app.settings import SettingsError
from ui import app as terminal_app
from ui.i18n import LANGUAGES, TsTranslator, install_translators, translate, ts_path
from ui.main_window import MainWindow

pytestmark = [pytest.mark.ui, pytest.mark.terminal]

UI_DIR = Path(__file__).resolve().parents[2] / "ui"
_CALLS = {"translate", "QT_TRANSLATE_NOOP"}


def _translated_literals() -> Iterator[tuple[str, ast.Call]]:
    for path in sorted(UI_DIR.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Call):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if name in _CALLS and len(node.args) >= 2:
                    yield f"{path.relative_to(UI_DIR)}:{node.lineno}", node


def test_no_formatting_inside_translated_strings() -> None:
    for where, call in _translated_literals():
        for arg in call.args[:2]:
            assert not isinstance(arg, ast.JoinedStr | ast.BinOp | ast.Call), f"{where}: format after translate()"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(language: str) -> None:
    translator = TsTranslator(ts_path(language), language)
    for where, call in _translated_literals():
        context, source = call.args[0], call.args[1]
        if not (isinstance(context, ast.Constant) and isinstance(source, ast.Constant)):
            continue  # a lookup of a string marked elsewhere (QT_TRANSLATE_NOOP)
        third = call.args[2] if len(call.args) > 2 else None
        comment = str(third.value) if isinstance(third, ast.Constant) and third.value else None
        text = str(source.value)
        n = 1 if "%n" in text else -1
        assert translator.translate(str(context.value), text, comment, n), f"{where}: {text!r} ({language})"


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    installed = install_translators(qapp, "en")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def test_english_follows_the_setting(qtbot: QtBot, english: None) -> None:
    assert translate("Shield", "画面を保護しています") == "The screen is shielded"
    assert translate("Diagnostics", "■ ログ（最新 %n 行）", None, 1) == "■ Log (last 1 line)"
    assert translate("Diagnostics", "■ ログ（最新 %n 行）", None, 3) == "■ Log (last 3 lines)"
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.windowTitle() == "Counter terminal"
    assert window.sign_in_page.message.text() == "Please log in."


def test_japanese_is_the_source(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.windowTitle() == "窓口端末"


def test_unknown_language_is_refused(qapp: QApplication) -> None:
    with pytest.raises(ValueError):
        install_translators(qapp, "fr")



def test_start_shows_the_sign_in_page_with_settings_and_log(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    restore_process_state: None,
) -> None:
    settings = tmp_path / "settings.json"
    settings.write_text('{"version": 1, "settings": {"ui.language": "en", "log.level": "DEBUG"}}')
    monkeypatch.setenv("MADOGUCHI_LOG_DIR", str(tmp_path / "log"))
    started = terminal_app.start(["madoguchi", "--settings", str(settings)])
    try:
        qtbot.addWidget(started.shell.window)
        assert started.shell.window.isVisible()
        assert started.shell.window.current_page() == "sign_in"
        assert started.shell.window.windowTitle() == "Counter terminal"
        assert started.log_file == tmp_path / "log" / "terminal.log"
        assert "terminal started" in started.log_file.read_text()
        assert not crash_dumps.is_dumpable()
    finally:
        for translator in started.translators:
            qapp.removeTranslator(translator)
        started.shell.shutdown()


def test_the_language_follows_the_settings_file_at_the_next_start(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    restore_process_state: None,
) -> None:
    """Edit the settings file between two starts: the second start speaks the new language
    (window, login page, application name), and `--language` still overrides the file."""
    settings = tmp_path / "settings.json"
    monkeypatch.setenv("MADOGUCHI_LOG_DIR", str(tmp_path / "log"))

    def start_with(language: str, *extra: str) -> tuple[str, str, str]:
        settings.write_text(json.dumps({"version": 1, "settings": {"ui.language": language}}))
        started = terminal_app.start(["madoguchi", "--settings", str(settings), *extra])
        try:
            qtbot.addWidget(started.shell.window)
            return (started.shell.window.windowTitle(),
                    started.shell.window.sign_in_page.message.text(),
                    qapp.applicationDisplayName())
        finally:
            for translator in started.translators:
                qapp.removeTranslator(translator)
            started.shell.shutdown()
            started.shell.window.close()

    assert start_with("en") == ("Counter terminal", "Please log in.", "Counter terminal")
    assert start_with("ja") == ("窓口端末", "ログインしてください。", "窓口端末")
    assert start_with("ja", "--language", "en")[0] == "Counter terminal"
    assert start_with("en", "--language=ja")[0] == "窓口端末"


def test_start_arguments_read_without_argparse_match_argparse() -> None:
    """The fast reading of the usual arguments gives what argparse gives."""
    cases = [
        ["madoguchi"],
        ["madoguchi", "--settings", "a.json"],
        ["madoguchi", "--settings=a.json", "--language", "en"],
        ["madoguchi", "-platform", "offscreen", "--language=ja", "--settings", "b c.json"],
        ["madoguchi", "--sett", "x.json"],  # an abbreviation: argparse's own reading
    ]
    for argv in cases:
        assert terminal_app.parse_args(argv) == terminal_app._parse_args_fully(argv), argv
    with pytest.raises(SystemExit):
        terminal_app.parse_args(["madoguchi", "--language", "fr"])


def test_start_refuses_broken_settings(tmp_path: Path, restore_process_state: None) -> None:
    settings = tmp_path / "settings.json"
    settings.write_text('{"version": 1, "settings": {"recent.searches": []}}')
    with pytest.raises(SettingsError) as caught:
        terminal_app.start(["madoguchi", "--settings", str(settings)])
    assert caught.value.code == "unknown_key"
    assert terminal_app.main(["madoguchi", "--settings", str(settings)]) == 2


def test_a_string_missing_from_the_table_shows_its_source(qtbot: QtBot, english: None) -> None:
    """Never a blank label: Qt falls back to the Japanese source when no translation exists."""
    assert translate("Nowhere", "表にない文言") == "表にない文言"
