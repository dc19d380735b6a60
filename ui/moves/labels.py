"""Names on the move screens that come as data: the registry's item labels, the kinds, the
household modes and fixed choices. They are Japanese (the registry's and app/domain's words);
marked here for pyside6-lupdate so that the English UI can show them translated."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.i18n import translate

# Item labels as GET /v1/moves/kinds sends them (app/domain/move_fields.LABELS) and the record
# paths a conflict names (app/domain/record_diff.RECORD_PATH_LABELS).
_LABELS: Final = (
    str(QT_TRANSLATE_NOOP("MoveField", "異動の種別")), str(QT_TRANSLATE_NOOP("MoveField", "届出日")),
    str(QT_TRANSLATE_NOOP("MoveField", "異動日")), str(QT_TRANSLATE_NOOP("MoveField", "届出が遅れた理由")),
    str(QT_TRANSLATE_NOOP("MoveField", "職権処理の理由")), str(QT_TRANSLATE_NOOP("MoveField", "届出人氏名")),
    str(QT_TRANSLATE_NOOP("MoveField", "届出人と本人との関係")), str(QT_TRANSLATE_NOOP("MoveField", "異動者")),
    str(QT_TRANSLATE_NOOP("MoveField", "住所")), str(QT_TRANSLATE_NOOP("MoveField", "郵便番号")),
    str(QT_TRANSLATE_NOOP("MoveField", "町丁目")), str(QT_TRANSLATE_NOOP("MoveField", "番地・号")),
    str(QT_TRANSLATE_NOOP("MoveField", "方書")), str(QT_TRANSLATE_NOOP("MoveField", "世帯")),
    str(QT_TRANSLATE_NOOP("MoveField", "世帯番号")), str(QT_TRANSLATE_NOOP("MoveField", "世帯の指定")),
    str(QT_TRANSLATE_NOOP("MoveField", "前住所")), str(QT_TRANSLATE_NOOP("MoveField", "転出予定日")),
    str(QT_TRANSLATE_NOOP("MoveField", "転出先")), str(QT_TRANSLATE_NOOP("MoveField", "残る世帯員")),
    str(QT_TRANSLATE_NOOP("MoveField", "宛名番号")), str(QT_TRANSLATE_NOOP("MoveField", "氏")),
    str(QT_TRANSLATE_NOOP("MoveField", "名")), str(QT_TRANSLATE_NOOP("MoveField", "氏（フリガナ）")),
    str(QT_TRANSLATE_NOOP("MoveField", "名（フリガナ）")), str(QT_TRANSLATE_NOOP("MoveField", "生年月日")),
    str(QT_TRANSLATE_NOOP("MoveField", "性別")), str(QT_TRANSLATE_NOOP("MoveField", "住民の種別")),
    str(QT_TRANSLATE_NOOP("MoveField", "続柄")), str(QT_TRANSLATE_NOOP("MoveField", "住民票コード")),
    str(QT_TRANSLATE_NOOP("MoveField", "個人番号")), str(QT_TRANSLATE_NOOP("MoveField", "本籍")),
    str(QT_TRANSLATE_NOOP("MoveField", "筆頭者")), str(QT_TRANSLATE_NOOP("MoveField", "旧氏")),
    str(QT_TRANSLATE_NOOP("MoveField", "旧氏（フリガナ）")), str(QT_TRANSLATE_NOOP("MoveField", "旧氏（ローマ字）")),
    str(QT_TRANSLATE_NOOP("MoveField", "国籍・地域")),
    str(QT_TRANSLATE_NOOP("MoveField", "法第30条の45に規定する区分")),
    str(QT_TRANSLATE_NOOP("MoveField", "在留資格")), str(QT_TRANSLATE_NOOP("MoveField", "在留期間の満了日")),
    str(QT_TRANSLATE_NOOP("MoveField", "在留カード等の番号")), str(QT_TRANSLATE_NOOP("MoveField", "通称")),
    str(QT_TRANSLATE_NOOP("MoveField", "通称（フリガナ）")), str(QT_TRANSLATE_NOOP("MoveField", "転出証明書情報")),
    str(QT_TRANSLATE_NOOP("MoveField", "世帯主")), str(QT_TRANSLATE_NOOP("MoveField", "消除日")),
    str(QT_TRANSLATE_NOOP("MoveField", "消除事由")), str(QT_TRANSLATE_NOOP("MoveField", "住民となった日")),
    str(QT_TRANSLATE_NOOP("MoveField", "住民となった届出日")), str(QT_TRANSLATE_NOOP("MoveField", "住所を定めた日")),
    str(QT_TRANSLATE_NOOP("MoveField", "住所を定めた届出日")), str(QT_TRANSLATE_NOOP("MoveField", "処理停止")),
    str(QT_TRANSLATE_NOOP("MoveField", "世帯員")), str(QT_TRANSLATE_NOOP("MoveField", "異動事由")),
    str(QT_TRANSLATE_NOOP("MoveField", "期間経過")), str(QT_TRANSLATE_NOOP("MoveField", "注意")),
)

# What a card read shows beside the person (app/workflows/card_fill.CARD_LABELS).
_CARD_LABELS: Final = (
    str(QT_TRANSLATE_NOOP("MoveCard", "氏名")), str(QT_TRANSLATE_NOOP("MoveCard", "生年月日")),
    str(QT_TRANSLATE_NOOP("MoveCard", "性別")), str(QT_TRANSLATE_NOOP("MoveCard", "住所（カード記載）")),
    str(QT_TRANSLATE_NOOP("MoveCard", "個人番号")),
)

# The kinds in the picker; 特例転入 records 転入 as its 異動事由 but is its own form.
KIND_TITLES: Final[dict[str, str]] = {
    "tenkyo": str(QT_TRANSLATE_NOOP("MoveKind", "転居")),
    "tennyu": str(QT_TRANSLATE_NOOP("MoveKind", "転入")),
    "tenshutsu": str(QT_TRANSLATE_NOOP("MoveKind", "転出")),
    "tokurei_tennyu": str(QT_TRANSLATE_NOOP("MoveKind", "特例転入")),
    "setainushi_henko": str(QT_TRANSLATE_NOOP("MoveKind", "世帯主変更")),
    "setai_bunri": str(QT_TRANSLATE_NOOP("MoveKind", "世帯分離")),
    "setai_gappei": str(QT_TRANSLATE_NOOP("MoveKind", "世帯合併")),
    "setai_kosei_henko": str(QT_TRANSLATE_NOOP("MoveKind", "世帯構成変更")),
    "kokugai_tennyu": str(QT_TRANSLATE_NOOP("MoveKind", "国外転入")),
    "kokugai_tenshutsu": str(QT_TRANSLATE_NOOP("MoveKind", "国外転出")),
    "kisai_jiko_henko": str(QT_TRANSLATE_NOOP("MoveKind", "記載事項変更")),
    "zairyu_henko": str(QT_TRANSLATE_NOOP("MoveKind", "在留資格等変更")),
    "shussei": str(QT_TRANSLATE_NOOP("MoveKind", "出生")),
    "shibo": str(QT_TRANSLATE_NOOP("MoveKind", "死亡")),
    "shokken_kisai": str(QT_TRANSLATE_NOOP("MoveKind", "職権記載")),
    "shokken_shojo": str(QT_TRANSLATE_NOOP("MoveKind", "職権消除")),
    "shokken_shusei": str(QT_TRANSLATE_NOOP("MoveKind", "職権修正")),
}
HOUSEHOLD_MODES: Final[dict[str, str]] = {
    "same": str(QT_TRANSLATE_NOOP("MoveForm", "同じ世帯のまま")),
    "new": str(QT_TRANSLATE_NOOP("MoveForm", "新しい世帯をつくる")),
    "existing": str(QT_TRANSLATE_NOOP("MoveForm", "既存の世帯に入る")),
}
RESIDENT_TYPES: Final[tuple[tuple[str, str], ...]] = (
    ("japanese", str(QT_TRANSLATE_NOOP("MoveForm", "日本人住民"))),
    ("foreign", str(QT_TRANSLATE_NOOP("MoveForm", "外国人住民"))),
)
ARTICLE_30_45: Final[tuple[str, ...]] = (
    str(QT_TRANSLATE_NOOP("MoveForm", "中長期在留者")), str(QT_TRANSLATE_NOOP("MoveForm", "特別永住者")),
    str(QT_TRANSLATE_NOOP("MoveForm", "一時庇護許可者")), str(QT_TRANSLATE_NOOP("MoveForm", "仮滞在許可者")),
    str(QT_TRANSLATE_NOOP("MoveForm", "出生による経過滞在者")),
    str(QT_TRANSLATE_NOOP("MoveForm", "国籍喪失による経過滞在者")),
)


def field_label(label: str) -> str:
    return translate("MoveField", label)


def kind_title(code: str, fallback: str) -> str:
    title = KIND_TITLES.get(code)
    return translate("MoveKind", title) if title else fallback


def mode_title(mode: str) -> str:
    title = HOUSEHOLD_MODES.get(mode)
    return translate("MoveForm", title) if title else mode
