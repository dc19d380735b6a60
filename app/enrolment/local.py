"""The terminal's own record of its enrolment, beside the certificate it describes.

    <enrolment dir>/terminal.pem          the certificate (public)
    <enrolment dir>/registry-ca.pem       the registry CA (public)
    <enrolment dir>/terminal-key.enc.pem  the private key, encrypted PKCS8 (PBES2, AES-256)
    <enrolment dir>/enrolled.json         this record: which registry, which keystore, which entry

The key's passphrase is only in the keystore the record names. The registry client finds the
record from the certificate path in the settings, so no further setting is needed.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from keyring.errors import KeyringError

from app.enrolment.errors import EnrolmentError
from app.enrolment.keystore import LEGACY_ENTRY, SERVICE, KeystoreRef, open_keystore, system_backend

log = logging.getLogger(__name__)

RECORD_FILE: Final = "enrolled.json"
CERT_FILE: Final = "terminal.pem"
CA_FILE: Final = "registry-ca.pem"
TERMINAL_CA_FILE: Final = "terminal-ca.pem"
ENCRYPTED_KEY_FILE: Final = "terminal-key.enc.pem"
RECORD_FORMAT: Final = "madoguchi-terminal-enrolment"
FILES: Final = (RECORD_FILE, CERT_FILE, CA_FILE, TERMINAL_CA_FILE, ENCRYPTED_KEY_FILE)


@dataclass(frozen=True)
class LocalEnrolment:
    directory: Path
    terminal: str
    serial: str
    not_after: str
    registry_ca_sha256: str
    certificate_sha256: str
    chain_verified: bool
    enrolled_at: str
    keystore: KeystoreRef
    entry: str

    @property
    def cert_path(self) -> Path:
        return self.directory / CERT_FILE

    @property
    def ca_path(self) -> Path:
        return self.directory / CA_FILE

    @property
    def key_path(self) -> Path:
        return self.directory / ENCRYPTED_KEY_FILE

    def to_json(self) -> dict[str, Any]:
        return {
            "format": RECORD_FORMAT, "version": 1, "terminal": self.terminal, "serial": self.serial,
            "not_after": self.not_after, "registry_ca_sha256": self.registry_ca_sha256,
            "certificate_sha256": self.certificate_sha256, "chain_verified": self.chain_verified,
            "enrolled_at": self.enrolled_at, "keystore": self.keystore.to_json(),
            "keyring_service": SERVICE, "keyring_entry": self.entry,
        }

    @classmethod
    def load(cls, directory: Path) -> LocalEnrolment | None:
        """The record in `directory`, or None if there is none (or it is not ours)."""
        path = directory / RECORD_FILE
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            if raw.get("format") != RECORD_FORMAT:
                return None
            return cls(
                directory=directory, terminal=str(raw["terminal"]), serial=str(raw["serial"]),
                not_after=str(raw["not_after"]), registry_ca_sha256=str(raw["registry_ca_sha256"]),
                certificate_sha256=str(raw["certificate_sha256"]),
                chain_verified=bool(raw.get("chain_verified")), enrolled_at=str(raw["enrolled_at"]),
                keystore=KeystoreRef.from_json(raw["keystore"]), entry=str(raw["keyring_entry"]),
            )
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            log.warning("enrolment record unreadable: error=%s", type(exc).__name__)
            return None

    def passphrase(self) -> str | None:
        """The key's passphrase from the keystore; EnrolmentError if the keystore is gone."""
        backend = open_keystore(self.keystore)
        try:
            return backend.get_password(SERVICE, self.entry)
        except KeyringError as exc:
            raise EnrolmentError("keyring_unreadable", type(exc).__name__) from None


def key_passphrase(cert_path: Path | None) -> str | None:
    """For the registry client: the passphrase of the key enrolled with `cert_path`, or None
    when there is none to be had (the client then reports the terminal as not enrolled)."""
    record = LocalEnrolment.load(cert_path.parent) if cert_path is not None else None
    if record is not None:
        try:
            return record.passphrase()
        except EnrolmentError as exc:
            log.warning("terminal key passphrase unavailable: code=%s", exc.code)
            return None
    backend = system_backend()  # a key file configured by hand, its passphrase in the OS keyring
    try:
        return None if backend is None else backend.get_password(SERVICE, LEGACY_ENTRY)
    except KeyringError:
        return None
