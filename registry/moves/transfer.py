"""転出証明書: the items of a received 転出証明書情報 that a 特例転入 takes over, and the content
of the 転出証明書 a 転出 produces (住基法施行令 §23)."""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from registry.config import Settings
from registry.moves.loader import RegisterReader
from registry.moves.records import State
from registry.moves.request import MoveRequest
from registry.moves.subjects import Subject


class Context(Protocol):
    read: RegisterReader
    req: MoveRequest

    def full_address(self, state: State) -> str: ...


# Items of a received 転出証明書情報 that become items of the new record.
TRANSFER_ITEMS = (
    "family_name", "given_name", "family_name_kana", "given_name_kana", "birth_date", "sex",
    "resident_type", "honseki", "hittosha", "old_surname", "old_surname_kana",
    "old_surname_romaji", "nationality", "article_30_45", "residence_status",
    "residence_expiry", "residence_card_number", "alias_name", "alias_name_kana",
)


def records_values(content: dict[str, Any]) -> dict[str, Any]:
    out = {k: content.get(k) for k in TRANSFER_ITEMS}
    for key in ("birth_date", "residence_expiry"):
        value = out[key]
        if value:
            out[key] = date.fromisoformat(value)
    return out


def certificates(ctx: Context, settings: Settings, subjects: list[Subject]) -> list[dict[str, Any]]:
    """The content of a 転出証明書 for each person of a 転出 (住基法施行令 §23)."""
    if ctx.req.kind.code != "tenshutsu":
        return []
    out = []
    for s in subjects:
        assert s.current is not None
        before = s.before
        assert before is not None
        head = next(
            (c for c in ctx.read.members(before["household_id"]) if c.version.is_head), None
        )
        out.append({
            "ref": s.ref,
            "resident_code": s.current.person.resident_code,
            "family_name": before["family_name"],
            "given_name": before["given_name"],
            "family_name_kana": before["family_name_kana"],
            "given_name_kana": before["given_name_kana"],
            "birth_date": before["birth_date"].isoformat(),
            "sex": before["sex"],
            "resident_type": before["resident_type"],
            "is_head": before["is_head"],
            "head_name": f"{head.version.family_name}\u3000{head.version.given_name}" if head else None,
            "relationship": before["relationship"],
            "address": ctx.full_address(before),
            "became_resident_on": before["became_resident_on"].isoformat(),
            "moved_out_to": ctx.req.moved_out_to,
            "planned_move_date": ctx.req.move_date.isoformat(),
            "honseki": before["honseki"],
            "hittosha": before["hittosha"],
            "nationality": before["nationality"],
            "article_30_45": before["article_30_45"],
            "residence_status": before["residence_status"],
            "residence_expiry": before["residence_expiry"].isoformat() if before["residence_expiry"] else None,
            "residence_card_number": before["residence_card_number"],
            "alias_name": before["alias_name"],
            "municipality_code": settings.municipality.code,
            "municipality": f"{settings.municipality.prefecture}{settings.municipality.city}",
        })
    return out
