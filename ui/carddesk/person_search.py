"""Finding the person at the card desk: the counter's search form and result list
(ui/search), driven by the desk flow's SearchFlow on the background runner. Enter searches,
the list takes the focus, Enter on a row asks for that person, Esc goes back to the form."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.registry_api import SearchPage as ResultPage
from app.session.personal_data import PersonalDataRegistry
from app.workflows.errors import FieldErrors
from app.workflows.search import SearchFlow
from ui.operations import OperationRunner
from ui.search.form import SearchFormView
from ui.search.results import ResultsView


class PersonSearch(QWidget):
    open_requested = Signal(str)  # 宛名番号

    def __init__(self, flow: SearchFlow, runner: OperationRunner, registry: PersonalDataRegistry,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow, self._runner = flow, runner
        self.form = SearchFormView(registry, self)
        self.results = ResultsView(registry, self)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.form)
        column.addWidget(self.results, 1)
        self.setTabOrder(self.form.clear_button, self.results.table)
        self.setFocusProxy(self.form)
        self.form.search_requested.connect(self.search)
        self.results.open_requested.connect(self.open_requested)
        self.results.more_requested.connect(self.more)
        self.results.back_requested.connect(self.focus_form)

    @Slot()
    def focus_form(self) -> None:
        self.form.name.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot(dict)
    def search(self, values: dict[str, str]) -> None:
        try:
            job = self.flow.search(values)
        except FieldErrors:
            self.form.show_errors(self.flow.errors)
            return
        self.form.show_errors({})
        self.form.set_busy(True)
        self._runner.operation(job, parent=self).success(self._searched) \
            .failure(self._failed).run_in_background()

    @Slot()
    def more(self) -> None:
        job = self.flow.more()
        if job is not None:
            self._runner.operation(job, parent=self).success(self._searched) \
                .failure(self._failed).run_in_background()

    def _searched(self, page: ResultPage) -> None:
        self.flow.searched(page)
        self.form.set_busy(False)
        self.results.show_results(self.flow.results, self.flow.has_more, keep_row=page.offset > 0)
        if self.flow.results:
            self.results.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, error: Exception) -> None:
        self.flow.failed(error)
        self.form.set_busy(False)
        self.results.show_results(self.flow.results, self.flow.has_more, keep_row=True)
        self.form.show_errors(self.flow.errors)
        if self.flow.problem is not None and not self.flow.errors:
            self.form.show_problem(self.flow.problem.message)

    def clear_personal_data(self) -> None:
        self.form.clear_personal_data()
        self.results.clear_personal_data()
