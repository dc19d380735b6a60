"""Search and record side by side: the views of SearchFlow and RecordFlow, their jobs run on
the background runner. Enter searches, the list takes the focus, Enter opens the record, Esc
steps back (record → list → form)."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from app.registry_api import RegistryApi
from app.registry_api import SearchPage as ResultPage
from app.session.personal_data import ClearPhase, PersonalDataRegistry
from app.workflows.errors import FieldErrors
from app.workflows.record import RecordFlow, ResidentFile
from app.workflows.search import SearchFlow
from ui.i18n import translate
from ui.operations import OperationRunner
from ui.search.form import SearchFormView
from ui.search.record import RecordView
from ui.search.results import ResultsView


class _NoRegistry:
    """Stands in for the API when the terminal has no registry connection (no calls made)."""

    def __getattr__(self, name: str) -> object:
        raise RuntimeError("no registry connection")


class SearchPage(QWidget):
    move_requested = Signal()  # for the person whose record is open
    certificate_requested = Signal()  # likewise
    identity_requested = Signal()  # likewise
    record_shown = Signal()
    cleared = Signal()  # 条件をクリア: nothing of the last search or record is on screen

    def __init__(self, api: RegistryApi | None, runner: OperationRunner,
                 registry: PersonalDataRegistry, *, can_view_number: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_page")
        self._runner, self._personal_data = runner, registry
        backend = api if api is not None else _NoRegistry()
        self.search_flow = SearchFlow(backend)  # type: ignore[arg-type]
        self.record_flow = RecordFlow(backend, can_view_number=can_view_number)  # type: ignore[arg-type]
        self.form = SearchFormView(registry, self)
        self.results = ResultsView(registry, self)
        self.record = RecordView(registry, can_reveal=can_view_number, parent=self)
        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.form)
        left_column.addWidget(self.results, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.record)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        QVBoxLayout(self).addWidget(splitter)
        self.setTabOrder(self.form.clear_button, self.results.table)
        self.setTabOrder(self.results.table, self.results.more_button)
        self.setFocusProxy(self.form)

        self.form.search_requested.connect(self.search)
        self.form.clear_button.clicked.connect(self.start_over)
        self.results.open_requested.connect(self.open_record)
        self.results.more_requested.connect(self.more)
        self.results.back_requested.connect(self.focus_form)
        self.record.back_requested.connect(self._back_to_results)
        self.record.move_requested.connect(self.move_requested)
        self.record.certificate_requested.connect(self.certificate_requested)
        self.record.identity_requested.connect(self.identity_requested)
        self.record.number.reveal_requested.connect(self.reveal_number)
        self.record.number.number_concealed.connect(self.record_flow.conceal)
        if api is None:
            self.form.set_busy(True)
            self.form.show_problem(translate("CounterSearch", "住基システムに接続されていません。"))
        registry.register(self, ClearPhase.MODELS)

    # -- search -----------------------------------------------------------------------------------

    @Slot(dict)
    def search(self, values: dict[str, str]) -> None:
        try:
            job = self.search_flow.search(values)
        except FieldErrors:
            self.form.show_errors(self.search_flow.errors)
            return
        self.form.show_errors({})
        self.form.set_busy(True)
        self._runner.operation(job, parent=self).success(self._searched) \
            .failure(self._search_failed).run_in_background()

    @Slot()
    def more(self) -> None:
        job = self.search_flow.more()
        if job is not None:
            self.results.more_button.setEnabled(False)
            self._runner.operation(job, parent=self).success(self._searched) \
                .failure(self._search_failed).run_in_background()

    def _searched(self, page: ResultPage) -> None:
        self.search_flow.searched(page)
        self.form.set_busy(False)
        self.results.more_button.setEnabled(True)
        self.results.show_results(self.search_flow.results, self.search_flow.has_more,
                                  keep_row=page.offset > 0)
        if self.search_flow.results and self.isVisible():  # read again behind another tab: no focus
            self.results.setFocus(Qt.FocusReason.OtherFocusReason)

    def _search_failed(self, error: Exception) -> None:
        flow = self.search_flow
        flow.failed(error)
        self.form.set_busy(False)
        self.results.more_button.setEnabled(True)
        if flow.results:  # a further page failed: the pages already shown stay
            self.results.show_results(flow.results, flow.has_more, keep_row=True)
        else:  # not 「該当する住民はいません」: nothing was searched
            self.results.clear_personal_data()
        self.form.show_errors(flow.errors)
        if flow.problem is not None and not flow.errors:
            self.form.show_problem(flow.problem.message)

    @Slot()
    def start_over(self) -> None:
        """The next customer: the conditions (the form empties itself), the results, the open
        record and what this terminal put on the clipboard all go, so no key acts on the last
        person any more."""
        self.clear_personal_data()
        self.results.clear_personal_data()
        self.record.clear_personal_data()
        # A name copied for the last customer is not pasted for the next one.
        self._personal_data.drop_phase(ClearPhase.CLIPBOARD)
        self.cleared.emit()
        self.focus_form()

    def register_changed(self, residents: Collection[str], households: Collection[str]) -> None:
        """A move was committed for these residents and households: what is shown of them is
        read again, so that no clerk reads an old address to the resident."""
        file = self.record_flow.file
        if file is not None and (
            file.record.id in residents
            or (file.household is not None and (file.household.household_number in households
                                                or any(m.id in residents for m in file.household.members)))
        ):
            self.open_record(file.record.id)
        flow = self.search_flow
        if flow.values and any(r.id in residents for r in flow.results):
            self.search(flow.values)

    @Slot()
    def focus_form(self) -> None:
        self.form.name.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- record -----------------------------------------------------------------------------------

    @Slot(str)
    def open_record(self, resident_id: str) -> None:
        self.record.clear_personal_data()
        job = self.record_flow.open(resident_id)
        self._runner.operation(job, parent=self).success(self._opened) \
            .failure(self._open_failed).run_in_background()

    def _opened(self, file: ResidentFile) -> None:
        self.record_flow.opened(file)
        if self.record_flow.file is file:
            self.record.show_file(file)
            if self.isVisible():
                self.record.setFocus(Qt.FocusReason.OtherFocusReason)
            self.record_shown.emit()

    def _open_failed(self, error: Exception) -> None:
        self.record_flow.failed(error)
        if self.record_flow.problem is not None:
            self.record.show_problem(self.record_flow.problem.message)

    @Slot()
    def reveal_number(self) -> None:
        try:
            job = self.record_flow.reveal()
        except (PermissionError, LookupError):
            return
        self._runner.operation(job, parent=self).success(self._revealed) \
            .failure(self._open_failed).run_in_background()

    def _revealed(self, number: str | None) -> None:
        self.record_flow.revealed(number)
        if self.record_flow.number:
            self.record.number.show_revealed(self.record_flow.number)

    @Slot()
    def _back_to_results(self) -> None:
        self.results.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- lock -------------------------------------------------------------------------------------

    def current_file(self) -> ResidentFile | None:
        return self.record_flow.file

    def conceal_personal_data(self) -> None:
        self.record_flow.conceal()

    def clear_personal_data(self) -> None:
        self.search_flow.clear_personal_data()
        self.record_flow.clear_personal_data()
