"""An encrypted file keyring, for terminals where no OS keyring service runs (headless Linux,
CI, a kiosk session without a Secret Service).

A `keyring` backend of our own rather than a plaintext fallback: the file holds every entry as
one AES-256-GCM ciphertext, with a key derived by scrypt from a secret that never sits beside
the file. The secret, in this order:

1. `$CREDENTIALS_DIRECTORY/madoguchi-keyring`: a systemd credential (`LoadCredentialEncrypted=`
   can seal it to the machine's TPM) when the terminal runs under a systemd unit;
2. `MADOGUCHI_KEYRING_PASSPHRASE`, for an installer or a kiosk that provides one;
3. the machine: /etc/machine-id and the user's uid. This binds the file to the machine and
   the account (a copy of the file alone, say in a backup, opens nowhere else), but does not
   protect it from root or the same user on this machine, which the file's 0600 mode is
   for. Where that is not enough, use the OS keyring or one of the two secrets above.

The source used is written into the file (not the secret), so that opening it later with
another source fails with `keyring_unreadable` instead of silently making a new keyring.
The backend's priority is never viable: `keyring` only uses it when chosen explicitly.

Where the file's key comes from is a parameter (`KeyProtection`): the scrypt derivation from
the secret above is this module's; app.enrolment.machinekeyring keeps the same file format with
a random key sealed to the machine (DPAPI's machine scope on Windows).
"""

from __future__ import annotations

import base64
import json
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Final, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from jaraco.classes import properties
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError

FORMAT: Final = "madoguchi-keyring"
VERSION: Final = 1
ENV_PASSPHRASE: Final = "MADOGUCHI_KEYRING_PASSPHRASE"
CREDENTIAL_NAME: Final = "madoguchi-keyring"
# ~30 ms and 16 MiB per opening: paid once at enrolment and once per client start.
SCRYPT_N: Final = 2**14
SCRYPT_R: Final = 8
SCRYPT_P: Final = 1
_MACHINE_ID_FILES: Final = ("/etc/machine-id", "/var/lib/dbus/machine-id")


class KeyringUnreadable(KeyringError):
    """The file exists but cannot be opened with the secret available now."""


class NoKeyringSecret(KeyringError):
    """No secret to derive the file's key from on this machine."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


class KeyProtection(Protocol):
    """Where the AES-256-GCM key of a keyring file comes from. The header fields it returns
    are written into the file and authenticated with the entries."""

    def new_key(self) -> tuple[dict[str, Any], bytes]:
        """(header fields, 32-byte key) for writing the file anew."""
        ...

    def open_key(self, header: Mapping[str, Any]) -> bytes:
        """The key of a file with this header; KeyringUnreadable if not to be had here."""
        ...


def secret_source() -> tuple[str, bytes]:
    """(name of the source, secret bytes) by the order in the module's docstring."""
    credentials = os.environ.get("CREDENTIALS_DIRECTORY")
    if credentials:
        path = Path(credentials) / CREDENTIAL_NAME
        if path.is_file():
            return "credential", path.read_bytes().strip()
    passphrase = os.environ.get(ENV_PASSPHRASE)
    if passphrase:
        return "passphrase", passphrase.encode("utf-8")
    for candidate in _MACHINE_ID_FILES:
        try:
            machine = Path(candidate).read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            continue
        if machine:
            uid = os.getuid() if hasattr(os, "getuid") else 0
            return "machine", f"{FORMAT}\0{machine}\0{uid}".encode()
    raise NoKeyringSecret(f"no machine id; set {ENV_PASSPHRASE} or provide a systemd credential")


def derive_key(secret: bytes, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(secret)


class ScryptFromSecret:
    """The key derived by scrypt from a secret (by default `secret_source`, looked up at
    every opening: the secret available now decides)."""

    def __init__(self, source: Callable[[], tuple[str, bytes]] = secret_source) -> None:
        self.source = source

    def new_key(self) -> tuple[dict[str, Any], bytes]:
        name, secret = self.source()
        salt = os.urandom(16)
        header = {"kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
                  "salt": _b64(salt), "secret_source": name}
        return header, derive_key(secret, salt)

    def open_key(self, header: Mapping[str, Any]) -> bytes:
        name, secret = self.source()
        if header.get("kdf") != "scrypt":
            raise KeyringUnreadable(f"the keyring file's key is {header.get('kdf')}, not scrypt")
        if header.get("secret_source") != name:
            raise KeyringUnreadable(
                f"the keyring file was made with the {header.get('secret_source')} secret, "
                f"this process has the {name} secret"
            )
        return derive_key(secret, _unb64(header["salt"]))


class EncryptedFileKeyring(KeyringBackend):
    def __init__(self, path: Path, protection: KeyProtection | None = None) -> None:
        super().__init__()
        self.path = path
        self.protection: KeyProtection = protection or ScryptFromSecret()

    @properties.classproperty
    def priority(cls) -> float:
        # Not viable for keyring's detection (which would otherwise offer it to every program
        # in this process); only ever constructed explicitly.
        raise RuntimeError("madoguchi's file keyring is chosen explicitly, never detected")

    # -- the file -------------------------------------------------------------------------------

    def _load(self) -> dict[str, dict[str, str]]:
        if not self.path.exists():
            return {}
        try:
            document = json.loads(self.path.read_text(encoding="utf-8"))
            header = document["header"]
            if header.get("format") != FORMAT or header.get("version") != VERSION:
                raise ValueError("unknown format")
            key = self.protection.open_key(header)
            plain = AESGCM(key).decrypt(_unb64(document["nonce"]), _unb64(document["ciphertext"]),
                                        _aad(header))
            entries = json.loads(plain.decode("utf-8"))
        except KeyringUnreadable:
            raise
        except (OSError, ValueError, KeyError, TypeError, InvalidTag) as exc:
            raise KeyringUnreadable(f"{self.path}: {type(exc).__name__}") from None
        if not isinstance(entries, dict):
            raise KeyringUnreadable(f"{self.path}: not a keyring")
        return entries

    def _save(self, entries: dict[str, dict[str, str]]) -> None:
        fields, key = self.protection.new_key()
        header = {"format": FORMAT, "version": VERSION, **fields}
        nonce = os.urandom(12)
        plain = json.dumps(entries, sort_keys=True).encode("utf-8")
        ciphertext = AESGCM(key).encrypt(nonce, plain, _aad(header))
        text = json.dumps({"header": header, "nonce": _b64(nonce), "ciphertext": _b64(ciphertext)},
                          indent=1)
        self._write(text.encode("ascii"))

    def _write(self, data: bytes) -> None:
        write_private(self.path, data)

    # -- keyring's interface --------------------------------------------------------------------

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(service, {}).get(username)

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._load()
        entries.setdefault(service, {})[username] = password
        self._save(entries)

    def delete_password(self, service: str, username: str) -> None:
        entries = self._load()
        if username not in entries.get(service, {}):
            raise PasswordDeleteError("no such entry")
        del entries[service][username]
        if not entries[service]:
            del entries[service]
        if entries:
            self._save(entries)
        else:
            self.path.unlink(missing_ok=True)


def _aad(header: dict[str, Any]) -> bytes:
    # The header is authenticated with the entries: a swapped salt or source is detected.
    return json.dumps(header, sort_keys=True).encode("utf-8")


def write_private(path: Path, data: bytes, *, mode: int = 0o600, group: int | None = None,
                  dir_mode: int = 0o700) -> None:
    """Owner-only (or `mode` with `group`) and atomic: a crash mid-write leaves the old file,
    never half a keyring. The mode and group are set before the file takes its name, so the
    secret is never readable by more than intended, not even for a moment."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=dir_mode)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if sys.platform != "win32":
            if group is not None and tmp.stat().st_gid != group:
                os.chown(tmp, -1, group)
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
