"""The registry's own certificate authority and its TLS server certificate.

`init` creates them once in the state directory, with a second CA that signs only terminal
client certificates (registry.security.terminals). Private keys are written owner-readable only.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_LIFETIME = timedelta(days=3650)
SERVER_LIFETIME = timedelta(days=825)  # the longest lifetime TLS clients still accept


@dataclass(frozen=True)
class PkiPaths:
    directory: Path

    @property
    def ca_cert(self) -> Path:
        return self.directory / "ca.pem"

    @property
    def ca_key(self) -> Path:
        return self.directory / "ca-key.pem"

    @property
    def server_cert(self) -> Path:
        return self.directory / "server.pem"

    @property
    def server_key(self) -> Path:
        return self.directory / "server-key.pem"

    @property
    def terminal_ca_cert(self) -> Path:
        return self.directory / "terminal-ca.pem"

    @property
    def terminal_ca_key(self) -> Path:
        return self.directory / "terminal-ca-key.pem"

    def complete(self) -> bool:
        return all(p.is_file() for p in (
            self.ca_cert, self.ca_key, self.server_cert, self.server_key,
            self.terminal_ca_cert, self.terminal_ca_key,
        ))


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "madoguchi registry"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _create_ca(
    paths: PkiPaths, now: datetime, *, terminal: bool = False
) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    """The registry CA (signs the server certificate), or the terminal CA (signs only terminal
    client certificates, so that no server certificate can pass as a terminal)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name("madoguchi terminal CA" if terminal else "madoguchi registry CA")
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + CA_LIFETIME)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, key_cert_sign=True, crl_sign=True,
                content_commitment=False, key_encipherment=False, data_encipherment=False,
                key_agreement=False, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    _write_private(paths.terminal_ca_key if terminal else paths.ca_key, _key_pem(key))
    (paths.terminal_ca_cert if terminal else paths.ca_cert).write_bytes(
        cert.public_bytes(serialization.Encoding.PEM)
    )
    return cert, key


def load_ca(
    paths: PkiPaths, *, terminal: bool = False
) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    cert_path = paths.terminal_ca_cert if terminal else paths.ca_cert
    key_path = paths.terminal_ca_key if terminal else paths.ca_key
    cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise ValueError(f"{key_path} is not an EC private key")
    return cert, key


def _create_server(
    paths: PkiPaths, ca_cert: x509.Certificate, ca_key: ec.EllipticCurvePrivateKey,
    hostnames: list[str], now: datetime,
) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    alt_names: list[x509.GeneralName] = []
    for host in hostnames:
        try:
            alt_names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            alt_names.append(x509.DNSName(host))
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(hostnames[0]))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + SERVER_LIFETIME)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectAlternativeName(alt_names), critical=False)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    _write_private(paths.server_key, _key_pem(key))
    paths.server_cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))


def default_hostnames() -> list[str]:
    names = ["localhost", "127.0.0.1", "::1"]
    host = socket.gethostname()
    if host and host not in names:
        names.append(host)
    return names


def ensure_pki(directory: Path, hostnames: list[str] | None = None) -> tuple[PkiPaths, bool]:
    """Create the CA and the server certificate unless they exist. Returns (paths, created)."""
    paths = PkiPaths(directory)
    if paths.complete():
        return paths, False
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    now = datetime.now(UTC)
    if paths.ca_cert.is_file() and paths.ca_key.is_file():
        ca_cert, ca_key = load_ca(paths)
    else:
        ca_cert, ca_key = _create_ca(paths, now)
    if not (paths.server_cert.is_file() and paths.server_key.is_file()):
        _create_server(paths, ca_cert, ca_key, hostnames or default_hostnames(), now)
    if not (paths.terminal_ca_cert.is_file() and paths.terminal_ca_key.is_file()):
        _create_ca(paths, now, terminal=True)
    return paths, True
