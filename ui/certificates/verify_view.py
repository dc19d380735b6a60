"""証明書の真正確認: the serial and short code printed on a paper (or its QR code, read by a
scanner that types it), optionally values as printed, and the registry's verdict in plain
Japanese: 真正 / 改ざんの疑い / 無効 / 該当なし. The flow is app.certificate_verify.

What is entered and answered is about a resident's paper: the view is a personal-data holder
and a lock empties it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.certificate_verify import CertificateVerification, Verdict, VerifyProblems, VerifyResult
from app.domain.wareki import format_wareki
from app.session.personal_data import ClearPhase, PersonalDataRegistry
from ui.certificates.labels import KIND_LABELS, label, refusal_text
from ui.i18n import translate
from ui.operations import OperationRunner
from ui.security.holders import mark_personal

ERROR_STYLE: Final = "color: #b00020;"
VERDICT_STYLES: Final = {
    Verdict.GENUINE: "background: #e6f4ea; color: #0d652d; border: 2px solid #0d652d;",
    Verdict.ALTERED: "background: #fce8e6; color: #a50e0e; border: 2px solid #a50e0e;",
    Verdict.VOIDED: "background: #fef7e0; color: #8a4b00; border: 2px solid #b06000;",
    Verdict.UNKNOWN: "background: #fce8e6; color: #a50e0e; border: 2px solid #a50e0e;",
}
# The registry names the kind in Japanese, with the same words as KIND_LABELS' source texts.
_KIND_CODES: Final = {str(text): code for code, text in KIND_LABELS.items()}


def verdict_text(verdict: Verdict) -> str:
    if verdict is Verdict.GENUINE:
        return translate("CertificateVerify", "真正：本市が発行した証明書で、無効にされていません。")
    if verdict is Verdict.ALTERED:
        return translate("CertificateVerify", "改ざんの疑い：証明書番号と照合番号は正しいものの、入力した記載内容が発行時の内容と一致しません。")
    if verdict is Verdict.VOIDED:
        return translate("CertificateVerify", "無効：この証明書は無効にされています（再交付など）。有効な証明書として扱わないでください。")
    return translate("CertificateVerify", "該当なし：この証明書番号と照合番号の組み合わせは発行記録にありません。偽造または入力誤りの可能性があります。")


def _field_name(name: str) -> str:
    if name == "name":
        return translate("CertificateVerify", "氏名")
    if name == "birth_date":
        return translate("CertificateVerify", "生年月日")
    return name


def detail_text(result: VerifyResult) -> str:
    """The facts the registry gave beside the verdict, one per line."""
    if result.verdict is Verdict.UNKNOWN:
        return translate("CertificateVerify", "証明書番号：%1").replace("%1", result.serial)
    kind = label(KIND_LABELS, _KIND_CODES[result.kind]) if result.kind in _KIND_CODES else (result.kind or "")
    lines = [translate("CertificateVerify", "証明書番号：%1").replace("%1", result.serial),
             translate("CertificateVerify", "種類：%1").replace("%1", kind)]
    if result.issued_on is not None:
        lines.append(translate("CertificateVerify", "発行日：%1").replace("%1", format_wareki(result.issued_on)))
    if result.copies is not None:
        lines.append(translate("CertificateVerify", "発行通数：%1通").replace("%1", str(result.copies)))
    if result.reissue_of:
        lines.append(translate("CertificateVerify", "証明書番号 %1 の再交付として発行されたものです。")
                     .replace("%1", result.reissue_of))
    if result.verdict is Verdict.VOIDED and result.void_reason:
        lines.append(translate("CertificateVerify", "無効の理由：%1").replace("%1", result.void_reason))
    matched = [_field_name(n) for n, same in result.fields.items() if same]
    if result.mismatched:
        lines.append(translate("CertificateVerify", "一致しない記載内容：%1")
                     .replace("%1", "、".join(_field_name(n) for n in result.mismatched)))
    if matched:
        lines.append(translate("CertificateVerify", "発行時の内容と一致した記載内容：%1").replace("%1", "、".join(matched)))
    return "\n".join(lines)


def problem_text(code: str) -> str:
    if code == "serial_required":
        return translate("CertificateVerify", "証明書番号を入力してください（QRコードの読み取りでも入力できます）。")
    if code == "invalid_serial":
        return translate("CertificateVerify", "証明書番号は 2026-00000123 の形です。")
    if code == "code_required":
        return translate("CertificateVerify", "照合番号を入力してください。")
    if code == "invalid_code":
        return translate("CertificateVerify", "照合番号は英字と数字です（証明書の下欄に印字されています）。")
    if code == "name_too_long":
        return translate("CertificateVerify", "氏名は60文字以内で入力してください。")
    return translate("CertificateVerify", "生年月日は 昭和55年2月17日 や S55.2.17 のように印字のとおり入力してください。")


class CertificateVerifyView(QWidget):
    verified = Signal(str)  # Verdict value
    verify_refused = Signal(str)  # the registry's code
    back_requested = Signal()

    def __init__(self, flow: CertificateVerification, runner: OperationRunner,
                 personal_data: PersonalDataRegistry | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("certificate_verify")
        self.flow, self._runner = flow, runner
        self._generation = 0
        heading = QLabel(translate("CertificateVerify", "証明書の真正確認"), self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        heading.setFont(font)
        intro = QLabel(translate("CertificateVerify", "証明書の下欄に印字された証明書番号と照合番号を入力してください。QRコードを読み取ると両方が入ります。氏名・生年月日を入力すると、印字が発行時の内容と同じかどうかも確かめます。"), self)
        intro.setWordWrap(True)
        self.serial = QLineEdit(self)
        self.serial.setObjectName("verify_serial")
        self.serial.setPlaceholderText(translate("CertificateVerify", "2026-00000123（QRコードの読み取り可）"))
        self.serial.setMaxLength(60)
        self.code = QLineEdit(self)
        self.code.setObjectName("verify_code")
        self.code.setMaxLength(20)
        self.name = QLineEdit(self)
        self.name.setObjectName("verify_name")
        self.name.setPlaceholderText(translate("CertificateVerify", "任意：印字された氏名"))
        self.name.setMaxLength(80)
        self.birth_date = QLineEdit(self)
        self.birth_date.setObjectName("verify_birth_date")
        self.birth_date.setPlaceholderText(translate("CertificateVerify", "任意：印字された生年月日（例 昭和55年2月17日）"))
        self.birth_date.setMaxLength(30)
        self.fields: dict[str, QLineEdit] = {"serial": self.serial, "code": self.code, "name": self.name,
                                             "birth_date": self.birth_date}
        form = QFormLayout()
        form.addRow(translate("CertificateVerify", "証明書番号"), self.serial)
        form.addRow(translate("CertificateVerify", "照合番号"), self.code)
        form.addRow(translate("CertificateVerify", "氏名"), self.name)
        form.addRow(translate("CertificateVerify", "生年月日"), self.birth_date)
        self.problems = QLabel(self)
        self.problems.setObjectName("verify_problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(ERROR_STYLE)
        self.verify_button = QPushButton(translate("CertificateVerify", "照会する (Enter)"), self)
        self.verify_button.setObjectName("verify_button")
        self.clear_button = QPushButton(translate("CertificateVerify", "次の証明書 (Ctrl+N)"), self)
        self.back_button = QPushButton(translate("CertificateVerify", "証明書の発行に戻る (Esc)"), self)
        self.back_button.setObjectName("verify_back")
        self.verdict = mark_personal(QLabel(self))
        self.verdict.setObjectName("verify_verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setMargin(12)
        big = self.verdict.font()
        big.setPointSizeF(big.pointSizeF() * 1.4)
        big.setBold(True)
        self.verdict.setFont(big)
        self.verdict.setFrameShape(QFrame.Shape.NoFrame)
        self.verdict.hide()
        self.details = mark_personal(QLabel(self))
        self.details.setObjectName("verify_details")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        buttons = QHBoxLayout()
        for button in (self.verify_button, self.clear_button, self.back_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(heading)
        column.addWidget(intro)
        column.addLayout(form)
        column.addWidget(self.problems)
        column.addLayout(buttons)
        column.addWidget(self.verdict)
        column.addWidget(self.details)
        column.addStretch(1)

        self.verify_button.clicked.connect(self.verify)
        self.clear_button.clicked.connect(self.next_paper)
        self.back_button.clicked.connect(self.back_requested)
        for edit in self.fields.values():
            edit.returnPressed.connect(self.verify)
        for keys, slot in (("Ctrl+N", self.next_paper), ("Escape", self.back_requested.emit)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.setFocusProxy(self.serial)
        if personal_data is not None:
            personal_data.register(self, ClearPhase.VIEWS)

    @Slot()
    def verify(self) -> None:
        if not self.verify_button.isEnabled():
            return
        try:
            job = self.flow.submit({key: edit.text() for key, edit in self.fields.items()})
        except VerifyProblems as problems:
            self._show_problems(problems.problems)
            return
        self._show_problems({})
        self._show_result(None)
        self._set_busy(True)
        generation = self._generation

        def done(result: VerifyResult) -> None:
            if generation == self._generation:
                self._set_busy(False)
                self.flow.answered(result)
                self._show_result(result)
                self.verified.emit(result.verdict.value)

        def failed(error: Exception) -> None:
            if generation == self._generation:
                self._set_busy(False)
                self.flow.failed(error)
                self.problems.setText(refusal_text(error))
                self.verify_refused.emit(getattr(error, "code", "") or "")

        self._runner.operation(job, parent=self).success(done).failure(failed).run_in_background()

    def _set_busy(self, busy: bool) -> None:
        self.verify_button.setEnabled(not busy)
        for edit in self.fields.values():
            edit.setReadOnly(busy)

    def _show_problems(self, problems: Mapping[str, str]) -> None:
        for key, edit in self.fields.items():
            edit.setStyleSheet("border: 1px solid #b00020;" if key in problems else "")
        self.problems.setText("\n".join(problem_text(code) for code in problems.values()))
        first = next((self.fields[k] for k in self.fields if k in problems), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_result(self, result: VerifyResult | None) -> None:
        if result is None:
            self.verdict.clear()
            self.verdict.hide()
            self.details.clear()
            return
        self.verdict.setText(verdict_text(result.verdict))
        self.verdict.setStyleSheet(VERDICT_STYLES[result.verdict])
        self.verdict.show()
        self.details.setText(detail_text(result))

    @Slot()
    def next_paper(self) -> None:
        self.clear_personal_data()
        self.serial.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def clear_personal_data(self) -> None:
        self._generation += 1  # an answer still in flight is for a paper no longer here
        self.flow.clear()
        for edit in self.fields.values():
            edit.clear()
            edit.setReadOnly(False)
        self._show_problems({})
        self.problems.clear()
        self._show_result(None)
        self.verify_button.setEnabled(True)
