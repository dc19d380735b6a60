"""Enrolled terminals: client certificates from the registry's terminal CA, their register,
revocation, and telling which terminal a verified certificate belongs to."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from registry.models import Terminal
from registry.models.base import utcnow
from registry.pki import PkiPaths, load_ca

TERMINAL_LIFETIME = timedelta(days=730)
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
CERT_FILE = "terminal.pem"
KEY_FILE = "terminal-key.pem"
CA_FILE = "registry-ca.pem"
TERMINAL_CA_FILE = "terminal-ca.pem"  # the CA that signed terminal.pem, for the offline chain check
INFO_FILE = "enrolment.json"


@dataclass(frozen=True)
class PeerCertificate:
    name: str
    serial: str
    fingerprint: str


@dataclass(frozen=True)
class Enrolment:
    name: str
    directory: Path
    serial: str
    not_after: datetime


def validate_name(name: str) -> str:
    if not 2 <= len(name) <= 80 or not set(name) <= _NAME_CHARS:
        raise DomainError("invalid_terminal_name", "端末名は英数字と - _ . の2〜80文字です。")
    return name


def enroll(session: Session, pki: PkiPaths, name: str, out: Path) -> Enrolment:
    """Issue the terminal's certificate and write it, its key and the registry CA to `out`."""
    validate_name(name)
    existing = session.get(Terminal, name)
    if existing is not None and existing.revoked_at is None:
        raise DomainError("terminal_exists", "その端末名は既に登録されています（先に失効させてください）。")
    ca_cert, ca_key = load_ca(pki, terminal=True)
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "madoguchi terminal"),
            x509.NameAttribute(NameOID.COMMON_NAME, name),
        ]))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + TERMINAL_LIFETIME)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    der = cert.public_bytes(serialization.Encoding.DER)
    serial = f"{cert.serial_number:x}"
    if existing is not None:
        session.delete(existing)
        session.flush()
    session.add(Terminal(
        name=name, serial=serial, fingerprint=hashlib.sha256(der).hexdigest(),
        enrolled_at=utcnow(), not_after=cert.not_valid_after_utc,
    ))
    session.flush()
    out.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(out / KEY_FILE, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ))
    (out / CERT_FILE).write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (out / CA_FILE).write_bytes(pki.ca_cert.read_bytes())
    (out / TERMINAL_CA_FILE).write_bytes(pki.terminal_ca_cert.read_bytes())
    (out / INFO_FILE).write_text(json.dumps({
        "terminal": name, "serial": serial, "not_after": cert.not_valid_after_utc.isoformat(),
        "registry_ca_sha256": hashlib.sha256(pki.ca_cert.read_bytes()).hexdigest(),
        "terminal_ca_sha256": hashlib.sha256(pki.terminal_ca_cert.read_bytes()).hexdigest(),
    }, indent=2))
    return Enrolment(name, out, serial, cert.not_valid_after_utc)


def revoke(session: Session, name: str) -> None:
    terminal = session.get(Terminal, name)
    if terminal is None:
        raise DomainError("terminal_not_found", "その端末は登録されていません。")
    if terminal.revoked_at is None:
        terminal.revoked_at = utcnow()


def listing(session: Session) -> list[Terminal]:
    return list(session.scalars(select(Terminal).order_by(Terminal.name)))


@lru_cache(maxsize=256)
def peer_of(der: bytes) -> PeerCertificate:
    """Name and serial of a certificate the TLS layer has already verified against the
    terminal CA. Cached: a terminal presents the same certificate on every request."""
    cert = x509.load_der_x509_certificate(der)
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    name = str(names[0].value) if names else ""
    return PeerCertificate(name, f"{cert.serial_number:x}", hashlib.sha256(der).hexdigest())


def check(session: Session, peer: PeerCertificate) -> Terminal:
    """The enrolled terminal behind a verified certificate; revocation takes effect at once."""
    terminal = session.get(Terminal, peer.name)
    if terminal is None or terminal.fingerprint != peer.fingerprint:
        raise DomainError("terminal_not_enrolled", "この端末は登録されていません。")
    if terminal.revoked_at is not None:
        raise DomainError("terminal_revoked", "この端末の登録は失効しています。管理者に連絡してください。")
    return terminal
