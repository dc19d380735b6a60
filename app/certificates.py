"""Turns the content the registry answers for a certificate into the printing model, unchanged:
the terminal prints exactly the items the registry sent, nothing it decides itself; and the
city's seal the terminal prints with it.

The mayor's title and name come with every answer (the registry's configuration); the seal
image is the terminal's: a PNG the city installs, named in the setting `printing.seal_image`
and checked when the desk opens. Without one, certificates carry the synthetic specimen seal
with 見本 printed across it. A configured seal that cannot be used is an error the desk shows;
it never falls back to the specimen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from printing.model import (
    Address,
    Certificate,
    CertificateKind,
    Change,
    Domicile,
    ForeignResidentItems,
    Household,
    Issuer,
    MoveOut,
    Name,
    Notified,
    Person,
    Reading,
    Removal,
    Sex,
    Verification,
)

if TYPE_CHECKING:
    from app.settings import SettingsStore


@dataclass(frozen=True)
class Seal:
    """The seal image printed on every certificate; not resident data."""

    png: bytes = field(repr=False)
    specimen: bool = False  # the synthetic seal: 見本 is printed across it


@cache
def specimen_seal() -> Seal:
    from printing.specimen import seal_png

    return Seal(seal_png(), specimen=True)


def seal_from_path(path: Path | None) -> Seal:
    """The city's seal at `path`, checked (printing.seal_image.SealImageError with a Japanese
    message if it cannot be used); the specimen when no path is configured."""
    if path is None:
        return specimen_seal()
    from printing.seal_image import load

    return Seal(load(path))


def configured_seal(settings: SettingsStore | None) -> Seal:
    from app.settings.options import SEAL_IMAGE

    return seal_from_path(None if settings is None else settings.get(SEAL_IMAGE))


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _address(raw: dict[str, Any] | None) -> Address | None:
    return Address(raw["main"], raw.get("building")) if raw and raw.get("main") else None


def _name(raw: dict[str, Any] | None) -> Name | None:
    if not raw:
        return None
    return Name(raw["family"], raw.get("given") or "", raw.get("family_kana"), raw.get("given_kana"))


def _notified(raw: dict[str, Any] | None) -> Notified | None:
    return Notified(date.fromisoformat(raw["on"]), _date(raw.get("notified_on"))) if raw else None


def _reading(raw: dict[str, Any] | None) -> Reading | None:
    return Reading(raw["text"], raw.get("kana")) if raw else None


def _person(raw: dict[str, Any]) -> Person:
    name = _name(raw["name"])
    assert name is not None
    foreign = raw.get("foreign")
    change, removal, domicile = raw.get("change"), raw.get("removal"), raw.get("domicile")
    return Person(
        name=name,
        is_head=bool(raw.get("is_head")),
        birth_date=_date(raw.get("birth_date")),
        sex=Sex(raw["sex"]) if raw.get("sex") else None,
        relationship=raw.get("relationship"),
        became_resident=_notified(raw.get("became_resident")),
        address_settled=_notified(raw.get("address_settled")),
        previous_address=_address(raw.get("previous_address")),
        domicile=Domicile(domicile["place"], domicile["head"] or "") if domicile else None,
        individual_number=raw.get("individual_number"),
        resident_code=raw.get("resident_code"),
        former_surname=_reading(raw.get("former_surname")),
        alias=_reading(raw.get("alias")),
        foreign=ForeignResidentItems(
            nationality=foreign.get("nationality"),
            article_30_45=foreign.get("article_30_45"),
            residence_status=foreign.get("residence_status"),
            period_expires_on=_date(foreign.get("period_expires_on")),
            card_number=foreign.get("card_number"),
        ) if foreign else None,
        change=Change(change["reason"], date.fromisoformat(change["on"]), _date(change.get("notified_on")))
        if change else None,
        removal=Removal(removal["reason"], date.fromisoformat(removal["on"]),
                        destination=_address(removal.get("destination"))) if removal else None,
    )


def certificate(answer: dict[str, Any], seal: Seal | bytes) -> Certificate:
    """The printing model of one certificate the registry issued, with the seal from the
    terminal's configuration (plain PNG bytes: a seal that is not the specimen)."""
    if isinstance(seal, bytes):
        seal = Seal(seal)
    issuer = answer["issuer"]
    household = answer["household"]
    move_out = answer.get("move_out")
    return Certificate(
        kind=CertificateKind(answer["kind"]),
        issuer=Issuer(issuer["municipality_name"], issuer["municipality_code"], issuer["mayor_title"],
                      issuer["mayor_name"], seal.png, specimen_seal=seal.specimen),
        issued_on=date.fromisoformat(answer["issued_on"]),
        serial=answer["serial"],
        verification=Verification(answer["verification_code"], answer["qr_text"]),
        fee_yen=answer["fee_yen"],
        household=Household(
            address=_address(household.get("address")),
            head=_name(household.get("head")),
            number=household.get("number"),
            whole=bool(household.get("whole")),
        ),
        persons=tuple(_person(p) for p in answer["persons"]),
        move_out=MoveOut(
            destination=_address(move_out["destination"]) or Address("（不明）"),
            planned_on=date.fromisoformat(move_out["planned_on"]),
            notified_on=_date(move_out.get("notified_on")),
        ) if move_out else None,
    )
