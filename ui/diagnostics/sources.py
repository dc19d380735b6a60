"""Where the diagnostic view gets its facts from; light, so that the terminal's start-up does
not load the network and certificate code behind the view until the view is opened."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.settings import SettingsStore
    from cardreader.transport import Transport

PathChooser = Callable[["QWidget", str], Path | None]


def choose_with_dialog(parent: QWidget, suggested: str) -> Path | None:
    from PySide6.QtWidgets import QDialog, QFileDialog

    from ui.i18n import translate

    dialog = QFileDialog(parent, translate("Diagnostics", "診断情報の保存先"), str(Path.home() / suggested),
                         translate("Diagnostics", "ZIP ファイル (*.zip)"))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    # Qt's own Japanese catalogue lacks these two labels of its file dialog ("&Look in:",
    # "Files of &type:"), which then showed in English beside Japanese ones.
    dialog.setLabelText(QFileDialog.DialogLabel.LookIn, translate("Diagnostics", "保存する場所(&L):"))
    dialog.setLabelText(QFileDialog.DialogLabel.FileType, translate("Diagnostics", "ファイルの種類(&T):"))
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


@dataclass
class DiagnosticsSources:
    settings: SettingsStore
    log_dir: Path
    reader_transport: Callable[[], Transport] | None = None
    probe_registry: bool = True
    probe_readers: bool = True
    list_printers: bool = True
    choose_export_path: PathChooser = choose_with_dialog
