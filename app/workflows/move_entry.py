"""Move entry (住民異動届) as a state machine: the entry, the draft and its review, the clerk's
confirmation that the entry matches the paper form, the commit, and a 409 conflict.

    EDITING ──submit──▶ DRAFTING ──drafted──▶ REVIEW ──confirm, commit──▶ COMMITTING ──▶ DONE
       ▲                   │ refused / unreachable   │ back                   │ 409
       └───────────────────┴─────────────────────────┘                        ▼
       ▲                                                   CONFLICT (what changed) ──redo──▶ DRAFTING
       └──────────────────── back, or the draft expired ──────────────┘

Nothing typed is lost: the entry stays in the flow through every refusal, conflict and
expiry, and goes only when the clerk starts a new notice or the session locks.

Idempotency: a draft request carries a key that stays the same as long as the body does, so a
resubmission after a lost answer gets the same draft; a changed entry, a conflict or an
abandoned draft take a new key (the old one would replay the stale draft). The commit of one
draft always carries that draft's commit key.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from enum import Enum
from typing import Any, Final, Protocol

from app.domain import clock
from app.registry_api import (
    Household,
    MoveKinds,
    MoveResult,
    MoveReview,
    MoveWarning,
    ResidentRecord,
    ResidentSummary,
)
from app.registry_client import new_idempotency_key
from app.workflows import Job
from app.workflows.dates import short_wareki
from app.workflows.errors import FORM, FieldErrors, Problem, problem_of
from app.workflows.move_conflict import ConflictChange, find_changes
from app.workflows.move_form import FormSpec, form_specs
from app.workflows.move_request import build_move_body
from app.workflows.move_review import ReviewRow, review_rows

SELF: Final = "本人"  # 届出人と本人との関係 when the person notifies themselves
_DRAFT_GONE: Final = frozenset({"move_expired", "move_discarded", "move_not_found"})
REDO_MESSAGE: Final = "下書きが使えなくなりました（期限切れまたは破棄）。内容を確かめて、もう一度確認に進んでください。"


class MovesApi(Protocol):
    def move_kinds(self) -> MoveKinds: ...

    def create_move(self, body: Mapping[str, Any], *, idempotency_key: str) -> MoveReview: ...

    def commit_move(self, move_id: str, *, idempotency_key: str) -> MoveResult: ...

    def discard_move(self, move_id: str) -> None: ...

    def resident(self, resident_id: str, *, reveal_number: bool = ...) -> ResidentRecord: ...

    def household(self, household_number: str) -> Household: ...


class MoveStep(Enum):
    EMPTY = "empty"  # no kind chosen yet
    EDITING = "editing"
    DRAFTING = "drafting"
    REVIEW = "review"
    COMMITTING = "committing"
    CONFLICT = "conflict"
    DONE = "done"


class StepError(RuntimeError):
    """An action that the current step does not allow (a UI bug, not the clerk's)."""


class NotConfirmed(StepError):
    """The clerk has not confirmed that the entry matches the paper form."""


class MoveEntryFlow:
    def __init__(
        self,
        api: MovesApi,
        *,
        today: Callable[[], date] = clock.today,
        new_key: Callable[[], str] = new_idempotency_key,
    ) -> None:
        self._api = api
        self._today = today
        self._new_key = new_key
        self.specs: dict[str, FormSpec] = {}
        self.labels: dict[str, str] = {}
        self.clear_personal_data()

    # -- kinds (not personal: they survive a lock) ----------------------------------------------

    def kinds_job(self) -> Job[MoveKinds]:
        api = self._api
        return api.move_kinds

    def kinds_loaded(self, kinds: MoveKinds) -> None:
        self.specs = form_specs(kinds)
        self.labels = dict(kinds.labels)

    @property
    def spec(self) -> FormSpec:
        if self.kind is None or self.kind not in self.specs:
            raise StepError("no kind of move chosen")
        return self.specs[self.kind]

    # -- the entry ------------------------------------------------------------------------------

    def clear_personal_data(self) -> None:
        self.step = MoveStep.EMPTY
        self.kind: str | None = None
        self.entry: dict[str, Any] = {}
        self.people: dict[str, ResidentSummary] = {}
        self.household: Household | None = None
        self._picked: list[ResidentSummary] = []
        self.errors: dict[str, str] = {}
        self.problem: Problem | None = None
        self.review: MoveReview | None = None
        self.body: dict[str, Any] = {}  # the request as last sent, normalised
        self.confirmed = False
        self.conflict: tuple[ConflictChange, ...] | None = None
        self.result: MoveResult | None = None
        self._draft_key: str | None = None
        self._draft_digest: str | None = None
        self._commit_key: str | None = None

    def start(self, kind: str, *, persons: Sequence[ResidentSummary] = (),
              household: Household | None = None) -> None:
        """A new notice of `kind`, for `persons` already in the register (if any)."""
        if kind not in self.specs:
            raise StepError(f"unknown kind {kind!r}")
        self.clear_personal_data()
        self.kind = kind
        spec = self.spec
        self.household = household
        self._picked = list(persons)
        members = list(household.members) if household is not None else []
        self.people = {p.id: p for p in [*members, *persons]}
        movers = [p.id for p in persons]
        if members and (spec.kind == "setainushi_henko" or spec.group == "tenkyo"):
            # 世帯主変更 restates every member's 続柄; a 転居 most often moves the whole
            # household (the clerk unticks whoever stays, and then names their household).
            movers = [m.id for m in members]
        entry: dict[str, Any] = {"kind": kind}
        if spec.notice_field("notified_on") is not None:
            entry["notified_on"] = short_wareki(self._today())
        if persons and spec.notice_field("notifier_name") is not None:
            # Started from the record of the person at the counter: most often they notify
            # themselves. Shown in the form and the review, and overtyped when someone else does.
            entry["notifier_name"] = persons[0].person.name.full
            if spec.notice_field("notifier_relationship") is not None:
                entry["notifier_relationship"] = SELF
        if spec.household_modes:
            entry["household"] = {"mode": spec.household_modes[0]}
        if spec.existing_persons:
            entry["persons"] = [{"id": i} for i in movers]
        else:
            entry["persons"] = [{}]
        if spec.has_remaining:
            entry["remaining"] = [{"id": m.id, "relationship": ""} for m in members
                                  if m.id not in movers]
        self.entry = entry
        self.step = MoveStep.EDITING

    def change_kind(self, kind: str) -> None:
        """Another kind for the same persons; what was typed stays (items the new form does
        not have are not sent)."""
        if kind not in self.specs:
            raise StepError(f"unknown kind {kind!r}")
        if self.step not in (MoveStep.EMPTY, MoveStep.EDITING):
            raise StepError("the kind can change only while editing")
        typed = self.entry
        was_existing = self.kind is not None and self.specs[self.kind].existing_persons
        typed_persons = [q for q in typed.get("persons", []) if isinstance(q, Mapping)]
        ids = [str(q["id"]) for q in typed_persons if q.get("id")]
        # Through an arrival form (no picked persons) the notice's persons are still the ones
        # it was started for.
        persons = [self.people[i] for i in ids if i in self.people] or self._picked
        self.start(kind, persons=persons, household=self.household)
        spec = self.spec
        for key, value in typed.items():
            if key == "persons":
                if was_existing == spec.existing_persons and kind != "setainushi_henko":
                    self.entry["persons"] = copy.deepcopy(typed_persons) or self.entry["persons"]
            elif key == "household":
                if isinstance(value, Mapping) and value.get("mode") in spec.household_modes:
                    self.entry["household"] = copy.deepcopy(dict(value))
            elif key == "remaining":
                if spec.has_remaining:
                    self.entry["remaining"] = copy.deepcopy(value)
            elif key != "kind":
                self.entry[key] = copy.deepcopy(value)

    def candidates(self) -> list[ResidentSummary]:
        """The persons the notice may name: the household's members and any picked person."""
        return list(self.people.values())

    def update(self, entry: Mapping[str, Any]) -> None:
        if self.step not in (MoveStep.EDITING, MoveStep.CONFLICT, MoveStep.REVIEW):
            raise StepError("the entry can change only while editing")
        self.entry = copy.deepcopy(dict(entry))
        self.entry["kind"] = self.kind

    # -- draft ----------------------------------------------------------------------------------

    def _key_for(self, body: Mapping[str, Any]) -> str:
        digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()
        if self._draft_key is None or self._draft_digest != digest:
            self._draft_key, self._draft_digest = self._new_key(), digest
        return self._draft_key

    def submit(self, entry: Mapping[str, Any] | None = None) -> Job[MoveReview]:
        """Check the entry and give the job that makes the draft; FieldErrors keeps the entry."""
        if self.step not in (MoveStep.EDITING, MoveStep.CONFLICT):
            raise StepError(f"cannot submit in step {self.step.value}")
        if entry is not None:
            self.update(entry)
        self.problem = None
        try:
            body = build_move_body(self.spec, self.entry, self._today())
        except FieldErrors as exc:
            self.errors = exc.errors
            self.step = MoveStep.EDITING
            raise
        self.errors = {}
        self.body = body
        key = self._key_for(body)
        self.step = MoveStep.DRAFTING
        api = self._api
        return lambda: api.create_move(body, idempotency_key=key)

    def drafted(self, review: MoveReview) -> None:
        if self.step is not MoveStep.DRAFTING:
            return
        self.review = review
        self.confirmed = False
        self.conflict = None
        self._commit_key = self._new_key()
        self.step = MoveStep.REVIEW

    def draft_failed(self, error: Exception) -> None:
        problem = problem_of(error)
        self.problem = problem
        if problem.code == "idempotency_key_reused":
            self._draft_key = None
        if not problem.retryable:
            self.errors = {problem.field or FORM: problem.message}
        self.step = MoveStep.EDITING

    def review_rows(self) -> list[ReviewRow]:
        """The draft as the clerk reads it against the paper form."""
        return [] if self.review is None else review_rows(self.review, self.body, self.labels)

    def warnings_at(self, path: str) -> list[MoveWarning]:
        if self.review is None:
            return []
        return [w for w in self.review.warnings if w.field == path]

    # -- review and commit ----------------------------------------------------------------------

    def confirm(self, matches_paper: bool) -> None:
        if self.step is not MoveStep.REVIEW:
            raise StepError("nothing to confirm")
        self.confirmed = matches_paper

    def commit(self) -> Job[MoveResult]:
        if self.step is not MoveStep.REVIEW or self.review is None or self._commit_key is None:
            raise StepError("no draft to commit")
        if not self.confirmed:
            raise NotConfirmed()
        self.problem = None
        self.step = MoveStep.COMMITTING
        api, move_id, key = self._api, self.review.id, self._commit_key
        return lambda: api.commit_move(move_id, idempotency_key=key)

    def committed(self, result: MoveResult) -> None:
        self.result = result
        self.step = MoveStep.DONE
        self._draft_key = self._draft_digest = self._commit_key = None

    def commit_failed(self, error: Exception) -> None:
        problem = problem_of(error)
        self.problem = problem
        if problem.code == "version_conflict":
            self._draft_key = None  # the same key would replay the stale draft
            self.conflict = None
            self.step = MoveStep.CONFLICT
        elif problem.code in _DRAFT_GONE:
            self._draft_key = None
            self.review = None
            self.errors = {FORM: REDO_MESSAGE}
            self.step = MoveStep.EDITING
        else:
            self.step = MoveStep.REVIEW  # retried with the same commit key

    def conflict_job(self) -> Job[tuple[ConflictChange, ...]]:
        if self.step is not MoveStep.CONFLICT or self.review is None:
            raise StepError("no conflict to explain")
        api, review, labels = self._api, self.review, dict(self.labels)
        return lambda: find_changes(api, review, labels)

    def conflict_found(self, changes: tuple[ConflictChange, ...]) -> None:
        if self.step is MoveStep.CONFLICT:
            self.conflict = changes

    def redo(self) -> Job[MoveReview]:
        """After a conflict: the same entry drafted again against the register as it is now."""
        if self.step is not MoveStep.CONFLICT:
            raise StepError("nothing to redo")
        return self.submit()

    def back_to_edit(self) -> Job[None] | None:
        """Leave the review (or conflict) for the entry; the job discards the draft."""
        if self.step not in (MoveStep.REVIEW, MoveStep.CONFLICT):
            raise StepError("not reviewing")
        review = self.review
        self.review, self.confirmed, self.conflict, self.problem = None, False, None, None
        self._draft_key = self._commit_key = None
        self.step = MoveStep.EDITING
        if review is None:
            return None
        api = self._api
        return lambda: api.discard_move(review.id)

    def abandon(self) -> Job[None] | None:
        """Drop everything (a new notice, or a lock); the job discards a pending draft."""
        review = self.review if self.step in (MoveStep.REVIEW, MoveStep.CONFLICT) else None
        self.clear_personal_data()
        if review is None:
            return None
        api = self._api
        return lambda: api.discard_move(review.id)
