"""The helpdesk's diagnostic view: shows and exports no resident data."""

from __future__ import annotations

import logging
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.privacy import assert_no_canaries, configure_terminal_logging
from tests.ui.conftest import FakeReauthenticator, staff_session
from tests.ui.residents import ADDRESS, CANARIES, KANA, NAME, NUMBER
from ui.diagnostics.view import DiagnosticsView
from ui.shell import TerminalShell

pytestmark = [pytest.mark.ui, pytest.mark.terminal]


def _careless_log(log_dir: Path) -> None:
    configure_terminal_logging(log_dir, "DEBUG")
    try:
        log = logging.getLogger("madoguchi.somewhere")
        log.info("opened %s", NAME)
        log.warning(f"resident {KANA} {NUMBER} lives at {ADDRESS}")
    finally:
        root = logging.getLogger()
        for handler in [h for h in root.handlers if hasattr(h, "_madoguchi_handler")]:
            root.removeHandler(handler)
            handler.close()


def test_diagnostics_workspace_shows_no_resident_data(
    qtbot: QtBot, shell: TerminalShell, reauth: FakeReauthenticator, tmp_path: Path
) -> None:
    _careless_log(tmp_path / "log")
    shell.start_session(staff_session("helpdesk"), reauth)
    view = shell.window.workspace("diagnostics")
    assert isinstance(view, DiagnosticsView)
    with qtbot.waitSignal(view.report_ready, timeout=10_000):
        qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    text = view.text()
    for heading in ("■ バージョン", "■ 設定（秘密情報を除く）", "■ カードリーダー", "■ ログ"):
        assert heading in text
    assert "Test Reader 00" in text and "registry.url: https://127.0.0.1:8443" in text
    assert "[text]" in text  # the careless log lines, scrubbed
    assert not [c for c in CANARIES if c in text]
    with qtbot.waitSignal(view.bundle_exported, timeout=10_000) as exported:
        qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    bundle = Path(exported.args[0])
    assert bundle.parent == tmp_path / "export"
    with zipfile.ZipFile(bundle) as archive:
        assert "report.json" in archive.namelist()
    assert_no_canaries([bundle], CANARIES)


def test_diagnostics_before_login(qtbot: QtBot, shell: TerminalShell) -> None:
    dialog = shell.open_diagnostics_dialog()
    view = dialog.findChild(DiagnosticsView)
    assert view is not None
    with qtbot.waitSignal(view.report_ready, timeout=10_000):
        view.run_diagnostics()
    assert "Test Reader 00" in view.text()
    dialog.close()


def test_the_save_dialog_speaks_the_terminals_language(qtbot: QtBot, qapp: QApplication) -> None:
    """Qt's Japanese catalogue lacks two labels of its file dialog; the terminal's own are set."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

    from ui.diagnostics.sources import choose_with_dialog
    from ui.i18n import install_translators

    translators = install_translators(qapp, "ja")
    seen: list[str] = []

    def look_and_cancel() -> None:
        dialog = next(w for w in qapp.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible())
        seen.extend(label.text() for label in dialog.findChildren(QLabel))
        dialog.reject()

    parent = QWidget()
    qtbot.addWidget(parent)
    try:
        QTimer.singleShot(200, look_and_cancel)
        assert choose_with_dialog(parent, "diagnostics.zip") is None
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    assert "保存する場所(&L):" in seen and "ファイルの種類(&T):" in seen
    assert not [text for text in seen if text.isascii() and any(c.isalpha() for c in text)], seen
