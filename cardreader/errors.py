"""Every way a card read can fail, as one typed error each.

`code` is a stable English identifier that programs match on; `message` is Japanese, for the
clerk at the counter; `exit_code` is what `python -m cardreader` exits with. Messages never
contain a PIN, a 照合番号 or anything read from the card: they end up on screens and in logs.
`detail` is an optional English note for the helpdesk (status words, offsets), equally free of
personal data.
"""

from __future__ import annotations

from enum import Enum
from typing import ClassVar


class Secret(Enum):
    """The secrets a VERIFY can present, with the word the clerk knows them by."""

    INPUT_SUPPORT_PIN = "暗証番号"  # 券面事項入力補助用暗証番号 (4 digits)
    MATCH_KEY_A = "照合番号A"
    MATCH_KEY_B = "照合番号B"
    JPKI_AUTH_PIN = "利用者証明用電子証明書の暗証番号"
    JPKI_SIGN_PASSWORD = "署名用電子証明書のパスワード"

    @property
    def label(self) -> str:
        return self.value


class ExitCode:
    """Exit codes of `python -m cardreader` (documented in cardreader/cli.py)."""

    OK = 0
    ERROR = 1  # anything not listed below
    USAGE = 2  # argparse's own
    WRONG_PIN = 3
    PIN_BLOCKED = 4
    NO_CARD = 5
    NO_READER = 6
    UNKNOWN_CARD = 7
    JUKI_CARD = 8
    CARD_REMOVED = 9
    TIMEOUT = 10
    BAD_CARD_DATA = 11


class CardError(Exception):
    code: ClassVar[str] = "card_error"
    default_message: ClassVar[str] = "カードの読み取りに失敗しました。"
    exit_code: ClassVar[int] = ExitCode.ERROR

    def __init__(self, message: str | None = None, *, detail: str | None = None) -> None:
        self.message = message or self.default_message
        self.detail = detail
        text = f"{self.code}: {self.message}"
        super().__init__(text if detail is None else f"{text} [{detail}]")


class PcscUnavailableError(CardError):
    code = "pcsc_unavailable"
    default_message = (
        "カードリーダーのサービス（pcscd）に接続できません。端末の管理者に連絡してください。"
    )
    exit_code = ExitCode.NO_READER


class NoReaderError(CardError):
    code = "no_reader"
    default_message = "カードリーダーが接続されていません。"
    exit_code = ExitCode.NO_READER


class ReaderGoneError(CardError):
    code = "reader_gone"
    default_message = "カードリーダーとの接続が切れました。リーダーの接続を確認してください。"
    exit_code = ExitCode.NO_READER


class ReaderBusyError(CardError):
    code = "reader_busy"
    default_message = "カードリーダーが他のアプリケーションで使用中です。"
    exit_code = ExitCode.ERROR


class NoCardError(CardError):
    code = "no_card"
    default_message = "カードが置かれていません。カードをリーダーに置いてください。"
    exit_code = ExitCode.NO_CARD


class CardRemovedError(CardError):
    code = "card_removed"
    default_message = "読み取り中にカードが取り外されました。もう一度カードを置いてください。"
    exit_code = ExitCode.CARD_REMOVED


class CardTimeoutError(CardError):
    code = "timeout"
    default_message = "カードからの応答がありません（時間切れ）。カードを置き直してください。"
    exit_code = ExitCode.TIMEOUT


class CardCommunicationError(CardError):
    code = "card_communication"
    default_message = "カードとの通信に失敗しました。カードを置き直してください。"
    exit_code = ExitCode.CARD_REMOVED


class UnknownCardError(CardError):
    code = "unknown_card"
    default_message = "マイナンバーカードではないカードです。"
    exit_code = ExitCode.UNKNOWN_CARD


class JukiCardError(CardError):
    code = "juki_card"
    default_message = "住民基本台帳カードです。このカードからは読み取れません。マイナンバーカードを置いてください。"
    exit_code = ExitCode.JUKI_CARD


class InvalidPinFormatError(CardError):
    """Rejected before anything is sent: no try is spent."""

    code = "invalid_pin_format"
    default_message = "暗証番号は4桁の数字で入力してください。"
    exit_code = ExitCode.WRONG_PIN


class WrongPinError(CardError):
    code = "wrong_pin"
    exit_code = ExitCode.WRONG_PIN

    def __init__(self, secret: Secret, tries_left: int) -> None:
        self.secret = secret
        self.tries_left = tries_left
        super().__init__(f"{_wrong_text(secret)}残り{tries_left}回です。")


class PinBlockedError(CardError):
    code = "pin_blocked"
    exit_code = ExitCode.PIN_BLOCKED

    def __init__(self, secret: Secret) -> None:
        self.secret = secret
        super().__init__(f"{secret.label}がロックされています。市区町村窓口での再設定が必要です。")


class PinEntryCancelledError(CardError):
    code = "pin_cancelled"
    default_message = "暗証番号の入力が取り消されました。"
    exit_code = ExitCode.ERROR


class UnexpectedStatusError(CardError):
    code = "unexpected_status"
    exit_code = ExitCode.BAD_CARD_DATA

    def __init__(self, sw: int, step: str) -> None:
        self.sw = sw
        self.step = step
        super().__init__(
            f"カードが想定外の応答をしました（{sw:04X}）。カードを置き直してください。",
            detail=f"{step}: SW {sw:04X}",
        )


class MalformedDataError(CardError):
    code = "malformed_data"
    default_message = "カードのデータを正しく読み取れませんでした（データの形式が不正です）。"
    exit_code = ExitCode.BAD_CARD_DATA


def _wrong_text(secret: Secret) -> str:
    if secret is Secret.INPUT_SUPPORT_PIN:
        return "暗証番号が違います。"
    if secret in (Secret.MATCH_KEY_A, Secret.MATCH_KEY_B):
        return f"{secret.label}が一致しません。"
    return f"{secret.label}が違います。"
