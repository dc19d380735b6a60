"""Who lives together: ages shaped like Japan's population pyramid and realistic households.

A household is drawn as a shape (single, couple, couple with children, ...) and then filled with
members whose ages fit their 続柄: parents 21-44 years older than children (so any birth dates in
those years differ by 20-45 years), spouses close in age. Ages come from the pyramid restricted to
the range a role allows, so the city as a whole still looks like Japan (peaks born 1947-49 and
1971-74, few children).
"""

from __future__ import annotations

import random
from bisect import bisect
from dataclasses import dataclass
from datetime import date
from itertools import accumulate

from registry.synth import foreign as fx
from registry.synth.names import Name, given_name, other_surname, surname
from registry.synth.rand import between, pick

MALE, FEMALE = "1", "2"
MAX_AGE = 105
YEAR = 365.2425

# Relative number of people born in a year (survivors included), read off Japan's pyramid.
_BIRTH_YEAR_ANCHORS = (
    (1920, 0.3), (1926, 5), (1931, 25), (1936, 60), (1941, 95), (1945, 100), (1946, 120),
    (1947, 190), (1948, 195), (1949, 198), (1950, 165), (1955, 150), (1960, 150), (1965, 160),
    (1966, 122), (1967, 165), (1970, 185), (1971, 200), (1973, 208), (1974, 200), (1975, 180),
    (1980, 155), (1985, 140), (1990, 125), (1995, 120), (2000, 115), (2005, 108), (2010, 105),
    (2015, 98), (2020, 80), (2024, 70), (2030, 66),
)


def _birth_year_weight(year: int) -> float:
    """Linear interpolation between the anchors (the 1966 丙午 dip is its own anchor)."""
    prev_y, prev_w = _BIRTH_YEAR_ANCHORS[0]
    if year <= prev_y:
        return prev_w
    for y, w in _BIRTH_YEAR_ANCHORS[1:]:
        if year <= y:
            return prev_w + (w - prev_w) * (year - prev_y) / (y - prev_y)
        prev_y, prev_w = y, w
    return prev_w


class Pyramid:
    """Ages 0..105 weighted like the pyramid; a restricted draw is one bisect."""

    def __init__(self, today: date) -> None:
        self.today = today.toordinal()
        self._cum = list(accumulate(_birth_year_weight(today.year - a) for a in range(MAX_AGE + 1)))

    def age(self, rng: random.Random, lo: int, hi: int) -> int:
        lo, hi = max(0, lo), min(MAX_AGE, hi)
        if lo >= hi:
            return max(0, min(lo, MAX_AGE))
        base = self._cum[lo - 1] if lo else 0.0
        return min(hi, bisect(self._cum, base + rng.random() * (self._cum[hi] - base)))

    def birth(self, rng: random.Random, age: int) -> int:
        """A birth date (ordinal) of someone exactly `age` years old today; never today itself."""
        return self.today - max(1, int((age + rng.random()) * YEAR))


@dataclass(slots=True)
class Member:
    relationship: str
    sex: str
    age: int
    birth: int  # date ordinal
    family: Name
    given: Name
    koseki: int = 0  # members with the same number share one 戸籍 (本籍 and 筆頭者)
    hittosha: str | None = None
    old_surname: Name | None = None
    nationality: fx.Nationality | None = None
    status: str | None = None
    alias: tuple[Name, Name] | None = None  # 通称 (family, given) of a 特別永住者


# Household shapes and their shares of all households.
SINGLE, COUPLE, COUPLE_CHILDREN, SINGLE_PARENT, THREE_GEN, OTHER = (
    "single", "couple", "couple_children", "single_parent", "three_gen", "other")
SHAPES = ((SINGLE, 0.38), (COUPLE, 0.20), (COUPLE_CHILDREN, 0.25), (SINGLE_PARENT, 0.09),
          (THREE_GEN, 0.06), (OTHER, 0.02))
MIXED_MARRIAGE_SHARE = 0.02  # share of Japanese husbands whose wife is a foreign national
OLD_SURNAME_SHARE = 0.15  # married women who had their 旧氏 recorded (possible since 2019)


def pick_share(rng: random.Random, table: tuple[tuple[str, float], ...]) -> str:
    r = rng.random()
    for item, share in table:
        r -= share
        if r < 0:
            return item
    return table[-1][0]


def full_name(family: Name, given: Name) -> str:
    return f"{family.kanji}\u3000{given.kanji}"


class HouseholdBuilder:
    """Draws one household at a time; all randomness comes from the rng passed in."""

    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.pyramid = Pyramid(today)
        self.year = today.year
        self._koseki = 0
        self._maiden = Name("", "")  # the last Japanese wife's maiden name (for 妻の父/妻の母)

    # -- people -------------------------------------------------------------------------------

    def person(
        self, rel: str, sex: str, age: int, family: Name, *, given: Name | None = None,
        koseki: int = 0, hittosha: str | None = None, old_surname: Name | None = None,
        nationality: fx.Nationality | None = None, status: str | None = None,
    ) -> Member:
        birth = self.pyramid.birth(self.rng, age)
        if given is None:
            given = given_name(self.rng, sex, self.year - age)
        return Member(rel, sex, age, birth, family, given, koseki, hittosha, old_surname,
                      nationality, status)

    def new_koseki(self) -> int:
        self._koseki += 1
        return self._koseki

    def _parent_name(self, family: Name, age: int) -> str:
        """筆頭者 of a parents' 戸籍 whose holder does not live here (father, ~30 years older)."""
        return full_name(family, given_name(self.rng, MALE, self.year - age - 30))

    def child_ages(self, parents: list[int], n: int, max_age: int = 60,
                    min_age: int = 0) -> list[int]:
        # Callers keep every parent at least 21 + min_age and parents within 23 years of each
        # other, so this range is never empty.
        lo = max(min_age, max(parents) - 44)
        hi = max(lo, min(min(parents) - 21, max_age))
        return sorted((self.pyramid.age(self.rng, lo, hi) for _ in range(n)), reverse=True)

    def spouse_age(self, head_age: int, head_sex: str, lo: int = 18) -> int:
        # Husbands a little older on average: 2 ± ~3 years (a sum of three uniforms is close
        # enough to a normal law and much cheaper than Random.gauss).
        r = self.rng.random
        gap = round(2.0 + (r() + r() + r() - 1.5) * 6.0)
        gap = max(-8, min(12, gap))
        age = head_age - gap if head_sex == MALE else head_age + gap
        return max(lo, min(MAX_AGE, age))

    def _wife(self, rel: str, age: int, family: Name, koseki: int, hittosha: str) -> Member:
        """A Japanese wife who took her husband's surname; sometimes her 旧氏 is recorded."""
        maiden = other_surname(self.rng, family)
        old = maiden if self.rng.random() < OLD_SURNAME_SHARE else None
        wife = self.person(rel, FEMALE, age, family, koseki=koseki, hittosha=hittosha,
                           old_surname=old)
        self._maiden = maiden
        return wife

    # -- households ---------------------------------------------------------------------------

    def household(self) -> list[Member]:
        """Members of one Japanese household (a wife may be a foreign national), head first,
        dependants after the people they depend on. Foreign households: foreign_households.py."""
        shape = pick_share(self.rng, SHAPES)
        return getattr(self, f"_{shape}")()

    def _single(self) -> list[Member]:
        rng = self.rng
        r = rng.random()
        # Living alone: students and young workers, and many more old people (often widowed).
        age = self.pyramid.age(rng, 18, 34) if r < 0.27 else (
            self.pyramid.age(rng, 35, 64) if r < 0.52 else self.pyramid.age(rng, 65, 100))
        sex = FEMALE if rng.random() < (0.65 if age >= 65 else 0.45) else MALE
        family = surname(rng)
        head = self.person("世帯主", sex, age, family, koseki=self.new_koseki())
        if age < 30 or rng.random() < 0.3:
            head.hittosha = self._parent_name(family, age)  # still in the parents' 戸籍
        elif sex == FEMALE and age >= 65:
            head.hittosha = full_name(family, given_name(rng, MALE, self.year - age - 3))  # widow
        else:
            head.hittosha = full_name(family, head.given)
        return [head]

    def _couple_base(self, head_age: int, min_age: int = 18) -> list[Member]:
        """Husband and wife sharing one 戸籍; in ~6% the wife is the 世帯主.

        min_age: neither spouse is younger (22+ when they have children, so that children
        can be 21+ years younger than both)."""
        rng = self.rng
        family = surname(rng)
        k = self.new_koseki()
        wife_heads = rng.random() < 0.06
        head_age = max(head_age, min_age)
        husband_age = head_age if not wife_heads else self.spouse_age(head_age, FEMALE, min_age)
        wife_age = self.spouse_age(husband_age, MALE, min_age) if not wife_heads else head_age
        husband = self.person("夫" if wife_heads else "世帯主", MALE, husband_age, family, koseki=k)
        husband.hittosha = full_name(family, husband.given)
        if not wife_heads and rng.random() < MIXED_MARRIAGE_SHARE:
            wife = self._foreign_wife(wife_age)
            self._maiden = other_surname(rng, family)
        else:
            rel = "世帯主" if wife_heads else "妻"
            wife = self._wife(rel, wife_age, family, k, husband.hittosha)
        return [wife, husband] if wife_heads else [husband, wife]

    def _foreign_wife(self, age: int) -> Member:
        nat = fx.nationality(self.rng)
        while nat.name in ("ネパール", "インドネシア"):  # rare among spouses of Japanese here
            nat = fx.nationality(self.rng)
        status = fx.SPOUSE_OF_JAPANESE if self.rng.random() < 0.6 else fx.PERMANENT
        return self.person("妻", FEMALE, age, nat.family.pick(self.rng),
                           given=nat.female.pick(self.rng), nationality=nat, status=status)

    def _couple(self) -> list[Member]:
        age = self.pyramid.age(self.rng, 24, 54) if self.rng.random() < 0.2 else \
            self.pyramid.age(self.rng, 58, 95)
        return self._couple_base(age)

    def _children(self, parents: list[Member], n: int, family: Name, koseki: int,
                  hittosha: str | None, rel: str = "子", max_age: int = 60,
                  min_age: int = 0) -> list[Member]:
        ages = self.child_ages([p.age for p in parents], n, max_age, min_age)
        return [self.person(rel, MALE if self.rng.random() < 0.51 else FEMALE, a, family,
                            koseki=koseki, hittosha=hittosha) for a in ages]

    def _couple_children(self) -> list[Member]:
        rng = self.rng
        # Mostly young families; some older parents with grown-up children still at home.
        older = rng.random() < 0.15
        age = self.pyramid.age(rng, 55, 75) if older else self.pyramid.age(rng, 27, 60)
        couple = self._couple_base(age, min_age=22)
        husband = couple[0] if couple[0].sex == MALE else couple[1]
        n = pick_share(rng, (("1", 0.40), ("2", 0.42), ("3", 0.15), ("4", 0.03)))
        kids = self._children(couple, int(n), husband.family, husband.koseki, husband.hittosha)
        return couple + kids

    def _single_parent(self) -> list[Member]:
        rng = self.rng
        sex = FEMALE if rng.random() < 0.85 else MALE
        age = self.pyramid.age(rng, 23, 75)
        family = surname(rng)
        head = self.person("世帯主", sex, age, family, koseki=self.new_koseki())
        head.hittosha = full_name(family, head.given)  # a divorced parent heads a new 戸籍
        n = pick_share(rng, (("1", 0.55), ("2", 0.35), ("3", 0.10)))
        return [head, *self._children([head], int(n), family, head.koseki, head.hittosha)]

    def _three_gen(self) -> list[Member]:
        if self.rng.random() < 0.6:
            return self._with_parents()
        return self._with_grandchildren()

    def _with_parents(self) -> list[Member]:
        """世帯主 + spouse + children + the head's (or the wife's) parents."""
        rng = self.rng
        couple = self._couple_base(self.pyramid.age(rng, 35, 62), min_age=22)
        head, spouse = couple
        # The husband is the 筆頭者 of the couple's 戸籍; the wife's hittosha names him too.
        kids = self._children(couple, pick(rng, (1, 1, 2, 2, 3)), head.family, head.koseki,
                              head.hittosha, max_age=35)
        in_law = head.sex == MALE and spouse.nationality is None and rng.random() < 0.15
        family = self._maiden if in_law else head.family
        # The elders are the parents of the wife (妻の父/母) or of the husband (父/母, or 夫の父/母
        # when the wife is the 世帯主).
        child_age = spouse.age if in_law or head.sex == FEMALE else head.age
        prefix = "妻の" if in_law else ("夫の" if head.sex == FEMALE else "")
        k = self.new_koseki()
        elders: list[Member] = []
        which = pick_share(rng, (("both", 0.4), ("mother", 0.45), ("father", 0.15)))
        father_age = min(MAX_AGE, self.pyramid.age(rng, child_age + 21, child_age + 44))
        father_name = full_name(family, given_name(rng, MALE, self.year - father_age))
        if which in ("both", "father"):
            father = self.person(prefix + "父", MALE, father_age, family, koseki=k)
            father.hittosha = full_name(family, father.given)
            father_name = father.hittosha
            elders.append(father)
        if which in ("both", "mother"):
            if which == "both":  # a couple: the mother close in age to the father
                gap = self.spouse_age(father_age, MALE) - father_age
                mother_age = max(child_age + 21, min(child_age + 44, father_age + gap, MAX_AGE))
            else:
                mother_age = min(MAX_AGE, self.pyramid.age(rng, child_age + 21, child_age + 44))
            elders.append(self.person(prefix + "母", FEMALE, mother_age, family, koseki=k,
                                      hittosha=father_name))
        return couple + elders + kids

    def _with_grandchildren(self) -> list[Member]:
        """An older 世帯主 with spouse, a married child, the child's spouse and grandchildren."""
        rng = self.rng
        couple = self._couple_base(self.pyramid.age(rng, 58, 88), min_age=50)
        if rng.random() < 0.2:
            couple = couple[:1]  # widowed: the head lives with the young family alone
        head = couple[0]
        k = self.new_koseki()
        son = rng.random() < 0.85
        child = self._children(couple, 1, head.family, k, None, max_age=55, min_age=25)[0]
        child.sex = MALE if son else FEMALE
        child.given = given_name(rng, child.sex, self.year - child.age)
        if son:
            child.hittosha = full_name(child.family, child.given)
            partner = self._wife("子の妻", self.spouse_age(child.age, MALE, 22), child.family, k,
                                 child.hittosha)
            family = child.family
        else:
            # The daughter took her husband's surname when she married.
            family = other_surname(rng, head.family)
            child.family = family
            partner = self.person("子の夫", MALE, self.spouse_age(child.age, FEMALE, 22), family,
                                  koseki=k)
            partner.hittosha = full_name(family, partner.given)
            child.hittosha = partner.hittosha
        grandchildren = self._children([child, partner], pick(rng, (1, 1, 2, 2, 3)), family, k,
                                       child.hittosha, rel="孫", max_age=30)
        return [*couple, child, partner, *grandchildren]

    def _other(self) -> list[Member]:
        rng = self.rng
        age = self.pyramid.age(rng, 20, 85)
        family = surname(rng)
        head = self.person("世帯主", MALE if rng.random() < 0.5 else FEMALE, age, family,
                           koseki=self.new_koseki())
        if rng.random() < 0.6:  # siblings in their parents' 戸籍
            head.hittosha = self._parent_name(family, age)
            members = [head]
            for _ in range(pick(rng, (1, 1, 2))):
                sib_age = max(18, min(MAX_AGE, age + between(rng, -12, 12)))
                sex = MALE if rng.random() < 0.5 else FEMALE
                sib = self.person("", sex, sib_age, family, koseki=head.koseki,
                                  hittosha=head.hittosha)
                older = sib.birth <= head.birth  # decided on the dates: same-year siblings exist
                sib.relationship = {(MALE, True): "兄", (MALE, False): "弟", (FEMALE, True): "姉",
                                    (FEMALE, False): "妹"}[(sex, older)]
                members.append(sib)
            return members
        head.hittosha = full_name(family, head.given)
        lodger_age = max(18, min(MAX_AGE, age + between(rng, -10, 10)))
        lodger_family = other_surname(rng, family)
        lodger = self.person("同居人", MALE if rng.random() < 0.5 else FEMALE, lodger_age,
                             lodger_family, koseki=self.new_koseki())
        lodger.hittosha = full_name(lodger_family, lodger.given)
        return [head, lodger]
