"""PINs and 照合番号 as the card wants them, held in bytearrays that are wiped after use.

Python cannot promise that no copy of a secret survives somewhere in memory (pyscard copies
the APDU into a C buffer of its own), but nothing here makes an immutable copy: the bytes go
from the caller's bytearray into the APDU buffer and both are zeroed once VERIFY has run.
Format checks happen before anything is sent, so a mistyped PIN never costs a try.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from app.domain.errors import DomainError
from app.domain.wareki import era_yymmdd
from cardreader.channel import wipe
from cardreader.errors import InvalidPinFormatError

PIN_LENGTH: Final = 4
SECURITY_CODE_LENGTH: Final = 4
MATCH_KEY_B_LENGTH: Final = 14


def _all_digits(value: bytearray) -> bool:
    # bytes.isdigit is ASCII-only (0-9), as wanted; it says False for empty, all() said True.
    return not value or value.isdigit()


def check_pin(pin: bytearray) -> None:
    """A 4-digit PIN (券面事項入力補助用 or 利用者証明用); wiped and refused otherwise."""
    if len(pin) != PIN_LENGTH or not _all_digits(pin):
        wipe(pin)
        raise InvalidPinFormatError()


def match_key_b(birth_date: date, expiry_year: int, security_code: bytearray) -> bytearray:
    """照合番号B: birth date as era YYMMDD + expiry year + the card's 4-digit security code.

    Born 1980-02-17 (昭和55年), expiring 2035, code 2285 → b"55021720352285". The code is
    consumed: `security_code` is wiped before this returns, the result must be wiped by the
    VERIFY that uses it (CardChannel.verify does).
    """
    try:
        if len(security_code) != SECURITY_CODE_LENGTH or not _all_digits(security_code):
            raise InvalidPinFormatError("セキュリティコードは4桁の数字で入力してください。")
        if not 2014 <= expiry_year <= 2099:
            raise InvalidPinFormatError("有効期限の年は西暦4桁で入力してください。")
        try:
            born = era_yymmdd(birth_date)
        except DomainError as exc:
            raise InvalidPinFormatError(
                f"生年月日から照合番号Bを作れません: {exc.message}"
            ) from None
        key = bytearray(born.encode("ascii"))
        key += f"{expiry_year:04d}".encode("ascii")
        key += security_code
        return key
    finally:
        wipe(security_code)


def match_key_a(individual_number: str) -> bytearray:
    """照合番号A is the 12-digit individual number itself."""
    key = bytearray(individual_number.encode("ascii"))
    if len(key) != 12 or not _all_digits(key):
        wipe(key)
        raise InvalidPinFormatError("照合番号Aは12桁の個人番号です。")
    return key
