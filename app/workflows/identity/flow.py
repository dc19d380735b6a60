"""The identity check at the counter (本人確認), without widgets: IdentityFlow, which leads
from one step to the next.

    choose the person (宛名番号, or the record open in the search)
      → what was presented (documents) and why (purpose)
      → 個人番号カード among them: the card step (app/workflows/identity/card.py)
      → no photo ID: questions about the registered data
      → review → record (app/workflows/identity/review.py) → done

Two kinds of work go out of the flow: registry *jobs* (`Job[T]`, run on a worker, as the other
flows) and *card jobs* (`CardJob[T]`, see card.py). The outcome comes back through the method
named for it (`looked_up`, `probed`, `number_checked`, `recorded`, ... or `card_failed` /
`failed`). A lock drops all (`clear_personal_data`, app/workflows/identity/state.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from app.domain.identity_documents import INSUFFICIENT, LABELS, Document
from app.domain.text import is_ascii_digits
from app.registry_api import Person
from app.workflows import Job
from app.workflows.errors import FieldErrors, Problem, problem_of
from app.workflows.identity.api import CheckedPerson
from app.workflows.identity.card import CardSteps
from app.workflows.identity.messages import MESSAGES, PURPOSES
from app.workflows.identity.review import ReviewSteps
from app.workflows.identity.state import CardStage, IdentityStep


def documents_of(values: Iterable[Document | str]) -> tuple[Document, ...]:
    """Documents in the order of the Document enum, each once; unknown values are refused."""
    try:
        chosen = {Document(v) for v in values}
    except ValueError:
        raise FieldErrors({"documents": MESSAGES["no_documents"]}) from None
    return tuple(d for d in Document if d in chosen)


class IdentityFlow(CardSteps, ReviewSteps):
    # -- the person ---------------------------------------------------------------------------

    def lookup(self, resident_id: str) -> Job[CheckedPerson]:
        """A job reading the person with this 宛名番号 (10 digits)."""
        value = resident_id.strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
        if not is_ascii_digits(value, 10):
            raise self._fail_fields({"resident_id": MESSAGES["resident_id"]})
        self.errors, self.problem, self.busy = {}, None, True
        api = self._api_or_fail()
        return lambda: api.person(value)

    def looked_up(self, checked: CheckedPerson) -> None:
        self.busy = False
        self.choose_person(checked.resident_id, checked.person, status=checked.status)

    def choose_person(self, resident_id: str, person: Person, *, status: str = "resident") -> None:
        """Start a check for this person (from the lookup, or the record open in the search)."""
        purpose = self.purpose
        self.clear_personal_data()
        self.purpose = purpose
        if status != "resident" or person.removed_on is not None:
            self.problem = Problem("not_resident", MESSAGES["not_resident"])
            return
        self.checked = CheckedPerson(resident_id, person, status)
        self.step = IdentityStep.DOCUMENTS

    def failed(self, error: Exception) -> None:
        """A registry job failed (lookup, number check or record)."""
        self.busy = False
        self.problem = problem_of(error)
        if self.step is IdentityStep.CARD and self.card_stage is CardStage.CHECKING:
            # The card was read; only the registry's answer is missing: retry_number_check().
            return
        if self.step is IdentityStep.REVIEW and self.problem.code == INSUFFICIENT:
            self._idempotency_key = None  # refused, nothing recorded: a new try is a new request

    # -- documents ------------------------------------------------------------------------------

    def choose_documents(self, documents: Iterable[Document | str], purpose: str | None = None) -> None:
        if self.checked is None:
            raise self._fail_fields({"person": MESSAGES["no_person"]})
        chosen = documents_of(documents)
        if not chosen:
            raise self._fail_fields({"documents": MESSAGES["no_documents"]})
        if purpose is not None:
            if purpose not in PURPOSES:
                raise self._fail_fields({"purpose": MESSAGES["purpose"]})
            self.purpose = purpose
        had_card = self.uses_card
        self.documents = chosen
        self.errors, self.problem = {}, None
        self._idempotency_key = None  # different evidence: a different record
        if not (had_card and self.uses_card):
            self._reset_card()  # what a card showed before stays only while it stays chosen
        if self.uses_card and self.card_stage is not CardStage.COMPARED and not self.face_compared:
            self.step = IdentityStep.CARD
            return
        self._after_card()

    def back_to_documents(self) -> None:
        if self.checked is not None and self.step is not IdentityStep.DONE:
            self.step = IdentityStep.DOCUMENTS
            self.problem = None
            self.busy = False

    def documents_text(self) -> str:
        return "、".join(LABELS[d] for d in self.documents)

    # -- after the card ---------------------------------------------------------------------------

    def card_finished(self) -> None:
        """The clerk is done with the card (compared, and the face if wanted): next step."""
        if self.step is IdentityStep.CARD:
            self._after_card()

    def _after_card(self) -> None:
        self.problem = None
        if self.needs_questions:
            self.step = IdentityStep.QUESTIONS
        else:
            self._review()
