"""From a checked 住民異動届 to a plan: the new state of every record it touches and the
households it changes, with every rule that needs the register applied.

Each kind is expressed through one model: listed persons get a new state and a destination
household; members named under `remaining` get a new 続柄; then every household the move
touches is rebuilt as it will stand after the commit and checked as a whole (one head, 続柄
that fit the head, one address). So the household rules hold for every kind alike.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.domain import kana
from app.domain.address import format_address
from app.domain.errors import DomainError
from app.domain.move_dates import check_dates
from app.domain.move_fields import label
from app.domain.move_kinds import RESIDENCE_FIELDS, Group
from app.domain.relationships import HEAD, Member, check_household
from registry.config import Settings
from registry.moves import records
from registry.moves.loader import Current, RegisterReader
from registry.moves.plan import NEW_HOUSEHOLD, HouseholdPlan, PersonPlan, Plan, household_key
from registry.moves.records import State
from registry.moves.request import MoveRequest, PersonInput, RemainingInput
from registry.repositories import numbers
from registry.repositories.actor import Actor

DEFAULT_MODES = {
    "tenkyo": "same",
    "setai_bunri": "new",
    "setainushi_henko": "same",
    "setai_kosei_henko": "same",
}
# What is compared to decide that a listed person's record really changes.
_BOOKKEEPING = frozenset(
    {"change_reason", "change_date", "notified_on", "late_notification", "late_reason"}
)


@dataclass(frozen=True)
class Warning:
    code: str
    message: str
    field: str | None = None


@dataclass
class Subject:
    path: str  # where the person stands in the request, for errors
    ref: str
    current: Current | None
    state: State
    household: str
    resident_code: str | None = None
    individual_number: str | None = None
    returning: bool = False

    @property
    def before(self) -> State | None:
        return records.of_version(self.current.version) if self.current else None

    @property
    def resident_after(self) -> bool:
        return self.state["removed_on"] is None


@dataclass(frozen=True)
class MemberView:
    ref: str
    atena_number: str | None
    name: str
    relationship: str


@dataclass
class HouseholdView:
    key: str
    household_number: str | None
    version: int | None
    before: list[MemberView]
    after: list[MemberView]


@dataclass
class Planned:
    plan: Plan
    subjects: list[Subject]
    households: list[HouseholdView]
    warnings: list[Warning] = field(default_factory=list)


class Planner:
    def __init__(self, session: Session, settings: Settings, actor: Actor, today: date) -> None:
        self.session = session
        self.read = RegisterReader(session)
        self.settings = settings
        self.actor = actor
        self.today = today
        self.warnings: list[Warning] = []
        self._new = 0

    # --- the whole move -------------------------------------------------------------------

    def plan(self, req: MoveRequest) -> Planned:
        kind = req.kind
        dates = check_dates(kind, req.move_date, req.notified_on, req.late_reason, self.today)
        if dates.late:
            self.warn("late_notification", "届出期間（14日）を過ぎた届出です。期間経過として記録します。", "late_reason")
        if dates.planned:
            self.warn("planned_departure", "転出予定日での届出です（転出予定）。", "move_date")
        self.common: dict[str, Any] = {
            "change_reason": kind.reason,
            "change_date": req.move_date,
            "notified_on": req.notified_on,
            "late_notification": dates.late,
            "late_reason": req.late_reason,
        }
        self.req = req
        self.mode = req.household.mode if req.household else DEFAULT_MODES.get(kind.code)
        self.dest_key, self.dest_address = self._destination()
        subjects = [self._subject(p) for p in req.persons]
        listed = {s.ref for s in subjects}
        remaining = [self._remaining(r, listed) for r in req.remaining]
        households = self._households(subjects, remaining) if kind.group is not Group.RECORD else []
        everyone = [s for s in subjects + remaining if not _same_record(s.before, s.state)]
        plan = Plan(
            kind=kind.code,
            persons=[self._person_plan(s) for s in everyone],
            households=[self._household_plan(h) for h in households],
            transfer_notice_ids=[p.transfer_notice_id for p in req.persons if p.transfer_notice_id],
            certificates=self._certificates(subjects),
        )
        return Planned(plan, everyone, households, self.warnings)

    def warn(self, code: str, message: str, path: str | None = None) -> None:
        self.warnings.append(Warning(code, message, path))

    # --- where the persons go --------------------------------------------------------------

    def _destination(self) -> tuple[str | None, tuple[Any, ...] | None]:
        req = self.req
        address = self._address() if req.address else None
        if self.mode == "existing":
            assert req.household is not None and req.household.household_number is not None
            found = self.read.household_by_number(req.household.household_number)
            members = self.read.members(found.id) if found else []
            if found is None or not members:
                raise DomainError(
                    "household_not_found",
                    "指定された世帯番号の世帯が見つかりません（現に住んでいる世帯員がいません）。",
                    field="household.household_number",
                )
            return household_key(found.id), address or records.address_of(
                records.of_version(members[0].version)
            )
        if self.mode == "new":
            if address is None and req.kind.group is Group.ARRIVAL:
                raise DomainError("missing_field", "住所を入力してください。", field="address")
            return NEW_HOUSEHOLD, address
        return None, address

    def _address(self) -> tuple[Any, ...]:
        assert self.req.address is not None
        given = self.req.address
        town = self.read.town(given.town_code)
        if town is None:
            raise DomainError(
                "unknown_town", "この市の町丁目ではありません。町丁目を選び直してください。",
                field="address.town_code",
            )
        if given.postal_code is not None and given.postal_code != town.postal_code:
            raise DomainError(
                "postal_code_mismatch",
                f"郵便番号が町丁目（{town.name}：〒{town.postal_code[:3]}-{town.postal_code[3:]}）と一致しません。",
                field="address.postal_code",
            )
        return (given.town_code, given.address_detail, given.building)

    def full_address(self, state: State) -> str:
        town = self.read.town(state["town_code"])
        m = self.settings.municipality
        return format_address(
            m.prefecture, m.city, town.name if town else "", state["address_detail"], state["building"]
        )

    # --- one listed person -----------------------------------------------------------------

    def _subject(self, p: PersonInput) -> Subject:
        group = self.req.kind.group
        if group is Group.ARRIVAL:
            return self._arrival(p)
        current = self._existing(p.id, f"{p.path}.id", resident=self.req.kind.code != "shokken_shusei")
        state = {**records.of_version(current.version), **self.common}
        subject = Subject(
            p.path, current.person.atena_number, current, state,
            household_key(current.version.household_id),
        )
        if group is Group.TENKYO:
            self._tenkyo(subject, p)
        elif group is Group.DEPARTURE:
            self._departure(subject)
        elif group is Group.HOUSEHOLD:
            self._household_change(subject, p)
        else:
            self._record_change(subject, p)
        # A 世帯主変更 restates every member's 続柄, including those that stay the same.
        restating = self.req.kind.code == "setainushi_henko"
        if group is not Group.DEPARTURE and not restating and _same_record(subject.before, subject.state):
            raise DomainError("no_change", "この方の記載は何も変わりません。", field=p.path)
        return subject

    def _existing(self, atena: str | None, path: str, *, resident: bool = True) -> Current:
        assert atena is not None
        current = self.read.by_atena(atena)
        if current is None:
            raise DomainError("resident_not_found", "指定された宛名番号の住民が見つかりません。", field=path)
        if resident and not current.resident:
            raise DomainError(
                "not_resident",
                f"この方は住民ではありません（{current.version.removal_reason or '消除'}済み）。",
                field=path,
            )
        return current

    def _not_before_address(self, subject: Subject) -> None:
        assert subject.current is not None
        if self.req.move_date < subject.current.version.address_set_on:
            raise DomainError(
                "invalid_date", "異動日が現住所を定めた日より前です。", field="move_date"
            )

    def _arrival(self, p: PersonInput) -> Subject:
        kind = self.req.kind
        values = dict(p.values)
        previous = self.req.previous_address
        if kind.code == "tokurei_tennyu":
            values, code, number, previous = self._from_transfer_notice(p)
        else:
            code = values.pop("resident_code", None)
            number = values.pop("individual_number", None)
        birth = values["birth_date"]
        if kind.code == "shussei" and birth != self.req.move_date:
            raise DomainError("invalid_date", "出生の異動日は生年月日と同じ日です。", field=f"{p.path}.birth_date")
        if birth > self.req.move_date:
            raise DomainError("invalid_date", "生年月日が異動日より後です。", field=f"{p.path}.birth_date")
        existing = self._returning(p, code, number, birth)
        state = records.blank()
        if existing is not None:
            state["processing_stop"] = existing.version.processing_stop  # a support measure stays
        state.update(values)
        state.update(self.common)
        address = self.dest_address
        assert address is not None and self.dest_key is not None
        town_code, detail, building = address
        state.update(
            relationship=values["relationship"],
            is_head=values["relationship"] == HEAD,
            became_resident_on=self.req.move_date,
            became_resident_notified_on=self.req.notified_on,
            address_set_on=self.req.move_date,
            address_set_notified_on=self.req.notified_on,
            town_code=town_code,
            address_detail=detail,
            building=building,
            previous_address=previous,
            household_id=_household_id(self.dest_key),
        )
        if existing is None:
            self._new += 1
            ref = f"new-{self._new}"
            self._possible_duplicate(state, p.path)
        else:
            ref = existing.person.atena_number
        return Subject(
            p.path, ref, existing, state, self.dest_key,
            resident_code=code, individual_number=number, returning=existing is not None,
        )

    def _returning(
        self, p: PersonInput, code: str | None, number: str | None, birth: date
    ) -> Current | None:
        """The former resident's record this arrival takes up again, if there is one."""
        existing = self.read.by_resident_code(code) if code else None
        if existing is not None:
            if existing.resident:
                raise DomainError(
                    "already_resident", "この住民票コードの方は既に住民として記録されています。",
                    field=f"{p.path}.resident_code",
                )
            if existing.version.birth_date != birth:
                raise DomainError(
                    "resident_code_mismatch",
                    "住民票コードの方と生年月日が一致しません。転出証明書を確認してください。",
                    field=f"{p.path}.resident_code",
                )
        if number is not None:
            holder_id = numbers.person_for_number(self.session, number, self.actor)
            if holder_id is not None:
                holder = self.read.by_person_id(holder_id)
                assert holder is not None
                if holder.resident:
                    raise DomainError(
                        "already_resident", "この個人番号の方は既に住民として記録されています。",
                        field=f"{p.path}.individual_number",
                    )
                if existing is None and code is None:
                    existing = holder
                elif existing is None or existing.person.id != holder_id:
                    raise DomainError(
                        "individual_number_mismatch", "個人番号が他の方の記録と一致します。",
                        field=f"{p.path}.individual_number",
                    )
            elif existing is not None:
                raise DomainError(
                    "individual_number_mismatch", "個人番号が以前の記録と一致しません。",
                    field=f"{p.path}.individual_number",
                )
        return existing

    def _from_transfer_notice(
        self, p: PersonInput
    ) -> tuple[dict[str, Any], str, str | None, str | None]:
        assert p.transfer_notice_id is not None
        path = f"{p.path}.transfer_notice_id"
        notice = self.read.transfer_notice(p.transfer_notice_id)
        if notice is None:
            raise DomainError(
                "transfer_notice_not_found",
                "転出証明書情報が見つかりません（保存期間を過ぎて削除された可能性があります）。",
                field=path,
            )
        if notice.used_by_move_id is not None:
            raise DomainError("transfer_notice_used", "この転出証明書情報は既に転入に使われています。", field=path)
        content = json.loads(notice.content)
        number = content.pop("individual_number", None)
        presented = p.values.get("individual_number")
        if presented is not None and presented != number:
            raise DomainError(
                "transfer_notice_mismatch",
                "カードの個人番号が転出証明書情報と一致しません。",
                field=f"{p.path}.individual_number",
            )
        if presented is None and not any(
            q.values.get("individual_number") for q in self.req.persons
        ):
            raise DomainError(
                "card_required",
                "特例転入には個人番号カードの提示が必要です。カードから個人番号を読み取ってください。",
                field=f"{p.path}.individual_number",
            )
        previous = content.pop("previous_address")
        for key in ("head_name", "relationship_before"):
            content.pop(key, None)
        values = {**records_values(content), "relationship": p.values["relationship"]}
        return values, notice.resident_code, number, previous

    def _possible_duplicate(self, state: State, path: str) -> None:
        key = kana.kana_key(f"{state['family_name_kana']}\u3000{state['given_name_kana']}")
        for other in self.read.residents_named(key, state["birth_date"]):
            self.warn(
                "possible_duplicate",
                f"同じ氏名（カナ）・生年月日の住民がいます（宛名番号 {other.person.atena_number}）。"
                "同一人でないか確認してください。",
                path,
            )

    def _tenkyo(self, s: Subject, p: PersonInput) -> None:
        self._not_before_address(s)
        before = s.before
        assert before is not None and self.dest_address is not None
        if records.address_of(before) == self.dest_address:
            raise DomainError("same_address", "転居先が現住所と同じです。", field="address")
        town_code, detail, building = self.dest_address
        s.state.update(
            town_code=town_code,
            address_detail=detail,
            building=building,
            address_set_on=self.req.move_date,
            address_set_notified_on=self.req.notified_on,
            previous_address=self.full_address(before),
        )
        if self.mode != "same":
            assert self.dest_key is not None
            self._join(s, self.dest_key, p.values["relationship"])

    def _departure(self, s: Subject) -> None:
        self._not_before_address(s)
        s.state.update(
            removed_on=self.req.move_date,
            removal_reason=self.req.kind.removal_reason,
            moved_out_to=self.req.moved_out_to,
        )

    def _household_change(self, s: Subject, p: PersonInput) -> None:
        if self.mode == "same":
            s.state.update(relationship=p.values["relationship"], is_head=p.values["relationship"] == HEAD)
            return
        assert self.dest_key is not None
        if self.dest_key == s.household:
            raise DomainError("same_household", "既にこの世帯の世帯員です。", field="household.household_number")
        self._join(s, self.dest_key, p.values["relationship"])

    def _join(self, s: Subject, key: str, relationship: str) -> None:
        s.household = key
        s.state.update(
            household_id=_household_id(key), relationship=relationship, is_head=relationship == HEAD
        )

    def _record_change(self, s: Subject, p: PersonInput) -> None:
        foreign = s.state["resident_type"] == "foreign"
        for key, value in p.values.items():
            path = f"{p.path}.{key}"
            if key in RESIDENCE_FIELDS | {"nationality", "alias_name", "alias_name_kana"} and not foreign:
                raise DomainError(
                    "not_foreign_resident", f"日本人住民には「{label(key)}」はありません。", field=path
                )
            if key in ("honseki", "hittosha") and foreign:
                raise DomainError(
                    "field_not_allowed", f"外国人住民には「{label(key)}」はありません。", field=path
                )
            s.state[key] = value
        if s.state["birth_date"] > self.today:
            raise DomainError("invalid_date", "生年月日に将来の日付は指定できません。", field=f"{p.path}.birth_date")
        if s.state["residence_expiry"] is not None and s.state["residence_expiry"] < self.req.move_date:
            raise DomainError(
                "invalid_date", "在留期間の満了日が異動日より前です。", field=f"{p.path}.residence_expiry"
            )

    # --- members who stay --------------------------------------------------------------------

    def _remaining(self, r: RemainingInput, listed: set[str]) -> Subject:
        if r.id in listed:
            raise DomainError("duplicate_person", "異動者と残る世帯員に同じ方がいます。", field=f"{r.path}.id")
        current = self._existing(r.id, f"{r.path}.id")
        state = {
            **records.of_version(current.version),
            **self.common,
            "change_reason": "世帯構成変更",
            "relationship": r.relationship,
            "is_head": r.relationship == HEAD,
        }
        return Subject(r.path, r.id, current, state, household_key(current.version.household_id))

    # --- households as they will stand ------------------------------------------------------

    def _households(self, subjects: list[Subject], remaining: list[Subject]) -> list[HouseholdView]:
        affected: dict[str, None] = {}
        for s in subjects:
            if s.current is not None and s.current.resident:
                affected[household_key(s.current.version.household_id)] = None
            if s.resident_after:
                affected[s.household] = None
        for r in remaining:
            if r.household not in affected:
                raise DomainError(
                    "not_in_affected_household",
                    "残る世帯員の指定は、この届出で変わる世帯の方だけです。",
                    field=f"{r.path}.id",
                )
        changed = {s.current.person.id: s for s in subjects + remaining if s.current is not None}
        views = [self._rebuild(key, subjects + remaining, changed) for key in affected]
        if self.req.kind.code == "setainushi_henko":
            self._check_head_change(subjects, views)
        return views

    def _rebuild(self, key: str, movers: list[Subject], changed: dict[int, Subject]) -> HouseholdView:
        base = [] if key == NEW_HOUSEHOLD else self.read.members(int(key[3:]))
        number = None if key == NEW_HOUSEHOLD else self.read.household(int(key[3:])).household_number
        version = None if key == NEW_HOUSEHOLD else self.read.household(int(key[3:])).version
        after: list[tuple[str, str | None, State]] = [
            (c.person.atena_number, c.person.atena_number, records.of_version(c.version))
            for c in base
            if c.person.id not in changed
        ]
        after += [
            (s.path, s.current.person.atena_number if s.current else None, s.state)
            for s in movers
            if s.resident_after and s.household == key
        ]
        name = f"世帯（世帯番号 {number}）" if number else "新しい世帯"
        addresses = {records.address_of(state) for _, _, state in after}
        if len(addresses) > 1:
            culprit = next((ref for ref, _, _ in after if ref.startswith("persons")), after[0][0])
            raise DomainError(
                "household_address_mismatch",
                f"{name}の世帯員の住所が一致しません。世帯の一部の方の転居は、新しい世帯か転居先の世帯を指定してください。",
                field=culprit,
            )
        check_household(
            (Member(ref, state["relationship"], state["birth_date"]) for ref, _, state in after), name
        )
        before_heads = [c.person.id for c in base if c.version.is_head]
        after_heads = [s.current.person.id if s.current else None for s in movers
                       if s.resident_after and s.household == key and s.state["is_head"]]
        after_heads += [c.person.id for c in base if c.person.id not in changed and c.version.is_head]
        if base and before_heads != after_heads:
            for s in movers:
                if s.path.startswith("remaining") and s.household == key:
                    s.state["change_reason"] = "世帯主変更"
        if base and not after:
            self.warn("household_dissolved", f"{name}には世帯員がいなくなります。")
        return HouseholdView(
            key, number, version,
            before=[_view(c.person.atena_number, c.person.atena_number, records.of_version(c.version)) for c in base],
            after=[_view(ref, atena, state) for ref, atena, state in after],
        )

    def _check_head_change(self, subjects: list[Subject], views: list[HouseholdView]) -> None:
        if len(views) != 1:
            raise DomainError(
                "household_mismatch", "世帯主変更は一つの世帯の世帯員について届け出てください。", field="persons"
            )
        view = views[0]
        listed = {s.ref for s in subjects}
        missing = [m for m in view.before if m.atena_number not in listed]
        if missing:
            raise DomainError(
                "household_members_incomplete",
                "世帯主変更では世帯員全員の続柄を入力してください。",
                field="persons",
            )
        old_head = next((m.atena_number for m in view.before if m.relationship == HEAD), None)
        new_head = next((s.ref for s in subjects if s.state["is_head"]), None)
        if old_head == new_head:
            raise DomainError("head_unchanged", "世帯主が変わっていません。", field="persons")

    # --- the plan -----------------------------------------------------------------------------

    def _person_plan(self, s: Subject) -> PersonPlan:
        current = s.current
        return PersonPlan(
            ref=s.ref,
            person_id=current.person.id if current else None,
            expected_version_id=current.version.id if current else None,
            next_version=current.version.version + 1 if current else 1,
            household=s.household,
            state=s.state,
            notice=records.notice_changed(s.before, s.state),
            resident_code=s.resident_code if current is None else current.person.resident_code,
            atena_number=current.person.atena_number if current else None,
            individual_number=s.individual_number if not s.returning else None,
            returning=s.returning,
        )

    def _household_plan(self, view: HouseholdView) -> HouseholdPlan:
        if view.key == NEW_HOUSEHOLD:
            return HouseholdPlan(view.key, None, None, created_on=self.req.move_date)
        return HouseholdPlan(view.key, int(view.key[3:]), view.version)

    def _certificates(self, subjects: list[Subject]) -> list[dict[str, Any]]:
        """The content of a 転出証明書 for each person of a 転出 (住基法施行令 §23)."""
        if self.req.kind.code != "tenshutsu":
            return []
        out = []
        for s in subjects:
            assert s.current is not None
            before = s.before
            assert before is not None
            head = next(
                (c for c in self.read.members(before["household_id"]) if c.version.is_head), None
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
                "address": self.full_address(before),
                "became_resident_on": before["became_resident_on"].isoformat(),
                "moved_out_to": self.req.moved_out_to,
                "planned_move_date": self.req.move_date.isoformat(),
                "honseki": before["honseki"],
                "hittosha": before["hittosha"],
                "nationality": before["nationality"],
                "article_30_45": before["article_30_45"],
                "residence_status": before["residence_status"],
                "residence_expiry": before["residence_expiry"].isoformat() if before["residence_expiry"] else None,
                "residence_card_number": before["residence_card_number"],
                "alias_name": before["alias_name"],
                "municipality_code": self.settings.municipality.code,
                "municipality": f"{self.settings.municipality.prefecture}{self.settings.municipality.city}",
            })
        return out


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
        if out[key]:
            out[key] = date.fromisoformat(out[key])
    return out


def _household_id(key: str) -> int | None:
    return None if key == NEW_HOUSEHOLD else int(key[3:])


def _same_record(before: State | None, after: State) -> bool:
    if before is None:
        return False
    return all(before[k] == after[k] for k in after if k not in _BOOKKEEPING)


def _view(ref: str, atena: str | None, state: State) -> MemberView:
    return MemberView(ref, atena, f"{state['family_name']}\u3000{state['given_name']}", state["relationship"])
