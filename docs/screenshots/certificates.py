"""The 窓口 workspace's 証明書 tab: the order (本人, and a third party for whom the restricted
items are greyed out, with the reason the clerk reads on them), the certificate issued and
rendered from memory in the preview, and the 真正確認 of that paper. No seal is configured
here: the specimen seal with 見本 across it, as on a terminal without one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QToolTip, QWidget

from app.domain.wareki import format_wareki
from docs.screenshots.stage import Scene, Stage
from tests.ui_counter.subjects import Subject, pick_household_head


def _desk_for(stage: Stage) -> tuple[Any, Any, Subject]:
    """The 証明書 tab, an order for a household head's 住民票の写し started as Shift+F8 from
    the open record starts it."""
    subject = pick_household_head(stage.engine)
    workspace = stage.counter(certificates=True)
    page = workspace.certificates
    workspace.tabs.setCurrentWidget(page)
    page.start_for(persons=(subject.atena,), kind="juminhyo_individual")
    return workspace, page.desk, subject


def _issued(stage: Stage) -> tuple[Any, Any, Subject]:
    workspace, desk, subject = _desk_for(stage)
    form = desk.form
    form.requester_type.setCurrentIndex(form.requester_type.findData("self"))
    form.requester_person.setText(subject.atena)
    for code in ("relationship", "head", "address_settled", "honseki"):  # 本籍: 本人 may ask for it
        form.items[code].setChecked(True)
    desk.issue()
    stage.wait_until(lambda: desk.desk.issued is not None and desk.preview.document() is not None)
    return workspace, desk, subject


def issued(stage: Stage) -> QWidget:
    workspace, _, _ = _issued(stage)
    return workspace


def third_party(stage: Stage) -> QWidget:
    """A third party's order: the restricted items greyed out, and the tooltip the clerk
    sees on one, painted over the screen where Qt shows it (a tooltip is a window of its own,
    which a grab of the workspace leaves out)."""
    workspace, desk, _ = _desk_for(stage)
    form = desk.form
    form.requester_type.setCurrentIndex(form.requester_type.findData("third_party"))
    form.requester_name.setText("見本商事株式会社　見本\u3000一郎")
    form.interest.setText("貸付金の返済請求のため（契約書の写しを確認）")
    form.interest.setCursorPosition(0)
    stage.settle()
    item = form.items["resident_code"]
    assert not item.isEnabled() and item.toolTip()
    at = item.mapToGlobal(QPoint(item.width() // 3, item.height()))
    QToolTip.showText(at, item.toolTip(), item)
    stage.settle(200)
    tips = [w for w in QApplication.topLevelWidgets()
            if w.inherits("QTipLabel") and w.isVisible()]
    shot = workspace.grab()
    if tips:
        painter = QPainter(shot)
        painter.drawPixmap(workspace.mapFromGlobal(tips[0].pos()), tips[0].grab())
        painter.end()
    QToolTip.hideText()
    return _picture(stage, shot)


def _picture(stage: Stage, shot: QPixmap) -> QWidget:
    label = QLabel()
    label.setPixmap(shot)
    label.resize(shot.size())
    stage.shown.append(label)
    return label


def verified(stage: Stage) -> QWidget:
    workspace, desk, _ = _issued(stage)
    issued_now = desk.desk.issued
    printed = issued_now.certificate.persons[0]
    page = workspace.certificates
    page.show_verify()
    view = page.verify
    view.serial.setText(issued_now.serial)
    view.code.setText(issued_now.certificate.verification.code)
    view.name.setText(printed.name.text)
    view.birth_date.setText(format_wareki(printed.birth_date) if printed.birth_date else "")
    view.verify()
    stage.wait_until(lambda: view.flow.result is not None and view.verdict.isVisible())
    return workspace


SCENES: list[Scene] = [
    Scene("certificates-third-party", "証明書の請求（第三者）: 本籍・個人番号・住民票コードは選べず、その理由（項目に重ねたときのツールチップ）",
          third_party),
    Scene("certificates-issued", "証明書の発行: 本人の請求、発行した住民票の写しをメモリ上でプレビュー（見本の公印）",
          issued),
    Scene("certificates-verify", "証明書の真正確認: 証明書番号・照合番号と印字された氏名・生年月日が発行時と一致",
          verified),
]
