"""The helpdesk's diagnostic view: run the checks off the UI thread, show them, export a bundle.

Everything shown comes from app.diagnostics, which collects nothing personal; the view adds
only Qt's version and the printer names, read on the UI thread before the work is handed off.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QFontDatabase, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.diagnostics.bundle import build_bundle, bundle_file_name, write_bundle
from app.diagnostics.report import DiagnosticReport, collect_report
from ui.diagnostics.qt_facts import printer_names, qt_versions
from ui.diagnostics.render import render_report
from ui.diagnostics.sources import DiagnosticsSources
from ui.i18n import translate
from ui.operations import OperationRunner


class DiagnosticsView(QWidget):
    report_ready = Signal()
    bundle_exported = Signal(str)
    export_failed = Signal(str)

    def __init__(
        self, sources: DiagnosticsSources, runner: OperationRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._sources = sources
        self._runner = runner
        self._report: DiagnosticReport | None = None
        self.run_button = QPushButton(translate("Diagnostics", "診断を実行 (Ctrl+R)"), self)
        self.run_button.setObjectName("run_diagnostics")
        self.run_button.setShortcut(QKeySequence("Ctrl+R"))
        self.export_button = QPushButton(translate("Diagnostics", "診断情報を書き出す (Ctrl+E)"), self)
        self.export_button.setObjectName("export_bundle")
        self.export_button.setShortcut(QKeySequence("Ctrl+E"))
        self.status = QLabel(self)
        self.status.setObjectName("diagnostics_status")
        self.output = QPlainTextEdit(self)
        self.output.setObjectName("diagnostics_output")
        self.output.setReadOnly(True)
        self.output.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.output, 1)
        self.setTabOrder(self.run_button, self.export_button)
        self.setTabOrder(self.export_button, self.output)
        self.run_button.clicked.connect(self.run_diagnostics)
        self.export_button.clicked.connect(self.export_bundle)

    def report(self) -> DiagnosticReport | None:
        return self._report

    def text(self) -> str:
        return self.output.toPlainText()

    def _collector(self) -> Callable[[], DiagnosticReport]:
        # Qt facts are read here, on the UI thread; the worker gets plain values only.
        sources = self._sources
        versions = qt_versions()
        printers = printer_names() if sources.list_printers else None

        def collect() -> DiagnosticReport:
            from app.enrolment import key_passphrase
            from app.settings.options import REGISTRY_CLIENT_CERT

            return collect_report(
                sources.settings, log_dir=sources.log_dir, extra_versions=versions,
                key_password=key_passphrase(sources.settings.get(REGISTRY_CLIENT_CERT)),
                printers=(lambda: printers) if printers is not None else None,
                probe_registry=sources.probe_registry, probe_readers=sources.probe_readers,
                reader_transport=sources.reader_transport,
            )

        return collect

    @Slot()
    def run_diagnostics(self) -> None:
        self._set_busy(translate("Diagnostics", "診断中…"))
        self._runner.operation(self._collector(), parent=self) \
            .success(self._show_report) \
            .failure(self._show_failure) \
            .run_in_background()

    @Slot()
    def export_bundle(self, path: Path | None = None) -> None:
        target = path or self._sources.choose_export_path(self, bundle_file_name())
        if target is None:
            return
        collect = self._collector() if self._report is None else (lambda r=self._report: r)

        def work() -> tuple[DiagnosticReport, Path]:
            report = collect()
            return report, write_bundle(build_bundle(report), target)

        self._set_busy(translate("Diagnostics", "書き出し中…"))
        self._runner.operation(work, parent=self) \
            .success(self._exported) \
            .on(OSError, self._export_error) \
            .failure(self._show_failure) \
            .run_in_background()

    def _set_busy(self, text: str) -> None:
        self.status.setText(text)
        self.run_button.setEnabled(False)
        self.export_button.setEnabled(False)

    def _done(self, text: str) -> None:
        self.status.setText(text)
        self.run_button.setEnabled(True)
        self.export_button.setEnabled(True)

    def _show_report(self, report: DiagnosticReport) -> None:
        self._report = report
        self.output.setPlainText(render_report(report))
        self._done(translate("Diagnostics", "診断が終わりました。"))
        self.report_ready.emit()

    def _exported(self, result: tuple[DiagnosticReport, Path]) -> None:
        report, path = result
        self._show_report(report)
        self._done(translate("Diagnostics", "書き出しました: %1").replace("%1", str(path)))
        self.bundle_exported.emit(str(path))

    def _export_error(self, error: OSError) -> None:
        self._done(translate("Diagnostics", "書き出せませんでした（保存先を確認してください）。"))
        self.export_failed.emit(type(error).__name__)

    def _show_failure(self, error: Exception) -> None:
        self._done(translate("Diagnostics", "診断に失敗しました: %1").replace("%1", type(error).__name__))
        self.export_failed.emit(type(error).__name__)

    def clear_personal_data(self) -> None:
        """Nothing personal is shown; dropping the report on lock is tidiness, not privacy."""
        self._report = None
        self.output.clear()
