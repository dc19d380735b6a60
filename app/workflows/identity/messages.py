"""What the identity check says to the clerk (Japanese; shown as the flow's problem or field
errors) and the purposes a check can be made for."""

from __future__ import annotations

from typing import Final

PURPOSES: Final = ("certificate", "move", "card", "other")
PURPOSE_LABELS: Final = {
    "certificate": "証明書の交付",
    "move": "異動届",
    "card": "カードの手続",
    "other": "その他",
}

MESSAGES: Final = {
    "resident_id": "宛名番号は10桁の数字で入力してください。",
    "no_person": "本人確認をする方を選んでください。",
    "not_resident": "この方は住民ではありません（消除済み）。",
    "no_documents": "提示された本人確認書類を選んでください。",
    "purpose": "確認の目的を選んでください。",
    "no_card": "カードが置かれていません。カードをリーダーに置いてください。",
    "not_my_number": "マイナンバーカードではありません。個人番号カードを置いてください。",
    "pin_blocked": (
        "暗証番号がロックされています。暗証番号では確認できません。"
        "照合番号Bで顔写真を確認するか、ほかの書類で確認してください。"
    ),
    "tries_unknown": "暗証番号の残り回数を読み取れませんでした。",
    "number_mismatch": "カードの個人番号が住民票の個人番号と一致しません。",
    "items_mismatch": "カードの記載事項が住民票と一致しません（%1）。",
    "expiry_year": "有効期限の年は西暦4桁で入力してください。",
    "security_code": "セキュリティコードは4桁の数字で入力してください。",
    "face_birth_date": "カードの生年月日が住民票と異なるため、照合番号Bを作れません。",
    "face_not_same": "顔写真が本人と一致しないため、個人番号カードでは確認できません。",
    "questions": "質問の数と正答の数を入力してください。",
    "insufficient_confirm": "本人確認が十分でないため、確認済みとして記録できません。",
    "card_removed_reading": "読み取り中にカードが取り外されました。もう一度カードを置いてください。",
}
