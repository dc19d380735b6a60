"""The directory `madoguchi-registry terminal enroll NAME --out DIR` writes, read and checked.

    terminal.pem       the terminal's client certificate
    terminal-key.pem   its private key (PKCS8, unencrypted: the bundle travels by hand)
    registry-ca.pem    the registry CA the terminal verifies the server against
    enrolment.json     {terminal, serial, not_after, registry_ca_sha256}
    terminal-ca.pem    optional: the CA that signed terminal.pem (see `chain_verified`)

Every check runs before anything is stored: a bundle that fails one changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from app.enrolment.errors import EnrolmentError

CERT_FILE: Final = "terminal.pem"
KEY_FILE: Final = "terminal-key.pem"
CA_FILE: Final = "registry-ca.pem"
TERMINAL_CA_FILE: Final = "terminal-ca.pem"
INFO_FILE: Final = "enrolment.json"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Bundle:
    """A checked bundle. `key` is None when the bundle's key was already taken away (a bundle
    enrolled before with --remove-bundle-key): enough to recognise a repeated enrolment."""

    directory: Path
    terminal: str
    serial: str
    not_after: datetime
    cert_pem: bytes
    ca_pem: bytes
    terminal_ca_pem: bytes | None
    key: PrivateKeyTypes | None = field(repr=False)
    chain_verified: bool
    warnings: tuple[str, ...] = ()

    @property
    def certificate_sha256(self) -> str:
        """Fingerprint of the certificate (DER), as the registry records it."""
        cert = x509.load_pem_x509_certificate(self.cert_pem)
        return sha256_hex(cert.public_bytes(serialization.Encoding.DER))

    @property
    def ca_sha256(self) -> str:
        return sha256_hex(self.ca_pem)


def _read(directory: Path, name: str, *, required: bool = True) -> bytes | None:
    path = directory / name
    if not path.is_file():
        if required:
            raise EnrolmentError("bundle_incomplete", name)
        return None
    try:
        return path.read_bytes()
    except OSError as exc:
        raise EnrolmentError("bundle_unreadable", f"{name}: {type(exc).__name__}") from None


def _certificate(data: bytes, name: str) -> x509.Certificate:
    try:
        return x509.load_pem_x509_certificate(data)
    except ValueError:
        raise EnrolmentError("bundle_unreadable", name) from None


def _info(data: bytes) -> dict[str, Any]:
    try:
        info = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise EnrolmentError("bundle_unreadable", INFO_FILE) from None
    if not isinstance(info, dict) or not all(
        isinstance(info.get(k), str) for k in ("terminal", "serial", "registry_ca_sha256")
    ):
        raise EnrolmentError("bundle_unreadable", f"{INFO_FILE} lacks terminal/serial/registry_ca_sha256")
    return info


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool | None:
    """True if `issuer` signed `cert`, None if `issuer` is not even named as the issuer,
    False if it is named but the signature does not verify (a forgery)."""
    if cert.issuer != issuer.subject:
        return None
    try:
        cert.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def _public_der(key: Any) -> bytes:
    return bytes(key.public_bytes(serialization.Encoding.DER,
                                  serialization.PublicFormat.SubjectPublicKeyInfo))


def _check_dates(cert: x509.Certificate, now: datetime) -> None:
    if now < cert.not_valid_before_utc:
        raise EnrolmentError("certificate_not_yet_valid", cert.not_valid_before_utc.isoformat())
    if now >= cert.not_valid_after_utc:
        raise EnrolmentError("certificate_expired", cert.not_valid_after_utc.isoformat())


def _check_client_certificate(cert: x509.Certificate, info: dict[str, Any]) -> None:
    if _is_ca(cert):
        raise EnrolmentError("not_client_certificate")
    try:
        usages = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        if ExtendedKeyUsageOID.CLIENT_AUTH not in usages:
            raise EnrolmentError("not_client_certificate")
    except x509.ExtensionNotFound:
        pass  # no EKU at all means any usage
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    if not names or names[0].value != info["terminal"] or f"{cert.serial_number:x}" != info["serial"]:
        raise EnrolmentError("bundle_inconsistent")


def _check_ca(ca: x509.Certificate) -> None:
    if not _is_ca(ca) or _issued_by(ca, ca) is not True:
        raise EnrolmentError("ca_invalid")


def _chain(cert: x509.Certificate, ca: x509.Certificate, terminal_ca: x509.Certificate | None,
           info: dict[str, Any], terminal_ca_pem: bytes | None) -> bool:
    """Whether the certificate's signature was verified against a CA of the bundle.

    The registry signs terminal certificates with a terminal CA of its own, apart from the CA
    that signs its server certificate (so no server certificate can pass as a terminal). A
    bundle that encloses that terminal CA gets the full check; one without it gets the
    registry's verdict at the first connection instead (or with --check-online)."""
    if terminal_ca is not None and terminal_ca_pem is not None:
        expected = info.get("terminal_ca_sha256")
        if isinstance(expected, str) and expected.lower() != sha256_hex(terminal_ca_pem):
            raise EnrolmentError("ca_mismatch", TERMINAL_CA_FILE)
        if not _is_ca(terminal_ca) or _issued_by(terminal_ca, terminal_ca) is not True:
            raise EnrolmentError("ca_invalid", TERMINAL_CA_FILE)
        if _issued_by(cert, terminal_ca) is not True:
            raise EnrolmentError("chain_invalid")
        return True
    signed = _issued_by(cert, ca)
    if signed is False:
        raise EnrolmentError("chain_invalid")
    return signed is True


def load_bundle(directory: Path, *, now: datetime | None = None, need_key: bool = True) -> Bundle:
    """Read and check the bundle; raises EnrolmentError with the first failing check."""
    now = now or datetime.now(UTC)
    if not directory.is_dir():
        raise EnrolmentError("bundle_not_found", str(directory))
    info = _info(_read(directory, INFO_FILE) or b"")
    cert_pem = _read(directory, CERT_FILE) or b""
    ca_pem = _read(directory, CA_FILE) or b""
    terminal_ca_pem = _read(directory, TERMINAL_CA_FILE, required=False)
    key_pem = _read(directory, KEY_FILE, required=need_key)

    if sha256_hex(ca_pem) != info["registry_ca_sha256"].lower():
        raise EnrolmentError("ca_mismatch", CA_FILE)
    ca = _certificate(ca_pem, CA_FILE)
    _check_ca(ca)
    cert = _certificate(cert_pem, CERT_FILE)
    _check_client_certificate(cert, info)
    _check_dates(cert, now)
    terminal_ca = _certificate(terminal_ca_pem, TERMINAL_CA_FILE) if terminal_ca_pem else None
    chain_verified = _chain(cert, ca, terminal_ca, info, terminal_ca_pem)

    key: PrivateKeyTypes | None = None
    if key_pem is not None:
        try:
            key = serialization.load_pem_private_key(key_pem, password=None)
        except (ValueError, TypeError):
            raise EnrolmentError("bundle_unreadable", KEY_FILE) from None
        if _public_der(key.public_key()) != _public_der(cert.public_key()):
            raise EnrolmentError("key_mismatch")
    warnings = () if chain_verified else (
        "terminal.pem could not be checked against its CA offline (the bundle has no "
        "terminal-ca.pem); the registry checks it at the first connection",
    )
    return Bundle(
        directory=directory, terminal=info["terminal"], serial=info["serial"],
        not_after=cert.not_valid_after_utc, cert_pem=cert_pem, ca_pem=ca_pem,
        terminal_ca_pem=terminal_ca_pem, key=key, chain_verified=chain_verified,
        warnings=warnings,
    )
