"""Who may be issued what. The registry decides every item that is printed; the terminal
prints what it is given (domain.md, "The law in one page")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from app.domain.errors import DomainError
from app.domain.request_shape import reject_unknown_keys, require_keys
from app.domain.text import clean_text, is_ascii_digits
from registry.api.errors import ApiError

KINDS: Final = {
    "juminhyo_household": "住民票の写し（世帯連記式）",
    "juminhyo_individual": "住民票の写し（個人票）",
    "johyo": "除票の写し",
    "kisai_jiko": "住民票記載事項証明書",
    "tenshutsu": "転出証明書",
    "resident_code_notice": "住民票コード通知書",
}
# Items printed only when asked, and only for the person or a member of the same household.
RESTRICTED: Final = frozenset({"honseki", "individual_number", "resident_code"})
# Items a requester may ask for beyond the four basic ones (氏名, 生年月日, 性別, 住所).
OPTIONAL: Final = frozenset({
    "relationship", "head", "became_resident", "address_settled", "previous_address",
    "change", "former_surname", "alias", "foreign", *RESTRICTED,
})
# What a copy for the person or the household carries unless fewer items are asked for.
HOUSEHOLD_DEFAULT: Final = frozenset(OPTIONAL - RESTRICTED)
REQUESTER_TYPES: Final = {
    "self": "本人",
    "household_member": "同一世帯の者",
    "agent": "代理人",
    "third_party": "第三者",
    "official": "公用請求",
    "professional": "職務上請求",
}
PROFESSIONS: Final = frozenset({
    "弁護士", "司法書士", "土地家屋調査士", "税理士", "社会保険労務士", "弁理士", "海事代理士", "行政書士",
})
MAX_COPIES: Final = 50


@dataclass(frozen=True)
class Requester:
    type: str
    person_id: str | None = None  # 宛名番号 of the person or household member asking
    name: str | None = None  # of an agent, third party or professional
    reference: str | None = None  # office, registration number, or the stated interest

    @property
    def own_household(self) -> bool:
        return self.type in ("self", "household_member")


def parse_requester(raw: Any) -> Requester:
    fields = ("type", "person_id", "name", "power_of_attorney", "interest", "office",
              "profession", "registration_number")
    body = reject_unknown_keys(raw, fields, "請求者")
    require_keys(body, ("type",))
    kind = body["type"]
    if not isinstance(kind, str) or kind not in REQUESTER_TYPES:
        raise DomainError("invalid_requester", "請求者の種別が正しくありません。", field="requester.type")
    person_id = body.get("person_id")
    name = clean_text(body.get("name"), "requester.name", "請求者氏名", 60)
    if kind in ("self", "household_member"):
        if not is_ascii_digits(person_id, 10):
            raise DomainError("missing_field", "請求者の宛名番号を入力してください。", field="requester.person_id")
        return Requester(kind, person_id=person_id)
    if kind == "agent":
        if body.get("power_of_attorney") is not True:
            raise DomainError("power_of_attorney_required", "代理人の請求には委任状が必要です。",
                              field="requester.power_of_attorney")
        if name is None:
            raise DomainError("missing_field", "代理人の氏名を入力してください。", field="requester.name")
        return Requester(kind, name=name)
    if kind == "third_party":
        interest = clean_text(body.get("interest"), "requester.interest", "請求の理由", 200)
        if name is None or interest is None:
            raise DomainError("legitimate_interest_required",
                              "第三者の請求には氏名と正当な理由（利用目的）が必要です。", field="requester.interest")
        return Requester(kind, name=name, reference=interest[:100])
    if kind == "official":
        office = clean_text(body.get("office"), "requester.office", "請求機関", 100)
        if office is None:
            raise DomainError("missing_field", "請求する機関の名称を入力してください。", field="requester.office")
        return Requester(kind, reference=office)
    profession = body.get("profession")
    number = clean_text(body.get("registration_number"), "requester.registration_number", "登録番号", 40)
    if not isinstance(profession, str) or profession not in PROFESSIONS or number is None or name is None:
        raise DomainError("professional_registration_required",
                          "職務上請求には資格の種類・登録番号・氏名が必要です。", field="requester.registration_number")
    return Requester(kind, name=name, reference=f"{profession} {number}")


def allowed_items(kind: str, requested: frozenset[str], requester: Requester) -> frozenset[str]:
    """The optional items this requester gets, or DomainError item_not_allowed."""
    unknown = requested - OPTIONAL
    if unknown:
        raise DomainError("invalid_item", f"証明書に指定できない項目です: {', '.join(sorted(unknown))}",
                          field="items")
    forbidden = requested & RESTRICTED
    if forbidden and not requester.own_household:
        raise ApiError(
            403, "item_not_allowed",
            "本籍・筆頭者、個人番号、住民票コードは、本人または同一世帯の方の請求にしか記載できません。",
            field="items",
        )
    if kind == "kisai_jiko":
        return requested  # the certificate states exactly the items asked for
    if kind == "resident_code_notice":
        return frozenset({"resident_code"})
    if requester.own_household:
        return requested if requested else HOUSEHOLD_DEFAULT
    # Others get the four basic items and what they ask for of the rest.
    return requested
