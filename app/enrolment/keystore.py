"""Where the terminal's secret lives: the OS keyring, the encrypted file keyring, or the
machine keyring.

The secret is the passphrase of the terminal's private key (the key itself stays on disk as an
encrypted PKCS8 PEM, which is what ssl.SSLContext.load_cert_chain can open from a file with a
password, on every platform, without the key ever being written in clear):

- Windows: Credential Manager (keyring's WinVaultKeyring), per user.
- macOS: the login Keychain.
- Linux desktop: the Secret Service (GNOME Keyring, KWallet) over D-Bus.
- Linux without a keyring service (headless, CI, kiosk): app.enrolment.filekeyring.
- `machine`, only when asked for: one file for every account of the machine, its key sealed
  to the machine (app.enrolment.machinekeyring; DPAPI machine scope on Windows). For counter
  PCs installed per machine, where the clerk's account is not the one that installed.

`MADOGUCHI_KEYRING=system|file|machine` forces one (installers, tests); by default the OS
keyring is used when one answers, the file keyring otherwise. Which one was used is recorded
with the enrolment, so that the terminal looks in the same place at run time.
"""

from __future__ import annotations

import logging
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal

from keyring.backend import KeyringBackend
from keyring.errors import KeyringError

from app.enrolment.errors import EnrolmentError
from app.enrolment.filekeyring import EncryptedFileKeyring, NoKeyringSecret, secret_source
from app.enrolment.machinekeyring import MachineKeyring, default_machine_path
from app.settings.paths import config_dir

log = logging.getLogger(__name__)

SERVICE: Final = "madoguchi"
LEGACY_ENTRY: Final = "terminal-key-passphrase"  # one fixed entry, before enrolment existed
ENV_KEYRING: Final = "MADOGUCHI_KEYRING"
ENV_KEYRING_FILE: Final = "MADOGUCHI_KEYRING_FILE"
FILE_NAME: Final = "keyring.enc"
KeystoreKind = Literal["system", "file", "machine"]
KINDS: Final = ("system", "file", "machine")
# Backends that would store the secret in clear or not at all: never acceptable.
_REFUSED_NAMES: Final = ("fail", "null", "plaintext", "uncrypted")


def entry_name(certificate_sha256: str) -> str:
    """One entry per enrolment (the certificate and a random part): a renewed certificate, or
    the same bundle enrolled for a second settings file on this account (tests, the demo),
    never overwrites another enrolment's passphrase."""
    return f"terminal-key-passphrase/{certificate_sha256[:32]}/{secrets.token_hex(8)}"


def default_file_path() -> Path:
    override = os.environ.get(ENV_KEYRING_FILE)
    return Path(override) if override else config_dir() / FILE_NAME


@dataclass(frozen=True)
class KeystoreRef:
    kind: KeystoreKind
    backend: str  # the backend's class, for the administrator and the diagnostics
    path: Path | None = None  # the file keyring's or the machine keyring's file

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "backend": self.backend,
                "path": None if self.path is None else str(self.path)}

    @classmethod
    def from_json(cls, raw: Any) -> KeystoreRef:
        if not isinstance(raw, dict) or raw.get("kind") not in KINDS:
            raise ValueError("not a keystore reference")
        path = raw.get("path")
        return cls(raw["kind"], str(raw.get("backend") or ""), Path(path) if path else None)

    def describe(self) -> str:
        if self.kind == "system":
            return f"OS keyring ({self.backend})"
        if self.kind == "machine":
            return f"machine keyring {self.path}"
        return f"encrypted file {self.path}"


def _class_name(backend: object) -> str:
    kind = type(backend)
    return f"{kind.__module__}.{kind.__qualname__}"


def _acceptable(backend: KeyringBackend) -> bool:
    inner = getattr(backend, "backends", None)
    if inner is not None:  # keyring's chainer: acceptable if it chains at least one good one
        return bool(inner) and all(_acceptable(b) for b in inner)
    name = _class_name(backend).lower()
    return not any(word in name for word in _REFUSED_NAMES)


def system_backend() -> KeyringBackend | None:
    """The OS keyring if one is configured and answers now; None otherwise."""
    try:
        import keyring

        backend = keyring.get_keyring()
        if not _acceptable(backend):
            return None
        backend.get_password(SERVICE, "probe")  # a Secret Service that is installed but not running fails here
        return backend
    except Exception as exc:  # any backend's failure means: not usable here
        log.info("no OS keyring: %s", type(exc).__name__)
        return None


def requested_kind(kind: str | None = None) -> str:
    """The keystore asked for by the caller or MADOGUCHI_KEYRING ("auto" when none is)."""
    return (kind or os.environ.get(ENV_KEYRING) or "auto").lower()


def choose(kind: str | None = None, file_path: Path | None = None) -> tuple[KeystoreRef, KeyringBackend]:
    """The keystore for a new enrolment (see the module's docstring); `file_path` is the
    file keyring's or the machine keyring's file."""
    wanted = requested_kind(kind)
    if wanted not in ("auto", *KINDS):
        raise EnrolmentError("no_keyring", f"{ENV_KEYRING}={wanted} (auto, system, file or machine)")
    if wanted == "machine":
        path = file_path or default_machine_path()
        try:
            machine = MachineKeyring(path)
            machine.sealer.seal(b"probe")  # no machine id, no DPAPI: refused now, not half-way
        except KeyringError as exc:
            raise EnrolmentError("no_keyring", str(exc)) from None
        return KeystoreRef("machine", _class_name(machine), path), machine
    if wanted in ("auto", "system"):
        backend = system_backend()
        if backend is not None:
            return KeystoreRef("system", _class_name(backend)), backend
        if wanted == "system":
            raise EnrolmentError("no_keyring", "no OS keyring service answers")
    path = file_path or default_file_path()
    try:
        secret_source()
    except NoKeyringSecret as exc:
        raise EnrolmentError("no_keyring", str(exc)) from None
    backend = EncryptedFileKeyring(path)
    return KeystoreRef("file", _class_name(backend), path), backend


def open_keystore(ref: KeystoreRef) -> KeyringBackend:
    """The keystore an enrolment was stored in; EnrolmentError if it is not there now."""
    if ref.kind in ("file", "machine"):
        if ref.path is None:
            raise EnrolmentError("keyring_unreadable", f"{ref.kind} keyring without a path")
        if ref.kind == "file":
            return EncryptedFileKeyring(ref.path)
        try:
            return MachineKeyring(ref.path)
        except KeyringError as exc:
            raise EnrolmentError("keyring_unreadable", str(exc)) from None
    backend = system_backend()
    if backend is None:
        raise EnrolmentError("keyring_unreadable", "the OS keyring does not answer")
    return backend
