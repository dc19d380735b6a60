"""The names the identity screens show for documents and purposes, for pyside6-lupdate."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.domain.identity_documents import Document

DOCUMENT_NAMES: Final[tuple[tuple[Document, str], ...]] = (
    (Document.MY_NUMBER_CARD, str(QT_TRANSLATE_NOOP("IdentityPage", "個人番号カード"))),
    (Document.DRIVERS_LICENSE, str(QT_TRANSLATE_NOOP("IdentityPage", "運転免許証"))),
    (Document.PASSPORT, str(QT_TRANSLATE_NOOP("IdentityPage", "パスポート"))),
    (Document.RESIDENCE_CARD, str(QT_TRANSLATE_NOOP("IdentityPage", "在留カード"))),
    (Document.SPECIAL_PERMANENT_RESIDENT_CERTIFICATE,
     str(QT_TRANSLATE_NOOP("IdentityPage", "特別永住者証明書"))),
    (Document.HEALTH_INSURANCE_CARD,
     str(QT_TRANSLATE_NOOP("IdentityPage", "健康保険の資格確認書類（保険証等）"))),
    (Document.PENSION_BOOK, str(QT_TRANSLATE_NOOP("IdentityPage", "年金手帳・基礎年金番号通知書"))),
    (Document.OTHER_NON_PHOTO,
     str(QT_TRANSLATE_NOOP("IdentityPage", "その他の官公署発行の書類（写真なし）"))),
)

PURPOSE_NAMES: Final[tuple[tuple[str, str], ...]] = (
    ("certificate", str(QT_TRANSLATE_NOOP("IdentityPage", "証明書の交付"))),
    ("move", str(QT_TRANSLATE_NOOP("IdentityPage", "異動届"))),
    ("card", str(QT_TRANSLATE_NOOP("IdentityPage", "カードの手続"))),
    ("other", str(QT_TRANSLATE_NOOP("IdentityPage", "その他"))),
)

FIELD_NAMES: Final[dict[str, str]] = {
    "individual_number": str(QT_TRANSLATE_NOOP("IdentityPage", "個人番号")),
    "name": str(QT_TRANSLATE_NOOP("IdentityPage", "氏名")),
    "address": str(QT_TRANSLATE_NOOP("IdentityPage", "住所")),
    "birth_date": str(QT_TRANSLATE_NOOP("IdentityPage", "生年月日")),
    "sex": str(QT_TRANSLATE_NOOP("IdentityPage", "性別")),
}
