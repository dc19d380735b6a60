"""From a checked 住民異動届 to a plan: the new state of every record it touches and the
households it changes, with every rule that needs the register applied.

Each kind is expressed through one model: listed persons get a new state and a destination
household; members named under `remaining` get a new 続柄; then every household the move
touches is rebuilt as it will stand (registry.moves.households) and checked as a whole.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.domain import kana
from app.domain.address import format_address
from app.domain.errors import DomainError
from app.domain.move_dates import check_dates
from app.domain.move_fields import label
from app.domain.move_kinds import RESIDENCE_FIELDS, Group
from app.domain.relationships import HEAD
from registry.config import Settings
from registry.moves import records, transfer
from registry.moves.households import rebuild
from registry.moves.loader import Current, RegisterReader
from registry.moves.plan import NEW_HOUSEHOLD, HouseholdPlan, PersonPlan, Plan, household_key
from registry.moves.records import State
from registry.moves.request import MoveRequest, PersonInput, RemainingInput
from registry.moves.subjects import (
    HouseholdView,
    Planned,
    Subject,
    Warning,
    household_id,
    same_record,
)
from registry.repositories import numbers
from registry.repositories.actor import Actor

DEFAULT_MODES = {
    "tenkyo": "same",
    "setai_bunri": "new",
    "setainushi_henko": "same",
    "setai_kosei_henko": "same",
}
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
        households = rebuild(self, subjects, remaining) if kind.group is not Group.RECORD else []
        everyone = [s for s in subjects + remaining if not same_record(s.before, s.state)]
        plan = Plan(
            kind=kind.code,
            persons=[self._person_plan(s) for s in everyone],
            households=[self._household_plan(h) for h in households],
            transfer_notice_ids=[p.transfer_notice_id for p in req.persons if p.transfer_notice_id],
            certificates=transfer.certificates(self, self.settings, subjects),
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
        if group is not Group.DEPARTURE and not restating and same_record(subject.before, subject.state):
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
            household_id=household_id(self.dest_key),
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
        values = {**transfer.records_values(content), "relationship": p.values["relationship"]}
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
            household_id=household_id(key), relationship=relationship, is_head=relationship == HEAD
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
        return HouseholdPlan(view.key, int(view.key[3:]), view.version, household_number=view.household_number)
