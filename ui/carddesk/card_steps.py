"""The card steps of the desk: probe (tries left of every PIN), read with the holder's PIN and
compare with the register (the number by the registry), read the face with 照合番号B. Card
jobs run on the CardBridge's card thread, the number check on the OperationRunner; outcomes go
to the flow and then to the card panel and the comparison table."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot

from app.domain.errors import DomainError
from app.workflows.card_desk import MESSAGES, CardDeskFlow, EventRefused
from app.workflows.dates import parse_date_input
from cardreader.models import BasicInfo, CardFace, ProbeResult
from ui.card.bridge import CardBridge
from ui.carddesk.card_panel import CardPanel
from ui.carddesk.tables import ComparisonModel, comparison_rows
from ui.i18n import translate
from ui.operations import OperationRunner


class CardSteps(QObject):
    probed = Signal()
    compared = Signal(bool)  # every item matches
    face_shown = Signal(bool)  # expired
    problem = Signal(str, str)  # code, Japanese message for the desk's message line
    problem_gone = Signal()  # a new card, or one that matches: the last problem no longer holds
    changed = Signal()  # what the flow allows may have changed

    def __init__(self, flow: CardDeskFlow, bridge: CardBridge, runner: OperationRunner,
                 panel: CardPanel, comparison: ComparisonModel, parent: QObject) -> None:
        super().__init__(parent)
        self.flow, self.bridge, self._runner = flow, bridge, runner
        self.panel, self.comparison = panel, comparison
        panel.probe_requested.connect(self.probe)
        panel.read_requested.connect(self.read_card)
        panel.face_requested.connect(self.read_face)

    def _card_problem(self) -> None:
        problem = self.flow.problem
        if problem is not None:
            self.panel.show_message(problem.message)

    def forget(self) -> None:
        """The card was taken away (or another person chosen): nothing read stays."""
        self.comparison.set_rows([])
        self.panel.clear_card()

    @Slot()
    def probe(self) -> None:
        self.bridge.run(self.flow.probe(), success=self._probed, failure=self._failed,
                        parent=self)

    def _probed(self, result: ProbeResult) -> None:
        self.flow.probed(result)
        self.panel.show_pins(self.flow.pins)
        self.panel.show_message(self.flow.problem.message if self.flow.problem else "")
        self.probed.emit()

    @Slot()
    def read_card(self) -> None:
        if not self.panel.pin.is_complete():
            return
        pin = self.panel.pin.take()
        try:
            starter = self.flow.read(pin)
        except EventRefused as refused:
            self.problem.emit(refused.problem.code, refused.problem.message)
            return
        self.comparison.set_rows([])
        self._reading(True)
        self.problem_gone.emit()
        self.bridge.run(starter, success=self._basic_read, failure=self._failed, parent=self)

    def _reading(self, busy: bool) -> None:
        """While the card answers (a slow card takes seconds): say so, and take no second read."""
        self.panel.read_button.setEnabled(not busy)
        self.panel.show_message(translate("CardDesk", "カードを読み取っています…") if busy else "")

    def _basic_read(self, info: BasicInfo) -> None:
        self._reading(False)
        job = self.flow.basic_read(info)
        self.panel.show_pins(self.flow.pins)
        self._runner.operation(job, parent=self).success(self._number_checked) \
            .failure(self._check_failed).run_in_background()

    def _number_checked(self, matches: bool) -> None:
        self.flow.number_checked(matches)
        comparison = self.flow.comparison
        self.comparison.set_rows(comparison_rows(comparison))
        if comparison is not None and not comparison.all_match:
            self.problem.emit("card_mismatch", MESSAGES["card_mismatch"])
        else:
            self.problem_gone.emit()
        self.changed.emit()
        self.panel.birth.setFocus(Qt.FocusReason.OtherFocusReason)
        self.compared.emit(comparison is not None and comparison.all_match)

    def _check_failed(self, error: Exception) -> None:
        self.flow.open_failed(error)  # the person stays; the registry's problem is shown
        if self.flow.problem is not None:
            self.problem.emit(self.flow.problem.code, self.flow.problem.message)

    @Slot()
    def read_face(self) -> None:
        if self.flow.person is None:
            return
        birth = self.panel.birth.value()
        try:
            born = parse_date_input(birth["text"], birth["era"], field="birth_date")
            year = int(self.panel.expiry_year.text().strip() or "0")
        except (DomainError, ValueError):
            self.panel.show_message(translate("CardDesk", "生年月日と有効期限の年を確認してください。"))
            return
        if not self.panel.security_code.is_complete():
            self.panel.show_message(translate("CardDesk", "セキュリティコード（4桁）を入力してください。"))
            self.panel.security_code.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        code = self.panel.security_code.take()
        starter = self.flow.read_face(birth_date=born, expiry_year=year, security_code=code)
        self._reading(True)
        self.bridge.run(starter, success=self._face_read, failure=self._failed, parent=self)

    def _face_read(self, face: CardFace) -> None:
        self._reading(False)
        self.flow.face_read(face)
        check = self.flow.face
        assert check is not None
        self.panel.show_face(check)
        if check.expired:
            self.problem.emit("card_expired", MESSAGES["card_expired"])
        self.changed.emit()
        self.face_shown.emit(check.expired)

    def _failed(self, error: Exception) -> None:
        self._reading(False)
        self.flow.card_failed(error)
        self.panel.show_pins(self.flow.pins)
        self._card_problem()
        if self.flow.problem is not None:
            self.problem.emit(self.flow.problem.code, "")
        self.changed.emit()
