"""JPKI AP: the authentication certificate (no PIN), the token, and the tries of both PINs."""

from __future__ import annotations

from cryptography import x509

from cardreader.channel import CardChannel, PinState
from cardreader.errors import MalformedDataError, Secret
from cardreader.models import CertificateInfo
from cardreader.protocol import (
    JPKI_AUTH_CERT,
    JPKI_AUTH_PIN,
    JPKI_SIGN_PIN,
    JPKI_TOKEN,
    MAX_CERTIFICATE,
    TOKEN_SIZE,
    Application,
)


def auth_pin_state(ch: CardChannel) -> PinState:
    ch.require_application(Application.JPKI)
    return ch.pin_state(JPKI_AUTH_PIN, Secret.JPKI_AUTH_PIN)


def sign_password_state(ch: CardChannel) -> PinState:
    ch.require_application(Application.JPKI)
    return ch.pin_state(JPKI_SIGN_PIN, Secret.JPKI_SIGN_PASSWORD)


def read_token(ch: CardChannel) -> bytes:
    """EF 0006, space padded: JPKIAPICCTOKEN2 on a My Number card, JPKIAPICCTOKEN on a 住基カード."""
    ch.require_application(Application.JPKI)
    ch.select_file(JPKI_TOKEN)
    return ch.read_chunk(0, TOKEN_SIZE).rstrip(b" \x00")


def read_auth_certificate(ch: CardChannel) -> CertificateInfo:
    ch.require_application(Application.JPKI)
    header, data = ch.read_tlv_file(JPKI_AUTH_CERT, max_size=MAX_CERTIFICATE)
    if header.tag != 0x30:
        raise MalformedDataError(detail=f"auth certificate: tag {header.tag:X}, not SEQUENCE")
    if len(data) != header.size + header.length:
        raise MalformedDataError(detail="auth certificate: file shorter than declared")
    return parse_certificate(data)


def parse_certificate(der: bytes) -> CertificateInfo:
    try:
        cert = x509.load_der_x509_certificate(der)
        return CertificateInfo(
            subject=cert.subject.rfc4514_string(),
            issuer=cert.issuer.rfc4514_string(),
            serial_number=cert.serial_number,
            not_before=cert.not_valid_before_utc,
            not_after=cert.not_valid_after_utc,
            der=der,
        )
    except ValueError as exc:
        raise MalformedDataError(
            "カードの電子証明書を読み取れません（証明書の形式が不正です）。",
            detail=f"auth certificate: {type(exc).__name__}",
        ) from None
