"""What the clerk reads for each code of the certificate desk and the approval queue: kinds,
items, requester types, the form's problems and the registry's refusals. Japanese source text,
English in madoguchi_en.ts; QT_TRANSLATE_NOOP marks the tables for pyside6-lupdate."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.i18n import translate

_C: Final = "Certificates"

KIND_LABELS: Final = {
    "juminhyo_household": QT_TRANSLATE_NOOP("Certificates", "住民票の写し（世帯連記式）"),
    "juminhyo_individual": QT_TRANSLATE_NOOP("Certificates", "住民票の写し（個人票）"),
    "johyo": QT_TRANSLATE_NOOP("Certificates", "除票の写し"),
    "kisai_jiko": QT_TRANSLATE_NOOP("Certificates", "住民票記載事項証明書"),
    "tenshutsu": QT_TRANSLATE_NOOP("Certificates", "転出証明書"),
    "resident_code_notice": QT_TRANSLATE_NOOP("Certificates", "住民票コード通知書"),
}
ITEM_LABELS: Final = {
    "relationship": QT_TRANSLATE_NOOP("Certificates", "続柄"),
    "head": QT_TRANSLATE_NOOP("Certificates", "世帯主"),
    "became_resident": QT_TRANSLATE_NOOP("Certificates", "住民となった年月日"),
    "address_settled": QT_TRANSLATE_NOOP("Certificates", "住所を定めた年月日"),
    "previous_address": QT_TRANSLATE_NOOP("Certificates", "前住所"),
    "change": QT_TRANSLATE_NOOP("Certificates", "記載事由"),
    "former_surname": QT_TRANSLATE_NOOP("Certificates", "旧氏"),
    "alias": QT_TRANSLATE_NOOP("Certificates", "通称"),
    "foreign": QT_TRANSLATE_NOOP("Certificates", "外国人住民の記載事項"),
    "honseki": QT_TRANSLATE_NOOP("Certificates", "本籍・筆頭者"),
    "individual_number": QT_TRANSLATE_NOOP("Certificates", "個人番号"),
    "resident_code": QT_TRANSLATE_NOOP("Certificates", "住民票コード"),
}
REQUESTER_LABELS: Final = {
    "self": QT_TRANSLATE_NOOP("Certificates", "本人"),
    "household_member": QT_TRANSLATE_NOOP("Certificates", "同一世帯の者"),
    "agent": QT_TRANSLATE_NOOP("Certificates", "代理人（委任状）"),
    "third_party": QT_TRANSLATE_NOOP("Certificates", "第三者"),
    "official": QT_TRANSLATE_NOOP("Certificates", "公用請求"),
    "professional": QT_TRANSLATE_NOOP("Certificates", "職務上請求"),
}
PROBLEMS: Final = {
    "kind_required": QT_TRANSLATE_NOOP("Certificates", "証明書の種類を選んでください。"),
    "target_required": QT_TRANSLATE_NOOP("Certificates", "対象者の宛名番号か世帯番号を入力してください。"),
    "persons_or_household": QT_TRANSLATE_NOOP("Certificates", "宛名番号と世帯番号のどちらか一方だけを入力してください。"),
    "invalid_person_id": QT_TRANSLATE_NOOP("Certificates", "宛名番号は10桁の数字です。"),
    "too_many_persons": QT_TRANSLATE_NOOP("Certificates", "一度に指定できるのは200人までです。"),
    "invalid_household_number": QT_TRANSLATE_NOOP("Certificates", "世帯番号は10桁の数字です。"),
    "move_required": QT_TRANSLATE_NOOP("Certificates", "転出証明書は異動届の番号（32文字）から作成します。"),
    "invalid_item": QT_TRANSLATE_NOOP("Certificates", "指定できない記載事項があります。"),
    "invalid_copies": QT_TRANSLATE_NOOP("Certificates", "通数は1〜50です。"),
    "requester_type_required": QT_TRANSLATE_NOOP("Certificates", "請求者の種別を選んでください。"),
    "requester_person_required": QT_TRANSLATE_NOOP("Certificates", "請求者の宛名番号（10桁）を入力してください。"),
    "requester_name_required": QT_TRANSLATE_NOOP("Certificates", "請求者の氏名を入力してください。"),
    "power_of_attorney_required": QT_TRANSLATE_NOOP("Certificates", "代理人の請求には委任状の確認が必要です。"),
    "legitimate_interest_required": QT_TRANSLATE_NOOP("Certificates", "第三者の請求には正当な理由（利用目的）が必要です。"),
    "office_required": QT_TRANSLATE_NOOP("Certificates", "請求する機関の名称を入力してください。"),
    "profession_required": QT_TRANSLATE_NOOP("Certificates", "資格の種類を選んでください。"),
    "registration_number_required": QT_TRANSLATE_NOOP("Certificates", "登録番号を入力してください。"),
    "reason_required": QT_TRANSLATE_NOOP("Certificates", "理由を入力してください。"),
    "purpose_required": QT_TRANSLATE_NOOP("Certificates", "目的を入力してください。"),
    "supervisor_required": QT_TRANSLATE_NOOP("Certificates", "管理責任者の職員IDを入力してください。"),
    "password_required": QT_TRANSLATE_NOOP("Certificates", "管理責任者のパスワードを入力してください。"),
    "text_too_long": QT_TRANSLATE_NOOP("Certificates", "200文字以内で入力してください。"),
}
# The registry's refusals the desk and the queue meet most; any other shows the registry's
# own (Japanese) message.
REFUSALS: Final = {
    "approval_required": QT_TRANSLATE_NOOP("Certificates", "件数が多いため、管理責任者の承認が必要です。"),
    "approval_invalid": QT_TRANSLATE_NOOP("Certificates", "承認が使えません（使用済み・期限切れ・内容の違い）。もう一度承認を受けてください。"),
    "invalid_credentials": QT_TRANSLATE_NOOP("Certificates", "職員IDまたはパスワードが違います。"),
    "account_locked": QT_TRANSLATE_NOOP("Certificates", "このアカウントはロックされています。"),
    "self_approval": QT_TRANSLATE_NOOP("Certificates", "自分の作業を自分で承認することはできません。"),
    "permission_denied": QT_TRANSLATE_NOOP("Certificates", "この操作の権限がありません。"),
    "item_not_allowed": QT_TRANSLATE_NOOP("Certificates", "本籍・筆頭者、個人番号、住民票コードは本人または同一世帯の方の請求にしか記載できません。"),
    "number_view_required": QT_TRANSLATE_NOOP("Certificates", "個人番号を記載する権限がありません（職員ごとの設定です。管理者にお問い合わせください）。"),
    "issuance_suspended": QT_TRANSLATE_NOOP("Certificates", "支援措置（処理停止）のため、本人以外には発行できません。"),
    "requester_mismatch": QT_TRANSLATE_NOOP("Certificates", "請求者と対象者の関係が合いません。本人以外の方も載せるとき（世帯全員など）は、請求者を「同一世帯の者」にしてください。"),
    "certificate_voided": QT_TRANSLATE_NOOP("Certificates", "この証明書は既に無効にされています。"),
    "approval_request_decided": QT_TRANSLATE_NOOP("Certificates", "この依頼は既に処理されています。"),
    "approval_request_not_found": QT_TRANSLATE_NOOP("Certificates", "指定された承認の依頼が見つかりません。"),
    "registry_unreachable": QT_TRANSLATE_NOOP("Certificates", "住基システムに接続できません。もう一度実行してください（二重には発行されません）。"),
    "session_expired": QT_TRANSLATE_NOOP("Certificates", "セッションが終了しました。もう一度ログインしてください。"),
}


def label(table: Mapping[str, object], code: str, context: str = _C) -> str:
    """The translated label of `code` in a QT_TRANSLATE_NOOP table of `context`."""
    text = table.get(code)
    if not text:
        return code
    source = str(text)
    return translate(context, source)


def problem_text(code: str) -> str:
    return label(PROBLEMS, code)


def refusal_text(error: Exception) -> str:
    code = str(getattr(error, "code", "") or "")
    known = REFUSALS.get(code)
    if known:
        return label(REFUSALS, code)
    message = str(getattr(error, "message", "") or "")
    if message:
        return message  # the registry's Japanese text for a refusal without our own wording
    return translate("Certificates", "処理できませんでした。") + (f" ({code})" if code else "")
