"""Move histories: when each member of a household came, moved and left, as VersionRecords.

A household settles at its first address on a date A, either arriving from another municipality
(転入) or, when the 世帯主 was born in the city, moving out of the parents' home (転居). It may then
move within the city (転居) a few times. Members born after A appear by 出生; elders, lodgers and
a child's spouse may join later by 転入. At most one removal event happens after everything
else, so every member's last version carries the household's current address.

All dates are ordinals while planning (int arithmetic is cheap for 10^6 people).
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import MISSING, dataclass, fields
from datetime import date
from typing import cast

from app.domain.address import format_address
from registry.synth.names import Name
from registry.synth.population import YEAR, Member
from registry.synth.rand import between
from registry.synth.records import VersionRecord
from registry.synth.towns import CITY, PREFECTURE

# The 住民基本台帳 covers foreign residents since 2012-07-09; their earlier history is not in it.
FOREIGN_REGISTER_START = date(2012, 7, 9).toordinal()
ADULT = int(18 * YEAR)
LATE_SHARE = 0.02  # notifications made after the 14-day limit (期間経過)
# Members who may have joined an existing household (a child's spouse, elders, lodgers).
LATE_JOINERS = frozenset({"子の妻", "子の夫", "父", "母", "妻の父", "妻の母", "夫の父", "夫の母",
                          "同居人", "兄", "姉", "弟", "妹"})


@dataclass(slots=True)
class Address:
    town_code: str
    detail: str
    building: str | None
    town_name: str

    @property
    def text(self) -> str:
        """The full address as printed, for the 前住所 of a later 転居 (made only when needed)."""
        return format_address(PREFECTURE, CITY, self.town_name, self.detail, self.building)


@dataclass(slots=True)
class Event:
    reason: str
    day: int
    relationship: str
    address: int  # index into the household's addresses
    notified: int | None
    previous_address: str | None = None  # 転入元 of a 転入
    moved_out_to: str | None = None  # 転出先 of a removal


def notice_delay(rng: random.Random) -> int:
    """Days between a change and its notification: mostly within the legal 14 days."""
    r = rng.random()
    if r < LATE_SHARE:
        return 15 + int((r / LATE_SHARE) * 106)  # 15-120 days: 期間経過
    if r < 0.32:
        return 0
    # one draw serves twice: its position within (0.32, 1) spreads the delay over 1-14 days
    return 1 + int((r - 0.32) / 0.68 * 14)


@dataclass(slots=True)
class Timeline:
    """The dated skeleton of one household's history."""

    starts: list[int]  # first day at each address; addresses[i] is valid from starts[i]
    joins: list[int]  # the day each member entered the register here
    join_reasons: list[str]
    moves: list[int]  # 転居 days of the whole household, ascending
    settle: int  # the day the household took its first own address here (A)
    born_here_head: bool
    last_day: int  # the latest event of the household so far

    def address_at(self, day: int) -> int:
        return bisect_right(self.starts, day) - 1


def plan(rng: random.Random, members: list[Member], today: int, *, mean_stay_years: float,
         born_here_share: float, from_abroad_share: float, move_share: float) -> Timeline:
    """Dates for one household. Members must be ordered head first."""
    head = members[0]
    last = today - 1
    # Nobody moves in as a couple before both partners came of age (a spouse comes second).
    lo = head.birth
    if len(members) > 1 and members[1].relationship in ("妻", "夫") and members[1].birth > lo:
        lo = members[1].birth
    lo += ADULT
    born_here = False
    if born_here_share and rng.random() < born_here_share:
        # A 世帯主 born here left the parents' home before any of the family's children was born.
        hi = min([m.birth for m in members if m.relationship in ("子", "孫")] + [today]) - 1
        born_here = lo < min(hi, last)
    if born_here:
        settle = between(rng, lo, min(hi, last))
    else:
        stay = int(rng.expovariate(1.0 / (mean_stay_years * YEAR)))
        settle = max(lo, last - stay)
        settle = min(settle, last)
    moves: list[int] = []
    if rng.random() < move_share and settle < last - 30:
        n = 1 if rng.random() < 0.75 else 2
        moves = sorted({between(rng, settle + 1, last) for _ in range(n)})
    starts = ([head.birth] if born_here else []) + [settle] + moves
    joins: list[int] = []
    reasons: list[str] = []
    arrival = "国外転入" if rng.random() < from_abroad_share else "転入"
    for i, m in enumerate(members):
        if (i == 0 and born_here) or m.birth > settle:
            joins.append(m.birth)
            reasons.append("出生")
        elif m.relationship in LATE_JOINERS and rng.random() < 0.5:
            # Joined the household later, e.g. at the child's marriage or when care was needed;
            # a child's spouse came before the first grandchild was born.
            earliest = max(settle + 1, m.birth + ADULT)
            latest = last
            if m.relationship in ("子の妻", "子の夫"):
                latest = min([x.birth for x in members if x.relationship == "孫"] + [today]) - 1
            if earliest <= latest:
                joins.append(between(rng, earliest, latest))
                reasons.append("転入")
            else:
                joins.append(settle)
                reasons.append(arrival)
        else:
            joins.append(settle)
            reasons.append(arrival)
    last_day = max([settle, *moves, *joins])
    return Timeline(starts, joins, reasons, moves, settle, born_here, last_day)


def events_for(rng: random.Random, tl: Timeline, i: int, m: Member, today: int,
               previous_elsewhere: str) -> list[Event]:
    """The dated events of member i up to (not including) any removal."""
    join, reason = tl.joins[i], tl.join_reasons[i]
    rel = m.relationship
    events: list[Event] = []
    if i == 0 and tl.born_here_head:
        # Born into the parents' household at the first address; a 子 there, 世帯主 from A.
        events.append(Event("出生", join, "子", 0, _notice(rng, join, today)))
        settle = tl.starts[1]
        events.append(Event("転居", settle, rel, 1, _notice(rng, settle, today)))
    elif reason == "出生":
        events.append(Event("出生", join, rel, tl.address_at(join), _notice(rng, join, today)))
    else:
        events.append(Event(reason, join, rel, tl.address_at(join), _notice(rng, join, today),
                            previous_address=previous_elsewhere))
    for day in tl.moves:
        if day > events[-1].day:
            events.append(Event("転居", day, rel, tl.address_at(day), _notice(rng, day, today)))
    return events


def _notice(rng: random.Random, day: int, today: int) -> int:
    d = day + notice_delay(rng)
    return min(today, d)


JOINS = frozenset({"出生", "転入", "国外転入"})
REMOVALS = frozenset({"転出", "国外転出", "死亡", "職権消除"})

# VersionRecord is built positionally from a row (list) because keyword construction of its 36
# fields costs four times as much, and a million people need ~1.5 million versions. The indexes
# come from the dataclass itself, so a reordering of records.py cannot shift values.
_FIELDS = [f.name for f in fields(VersionRecord)]
_IX = {name: i for i, name in enumerate(_FIELDS)}
_TEMPLATE: list[object] = [
    f.default if f.default is not MISSING else None for f in fields(VersionRecord)
]
(_REASON, _DATE, _NOTIFIED, _HOUSEHOLD, _REL, _BECAME, _BECAME_N, _ADDR_SET, _ADDR_SET_N, _TOWN,
 _DETAIL, _BUILDING, _PREVIOUS, _REMOVED, _REMOVAL, _OUT_TO, _STOP) = (_IX[n] for n in (
    "change_reason", "change_date", "notified_on", "household_number", "relationship",
    "became_resident_on", "became_resident_notified_on", "address_set_on",
    "address_set_notified_on", "town_code", "address_detail", "building", "previous_address",
    "removed_on", "removal_reason", "moved_out_to", "processing_stop"))


# The row is a plain list, so the positional call is typed loosely on purpose.
_new_version = cast(Callable[..., VersionRecord], VersionRecord)
(I_HONSEKI, I_HITTOSHA, I_OLD, I_OLD_KANA, I_OLD_ROMAJI) = (_IX[n] for n in (
    "honseki", "hittosha", "old_surname", "old_surname_kana", "old_surname_romaji"))
_PERSON = tuple(_IX[n] for n in ("family_name", "given_name", "family_name_kana",
                                 "given_name_kana", "birth_date", "sex", "resident_type"))


def person_row(family: Name, given: Name, birth: date, sex: str, resident_type: str
               ) -> list[object]:
    """A row with the fields every person has; the caller fills in the rest by index."""
    row = _TEMPLATE.copy()
    i_f, i_g, i_fk, i_gk, i_b, i_s, i_t = _PERSON
    row[i_f], row[i_g], row[i_fk], row[i_gk] = family.kanji, given.kanji, family.kana, given.kana
    row[i_b], row[i_s], row[i_t] = birth, sex, resident_type
    return row


def static_row(row: list[object], **values: object) -> list[object]:
    """Set further fields of a row by name (for the rarer foreign residents)."""
    for name, value in values.items():
        row[_IX[name]] = value
    return row


def to_versions(events: list[Event], row: list[object], household_number: str,
                addresses: list[Address], foreign: bool,
                processing_stop_from: int | None) -> list[VersionRecord]:
    """Turn dated events into full-state versions, carrying every unchanged field forward.

    For a foreign resident, what happened before 2012-07-09 is folded into one 職権記載 version
    on that day, the day foreign residents entered the register (so their 住民となった年月日 is
    never earlier, and 住所を定めた年月日 follows it).
    """
    out: list[VersionRecord] = []
    row[_HOUSEHOLD] = household_number  # the row is the person's own: it is updated in place
    pending = False
    start = date.fromordinal(FOREIGN_REGISTER_START)
    stop = processing_stop_from if processing_stop_from is not None else 1 << 30
    addr = addresses[0]
    for ev in events:
        if pending and ev.day >= FOREIGN_REGISTER_START:
            row[_BECAME] = row[_ADDR_SET] = row[_DATE] = start
            row[_BECAME_N] = row[_ADDR_SET_N] = row[_NOTIFIED] = None
            row[_REASON] = "職権記載"
            row[_STOP] = FOREIGN_REGISTER_START >= stop
            out.append(_new_version(*row))
            pending = False
        day = date.fromordinal(ev.day)
        notified = date.fromordinal(ev.notified) if ev.notified is not None else None
        row[_REASON], row[_DATE], row[_NOTIFIED] = ev.reason, day, notified
        row[_REL] = ev.relationship
        row[_STOP] = ev.day >= stop
        if ev.reason in JOINS or ev.reason == "転居":
            if ev.reason == "転居":
                row[_PREVIOUS] = addr.text
            else:
                row[_BECAME], row[_BECAME_N] = day, notified
                row[_PREVIOUS] = ev.previous_address
            addr = addresses[ev.address]
            row[_TOWN], row[_DETAIL], row[_BUILDING] = addr.town_code, addr.detail, addr.building
            row[_ADDR_SET], row[_ADDR_SET_N] = day, notified
        elif ev.reason in REMOVALS:
            row[_REMOVED], row[_REMOVAL], row[_OUT_TO] = day, ev.reason, ev.moved_out_to
        if foreign and ev.day < FOREIGN_REGISTER_START:
            pending = True
            continue
        out.append(_new_version(*row))
    if pending:
        row[_BECAME] = row[_ADDR_SET] = row[_DATE] = start
        row[_BECAME_N] = row[_ADDR_SET_N] = row[_NOTIFIED] = None
        row[_REASON] = "職権記載"
        row[_STOP] = FOREIGN_REGISTER_START >= stop
        out.append(_new_version(*row))
    return out
