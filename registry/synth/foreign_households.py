"""Households of foreign nationals (外国人住民世帯), drawn with the helpers of HouseholdBuilder.

Their shape follows the 在留資格 of the 世帯主: technical interns and students live alone, an
engineer brings a spouse and children on 家族滞在, 特別永住者 families span generations and often
use a Japanese-style 通称. Mixed marriages (a Japanese husband, a foreign wife) are drawn with
the Japanese households in population.py.
"""

from __future__ import annotations

from registry.synth import foreign as fx
from registry.synth.names import Name, given_name
from registry.synth.population import (
    COUPLE,
    COUPLE_CHILDREN,
    FEMALE,
    MALE,
    SINGLE,
    SINGLE_PARENT,
    THREE_GEN,
    HouseholdBuilder,
    Member,
    pick_share,
)
from registry.synth.rand import pick

SHAPES = ((SINGLE, 0.45), (COUPLE, 0.17), (COUPLE_CHILDREN, 0.30), (SINGLE_PARENT, 0.05),
          (THREE_GEN, 0.03))
HEAD_AGES = {
    fx.TRAINEE: (19, 33), fx.STUDENT: (18, 30), fx.ENGINEER: (23, 50), fx.PERMANENT: (28, 85),
    fx.SPECIAL_PERMANENT: (25, 95), fx.LONG_TERM: (22, 70), fx.SPOUSE_OF_JAPANESE: (25, 65),
}
ALIAS_SHARE = 0.6  # 特別永住者 families that registered a 通称


def foreign_household(b: HouseholdBuilder) -> list[Member]:
    """A household of foreign nationals of one nationality, head first."""
    rng = b.rng
    nat = fx.nationality(rng)
    status = fx.residence_status(rng, nat)
    if status == fx.DEPENDENT:
        status = fx.ENGINEER  # a 家族滞在 needs a sponsor, who is then the 世帯主
    shape = SINGLE if status in fx.ALONE else pick_share(rng, SHAPES)
    if status == fx.SPOUSE_OF_JAPANESE and shape != SINGLE:
        shape = SINGLE_PARENT  # the Japanese spouse lives elsewhere or has died
    if shape == THREE_GEN and status not in (fx.SPECIAL_PERMANENT, fx.PERMANENT):
        shape = COUPLE_CHILDREN
    lo, hi = (30, 60) if shape == THREE_GEN else HEAD_AGES[status]
    # A parent is at least 22, so that children can be 21+ years younger.
    age = b.pyramid.age(rng, lo if shape == SINGLE else max(lo, 22), hi)
    family = nat.family.pick(rng)
    single_woman = shape == SINGLE and rng.random() < 0.4
    head_sex = FEMALE if shape == SINGLE_PARENT or single_woman else MALE
    members = [_foreigner(b, "世帯主", head_sex, age, family, nat, status)]
    # Spouse and children hold 家族滞在 under a working or studying head, otherwise the head's
    # own status (定住者 for the children of a 日本人の配偶者等).
    kin_status = fx.DEPENDENT if status in fx.SPONSORS_DEPENDENTS else (
        fx.LONG_TERM if status == fx.SPOUSE_OF_JAPANESE else status)
    if shape in (COUPLE, COUPLE_CHILDREN, THREE_GEN):
        wife_family = nat.family.pick(rng) if nat.spouse_keeps_name else family
        members.append(_foreigner(b, "妻", FEMALE, b.spouse_age(age, MALE, 22), wife_family, nat,
                                  kin_status))
    if shape in (COUPLE_CHILDREN, SINGLE_PARENT, THREE_GEN):
        for a in b.child_ages([m.age for m in members], pick(rng, (1, 1, 2, 2, 3)), 30):
            sex = MALE if rng.random() < 0.51 else FEMALE
            members.append(_foreigner(b, "子", sex, a, family, nat, kin_status))
    if shape == THREE_GEN:
        mother_age = b.pyramid.age(rng, age + 21, age + 44)
        members.insert(2, _foreigner(b, "母", FEMALE, mother_age, family, nat, status))
    if status == fx.SPECIAL_PERMANENT and rng.random() < ALIAS_SHARE:
        alias_family = fx.alias_surname(rng, family.kanji)
        for m in members:
            m.alias = (alias_family, given_name(rng, m.sex, b.year - m.age))
    return members


def _foreigner(b: HouseholdBuilder, rel: str, sex: str, age: int, family: Name,
               nat: fx.Nationality, status: str) -> Member:
    given = (nat.male if sex == MALE else nat.female).pick(b.rng)
    return b.person(rel, sex, age, family, given=given, nationality=nat, status=status)
