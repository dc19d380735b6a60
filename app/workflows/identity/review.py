"""The last steps of the identity check: the answers to questions about the registered data,
the review (app.domain.identity_documents.assess), and the record in the registry
(POST /v1/identity-checks, one idempotency key across retries).

Only the method, the documents and the match flags are sent to the registry's audit trail.
"""

from __future__ import annotations

from typing import Any

from app.card_match import FIELDS
from app.domain.identity_documents import (
    INSUFFICIENT,
    MIN_QUESTIONS,
    Evidence,
    assess,
    card_of_someone_else,
)
from app.registry_client import RegistryUnreachable, new_idempotency_key
from app.workflows import Job
from app.workflows.errors import Problem, problem_of
from app.workflows.identity.api import IdentityCheckResult
from app.workflows.identity.messages import MESSAGES
from app.workflows.identity.state import IdentityState, IdentityStep


class ReviewSteps(IdentityState):
    # -- questions ------------------------------------------------------------------------------

    def answer_questions(self, asked: int, correct: int) -> None:
        if asked < 0 or correct < 0 or correct > asked:
            raise self._fail_fields({"questions": MESSAGES["questions"]})
        self.questions_asked, self.questions_correct = asked, correct
        self.errors = {}
        self._idempotency_key = None
        self._review()

    @staticmethod
    def min_questions() -> int:
        return MIN_QUESTIONS

    # -- review and record ----------------------------------------------------------------------

    def evidence(self) -> Evidence:
        flags = self.comparison.flags() if self.uses_card and self.comparison is not None else {}
        return Evidence(self.documents, self.questions_asked, self.questions_correct,
                        card_verified=self.card_counts or not self.uses_card,
                        card_foreign=card_of_someone_else(flags))

    def _review(self) -> None:
        self.step = IdentityStep.REVIEW
        self.assessment = assess(self.evidence())
        if self.uses_card and not self.card_counts and self.comparison is not None \
                and not self.comparison.all_match and not self.assessment.sufficient:
            self.problem = self._mismatch_problem()

    def body(self, outcome: str) -> dict[str, Any]:
        assert self.checked is not None
        card: dict[str, Any] | None = None
        if self.uses_card:
            # Only the items compared: an item left out was not compared (a face-only check).
            flags = self.comparison.flags() if self.comparison is not None else {}
            card = {
                "pin_verified": self.pin_verified,
                "fields_matched": {f: flags[f] for f in FIELDS if f in flags},
                "face_compared": self.face_compared,
            }
        return {
            "resident_id": self.checked.resident_id,
            "purpose": self.purpose,
            "documents": [d.value for d in self.documents],
            "questions_asked": self.questions_asked,
            "questions_correct": self.questions_correct,
            "card": card,
            "outcome": outcome,
        }

    def record_job(self, *, confirmed: bool = True) -> Job[IdentityCheckResult]:
        """Record the check: `confirmed` only with sufficient evidence (refused here before the
        registry would), `confirmed=False` records that the identity could not be confirmed.
        A retry after a failure sends the same request with the same idempotency key."""
        if self.step is not IdentityStep.REVIEW or self.assessment is None:
            raise RuntimeError("nothing to record yet")
        if confirmed and not self.assessment.sufficient:
            self.problem = Problem(INSUFFICIENT, self.assessment.message)
            raise self._fail_fields({"": MESSAGES["insufficient_confirm"]})
        body = self.body("confirmed" if confirmed else "not_confirmed")
        if self._idempotency_key is None or body != self._sent_body:
            self._idempotency_key = new_idempotency_key()
            self._sent_body = body
        key, api = self._idempotency_key, self._api_or_fail()
        self.busy, self.problem, self.errors = True, None, {}
        return lambda: api.record(body, idempotency_key=key)

    @property
    def idempotency_key(self) -> str | None:
        return self._idempotency_key

    def recorded(self, result: IdentityCheckResult) -> None:
        self.busy = False
        self.result = result
        self.step = IdentityStep.DONE
        self.problem = None
        # The photo and the card's values are not needed once the check is on record.
        self.face = None

    def record_failed(self, error: Exception) -> None:
        self.busy = False
        self.problem = problem_of(error)
        if not isinstance(error, RegistryUnreachable) and self.problem.code != "http_409":
            # A refusal is final for this request: a corrected one gets a new key.
            self._idempotency_key = None
