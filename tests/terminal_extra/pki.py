"""A small PKI for enrolment tests: registry and terminal CAs and bundles shaped exactly like
the ones `madoguchi-registry terminal enroll` writes, including broken ones."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


@dataclass
class Ca:
    cert: x509.Certificate
    key: ec.EllipticCurvePrivateKey

    @property
    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)


def _name(org: str, cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def make_ca(cn: str) -> Ca:
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    name = _name("madoguchi registry", cn)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(key, hashes.SHA256())
    )
    return Ca(cert, key)


def make_bundle(
    out: Path,
    registry_ca: Ca,
    terminal_ca: Ca,
    name: str = "pc-01",
    *,
    valid_from: datetime | None = None,
    valid_until: datetime | None = None,
    enclose_terminal_ca: bool = False,
    key: ec.EllipticCurvePrivateKey | None = None,
) -> Path:
    now = datetime.now(UTC)
    cert_key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("madoguchi terminal", name)).issuer_name(terminal_ca.cert.subject)
        .public_key(cert_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(valid_from or now - timedelta(minutes=5))
        .not_valid_after(valid_until or now + timedelta(days=730))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
        .sign(terminal_ca.key, hashes.SHA256())
    )
    out.mkdir(parents=True, exist_ok=True)
    stored_key = key or cert_key
    (out / "terminal-key.pem").write_bytes(stored_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    (out / "terminal.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (out / "registry-ca.pem").write_bytes(registry_ca.pem)
    if enclose_terminal_ca:
        (out / "terminal-ca.pem").write_bytes(terminal_ca.pem)
    (out / "enrolment.json").write_text(json.dumps({
        "terminal": name, "serial": f"{cert.serial_number:x}",
        "not_after": cert.not_valid_after_utc.isoformat(),
        "registry_ca_sha256": hashlib.sha256(registry_ca.pem).hexdigest(),
    }))
    return out
