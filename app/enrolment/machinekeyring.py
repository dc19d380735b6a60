"""The machine keyring: one file for the whole machine, for counter PCs that several accounts
use (a Windows terminal installed per machine, a shared Linux kiosk under /opt).

    Windows: %ProgramData%\\madoguchi\\machine-keyring.enc
    Linux:   /var/lib/madoguchi/machine-keyring.enc
    (MADOGUCHI_MACHINE_KEYRING_FILE overrides both, for tests)

The file keyring's format (app.enrolment.filekeyring: the entries as one AES-256-GCM ciphertext
under an authenticated header), with a random key that a `MachineSealer` seals to this machine
(app.enrolment.sealers: DPAPI machine scope on Windows, the machine id elsewhere) instead of a
key derived from a per-user secret. What that protects against, and what not, is said there.

Who may read the file is the file system's business:
- Windows: the file inherits the ACL the installer puts on %ProgramData%\\madoguchi
  (administrators and SYSTEM change it, users read it).
- Linux: mode 0640, group `MADOGUCHI_MACHINE_KEYRING_GROUP` (a name or a number) or else the
  group of the directory. Create the directory for the counter's accounts first, e.g.
  `install -d -m 2750 -g madoguchi /var/lib/madoguchi`; the directory is made 0750 otherwise.

Only an administrator (root) writes it: enrolling and unenrolling; the terminal only reads.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from keyring.errors import KeyringError

from app.enrolment.filekeyring import (
    EncryptedFileKeyring,
    KeyringUnreadable,
    _b64,
    _unb64,
    write_private,
)
from app.enrolment.sealers import MachineSealer, default_sealer

ENV_MACHINE_KEYRING_FILE: Final = "MADOGUCHI_MACHINE_KEYRING_FILE"
ENV_MACHINE_KEYRING_GROUP: Final = "MADOGUCHI_MACHINE_KEYRING_GROUP"
FILE_NAME: Final = "machine-keyring.enc"
FILE_MODE: Final = 0o640
DIR_MODE: Final = 0o750


class KeyringNotWritable(KeyringError):
    """The machine keyring cannot be written by this account (not an administrator)."""


def default_machine_path() -> Path:
    override = os.environ.get(ENV_MACHINE_KEYRING_FILE)
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("ProgramData") or r"C:\ProgramData") / "madoguchi" / FILE_NAME
    return Path("/var/lib/madoguchi") / FILE_NAME


class SealedKey:
    """The file's key: random, sealed by `sealer`; the sealed blob is in the header."""

    def __init__(self, sealer: MachineSealer) -> None:
        self.sealer = sealer

    def new_key(self) -> tuple[dict[str, Any], bytes]:
        key = os.urandom(32)
        return {"kdf": "sealed", "sealer": self.sealer.name,
                "sealed_key": _b64(self.sealer.seal(key))}, key

    def open_key(self, header: Mapping[str, Any]) -> bytes:
        if header.get("kdf") != "sealed" or header.get("sealer") != self.sealer.name:
            raise KeyringUnreadable(
                f"the keyring file's key is {header.get('kdf')}/{header.get('sealer')}, "
                f"this machine seals with {self.sealer.name}"
            )
        key = self.sealer.unseal(_unb64(header["sealed_key"]))
        if len(key) != 32:
            raise KeyringUnreadable("the sealed key is not an AES-256 key")
        return key


def file_group(directory: Path) -> int | None:
    """The group the file is given (POSIX): the configured one, else the directory's."""
    if sys.platform == "win32":
        return None
    wanted = os.environ.get(ENV_MACHINE_KEYRING_GROUP, "").strip()
    if wanted:
        if wanted.isdigit():
            return int(wanted)
        import grp

        try:
            return grp.getgrnam(wanted).gr_gid
        except KeyError:
            raise KeyringNotWritable(f"{ENV_MACHINE_KEYRING_GROUP}={wanted}: no such group") from None
    try:
        return directory.stat().st_gid
    except OSError:
        return None


class MachineKeyring(EncryptedFileKeyring):
    def __init__(self, path: Path, sealer: MachineSealer | None = None) -> None:
        self.sealer = sealer or default_sealer()
        super().__init__(path, SealedKey(self.sealer))

    def _write(self, data: bytes) -> None:
        try:
            if sys.platform == "win32":
                # The folder's ACL decides (see the docstring); not mode 0o700, which Python
                # 3.13+ makes an owner-only ACL on Windows.
                write_private(self.path, data, dir_mode=DIR_MODE)
                return
            directory = self.path.parent
            created = not directory.exists()
            directory.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
            group = file_group(directory)
            if created and group is not None and directory.stat().st_gid != group:
                os.chown(directory, -1, group)  # or the group could not reach its file
            write_private(self.path, data, mode=FILE_MODE, group=group, dir_mode=DIR_MODE)
        except PermissionError as exc:
            raise KeyringNotWritable(f"{self.path}: {exc.strerror} (enrol as administrator)") from None
        except OSError as exc:  # a read-only or full file system: said, not a traceback
            raise KeyringError(f"{self.path}: {exc.strerror}") from None

    def delete_password(self, service: str, username: str) -> None:
        try:
            super().delete_password(service, username)
        except PermissionError as exc:  # the file's last entry: removing the file
            raise KeyringNotWritable(f"{self.path}: {exc.strerror}") from None
