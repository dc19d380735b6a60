"""個人番号 (Individual Number): 12 digits, the last one a check digit.

The check digit is defined by a 総務省令 under the My Number Act (formula as summarised in
docs/card.md, "Check digits"): for the first 11 digits P1..P11 counted *from the right*, the
weights are Qn = n + 1 for n = 1..6 and n - 5 for n = 7..11, which read from the left is
6,5,4,3,2,7,6,5,4,3,2.
r = Σ Pn·Qn mod 11; the check digit is 0 when r <= 1, else 11 - r.

Note the r <= 1 rule: residues 0 and 1 both give 0, so a single mistyped digit that moves r from
0 to 1 (or back) is *not* detected. Every other single-digit error is. The tests document this.

Clerks type numbers on Japanese IMEs, so full-width digits (０-９) and stray surrounding whitespace
are accepted and normalised; anything else (hyphens, other digit scripts, inner spaces) is
rejected rather than guessed at, because a wrong number here is a privacy incident.
"""

from __future__ import annotations

from typing import Final

from app.domain.errors import DomainError

LENGTH: Final = 12

# Weights for the first 11 digits, read left to right (see module docstring).
_WEIGHTS: Final[tuple[int, ...]] = (6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_MODULUS: Final = 11

_ERROR_CODE: Final = "invalid_individual_number"

# Only the full-width digits are folded; NFKC would also turn "①" or "¹" into digits, which a
# clerk never means to type and which we would rather reject.
_FULLWIDTH_DIGITS: Final = str.maketrans("０１２３４５６７８９", "0123456789")


def _normalise(text: str) -> str:
    """Strip surrounding whitespace (incl. U+3000) and fold full-width digits to ASCII."""
    return text.strip().translate(_FULLWIDTH_DIGITS)


def _is_ascii_digits(text: str) -> bool:
    # str.isdigit() is True for Arabic-Indic, superscript, etc.; we want 0-9 only.
    return text.isascii() and text.isdigit()


def _require_digits(text: str, length: int, field: str | None) -> str:
    normalised = _normalise(text)
    if len(normalised) != length or not _is_ascii_digits(normalised):
        raise DomainError(
            _ERROR_CODE,
            f"個人番号は{LENGTH}桁の数字で入力してください",
            field=field,
        )
    return normalised


def check_digit(first11: str) -> int:
    """The check digit for the first 11 digits (ASCII or full-width).

    Raises DomainError("invalid_individual_number") if the input is not 11 digits.
    """
    digits = _normalise(first11)
    if len(digits) != LENGTH - 1 or not _is_ascii_digits(digits):
        raise DomainError(_ERROR_CODE, "個人番号の先頭11桁は数字11桁で指定してください")
    r = sum(int(d) * w for d, w in zip(digits, _WEIGHTS, strict=True)) % _MODULUS
    return 0 if r <= 1 else _MODULUS - r


def make(first11: str) -> str:
    """Append the check digit: 11 digits in, a valid 12-digit number out (used by test data)."""
    digits = _normalise(first11)
    return digits + str(check_digit(digits))


def validate(number: str, *, field: str | None = None) -> str:
    """Return the number as 12 ASCII digits, or raise DomainError("invalid_individual_number").

    `field` is passed through to the error so an API/UI can point at the offending input.
    """
    digits = _require_digits(number, LENGTH, field)
    if check_digit(digits[:-1]) != int(digits[-1]):
        raise DomainError(_ERROR_CODE, "個人番号の検査用数字が一致しません", field=field)
    return digits


def is_valid(number: str) -> bool:
    """True when `number` (after the same normalisation as validate) is a valid 個人番号."""
    try:
        validate(number)
    except DomainError:
        return False
    return True
