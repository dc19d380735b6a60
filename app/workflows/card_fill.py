"""What a read of the Individual Number Card (券面事項入力補助AP) puts into a move form: the
individual number and the four basic items, each into the item of this kind's form that takes
it, for the clerk to check against the person and the paper before the review.

The card's address is where the holder lives *now*, i.e. before the move: on an arrival it is
the 前住所, never the new address. The card holds no kana, so the フリガナ stays the clerk's.

On a 特例転入 the person's items come from the 転出証明書情報, not from the form: the form has
only the individual number (which the registry compares with the 転出証明書情報), so the other
items are shown beside the person (`shown`) for the clerk to compare with the review.

The card does not hold the 住民票コード either, so on a 特例転入 the 転出証明書情報 that arrived
ahead through 住基ネット is looked up by the card's name and birth date (`notice_lookup`): one
unused notice fills the person's 転出証明書情報 item, several are for the clerk to pick from
(`NoticeMatch`), none leaves the item for the clerk to type.

Nothing here keeps the card's data: a CardFill lives as long as the screen that shows it.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final, Protocol

from app.registry_api import TransferNoticeSummary
from app.workflows import Job
from app.workflows.dates import format_date, short_wareki
from app.workflows.move_form import FormSpec
from cardreader.models import BasicInfo, Sex

# Kinds whose notice a card read may fill: the holder arrives, and the card names the person.
CARD_KINDS: Final = frozenset({"tokurei_tennyu", "tennyu", "kokugai_tennyu"})
# The form's sex codes; the card's 0 (不明) and 9 (適用不能) are left for the clerk.
_FORM_SEXES: Final = {Sex.MALE: "1", Sex.FEMALE: "2"}
CARD_LABELS: Final = {
    "name": "氏名", "birth_date": "生年月日", "sex": "性別", "address": "住所（カード記載）",
    "individual_number": "個人番号",
}


@dataclass(frozen=True)
class CardFill:
    """A card read mapped onto one kind's form (repr shows only which items were filled)."""

    person: dict[str, Any] = field(repr=False)  # items of the person editor, by API key
    notice: dict[str, Any] = field(repr=False)  # items of the notice (the 前住所)
    shown: tuple[tuple[str, str], ...] = field(repr=False)  # (label, value) as the card has them
    unmapped: tuple[str, ...] = ()  # card items this form has no place for

    @property
    def filled(self) -> tuple[str, ...]:
        return (*self.person, *self.notice)


def can_fill(spec: FormSpec) -> bool:
    return spec.kind in CARD_KINDS and spec.person_field("individual_number") is not None


def birth_entry(info: BasicInfo) -> dict[str, str]:
    """The birth date as the date field shows it (era form, the era chosen beside it)."""
    text = short_wareki(info.birth_date)
    return {"text": text, "era": text[0]}


def card_fill(spec: FormSpec, info: BasicInfo) -> CardFill:
    """The card's items for this kind's form; items the form lacks go to `unmapped`."""
    offered: dict[str, Any] = {
        "family_name": info.name.family,
        "given_name": info.name.given,
        "birth_date": birth_entry(info),
        "sex": _FORM_SEXES.get(info.sex, ""),
        "individual_number": info.individual_number,
    }
    person = {k: v for k, v in offered.items()
              if v and spec.person_field(k) is not None}
    notice: dict[str, Any] = {}
    if spec.notice_field("previous_address") is not None:
        notice["previous_address"] = info.address
    elif spec.person_field("previous_address") is not None:
        person["previous_address"] = info.address
    unmapped = [k for k, v in offered.items() if v and k not in person]
    if "previous_address" not in notice and "previous_address" not in person:
        unmapped.append("address")
    shown = (
        (CARD_LABELS["name"], info.name.full),
        (CARD_LABELS["birth_date"], format_date(info.birth_date)),
        (CARD_LABELS["sex"], info.sex.label),
        (CARD_LABELS["address"], info.address),
    )
    return CardFill(person, notice, shown, tuple(unmapped))


def apply_card(entry: Mapping[str, Any], index: int, fill: CardFill) -> dict[str, Any]:
    """`entry` with the card's items in person `index` and the notice; what the clerk typed in
    other items stays, and a card item replaces what was typed in its own item."""
    out = copy.deepcopy(dict(entry))
    persons = [dict(p) for p in out.get("persons") or [] if isinstance(p, Mapping)]
    while len(persons) <= index:
        persons.append({})
    persons[index].update(copy.deepcopy(fill.person))
    out["persons"] = persons
    out.update(copy.deepcopy(fill.notice))
    return out


# -- 特例転入: the 転出証明書情報 found by the card ------------------------------------------------

NOTICE_KINDS: Final = frozenset({"tokurei_tennyu"})
NOTICE_FIELD: Final = "transfer_notice_id"


class NoticeFinder(Protocol):
    def transfer_notices(self, *, resident_code: str | None = None, name: str | None = None,
                         birth_date: date | None = None) -> tuple[TransferNoticeSummary, ...]: ...


def looks_up_notice(spec: FormSpec) -> bool:
    """Whether a card read on this kind's form looks for the person's 転出証明書情報."""
    return spec.kind in NOTICE_KINDS and spec.person_field(NOTICE_FIELD) is not None


def notice_lookup(api: NoticeFinder, info: BasicInfo) -> Job[tuple[TransferNoticeSummary, ...]]:
    """The registry call, by the name as the card prints it (the registry folds spaces and
    widths as the search does) and the birth date; the values are taken now, off the card."""
    name = info.name.full.strip() or f"{info.name.family}\u3000{info.name.given}"
    born = info.birth_date
    return lambda: api.transfer_notices(name=name, birth_date=born)


@dataclass(frozen=True)
class NoticeMatch:
    """What the lookup found that this notice may still use, oldest first."""

    candidates: tuple[TransferNoticeSummary, ...]

    @property
    def only(self) -> TransferNoticeSummary | None:
        return self.candidates[0] if len(self.candidates) == 1 else None

    @property
    def several(self) -> bool:
        return len(self.candidates) > 1


def match_notices(found: Iterable[TransferNoticeSummary], taken: Iterable[str] = ()) -> NoticeMatch:
    """The unused notices of `found`, less those another person of the same notice already
    names (`taken`): one notice serves one person."""
    used = {str(t).strip().lower() for t in taken}
    usable = [n for n in found if not n.used and n.id.lower() not in used]
    return NoticeMatch(tuple(sorted(usable, key=lambda n: (n.received_at, n.id))))


def apply_notice(entry: Mapping[str, Any], index: int, notice_id: str) -> dict[str, Any]:
    """`entry` with person `index`'s 転出証明書情報 set to `notice_id`."""
    out = copy.deepcopy(dict(entry))
    persons = [dict(p) for p in out.get("persons") or [] if isinstance(p, Mapping)]
    while len(persons) <= index:
        persons.append({})
    persons[index][NOTICE_FIELD] = notice_id
    out["persons"] = persons
    return out
