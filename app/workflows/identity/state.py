"""What an identity check holds: the step and the card's stage, the person, the documents, what
the card showed, the answers and the record; the facts derived from them (does the card count,
are questions needed), and the emptying of it all on a lock.

The steps build on this state: app/workflows/identity/card.py (the card),
app/workflows/identity/review.py (questions, review, record), and
app/workflows/identity/flow.py, which joins them into IdentityFlow.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import Enum
from typing import Any

from app.card_match import CardComparison
from app.domain.identity_documents import PHOTO_IDS, Assessment, Document
from app.registry_api import Person
from app.workflows.errors import FieldErrors, Problem
from app.workflows.identity.api import CheckedPerson, IdentityApi, IdentityCheckResult
from app.workflows.identity.messages import MESSAGES
from cardreader.models import BasicInfo, CardFace


class IdentityStep(Enum):
    PERSON = "person"  # who is checked
    DOCUMENTS = "documents"  # what was presented, and why
    CARD = "card"  # the Individual Number Card: probe, PIN, read, compare, face
    QUESTIONS = "questions"  # answers about the registered data
    REVIEW = "review"  # the assessment; record
    DONE = "done"


class CardStage(Enum):
    WAITING = "waiting"  # no card or not probed yet
    PROBING = "probing"
    PIN = "pin"  # tries known, PIN awaited from the card holder
    READING = "reading"  # PIN sent, items being read
    CHECKING = "checking"  # the registry compares the number
    COMPARED = "compared"  # the comparison is shown
    FACE = "face"  # reading the face with 照合番号B
    FACE_SHOWN = "face_shown"  # the face photo waits for the clerk's judgement


class IdentityState:
    def __init__(self, api: IdentityApi | None, *, purpose: str = "certificate") -> None:
        self._api = api
        self._default_purpose = purpose
        self.clear_personal_data()

    def clear_personal_data(self) -> None:
        self.step = IdentityStep.PERSON
        self.checked: CheckedPerson | None = None
        self.purpose = self._default_purpose
        self.documents: tuple[Document, ...] = ()
        self.problem: Problem | None = None
        self.errors: dict[str, str] = {}
        self.busy = False
        self._reset_card()
        self.questions_asked = 0
        self.questions_correct = 0
        self.assessment: Assessment | None = None
        self.result: IdentityCheckResult | None = None
        self._idempotency_key: str | None = None
        self._sent_body: dict[str, Any] | None = None

    def _reset_card(self) -> None:
        self.card_stage = CardStage.WAITING
        self.tries_left: int | None = None
        self.pin_blocked = False
        self.pin_verified = False
        self.comparison: CardComparison | None = None
        self.face: CardFace | None = None
        self.face_compared = False
        self._card: BasicInfo | None = None  # only between the read and the number check
        self._card_birth_date: date | None = None

    @property
    def person(self) -> Person | None:
        return None if self.checked is None else self.checked.person

    @property
    def uses_card(self) -> bool:
        return Document.MY_NUMBER_CARD in self.documents

    @property
    def has_other_photo_id(self) -> bool:
        return any(d in PHOTO_IDS and d is not Document.MY_NUMBER_CARD for d in self.documents)

    @property
    def needs_questions(self) -> bool:
        return not self.has_other_photo_id and not self.card_counts

    @property
    def card_counts(self) -> bool:
        """The card identifies this person: verified by PIN or face, and its items (if read)
        are the register's."""
        if not self.uses_card:
            return False
        if self.comparison is not None and not self.comparison.all_match:
            return False
        return (self.pin_verified and self.comparison is not None) or self.face_compared

    def _mismatch_problem(self) -> Problem | None:
        if self.comparison is None or self.comparison.all_match:
            return None
        wrong = self.comparison.mismatches
        if [f.field for f in wrong] == ["individual_number"]:
            return Problem("card_mismatch", MESSAGES["number_mismatch"])
        labels = "、".join(f.label for f in wrong)
        return Problem("card_mismatch", MESSAGES["items_mismatch"].replace("%1", labels))

    def _api_or_fail(self) -> IdentityApi:
        if self._api is None:
            raise RuntimeError("no registry connection")
        return self._api

    def _fail_fields(self, errors: Mapping[str, str]) -> FieldErrors:
        self.errors = dict(errors)
        return FieldErrors(errors)
