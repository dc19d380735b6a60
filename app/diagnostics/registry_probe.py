"""Can this terminal reach the registry, how fast, and with which certificate?

Two steps, so that a broken chain is still described: a TLS handshake that verifies against
the enrolment CA (and, failing that, one that does not, only to show what the server presents),
then `GET /v1/health` over httpx with the verified context, timed a few times.
"""

from __future__ import annotations

import socket
import ssl
import statistics
import time
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from cryptography import x509
from cryptography.hazmat.primitives import hashes


@dataclass(frozen=True, slots=True)
class CertificateInfo:
    subject: str
    issuer: str
    serial: str
    not_before: str  # ISO 8601, UTC
    not_after: str
    days_left: int
    sha256: str
    names: list[str] = field(default_factory=list)  # subjectAltName DNS names and addresses


@dataclass(frozen=True, slots=True)
class RegistryCheck:
    url: str
    reachable: bool
    verified: bool = False
    status: int | None = None
    latency_ms: float | None = None  # median of the health calls
    server_version: str | None = None
    database: str | None = None
    tls_version: str | None = None
    cipher: str | None = None
    certificate: CertificateInfo | None = None
    error_code: str | None = None
    error_detail: str | None = None


def describe_certificate(der: bytes, now: datetime | None = None) -> CertificateInfo:
    cert = x509.load_der_x509_certificate(der)
    now = now or datetime.now(UTC)
    names: list[str] = []
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        names = [*san.get_values_for_type(x509.DNSName),
                 *(str(ip) for ip in san.get_values_for_type(x509.IPAddress))]
    except x509.ExtensionNotFound:
        pass
    not_after = cert.not_valid_after_utc
    return CertificateInfo(
        subject=cert.subject.rfc4514_string(),
        issuer=cert.issuer.rfc4514_string(),
        serial=format(cert.serial_number, "x"),
        not_before=cert.not_valid_before_utc.isoformat(),
        not_after=not_after.isoformat(),
        days_left=(not_after - now).days,
        sha256=cert.fingerprint(hashes.SHA256()).hex(),
        names=names,
    )


def tls_context(
    ca_file: Path | None,
    client_cert: Path | None = None,
    client_key: Path | None = None,
    key_password: str | None = None,
) -> ssl.SSLContext:
    """A verifying client context: the enrolment CA (or the system's), the terminal's identity."""
    context = ssl.create_default_context(cafile=str(ca_file) if ca_file else None)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    if client_cert is not None:
        # Never let OpenSSL ask for a passphrase on the console: an encrypted key without its
        # passphrase fails here instead.
        context.load_cert_chain(str(client_cert), str(client_key) if client_key else None,
                                password=key_password if key_password is not None else (lambda: ""))
    return context


def _handshake(host: str, port: int, context: ssl.SSLContext, timeout: float
               ) -> tuple[bytes | None, str | None, str | None]:
    with socket.create_connection((host, port), timeout=timeout) as raw:
        with context.wrap_socket(raw, server_hostname=host) as tls:
            cipher = tls.cipher()
            return tls.getpeercert(binary_form=True), tls.version(), cipher[0] if cipher else None


def check_registry(
    url: str,
    *,
    ca_file: Path | None,
    client_cert: Path | None = None,
    client_key: Path | None = None,
    key_password: str | None = None,
    timeout_s: float = 5.0,
    samples: int = 3,
) -> RegistryCheck:
    """Never raises: every failure is a finding with a stable `error_code`."""
    parts = urlsplit(url)
    host, port = parts.hostname or "", parts.port or 443
    try:
        context = tls_context(ca_file, client_cert, client_key, key_password)
    except (OSError, ssl.SSLError) as exc:
        return RegistryCheck(url, False, error_code="tls_setup_failed", error_detail=_brief(exc))
    try:
        der, tls_version, cipher = _handshake(host, port, context, timeout_s)
    except ssl.SSLCertVerificationError as exc:
        return _unverified(url, host, port, timeout_s, exc)
    except ssl.SSLError as exc:
        return RegistryCheck(url, True, error_code="tls_handshake_failed", error_detail=_brief(exc))
    except TimeoutError:
        return RegistryCheck(url, False, error_code="timeout", error_detail=f"no answer in {timeout_s:g} s")
    except socket.gaierror as exc:
        return RegistryCheck(url, False, error_code="dns_failed", error_detail=_brief(exc))
    except OSError as exc:
        return RegistryCheck(url, False, error_code="unreachable", error_detail=_brief(exc))
    certificate = describe_certificate(der) if der else None
    base = RegistryCheck(url, True, verified=True, tls_version=tls_version, cipher=cipher,
                         certificate=certificate)
    return _health(base, context, timeout_s, max(1, samples), client_cert is not None)


def _unverified(url: str, host: str, port: int, timeout_s: float,
                failure: ssl.SSLCertVerificationError) -> RegistryCheck:
    # Only to show the helpdesk what the server presents; nothing is sent over this channel.
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    certificate = None
    try:
        der, _, _ = _handshake(host, port, context, timeout_s)
        certificate = describe_certificate(der) if der else None
    except (OSError, ValueError):
        pass
    return RegistryCheck(url, True, verified=False, certificate=certificate,
                         error_code="tls_verify_failed",
                         error_detail=failure.verify_message or _brief(failure))


def _health(base: RegistryCheck, context: ssl.SSLContext, timeout_s: float, samples: int,
            has_client_cert: bool) -> RegistryCheck:
    times: list[float] = []
    try:
        with httpx.Client(base_url=base.url, verify=context, timeout=timeout_s) as client:
            for _ in range(samples):
                start = time.perf_counter()
                response = client.get("/v1/health")
                times.append((time.perf_counter() - start) * 1000)
    except httpx.TimeoutException:
        return _replace(base, error_code="timeout", error_detail="health call timed out")
    except httpx.TransportError as exc:
        # With TLS 1.3 the server checks the client certificate after the client considers the
        # handshake done: a refused or missing terminal certificate shows up here, as a
        # connection the server drops on the first request.
        code = "client_certificate_refused" if has_client_cert else "client_certificate_required"
        return _replace(base, error_code=code, error_detail=type(exc).__name__)
    except httpx.HTTPError as exc:
        return _replace(base, error_code="http_failed", error_detail=type(exc).__name__)
    version = database = None
    try:
        body = response.json()
        if isinstance(body, dict):
            version, database = _str(body.get("version")), _str(body.get("database"))
    except ValueError:
        pass
    error = None if response.status_code == 200 else f"http_{response.status_code}"
    return _replace(base, status=response.status_code, latency_ms=round(statistics.median(times), 2),
                    server_version=version, database=database, error_code=error)


def _replace(base: RegistryCheck, **changes: object) -> RegistryCheck:
    return replace(base, **changes)  # type: ignore[arg-type]


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _brief(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text[:200]
