"""The resident search: the form, the two-item rule explained before the registry refuses, the
result list (never an individual number) and paging.

Form values are plain strings keyed as in SEARCH_FIELDS (`birth_era` is the era chosen beside
the birth date, for input like 55.2.17).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, Final, Protocol

from app.domain import search_rule
from app.domain.errors import DomainError
from app.domain.search_rule import SearchCriteria
from app.domain.text import clean_text
from app.registry_api import ResidentSummary, SearchPage
from app.workflows import Job
from app.workflows.dates import parse_date_input
from app.workflows.errors import FORM, FieldErrors, Problem, problem_of

SEARCH_FIELDS: Final = ("name", "birth_date", "birth_era", "address", "sex", "resident_code")
SEXES: Final = ("", "1", "2")
PAGE_SIZE: Final = 20
RULE_MESSAGE: Final = "氏名・生年月日・住所のうち二つ以上を入力してください（住民票コードだけでも検索できます）。"


class SearchApi(Protocol):
    def search(self, criteria: SearchCriteria, *, limit: int = ..., offset: int = ...,
               include_removed: bool = ...) -> SearchPage: ...


class SearchStep(Enum):
    FORM = "form"
    SEARCHING = "searching"
    RESULTS = "results"


@dataclass(frozen=True, slots=True)
class RuleStatus:
    counted: frozenset[str]  # of name, birth_date, address
    by_code: bool  # a 住民票コード alone suffices
    satisfied: bool

    @property
    def missing(self) -> int:
        """How many more of the three items the rule needs (0 when satisfied)."""
        return 0 if self.satisfied else max(0, 2 - len(self.counted))


def _text(values: Mapping[str, Any], key: str) -> str:
    value = values.get(key)
    return "" if value is None else str(value).strip()


def _criteria(values: Mapping[str, Any], errors: dict[str, str] | None) -> SearchCriteria:
    """Criteria from the form; with `errors` given, bad items are reported there and left out."""

    def fail(field: str, message: str) -> None:
        if errors is not None:
            errors[field] = message

    def text(key: str, label: str, limit: int) -> str | None:
        try:
            return clean_text(_text(values, key), key, label, limit)
        except DomainError as err:
            fail(key, err.message)
            return None

    name, address = text("name", "氏名", 60), text("address", "住所", 120)
    birth = None
    if _text(values, "birth_date"):
        try:
            birth = parse_date_input(_text(values, "birth_date"), _text(values, "birth_era") or None,
                                     field="birth_date")
        except DomainError as err:
            fail("birth_date", err.message)
    sex = _text(values, "sex")
    if sex not in SEXES:
        fail("sex", "性別の指定が正しくありません。")
        sex = ""
    code = unicodedata.normalize("NFKC", _text(values, "resident_code")).replace("-", "")
    if code and not (len(code) == 11 and code.isascii() and code.isdigit()):
        fail("resident_code", "住民票コードは11桁の数字です。")
        code = ""
    return SearchCriteria(name=name, birth_date=birth, address=address, sex=sex or None,
                          resident_code=code or None)


def rule_status(values: Mapping[str, Any]) -> RuleStatus:
    """How far the form meets the identity-search rule, for the hint shown while typing."""
    criteria = _criteria(values, None)
    counted = frozenset(search_rule.counted_items(criteria))
    by_code = criteria.resident_code is not None
    try:
        search_rule.check(criteria)
        satisfied = True
    except DomainError:
        satisfied = False
    return RuleStatus(counted, by_code, satisfied)


def criteria_from_form(values: Mapping[str, Any]) -> SearchCriteria:
    """The criteria to send; FieldErrors for bad items or when the rule is not met (key FORM)."""
    errors: dict[str, str] = {}
    criteria = _criteria(values, errors)
    if not errors:
        try:
            search_rule.check(criteria)
        except DomainError:
            errors[FORM] = RULE_MESSAGE
    if errors:
        raise FieldErrors(errors)
    return criteria


class SearchFlow:
    def __init__(self, api: SearchApi, page_size: int = PAGE_SIZE) -> None:
        self._api = api
        self._page_size = page_size
        self._criteria: SearchCriteria | None = None
        self.clear_personal_data()

    def clear_personal_data(self) -> None:
        self.step = SearchStep.FORM
        self.values: dict[str, str] = {}
        self.errors: dict[str, str] = {}
        self.problem: Problem | None = None
        self.results: list[ResidentSummary] = []
        self.has_more = False
        self._next_offset: int | None = None
        self._criteria = None
        self._paging = False

    def search(self, values: Mapping[str, Any]) -> Job[SearchPage]:
        """Check the form and give the job that searches; FieldErrors keeps the values."""
        self.values = {k: _text(values, k) for k in SEARCH_FIELDS}
        self.problem = None
        try:
            criteria = criteria_from_form(self.values)
        except FieldErrors as exc:
            self.errors = exc.errors
            self.step = SearchStep.FORM
            raise
        self.errors = {}
        self._criteria = criteria
        self._paging = False
        self.step = SearchStep.SEARCHING
        api, limit = self._api, self._page_size
        return lambda: api.search(criteria, limit=limit, offset=0)

    def more(self) -> Job[SearchPage] | None:
        """The next page of the same search, or None if there is none."""
        criteria, offset = self._criteria, self._next_offset
        if criteria is None or offset is None or not self.has_more:
            return None
        self._paging = True
        self.step = SearchStep.SEARCHING
        api, limit = self._api, self._page_size
        return lambda: api.search(criteria, limit=limit, offset=offset)

    def searched(self, page: SearchPage) -> None:
        self.results = (self.results if page.offset else []) + list(page.items)
        self.has_more = page.has_more
        self._next_offset = page.next_offset
        self.step = SearchStep.RESULTS

    def failed(self, error: Exception) -> None:
        """The registry refused or could not be reached: the form keeps every value."""
        problem = problem_of(error)
        self.problem = problem
        if problem.field is not None and problem.field in SEARCH_FIELDS:
            self.errors = {problem.field: problem.message}
        elif problem.code == "search_too_broad":
            self.errors = {FORM: problem.message or RULE_MESSAGE}
        if not self._paging:
            # The list on screen answered another search: showing it now would mislead.
            self.results, self.has_more = [], False
        self.step = SearchStep.RESULTS if self.results else SearchStep.FORM

    def back_to_form(self) -> None:
        self.step = SearchStep.FORM
