"""The content of a certificate, as JSON the terminal hands to printing/ unchanged: only the
items that may be printed are present; everything else is null."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.domain.address import format_address
from registry.config import Municipality
from registry.models import PersonVersion, Town
from registry.repositories.residents import ResidentRecord

SEX = {"1": "男", "2": "女"}


def _address(m: Municipality, town: Town, v: PersonVersion) -> dict[str, Any]:
    return {"main": format_address(m.prefecture, m.city, town.name, v.address_detail), "building": v.building}


def _notified(on: date | None, notified_on: date | None) -> dict[str, Any] | None:
    return {"on": on.isoformat(), "notified_on": notified_on.isoformat() if notified_on else None} if on else None


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def person(
    r: ResidentRecord, items: frozenset[str], m: Municipality, *, number: str | None, removed: bool
) -> dict[str, Any]:
    v = r.version
    foreign = v.resident_type == "foreign"
    out: dict[str, Any] = {
        "name": {"family": v.family_name, "given": v.given_name,
                 "family_kana": v.family_name_kana, "given_kana": v.given_name_kana},
        "is_head": v.is_head,
        "birth_date": v.birth_date.isoformat(),
        "sex": SEX.get(v.sex),
        "address": _address(m, r.town, v),
        "relationship": v.relationship if "relationship" in items else None,
        "became_resident": _notified(v.became_resident_on, v.became_resident_notified_on)
        if "became_resident" in items else None,
        "address_settled": _notified(v.address_set_on, v.address_set_notified_on)
        if "address_settled" in items else None,
        "previous_address": {"main": v.previous_address, "building": None}
        if "previous_address" in items and v.previous_address else None,
        "domicile": {"place": v.honseki, "head": v.hittosha}
        if "honseki" in items and v.honseki else None,
        "individual_number": number if "individual_number" in items else None,
        "resident_code": r.person.resident_code if "resident_code" in items else None,
        "former_surname": {"text": v.old_surname, "kana": v.old_surname_kana}
        if "former_surname" in items and v.old_surname else None,
        "alias": {"text": v.alias_name, "kana": v.alias_name_kana}
        if "alias" in items and v.alias_name else None,
        "foreign": {
            "nationality": v.nationality, "article_30_45": v.article_30_45,
            "residence_status": v.residence_status, "period_expires_on": _iso(v.residence_expiry),
            "card_number": v.residence_card_number,
        } if foreign and "foreign" in items else None,
        "change": {"reason": v.change_reason, "on": v.change_date.isoformat(),
                   "notified_on": _iso(v.notified_on)} if "change" in items else None,
        "removal": {"reason": v.removal_reason, "on": _iso(v.removed_on),
                    "destination": {"main": v.moved_out_to, "building": None} if v.moved_out_to else None}
        if removed and v.removed_on else None,
    }
    return out


def household(
    members: list[ResidentRecord], head: ResidentRecord | None, m: Municipality, *, whole: bool,
    items: frozenset[str],
) -> dict[str, Any]:
    first = members[0]
    return {
        "address": _address(m, first.town, first.version),
        "head": {"family": head.version.family_name, "given": head.version.given_name}
        if head and "head" in items else None,
        "number": first.household_number,
        "whole": whole,
    }
