"""One resident's record: the current state, the household, the history, and the individual
number masked unless a person with number.view asks for it (the registry logs that read).

The revealed number lives here only until the next conceal (every shield), the next record or
a lock; the masked view shows no digit of it, as search results never carry one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from app.registry_api import HistoryEntry, Household, ResidentRecord
from app.registry_client import RegistryError
from app.workflows import Job
from app.workflows.errors import Problem, problem_of


class RecordApi(Protocol):
    def resident(self, resident_id: str, *, reveal_number: bool = ...) -> ResidentRecord: ...

    def history(self, resident_id: str) -> tuple[HistoryEntry, ...]: ...

    def household(self, household_number: str) -> Household: ...


class RecordStep(Enum):
    EMPTY = "empty"
    LOADING = "loading"
    SHOWN = "shown"


@dataclass(frozen=True)
class ResidentFile:
    record: ResidentRecord
    household: Household | None
    history: tuple[HistoryEntry, ...]


class NumberViewNotAllowed(PermissionError):
    """This person may not see individual numbers; the terminal does not even ask."""


def _load(api: RecordApi, resident_id: str) -> ResidentFile:
    record = api.resident(resident_id)
    household = None
    number = record.record.household_number
    if number and record.status == "resident":
        try:
            household = api.household(number)
        except RegistryError as exc:
            if exc.status != 404:  # a dissolved household: the record stands without it
                raise
    return ResidentFile(record, household, api.history(resident_id))


class RecordFlow:
    def __init__(self, api: RecordApi, *, can_view_number: bool) -> None:
        self._api = api
        self.can_view_number = can_view_number
        self.clear_personal_data()

    def clear_personal_data(self) -> None:
        self.step = RecordStep.EMPTY
        self.file: ResidentFile | None = None
        self.number: str | None = None
        self.problem: Problem | None = None
        self._wanted: str | None = None

    def open(self, resident_id: str) -> Job[ResidentFile]:
        self.conceal()
        self.step = RecordStep.LOADING
        self.problem = None
        self._wanted = resident_id
        api = self._api
        return lambda: _load(api, resident_id)

    def opened(self, file: ResidentFile) -> None:
        if file.record.id != self._wanted:
            return  # an earlier record answering late; the clerk has moved on
        self.file = file
        self.number = None
        self.step = RecordStep.SHOWN

    def failed(self, error: Exception) -> None:
        self.problem = problem_of(error)
        self.step = RecordStep.SHOWN if self.file is not None else RecordStep.EMPTY

    def reveal(self) -> Job[str | None]:
        """The job that reads the full number (access-logged by the registry)."""
        if not self.can_view_number:
            raise NumberViewNotAllowed()
        if self.file is None:
            raise LookupError("no record is open")
        api, resident_id = self._api, self.file.record.id
        return lambda: api.resident(resident_id, reveal_number=True).individual_number

    def revealed(self, number: str | None) -> None:
        if self.file is not None and self.can_view_number:
            self.number = number

    def conceal(self) -> None:
        self.number = None

    def conceal_personal_data(self) -> None:
        self.conceal()

    def close(self) -> None:
        self.clear_personal_data()
