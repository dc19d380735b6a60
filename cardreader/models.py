"""What a card read returns: complete typed values or nothing (an error is raised instead).

Personal fields are left out of repr(), so a result that lands in a log line or a traceback
shows its shape, not the resident.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import Enum, StrEnum
from typing import TYPE_CHECKING

from cardreader.channel import PinState

if TYPE_CHECKING:
    from PIL.Image import Image


class CardKind(StrEnum):
    MY_NUMBER = "my_number"
    JUKI = "juki"  # 住民基本台帳カード
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return {
            "my_number": "マイナンバーカード",
            "juki": "住民基本台帳カード",
            "unknown": "不明なカード",
        }[self.value]


class Sex(Enum):
    """JIS X 0303 codes as the card stores them."""

    UNKNOWN = "0"
    MALE = "1"
    FEMALE = "2"
    NOT_APPLICABLE = "9"

    @property
    def label(self) -> str:
        return {"0": "不明", "1": "男", "2": "女", "9": "適用不能"}[self.value]


@dataclass(frozen=True, slots=True)
class Name:
    family: str = field(repr=False)
    given: str = field(repr=False)  # empty when the card holds a name without U+3000
    full: str = field(repr=False)  # exactly as on the card


@dataclass(frozen=True, slots=True)
class BasicInfo:
    """The individual number and the four basic items (基本4情報) of 券面事項入力補助AP."""

    individual_number: str = field(repr=False)
    name: Name = field(repr=False)
    address: str = field(repr=False)
    birth_date: date = field(repr=False)
    sex: Sex = field(repr=False)

    def as_dict(self) -> dict[str, str]:
        return {
            "individual_number": self.individual_number,
            "name": self.name.full,
            "family_name": self.name.family,
            "given_name": self.name.given,
            "address": self.address,
            "birth_date": self.birth_date.isoformat(),
            "sex": self.sex.value,
            "sex_label": self.sex.label,
        }


@dataclass(frozen=True, slots=True)
class CardFace:
    """券面事項確認AP: what the desk compares with the person at the counter."""

    photo: Image = field(repr=False)  # decoded from JPEG 2000
    birth_date: date = field(repr=False)
    sex: Sex = field(repr=False)
    expiry_date: date = field(repr=False)
    name_image: bytes = field(repr=False)  # PNG as stored on the card
    address_image: bytes = field(repr=False)


@dataclass(frozen=True, slots=True)
class CertificateInfo:
    """The JPKI authentication certificate (利用者証明用電子証明書), parsed."""

    subject: str = field(repr=False)
    issuer: str
    serial_number: int = field(repr=False)  # links the holder across services: not for logs
    not_before: datetime
    not_after: datetime
    der: bytes = field(repr=False)

    def valid_at(self, when: datetime | None = None) -> bool:
        moment = when or datetime.now(UTC)
        return self.not_before <= moment <= self.not_after

    def validity_dict(self) -> dict[str, object]:
        return {
            "issuer": self.issuer,
            "not_before": self.not_before.isoformat(),
            "not_after": self.not_after.isoformat(),
            "valid_now": self.valid_at(),
        }


@dataclass(frozen=True, slots=True)
class ProbeResult:
    """What `probe` finds without any PIN: nothing personal."""

    kind: CardKind
    atr: bytes
    applications: dict[str, bool]
    pins: dict[str, PinState]
    auth_certificate: CertificateInfo | None

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "kind_label": self.kind.label,
            "atr": self.atr.hex(" ").upper(),
            "applications": dict(self.applications),
            "pins": {key: state.as_dict() for key, state in self.pins.items()},
            "auth_certificate": None
            if self.auth_certificate is None
            else self.auth_certificate.validity_dict(),
        }
