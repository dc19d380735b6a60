"""Consistency checks run when a Certificate is built.

They catch content that cannot be a correct certificate (a 除票 without 消除, a 個人番号 with a
wrong check digit, a QR text that does not carry the serial). They never decide what may be
printed: that is the registry's rule, applied before the content reaches this package.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from app.domain import individual_number
from printing.errors import InvalidCertificateError

if TYPE_CHECKING:
    from printing.model import Certificate, Person

PNG_SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
_SERIAL: Final = re.compile(r"[0-9A-Za-z][0-9A-Za-z-]{0,31}")
_CODE: Final = re.compile(r"[0-9A-Za-z][0-9A-Za-z-]{3,15}")
_MUNICIPALITY_CODE: Final = re.compile(r"[0-9]{6}")
_RESIDENT_CODE: Final = re.compile(r"[0-9]{11}")


def _fail(field: str, reason: str) -> None:
    raise InvalidCertificateError(field, reason)


def validate(cert: Certificate) -> None:
    from printing.model import CertificateKind

    if not isinstance(cert.persons, tuple) or not cert.persons:
        _fail("persons", "a non-empty tuple of Person is required")
    if sum(p.is_head for p in cert.persons) > 1:
        _fail("persons", "more than one person is marked as 世帯主")
    if _SERIAL.fullmatch(cert.serial) is None:
        _fail("serial", "1-32 ASCII letters, digits or '-' expected")
    _validate_verification(cert)
    if cert.fee_yen < 0:
        _fail("fee_yen", "must not be negative")
    if _MUNICIPALITY_CODE.fullmatch(cert.issuer.municipality_code) is None:
        _fail("issuer.municipality_code", "6 digits expected")
    if not cert.issuer.seal_png.startswith(PNG_SIGNATURE):
        _fail("issuer.seal_png", "a PNG image is expected")

    kind = cert.kind
    if kind is CertificateKind.MOVE_OUT and cert.move_out is None:
        _fail("move_out", "a 転出証明書 needs the 転出 it certifies")
    if kind is not CertificateKind.MOVE_OUT and cert.move_out is not None:
        _fail("move_out", f"only a 転出証明書 prints a 転出, not {kind.value}")
    for i, person in enumerate(cert.persons):
        _validate_person(f"persons[{i}]", person, kind)


def _validate_verification(cert: Certificate) -> None:
    v = cert.verification
    if _CODE.fullmatch(v.code) is None:
        _fail("verification.code", "4-16 ASCII letters, digits or '-' expected")
    if not v.qr_text.isascii() or not v.qr_text.isprintable():
        _fail("verification.qr_text", "printable ASCII expected")
    upper = v.qr_text.upper()
    if cert.serial.upper() not in upper or v.code.upper() not in upper:
        _fail("verification.qr_text", "must contain the serial and the verification code")


def _validate_person(where: str, person: Person, kind: object) -> None:
    from printing.model import CertificateKind

    number = person.individual_number
    if number is not None and not (
        number.isascii() and len(number) == 12 and individual_number.is_valid(number)
    ):
        _fail(f"{where}.individual_number", "12 ASCII digits with a valid check digit expected")
    code = person.resident_code
    # Only the form is checked: the check-digit scheme is the registry's configuration.
    if code is not None and _RESIDENT_CODE.fullmatch(code) is None:
        _fail(f"{where}.resident_code", "11 ASCII digits expected")
    if kind is CertificateKind.REMOVED and person.removal is None:
        _fail(f"{where}.removal", "a 除票 lists removed persons with their 消除")
    if kind is not CertificateKind.REMOVED and person.removal is not None:
        _fail(f"{where}.removal", "removed persons are printed on a 除票 only")
    if kind is CertificateKind.RESIDENT_CODE_NOTICE and code is None:
        _fail(f"{where}.resident_code", "a 住民票コード通知書 needs the 住民票コード")
