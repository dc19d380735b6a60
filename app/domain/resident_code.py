"""住民票コード (resident code): 11 digits = 10 digits + 1 check digit.

ASSUMPTION — READ BEFORE RELYING ON IT
--------------------------------------
The check-digit formula of the 住民票コード is fixed by a ministry notice (総務省告示) that could
not be confirmed while this module was written. The default below is an *assumption*: the same
modulus-11 family the 個人番号 uses, i.e.

    r = Σ digit_i · weight_i  (mod modulus), over the first 10 digits, weights left to right
    check = 0 if r <= 1 else modulus - r

with modulus 11 and weights (6, 5, 4, 3, 2, 7, 6, 5, 4, 3).

Because of that, the formula is data, not code: every function takes a `scheme` argument, and
`scheme_from_string` parses the compact form "MODULUS:W1,W2,...,W10" so the application can read
it from configuration or an environment variable (e.g. "11:6,5,4,3,2,7,6,5,4,3") without a code
change. To change the formula once it is confirmed, either

* set the application's configuration value to the confirmed "modulus:weights" string and pass
  `scheme_from_string(value)` wherever resident codes are validated, or
* change DEFAULT_SCHEME below (and its tests) if the confirmed formula should become the default.

Records created with one scheme will fail validation under another, so switch schemes before
real data is loaded, not after.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from app.domain.errors import DomainError

LENGTH: Final = 11
_BODY_LENGTH: Final = LENGTH - 1

_ERROR_CODE: Final = "invalid_resident_code"
_CONFIG_ERROR_CODE: Final = "invalid_configuration"

# Only full-width digits are folded, for the same reason as in individual_number.
_FULLWIDTH_DIGITS: Final = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass(frozen=True, slots=True)
class ResidentCodeScheme:
    """A weighted-sum check-digit formula: see the module docstring.

    Validated on construction so a bad configuration fails at start-up, not at the counter.
    """

    weights: tuple[int, ...]
    modulus: int

    def __post_init__(self) -> None:
        if len(self.weights) != _BODY_LENGTH:
            raise DomainError(
                _CONFIG_ERROR_CODE,
                f"住民票コードの検査用数字の重みは{_BODY_LENGTH}個必要です"
                f"（指定: {len(self.weights)}個）",
            )
        if any(w < 0 for w in self.weights):
            raise DomainError(
                _CONFIG_ERROR_CODE, "住民票コードの検査用数字の重みに負の値は使えません"
            )
        # modulus - r must be a single digit for every r >= 2, hence modulus <= 11.
        if not 2 <= self.modulus <= 11:
            raise DomainError(
                _CONFIG_ERROR_CODE,
                "住民票コードの検査用数字の法は2以上11以下で指定してください",
            )

    def compute(self, body: str) -> int:
        """Check digit for 10 ASCII digits (caller has normalised and checked them)."""
        r = sum(int(d) * w for d, w in zip(body, self.weights, strict=True)) % self.modulus
        return 0 if r <= 1 else self.modulus - r

    def to_string(self) -> str:
        """The compact "modulus:w1,...,w10" form that scheme_from_string reads."""
        return f"{self.modulus}:" + ",".join(str(w) for w in self.weights)


# ASSUMED formula — see the module docstring.
DEFAULT_SCHEME: Final = ResidentCodeScheme(weights=(6, 5, 4, 3, 2, 7, 6, 5, 4, 3), modulus=11)


def scheme_from_string(text: str) -> ResidentCodeScheme:
    """Parse "MODULUS:W1,W2,...,W10" (spaces allowed) into a scheme.

    Raises DomainError("invalid_configuration") on anything malformed.
    """
    modulus_part, sep, weights_part = text.strip().partition(":")
    if not sep:
        raise DomainError(
            _CONFIG_ERROR_CODE,
            "住民票コードの検査用数字の設定は「法:重み1,重み2,…」の形式で指定してください",
        )
    try:
        modulus = int(modulus_part.strip())
        weights = tuple(int(w.strip()) for w in weights_part.split(","))
    except ValueError:
        raise DomainError(
            _CONFIG_ERROR_CODE,
            "住民票コードの検査用数字の設定に数字以外が含まれています",
        ) from None
    return ResidentCodeScheme(weights=weights, modulus=modulus)


def _normalise(text: str) -> str:
    return text.strip().translate(_FULLWIDTH_DIGITS)


def _is_ascii_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def check_digit(first10: str, scheme: ResidentCodeScheme = DEFAULT_SCHEME) -> int:
    """The check digit for the first 10 digits under `scheme`."""
    body = _normalise(first10)
    if len(body) != _BODY_LENGTH or not _is_ascii_digits(body):
        raise DomainError(_ERROR_CODE, "住民票コードの先頭10桁は数字10桁で指定してください")
    return scheme.compute(body)


def make(first10: str, scheme: ResidentCodeScheme = DEFAULT_SCHEME) -> str:
    """Append the check digit to 10 digits (used by the synthetic data generator)."""
    body = _normalise(first10)
    return body + str(check_digit(body, scheme))


def validate(
    code: str, scheme: ResidentCodeScheme = DEFAULT_SCHEME, *, field: str | None = None
) -> str:
    """Return the code as 11 ASCII digits, or raise DomainError("invalid_resident_code")."""
    digits = _normalise(code)
    if len(digits) != LENGTH or not _is_ascii_digits(digits):
        raise DomainError(
            _ERROR_CODE, f"住民票コードは{LENGTH}桁の数字で入力してください", field=field
        )
    if scheme.compute(digits[:-1]) != int(digits[-1]):
        raise DomainError(_ERROR_CODE, "住民票コードの検査用数字が一致しません", field=field)
    return digits


def is_valid(code: str, scheme: ResidentCodeScheme = DEFAULT_SCHEME) -> bool:
    """True when `code` validates under `scheme`."""
    try:
        validate(code, scheme)
    except DomainError:
        return False
    return True
