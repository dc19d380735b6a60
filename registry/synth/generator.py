"""The synthetic city: a deterministic stream of households with their members' histories.

`generate_city(residents, seed)` yields one household at a time, so a city of 10^6 people is
never held in memory. Everything random comes from one `random.Random(seed)`, and the 住民票コード
and 個人番号 come from a seeded bijection of the person's sequence number: they are unique
without remembering the numbers already handed out.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Iterator
from datetime import date
from itertools import accumulate

from app.domain import individual_number, resident_code
from registry.synth import foreign as fx
from registry.synth import history as hx
from registry.synth.foreign_households import foreign_household
from registry.synth.names import romaji
from registry.synth.places import (
    address_detail,
    address_elsewhere,
    building,
    fw,
    honseki_elsewhere,
    uses_juukyo_hyouji,
)
from registry.synth.population import FEMALE, HouseholdBuilder, Member
from registry.synth.rand import between, pick
from registry.synth.records import HouseholdRecord, PersonRecord, TownRecord, VersionRecord
from registry.synth.towns import CITY, PREFECTURE, load_towns, town_weight

FOREIGN_HOUSEHOLD_SHARE = 0.028  # with mixed marriages: ~2.5% of residents are foreign
BUILDING_SHARE = 0.35
HONSEKI_HERE_SHARE = 0.35
WHOLE_HOUSEHOLD_REMOVAL = 0.014  # the household moved away or its only member died
ONE_MEMBER_REMOVAL = 0.06  # one member left or died, the others stay
CORRECTION_SHARE = 0.004  # a 職権修正 after the last move
DV_SHARE_SINGLE_PARENT = 0.012  # 処理停止 (DV support measure) for a mother and her children
DV_SHARE_SINGLE_WOMAN = 0.002
_RC_SCHEME = resident_code.DEFAULT_SCHEME  # what resident_code.make() applies
ELSEWHERE_POOL = 8192
COUNTRIES = ("アメリカ合衆国", "中華人民共和国", "大韓民国", "タイ王国", "英国",
             "オーストラリア連邦",
             "シンガポール共和国", "ドイツ連邦共和国")
ELDERS = frozenset({"父", "母", "妻の父", "妻の母", "夫の父", "夫の母"})
# Kin who keep their 続柄 when the spouse of the head takes over.
HEAD_CAN_LEAVE = frozenset({"子", "孫", "子の妻", "子の夫"})


class _CodePermutation:
    """A seeded bijection of [0, 10^digits): affine map, digit rotation, affine map.

    Each step permutes the digit strings, so distinct sequence numbers give distinct codes,
    while the rotation makes household neighbours' codes look unrelated (an affine map alone
    would turn consecutive numbers into an arithmetic progression)."""

    def __init__(self, rng: random.Random, digits: int) -> None:
        self.n = n = 10**digits
        self.digits = digits
        self.a1, self.b1 = self._unit(rng), rng.randrange(n)
        self.a2, self.b2 = self._unit(rng), rng.randrange(n)
        r = rng.randint(2, digits - 2)
        self.low, self.high = 10**r, 10 ** (digits - r)

    def _unit(self, rng: random.Random) -> int:
        while True:  # coprime to 10, so multiplication is invertible mod 10^digits
            a = rng.randrange(3, self.n) | 1
            if a % 5:
                return a

    def __call__(self, x: int) -> str:
        n, low = self.n, self.low
        x = (x * self.a1 + self.b1) % n
        x = (x % low) * self.high + x // low
        return str((x * self.a2 + self.b2) % n).zfill(self.digits)


class CityStream(Iterator[tuple[HouseholdRecord, list[PersonRecord]]]):
    """Iterator over (household, members); `towns` lists the city's 町丁目 used."""

    def __init__(self, residents: int, seed: int = 0, *, today: date = date(2026, 11, 1)) -> None:
        if residents < 0:
            raise ValueError("residents must be >= 0")
        self.residents = residents
        self.seed = seed
        self.today = today
        self._today = today.toordinal()
        self.rng = random.Random(seed)
        # The town list does not depend on the seed: the register's towns are loaded once at
        # `init` (load_towns with its defaults), and any seeded city must fit into them.
        self.towns: list[TownRecord] = load_towns(CITY, PREFECTURE)
        self._town_cum = list(accumulate(town_weight(t, seed) for t in self.towns))
        self._town_total = self._town_cum[-1]
        self._town_info = [(t, uses_juukyo_hyouji(t.base_name, t.town_code[3:] != "000"))
                           for t in self.towns]
        self.builder = HouseholdBuilder(self.rng, today)
        self._resident_code = _CodePermutation(self.rng, 10)
        self._individual_number = _CodePermutation(self.rng, 11)
        self.produced = 0
        # Addresses in other municipalities are drawn from pools made once per city: a draw from
        # the postal data costs ~6 µs, and repeats among 10^4 addresses are harmless.
        self._elsewhere_pool = [address_elsewhere(self.rng, exclude_city=CITY)
                                for _ in range(ELSEWHERE_POOL)]
        self._honseki_pool = [honseki_elsewhere(self.rng) for _ in range(ELSEWHERE_POOL)]
        self._atena = 1_000_000_000
        self._household = 5_000_000_000

    def __iter__(self) -> CityStream:
        return self

    def __next__(self) -> tuple[HouseholdRecord, list[PersonRecord]]:
        left = self.residents - self.produced
        if left <= 0:
            raise StopIteration
        # Trailing members are dependants (children, grandchildren, elders), so cutting the
        # last household short still leaves a consistent household with its head.
        if self.rng.random() < FOREIGN_HOUSEHOLD_SHARE:
            members = foreign_household(self.builder)[:left]
        else:
            members = self.builder.household()[:left]
        return self._household_records(members)

    # -- addresses --------------------------------------------------------------------------

    def _address(self) -> hx.Address:
        rng = self.rng
        town, juukyo = self._town_info[bisect(self._town_cum, rng.random() * self._town_total)]
        detail = address_detail(rng, juukyo_hyouji=juukyo)
        bldg = building(rng, town.base_name) if rng.random() < BUILDING_SHARE else None
        return hx.Address(town.town_code, detail, bldg, town.name)

    def _honseki(self) -> str:
        if self.rng.random() < HONSEKI_HERE_SHARE:
            town = self.towns[int(self.rng.random() * len(self.towns))]
            return f"{PREFECTURE}{CITY}{town.name}{fw(between(self.rng, 1, 2000))}番地"
        return pick(self.rng, self._honseki_pool)

    def _elsewhere(self) -> str:
        return pick(self.rng, self._elsewhere_pool)

    # -- people -----------------------------------------------------------------------------

    def _static(self, m: Member, honseki: dict[int, str]) -> list[object]:
        """Fields that stay the same in every version of this person."""
        nat = m.nationality
        if nat is None:
            if m.koseki not in honseki:
                honseki[m.koseki] = self._honseki()
            old = m.old_surname
            row = hx.person_row(m.family, m.given, date.fromordinal(m.birth), m.sex, "japanese")
            row[hx.I_HONSEKI], row[hx.I_HITTOSHA] = honseki[m.koseki], m.hittosha
            if old is not None:
                row[hx.I_OLD], row[hx.I_OLD_KANA] = old.kanji, old.kana
                row[hx.I_OLD_ROMAJI] = romaji(old.kana)
            return row
        status = m.status or fx.PERMANENT
        expiry = None
        if status not in fx.NO_EXPIRY:
            days = int(fx.stay_years(self.rng, status) * 365.25)
            expiry = date.fromordinal(self._today + between(self.rng, 20, days))
        alias = m.alias
        return hx.static_row(
            hx.person_row(m.family, m.given, date.fromordinal(m.birth), m.sex, "foreign"),
            nationality=nat.name, residence_status=status, residence_expiry=expiry,
            residence_card_number=fx.card_number(self.rng), article_30_45=fx.article_30_45(status),
            alias_name=f"{alias[0].kanji}\u3000{alias[1].kanji}" if alias else None,
            alias_name_kana=f"{alias[0].kana}\u3000{alias[1].kana}" if alias else None)

    def _timeline(self, members: list[Member]) -> hx.Timeline:
        head = members[0]
        status = head.status
        if head.nationality is None:
            mean, born, abroad = 13.0, 0.25, 0.01
        elif status in (fx.TRAINEE, fx.STUDENT):
            mean, born, abroad = 1.5, 0.0, 0.8
        elif status == fx.SPECIAL_PERMANENT:
            mean, born, abroad = 20.0, 0.6, 0.0
        elif status == fx.ENGINEER:
            mean, born, abroad = 4.0, 0.0, 0.5
        else:
            mean, born, abroad = 8.0, 0.05, 0.2
        return hx.plan(self.rng, members, self._today, mean_stay_years=mean,
                       born_here_share=born, from_abroad_share=abroad, move_share=0.32)

    def _household_records(
        self, members: list[Member]
    ) -> tuple[HouseholdRecord, list[PersonRecord]]:
        rng, today = self.rng, self._today
        self._household += 1 if rng.random() < 0.9 else between(rng, 2, 5)
        household_number = str(self._household)  # 10 digits, from 5,000,000,000
        tl = self._timeline(members)
        addresses = [self._address() for _ in tl.starts]
        head = members[0]
        arrival_from = (head.nationality.country_for_address if head.nationality else
                        pick(rng, COUNTRIES)) if "国外転入" in tl.join_reasons else \
            self._elsewhere()
        events = []
        for i, m in enumerate(members):
            came_from = arrival_from
            if tl.join_reasons[i] == "転入" and tl.joins[i] != tl.settle:
                came_from = self._elsewhere()  # joined on their own
            events.append(hx.events_for(rng, tl, i, m, today, came_from))
        has_foreigner = any(m.nationality is not None for m in members)
        removed = self._plan_removals(members, events, tl, has_foreigner)
        stop_from = self._processing_stop(members, tl)
        honseki: dict[int, str] = {}
        persons: list[PersonRecord] = []
        first_day = today
        for i, m in enumerate(members):
            evs = events[i]
            if i not in removed and rng.random() < CORRECTION_SHARE and evs[-1].day < today - 1:
                # After the last change, and after a foreigner's 職権記載 of 2012-07-09.
                day = between(rng, max(evs[-1].day, hx.FOREIGN_REGISTER_START) + 1, today - 1)
                last = evs[-1]
                evs.append(hx.Event("職権修正", day, last.relationship, last.address, None))
            versions = hx.to_versions(evs, self._static(m, honseki), household_number, addresses,
                                      m.nationality is not None, stop_from)
            first_day = min(first_day, evs[0].day)
            persons.append(self._person(versions))
        if has_foreigner and all(m.nationality is not None for m in members):
            first_day = max(first_day, hx.FOREIGN_REGISTER_START)
        return HouseholdRecord(household_number, date.fromordinal(first_day)), persons

    def _person(self, versions: list[VersionRecord]) -> PersonRecord:
        seq = self.produced
        self.produced += 1
        self._atena += 1 if self.rng.random() < 0.8 else 2  # numbers of deleted drafts skipped
        # The check digits come from app.domain, the single source of the formulas. The bodies
        # are already 10/11 ASCII digits, so the schemes' own digit functions are called directly
        # (make() would normalise and validate the input twice: ~7 µs a person, 7 s a million).
        rc = self._resident_code(seq)
        num = self._individual_number(seq)
        return PersonRecord(
            str(self._atena),  # always 10 digits: counts up from 1,000,000,000
            rc + str(_RC_SCHEME.compute(rc)),
            num + str(individual_number.check_digit(num)),
            versions,
        )

    # -- removals and support measures ------------------------------------------------------

    def _plan_removals(self, members: list[Member], events: list[list[hx.Event]],
                       tl: hx.Timeline, has_foreigner: bool) -> set[int]:
        """Append removal (and 世帯主変更) events; return the indexes of removed members."""
        rng = self.rng
        lo = tl.last_day + 1
        if has_foreigner:
            lo = max(lo, hx.FOREIGN_REGISTER_START + 1)
        hi = self._today - 1
        r = rng.random()
        if lo > hi or r >= WHOLE_HOUSEHOLD_REMOVAL + ONE_MEMBER_REMOVAL:
            return set()
        day = between(rng, lo, hi)
        all_foreign = all(m.nationality is not None for m in members)
        if r < WHOLE_HOUSEHOLD_REMOVAL:
            reason = "国外転出" if all_foreign and rng.random() < 0.6 else "転出"
            if len(members) == 1:
                age = (day - members[0].birth) / hx.YEAR
                if age >= 65 and rng.random() < 0.7:
                    reason = "死亡"
                elif rng.random() < 0.1:
                    reason = "職権消除"  # gone without notice (居住実態なし)
            to = self._moved_out_to(reason, members[0])
            for i, m in enumerate(members):
                self._remove(events[i], reason, day, to, m.nationality is not None)
            return set(range(len(members)))
        candidates = self._removal_candidates(members)
        if not candidates:
            return set()
        i = pick(rng, candidates)
        m = members[i]
        age = (day - m.birth) / hx.YEAR
        reason = "死亡" if age >= 65 and rng.random() < 0.7 else (
            "国外転出" if m.nationality is not None and rng.random() < 0.5 else "転出")
        self._remove(events[i], reason, day, self._moved_out_to(reason, m),
                     m.nationality is not None)
        if i == 0:
            spouse = next(j for j, x in enumerate(members) if x.relationship in ("妻", "夫"))
            last = events[spouse][-1]
            events[spouse].append(hx.Event("世帯主変更", day, "世帯主", last.address,
                                           min(self._today, day + hx.notice_delay(rng))))
        return {i}

    def _removal_candidates(self, members: list[Member]) -> list[int]:
        rels = [m.relationship for m in members]
        married_child = any(r in ("子の妻", "子の夫") for r in rels)
        out: list[int] = []
        for i, (m, rel) in enumerate(zip(members, rels, strict=False)):
            if i == 0:
                # The head may leave only if the spouse can take over with nobody's 続柄 changing.
                if any(r in ("妻", "夫") for r in rels) and all(
                        r in HEAD_CAN_LEAVE or r in ("妻", "夫") for r in rels[1:]):
                    out.append(i)
            elif rel in ELDERS or rel in ("同居人", "兄", "姉", "弟", "妹") or (rel == "子" and m.age >= 18 and not married_child):
                out.append(i)
            if out and out[-1] == i and m.age >= 70:
                out += [i, i]  # the old are the likelier to leave the register: by death
        return out

    def _moved_out_to(self, reason: str, m: Member) -> str | None:
        if reason == "転出":
            return self._elsewhere()
        if reason == "国外転出":
            return m.nationality.country_for_address if m.nationality else \
                pick(self.rng, COUNTRIES)
        return None

    def _remove(self, evs: list[hx.Event], reason: str, day: int, to: str | None,
                foreign: bool) -> None:
        rng, last = self.rng, evs[-1]
        if reason in ("転出", "国外転出"):
            # A 転出届 is made before leaving (up to 14 days ahead), never before the last
            # version (for a foreigner, the 職権記載 of 2012-07-09 at the latest).
            floor = max(last.day, hx.FOREIGN_REGISTER_START) if foreign else last.day
            notified: int | None = max(floor, day - between(rng, 0, 14))
        elif reason == "死亡":
            notified = min(self._today, day + between(rng, 0, 7))  # 死亡届 within 7 days
        else:
            notified = None  # 職権消除
        evs.append(hx.Event(reason, day, last.relationship, last.address, notified,
                            moved_out_to=to))

    def _processing_stop(self, members: list[Member], tl: hx.Timeline) -> int | None:
        """First day of a DV support measure for the household, or None."""
        head = members[0]
        if head.sex != FEMALE:
            return None
        if len(members) > 1 and all(m.relationship == "子" for m in members[1:]):
            share = DV_SHARE_SINGLE_PARENT
        elif len(members) == 1 and 20 <= head.age <= 60:
            share = DV_SHARE_SINGLE_WOMAN
        else:
            return None
        return tl.starts[-1] if self.rng.random() < share else None


def generate_city(residents: int, seed: int = 0, *,
                  today: date = date(2026, 11, 1)) -> CityStream:
    """Yield (household, members) until exactly `residents` persons (removed ones included)."""
    return CityStream(residents, seed, today=today)


def city_towns() -> list[TownRecord]:
    """The 町丁目 every generated city uses (the same list as `CityStream.towns`)."""
    return load_towns(CITY, PREFECTURE)

