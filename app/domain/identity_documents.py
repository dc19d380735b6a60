"""Identity documents shown at the counter, and whether they suffice (本人確認).

The rule (seed l.929-934, domain.md): one photo ID issued by a public body suffices — 個人番号カード,
運転免許証, 旅券, 在留カード, 特別永住者証明書. A person without one shows a non-photo document
issued by a public body (保険証 and the like) and answers questions about the registered data
(住基情報等の聞き取り).

The seed does not say how many questions; our choice, documented here and in one place only:
at least one non-photo document and at least `MIN_QUESTIONS` questions, all answered correctly.
A single wrong answer makes the evidence insufficient, whatever else was right.

An Individual Number Card counts as a photo ID only when the card was really checked against the
person: its PIN verified, or the face on it compared with the person at the counter, and none
of the items that never change on a person's own card (the number, the birth date) differs
from the register (`card_checked`, giving `Evidence.card_verified`). A card not checked that
way still is an official document with the registered items on it, so it counts like a
non-photo document. A card whose number or birth date differs from the register is someone
else's (`card_of_someone_else`, giving `Evidence.card_foreign`): it counts as no document at
all, and the assessment says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from app.domain.errors import DomainError


class Document(StrEnum):
    # Photo IDs issued by a public body.
    MY_NUMBER_CARD = "my_number_card"
    DRIVERS_LICENSE = "drivers_license"
    PASSPORT = "passport"
    RESIDENCE_CARD = "residence_card"
    SPECIAL_PERMANENT_RESIDENT_CERTIFICATE = "special_permanent_resident_certificate"
    # Non-photo documents issued by a public body.
    HEALTH_INSURANCE_CARD = "health_insurance_card"
    PENSION_BOOK = "pension_book"
    OTHER_NON_PHOTO = "other_non_photo"


PHOTO_IDS: Final[frozenset[Document]] = frozenset(
    {
        Document.MY_NUMBER_CARD,
        Document.DRIVERS_LICENSE,
        Document.PASSPORT,
        Document.RESIDENCE_CARD,
        Document.SPECIAL_PERMANENT_RESIDENT_CERTIFICATE,
    }
)

LABELS: Final[dict[Document, str]] = {
    Document.MY_NUMBER_CARD: "個人番号カード",
    Document.DRIVERS_LICENSE: "運転免許証",
    Document.PASSPORT: "旅券（パスポート）",
    Document.RESIDENCE_CARD: "在留カード",
    Document.SPECIAL_PERMANENT_RESIDENT_CERTIFICATE: "特別永住者証明書",
    Document.HEALTH_INSURANCE_CARD: "健康保険の資格確認書類（保険証等）",
    Document.PENSION_BOOK: "年金手帳・基礎年金番号通知書",
    Document.OTHER_NON_PHOTO: "その他の官公署発行の書類（写真なし）",
}

MIN_NON_PHOTO_DOCUMENTS: Final = 1
MIN_QUESTIONS: Final = 2
MAX_QUESTIONS: Final = 20  # a bound for input checking, not a rule of the counter

INSUFFICIENT: Final = "identity_insufficient"

# The card items the terminal compares with the register (券面事項入力補助AP).
CARD_FIELDS: Final = ("individual_number", "name", "address", "birth_date", "sex")
# A mismatch in one of these means the card is not this person's. A name, address or sex may
# differ on a genuine card whose rewrite is still pending, so those do not disqualify it.
CARD_IDENTITY_FIELDS: Final = frozenset({"individual_number", "birth_date"})


def card_checked(
    *, pin_verified: bool, face_compared: bool, fields_matched: Mapping[str, bool]
) -> bool:
    """Whether a presented Individual Number Card counts as a photo ID (`Evidence.card_verified`)."""
    if not (pin_verified or face_compared):
        return False
    return all(fields_matched.get(f, True) for f in CARD_IDENTITY_FIELDS)


def card_of_someone_else(fields_matched: Mapping[str, bool]) -> bool:
    """Whether a read card's items that never change on one's own card differ from the register."""
    return any(fields_matched.get(f) is False for f in CARD_IDENTITY_FIELDS)


@dataclass(frozen=True)
class Evidence:
    documents: tuple[Document, ...]
    questions_asked: int = 0
    questions_correct: int = 0
    # False when an Individual Number Card is among the documents but was not checked against
    # the person (see `card_checked`): it then counts only as a non-photo document.
    card_verified: bool = True
    # True when the card shown is someone else's (see `card_of_someone_else`).
    card_foreign: bool = False

    def __post_init__(self) -> None:
        if not 0 <= self.questions_asked <= MAX_QUESTIONS:
            raise DomainError(
                "invalid_field",
                f"質問の数は0から{MAX_QUESTIONS}までで入力してください。",
                field="questions_asked",
            )
        if not 0 <= self.questions_correct <= self.questions_asked:
            raise DomainError(
                "invalid_field",
                "正答の数は0から質問の数までで入力してください。",
                field="questions_correct",
            )


@dataclass(frozen=True)
class Assessment:
    sufficient: bool
    code: str | None
    message: str


def photo_ids_in(evidence: Evidence) -> frozenset[Document]:
    """The photo IDs that count: an unverified Individual Number Card does not."""
    found = {d for d in evidence.documents if d in PHOTO_IDS}
    if not evidence.card_verified:
        found.discard(Document.MY_NUMBER_CARD)
    return frozenset(found)


def non_photo_documents_in(evidence: Evidence) -> frozenset[Document]:
    found = {d for d in evidence.documents if d not in PHOTO_IDS}
    if not evidence.card_verified and not evidence.card_foreign \
            and Document.MY_NUMBER_CARD in evidence.documents:
        found.add(Document.MY_NUMBER_CARD)
    return frozenset(found)


def assess(evidence: Evidence) -> Assessment:
    photo = photo_ids_in(evidence)
    if photo:
        names = "、".join(LABELS[d] for d in Document if d in photo)
        return Assessment(True, None, f"写真付きの本人確認書類（{names}）で確認できます。")

    missing: list[str] = []
    if len(non_photo_documents_in(evidence)) < MIN_NON_PHOTO_DOCUMENTS:
        missing.append("写真付きの本人確認書類か、写真のない官公署発行の書類の提示がありません")
    if evidence.questions_asked < MIN_QUESTIONS:
        missing.append(
            f"写真のない書類の場合は住民票の記載事項について{MIN_QUESTIONS}問以上の"
            f"聞き取りが必要です（{evidence.questions_asked}問）"
        )
    elif evidence.questions_correct < evidence.questions_asked:
        missing.append(
            f"聞き取りの回答に誤りがあります（{evidence.questions_asked}問中"
            f"{evidence.questions_correct}問正答）"
        )
    if missing and Document.MY_NUMBER_CARD in evidence.documents and evidence.card_foreign:
        missing.insert(
            0,
            "提示された個人番号カードは本人のものではありません（個人番号または生年月日が"
            "住民記録と一致しません）。書類として数えません",
        )
    elif missing and Document.MY_NUMBER_CARD in evidence.documents and not evidence.card_verified:
        missing.insert(
            0,
            "個人番号カードは暗証番号か顔写真の照合ができていない"
            "（または記録と一致しない）ため、写真付きの本人確認書類として扱えません",
        )
    if missing:
        return Assessment(False, INSUFFICIENT, "本人確認が不十分です：" + "。".join(missing) + "。")
    return Assessment(
        True,
        None,
        f"写真のない書類と聞き取り（{evidence.questions_asked}問すべて正答）で確認できます。",
    )
