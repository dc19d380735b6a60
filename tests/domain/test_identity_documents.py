"""本人確認 at the counter: one photo ID, or a non-photo document with questions all answered."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import DomainError
from app.domain.identity_documents import (
    CARD_FIELDS,
    LABELS,
    MIN_QUESTIONS,
    PHOTO_IDS,
    Document,
    Evidence,
    assess,
    card_checked,
    card_of_someone_else,
)

pytestmark = pytest.mark.domain

NON_PHOTO = [d for d in Document if d not in PHOTO_IDS]


def test_the_documents_of_the_seed() -> None:
    assert {d.value for d in PHOTO_IDS} == {
        "my_number_card", "drivers_license", "passport", "residence_card",
        "special_permanent_resident_certificate",
    }
    assert {"health_insurance_card", "pension_book", "other_non_photo"} <= {d.value for d in NON_PHOTO}
    assert set(LABELS) == set(Document)
    assert all(LABELS[d] and not LABELS[d].isascii() for d in Document)


@pytest.mark.parametrize("document", sorted(PHOTO_IDS))
def test_one_photo_id_suffices(document: Document) -> None:
    result = assess(Evidence((document,)))
    assert result.sufficient and result.code is None
    assert LABELS[document] in result.message


@pytest.mark.parametrize("document", NON_PHOTO)
def test_a_non_photo_document_alone_does_not(document: Document) -> None:
    result = assess(Evidence((document,)))
    assert not result.sufficient
    assert result.code == "identity_insufficient"
    assert "聞き取り" in result.message


@pytest.mark.parametrize("document", NON_PHOTO)
def test_a_non_photo_document_with_enough_correct_answers_does(document: Document) -> None:
    assert assess(Evidence((document,), MIN_QUESTIONS, MIN_QUESTIONS)).sufficient
    assert assess(Evidence((document,), MIN_QUESTIONS + 3, MIN_QUESTIONS + 3)).sufficient


def test_the_minimum_is_two_questions() -> None:
    assert MIN_QUESTIONS == 2
    result = assess(Evidence((Document.PENSION_BOOK,), 1, 1))
    assert not result.sufficient and "2問以上" in result.message


def test_one_wrong_answer_is_insufficient() -> None:
    result = assess(Evidence((Document.HEALTH_INSURANCE_CARD,), 3, 2))
    assert not result.sufficient
    assert "3問中2問正答" in result.message


def test_questions_without_a_document_are_insufficient() -> None:
    result = assess(Evidence((), 5, 5))
    assert not result.sufficient
    assert "提示がありません" in result.message


def test_nothing_at_all() -> None:
    result = assess(Evidence(()))
    assert not result.sufficient and result.code == "identity_insufficient"


def test_an_unverified_card_counts_only_as_a_non_photo_document() -> None:
    alone = assess(Evidence((Document.MY_NUMBER_CARD,), card_verified=False))
    assert not alone.sufficient
    assert "個人番号カード" in alone.message
    assert assess(Evidence((Document.MY_NUMBER_CARD,), 2, 2, card_verified=False)).sufficient
    # Another photo ID still suffices beside an unverified card.
    assert assess(Evidence((Document.MY_NUMBER_CARD, Document.PASSPORT), card_verified=False)).sufficient


def test_someone_elses_card_counts_as_no_document_at_all() -> None:
    """Another person's card with a PIN that opened it: not even a non-photo document, so two
    right answers do not make up for it; a photo ID of the person's own still does."""
    with_questions = assess(Evidence((Document.MY_NUMBER_CARD,), 2, 2, card_verified=False, card_foreign=True))
    assert not with_questions.sufficient and "本人のものではありません" in with_questions.message
    own_passport = Evidence((Document.MY_NUMBER_CARD, Document.PASSPORT), card_verified=False, card_foreign=True)
    assert assess(own_passport).sufficient
    with_insurance = Evidence((Document.MY_NUMBER_CARD, Document.HEALTH_INSURANCE_CARD), 2, 2,
                              card_verified=False, card_foreign=True)
    assert assess(with_insurance).sufficient  # the insurance card is the document


@pytest.mark.parametrize("field", ["individual_number", "birth_date"])
def test_a_card_is_someone_elses_by_its_number_or_birth_date(field: str) -> None:
    assert card_of_someone_else({field: False, "name": True})
    assert not card_of_someone_else({"name": False, "address": False, "sex": False})
    assert not card_of_someone_else({})


def test_card_checked_needs_pin_or_face() -> None:
    assert card_checked(pin_verified=True, face_compared=False, fields_matched={})
    assert card_checked(pin_verified=False, face_compared=True, fields_matched={})
    assert not card_checked(pin_verified=False, face_compared=False, fields_matched={})


@pytest.mark.parametrize("field", CARD_FIELDS)
def test_card_checked_refuses_another_persons_card(field: str) -> None:
    result = card_checked(pin_verified=True, face_compared=True, fields_matched={field: False})
    # A name, address or sex may lag behind on a genuine card; the number and birth date never.
    assert result == (field not in ("individual_number", "birth_date"))


@pytest.mark.parametrize(("asked", "correct"), [(-1, 0), (2, 3), (0, -1), (21, 0)])
def test_impossible_counts_are_refused(asked: int, correct: int) -> None:
    with pytest.raises(DomainError) as raised:
        Evidence((Document.PENSION_BOOK,), asked, correct)
    assert raised.value.code == "invalid_field"
    assert raised.value.field in ("questions_asked", "questions_correct")


@given(
    st.lists(st.sampled_from(list(Document)), max_size=4),
    st.integers(0, 6),
    st.data(),
    st.booleans(),
    st.booleans(),
)
def test_the_rule_as_a_property(
    documents: list[Document], asked: int, data: st.DataObject, verified: bool, foreign: bool
) -> None:
    correct = data.draw(st.integers(0, asked))
    verified = verified and not foreign  # someone else's card is never verified
    evidence = Evidence(tuple(documents), asked, correct, card_verified=verified, card_foreign=foreign)
    photo = any(d in PHOTO_IDS and (verified or d is not Document.MY_NUMBER_CARD) for d in documents)
    other = any(d not in PHOTO_IDS or (d is Document.MY_NUMBER_CARD and not verified and not foreign)
                for d in documents)
    expected = photo or (other and asked >= MIN_QUESTIONS and correct == asked)
    result = assess(evidence)
    assert result.sufficient == expected
    assert (result.code is None) == expected
    assert result.message
