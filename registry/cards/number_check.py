"""Does a presented individual number (read from a card, or typed from a notice) belong to this
resident? The register compares, so the terminal never needs to be shown the register's number;
the answer is only yes or no. The read goes through the numbers repository and is logged there
like every other read of a number."""

from __future__ import annotations

import dataclasses
from typing import Any, Final

from sqlalchemy.orm import Session

from app.domain import individual_number
from app.domain.errors import DomainError
from app.domain.request_shape import reject_unknown_keys, require_keys
from registry.api.errors import ApiError
from registry.audit.writer import Event, write
from registry.repositories import numbers, residents
from registry.repositories.actor import Actor

PURPOSE: Final = "個人番号の照合（提示された番号と記録の突合）"


def parse(body: Any) -> str:
    raw = reject_unknown_keys(body, ("individual_number",), "個人番号の照合")
    require_keys(raw, ("individual_number",))
    value = raw["individual_number"]
    if not isinstance(value, str):
        raise DomainError("invalid_individual_number", "個人番号は12桁の数字で入力してください",
                          field="individual_number")
    return individual_number.validate(value, field="individual_number")


def check(session: Session, actor: Actor, atena: str, presented: str) -> bool:
    found = residents.get(session, atena)
    if found is None:
        raise ApiError(404, "resident_not_found", "該当する住民が見つかりません。")
    # The access log names the purpose: a comparison, not a display.
    matches = numbers.matches(
        session, found.person.id, presented, dataclasses.replace(actor, purpose=actor.purpose or PURPOSE)
    )
    write(session.connection(), actor, Event(
        "number.check", [atena], number_access=True, detail=f"matches={'yes' if matches else 'no'}",
    ))
    return matches
