"""Issuing a certificate: the requester's rights checked, the content built, the issue recorded
(証明書発行履歴) with digests of what is printed, a bulk job's approval used; reissue of a spoiled
print; verification of a paper by a receiving office."""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import clock
from app.domain.errors import DomainError
from app.domain.request_shape import reject_unknown_keys, require_keys
from app.domain.text import is_ascii_digits
from registry.api.errors import ApiError
from registry.audit.writer import Event, write
from registry.certificates import content, rules
from registry.config import Settings
from registry.models import IssuedCertificate, Move
from registry.repositories import counters, numbers, residents
from registry.repositories.actor import Actor
from registry.repositories.residents import ResidentRecord
from registry.security import approvals
from registry.security.permissions import NUMBER_VIEW

CODE_ALPHABET: Final = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I look-alikes
CODE_LENGTH: Final = 8
FIELDS: Final = ("kind", "persons", "household", "items", "requester", "copies", "move_id")


@dataclass(frozen=True)
class Request:
    kind: str
    atenas: list[str]
    items: frozenset[str]
    requester: rules.Requester
    copies: int
    move_id: str | None
    whole_household: bool


def parse(body: Any) -> Request:
    raw = reject_unknown_keys(body, FIELDS, "証明書の請求")
    require_keys(raw, ("kind", "requester"))
    kind = raw["kind"]
    if not isinstance(kind, str) or kind not in rules.KINDS:
        raise DomainError("invalid_certificate_kind", "証明書の種類が正しくありません。", field="kind")
    requester = rules.parse_requester(raw["requester"])
    copies = raw.get("copies", 1)
    if not isinstance(copies, int) or isinstance(copies, bool) or not 1 <= copies <= rules.MAX_COPIES:
        raise DomainError("invalid_copies", f"通数は1〜{rules.MAX_COPIES}です。", field="copies")
    items = raw.get("items", [])
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise DomainError("invalid_item", "記載事項の指定が正しくありません。", field="items")
    persons, household = raw.get("persons"), raw.get("household")
    move_id = raw.get("move_id")
    if kind == "tenshutsu":
        if not isinstance(move_id, str) or len(move_id) != 32:
            raise DomainError("missing_field", "転出証明書は転出の届出（異動届の番号）から作成します。", field="move_id")
    elif move_id is not None:
        raise DomainError("field_not_allowed", "異動届の番号は転出証明書にだけ指定できます。", field="move_id")
    if (persons is None) == (household is None) and kind != "tenshutsu":
        raise DomainError("missing_field", "対象者（宛名番号の一覧）か世帯番号のどちらかを指定してください。",
                          field="persons")
    atenas: list[str] = []
    if persons is not None:
        if not isinstance(persons, list) or not 1 <= len(persons) <= 200 or not all(
            is_ascii_digits(p, 10) for p in persons
        ):
            raise DomainError("invalid_persons", "対象者は宛名番号（10桁）の一覧で指定してください。", field="persons")
        atenas = list(dict.fromkeys(persons))
    if household is not None and not is_ascii_digits(household, 10):
        raise DomainError("invalid_household_number", "世帯番号は10桁の数字です。", field="household")
    return Request(kind, atenas if persons is not None else [household] if household else [],
                   frozenset(items), requester, copies, move_id, household is not None)


def _records(session: Session, req: Request) -> tuple[list[ResidentRecord], bool]:
    if req.whole_household:
        found = residents.household(session, req.atenas[0])
        if found is None or not found.members:
            raise ApiError(404, "household_not_found", "該当する世帯が見つかりません。")
        return found.members, True
    records = []
    for atena in req.atenas:
        record = residents.get(session, atena)
        if record is None:
            raise DomainError("resident_not_found", "指定された宛名番号の住民が見つかりません。", field="persons")
        records.append(record)
    return records, False


def _check(session: Session, req: Request, records: list[ResidentRecord]) -> None:
    removed = [r for r in records if r.version.removed_on is not None]
    if req.kind == "johyo" and len(removed) != len(records):
        raise DomainError("not_removed", "除票の写しは消除された方についてだけ発行できます。", field="persons")
    if req.kind not in ("johyo", "tenshutsu") and removed:
        raise DomainError("not_resident", "消除された方は除票の写しで請求してください。", field="persons")
    if len({r.household_number for r in records}) > 1 and req.kind in ("juminhyo_household", "kisai_jiko"):
        raise DomainError("household_mismatch", "一通の証明書に載せられるのは同じ世帯の方だけです。", field="persons")
    who = req.requester
    if who.type == "self" and [r.person.atena_number for r in records] != [who.person_id]:
        raise ApiError(403, "requester_mismatch", "本人の請求で発行できるのは本人の分だけです。"
                       "世帯の他の方も載せるときは、請求者を「同一世帯の者」にしてください。")
    if who.type == "household_member":
        asker = residents.get(session, who.person_id or "")
        if asker is None or asker.version.removed_on is not None or any(
            r.household_number != asker.household_number for r in records
        ):
            raise ApiError(403, "requester_mismatch", "同一世帯の方の請求ではありません。")
    for r in records:
        if r.version.processing_stop and not (who.type == "self" and who.person_id == r.person.atena_number):
            raise ApiError(403, "issuance_suspended",
                           "この方の証明書は、支援措置（処理停止）のため本人以外には発行できません。")


def _serial(session: Session) -> str:
    number = counters.take(session, "certificate")[0]
    return f"{clock.today().year}-{number:08d}"


def _code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def field_digest(serial: str, field: str, value: str) -> str:
    # Salted with the serial, so equal names on two certificates give different digests.
    normalised = "".join(value.split())
    return hashlib.sha256(f"{serial}|{field}|{normalised}".encode()).hexdigest()


def _field_digests(serial: str, persons: list[dict[str, Any]]) -> dict[str, list[str]]:
    return {
        "name": [field_digest(serial, "name", p["name"]["family"] + p["name"]["given"]) for p in persons],
        "birth_date": [field_digest(serial, "birth_date", p["birth_date"]) for p in persons],
    }


def issue(
    session: Session, settings: Settings, actor: Actor, req: Request, approval_token: str | None,
    now: datetime, *, reissue_of: str | None = None,
) -> dict[str, Any]:
    m = settings.municipality
    move_out = None
    if req.kind == "tenshutsu":
        records, move_out = _moved_out(session, req)
        whole = False
    else:
        records, whole = _records(session, req)
    _check(session, req, records)
    items = rules.allowed_items(req.kind, req.items, req.requester)
    if "individual_number" in items and NUMBER_VIEW not in actor.permissions:
        raise ApiError(403, "permission_denied", "個人番号を記載する権限がありません。")
    documents = req.copies * (len(records) if req.kind in ("juminhyo_individual", "johyo") else 1)
    approver = None
    if reissue_of is None and approvals.needs_approval(settings, documents, len(records)):
        if not approval_token:
            raise approvals.required()
        approver = approvals.consume(session, approval_token, clerk_session_id=actor.session_id,
                                     kind="certificate", count=documents, now=now).supervisor_id
    serial, code = _serial(session), _code()
    head = next((r for r in residents_of_household(session, records) if r.version.is_head), None)
    persons = [
        content.person(
            r, items, m,
            number=numbers.reveal(session, r.person.id, actor) if "individual_number" in items else None,
            removed=req.kind in ("johyo",),
        )
        for r in records
    ]
    fee = 0 if req.requester.type == "official" else settings.certificate_fee_yen
    printed = {
        "kind": req.kind,
        "kind_label": rules.KINDS[req.kind],
        "issued_on": clock.today().isoformat(),
        "serial": serial,
        "verification_code": code,
        "qr_text": f"MDG1:{serial}:{code}",
        "fee_yen": fee,
        "issuer": {"municipality_name": m.city, "municipality_code": m.code,
                   "mayor_title": m.mayor_title, "mayor_name": m.mayor_name},
        "household": content.household(records, head, m, whole=whole, items=items | {"head"}),
        "persons": persons,
        "move_out": move_out,
    }
    digest = hashlib.sha256(json.dumps(printed, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
    session.add(IssuedCertificate(
        serial=serial, code=code, kind=req.kind,
        persons=",".join(r.person.atena_number for r in records), items=",".join(sorted(items)),
        requester_type=req.requester.type,
        requester_reference=f"person:{req.requester.person_id}" if req.requester.person_id else req.requester.reference,
        staff_id=actor.staff_id, terminal_id=actor.terminal_id, approver_id=approver, issued_at=now,
        copies=req.copies, fee_yen=fee * req.copies, digest=digest,
        field_digests=json.dumps(_field_digests(serial, persons)), reissue_of=reissue_of,
        household=req.atenas[0] if req.whole_household else None, move_id=req.move_id,
    ))
    session.flush()
    write(session.connection(), actor, Event(
        "certificate.reissue" if reissue_of else "certificate.issue",
        [r.person.atena_number for r in records], number_access="individual_number" in items,
        reference=serial, approver_id=approver,
        detail=f"{req.kind} {req.requester.type} copies={req.copies}",
    ), at=now)
    return {**printed, "copies": req.copies, "total_fee_yen": fee * req.copies, "reissue_of": reissue_of}


def residents_of_household(session: Session, records: list[ResidentRecord]) -> list[ResidentRecord]:
    found = residents.household(session, records[0].household_number)
    return found.members if found else records


def _moved_out(session: Session, req: Request) -> tuple[list[ResidentRecord], dict[str, Any]]:
    move = session.get(Move, req.move_id)
    if move is None or move.kind != "tenshutsu" or move.status != "committed" or not move.result:
        raise DomainError("move_not_found", "転出の届出（確定済み）が見つかりません。", field="move_id")
    result = json.loads(move.result)
    records = []
    for entry in result["transfer_certificates"]:
        record = residents.get(session, entry["ref"])
        if record is None:
            raise DomainError("resident_not_found", "転出した方の記録が見つかりません。", field="move_id")
        records.append(record)
    if req.atenas:
        records = [r for r in records if r.person.atena_number in req.atenas]
    first = result["transfer_certificates"][0]
    return records, {
        "destination": {"main": first["moved_out_to"], "building": None},
        "planned_on": first["planned_move_date"],
        "notified_on": None,
        "new_head": None,
    }


def reissue(
    session: Session, settings: Settings, actor: Actor, serial: str, reason: str, now: datetime
) -> dict[str, Any]:
    original = session.scalar(select(IssuedCertificate).where(IssuedCertificate.serial == serial).with_for_update())
    if original is None:
        raise ApiError(404, "certificate_not_found", "指定された証明書番号の発行記録がありません。")
    if original.voided_at is not None:
        raise ApiError(409, "certificate_voided", "この証明書は既に無効にされています。")
    reference = original.requester_reference or ""
    requester = rules.Requester(
        original.requester_type,
        person_id=reference.removeprefix("person:") if reference.startswith("person:") else None,
        reference=None if reference.startswith("person:") else reference,
    )
    original.voided_at, original.void_reason = now, reason
    household = original.household
    req = Request(original.kind, [household] if household is not None else original.persons.split(","),
                  frozenset(i for i in original.items.split(",") if i), requester, original.copies,
                  original.move_id, household is not None)
    write(session.connection(), actor, Event("certificate.void", original.persons.split(","),
                                             reference=serial, detail=reason[:200]), at=now)
    return issue(session, settings, actor, req, None, now, reissue_of=serial)


def verify(session: Session, serial: str, code: str, printed: dict[str, str]) -> dict[str, Any]:
    found = session.get(IssuedCertificate, serial)
    if found is None or not secrets.compare_digest(found.code, code.upper()):
        return {"serial": serial, "genuine": False, "voided": None, "kind": None, "issued_on": None,
                "fields": {}}
    digests = json.loads(found.field_digests)
    fields = {
        name: field_digest(serial, name, value) in digests.get(name, [])
        for name, value in printed.items()
    }
    return {
        "serial": serial,
        "genuine": True,
        "voided": found.voided_at is not None,
        "void_reason": found.void_reason,
        "kind": rules.KINDS[found.kind],
        "issued_on": found.issued_at.date().isoformat(),
        "copies": found.copies,
        "reissue_of": found.reissue_of,
        "fields": fields,
    }
