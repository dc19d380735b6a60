"""Sealing a key to this machine, for the machine keyring (app.enrolment.machinekeyring).

A `MachineSealer` turns bytes into a blob that only this machine can turn back, whichever
account asks:

- Windows: DPAPI with `CRYPTPROTECT_LOCAL_MACHINE`. The blob is bound to the machine's DPAPI
  secret (LSA): any process of any account on this machine can unseal it; a copy of the file
  (a backup, another PC's disk) opens nowhere else. It does NOT protect against another local
  account or an administrator of this machine: its point is that the key never leaves the
  machine and that no per-user secret (Credential Manager) is needed. Who may read the file
  at all is the folder's ACL (the installer's: administrators and SYSTEM write, users read).
- Linux and other POSIX systems: an AES-256-GCM wrap under a key derived by scrypt from
  /etc/machine-id with a fixed context, no uid. That binds the blob to the machine's id: a
  copy opens only where the same id is. The machine id is world-readable, so this protects
  nothing on the machine itself; the file's mode (0640, a group of the counter's accounts)
  is what keeps other local accounts out, and root can read it.

Where that is not enough, the OS keyring (per account) or the file keyring with a systemd
credential (TPM-sealed) are the stronger choices; the machine keyring is for shared counter
PCs where whoever logs in must reach the registry.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.enrolment.filekeyring import KeyringUnreadable, NoKeyringSecret, derive_key


class MachineSealer(Protocol):
    @property
    def name(self) -> str:
        """Written into the keyring file: another sealer refuses it instead of failing oddly."""
        ...

    def seal(self, data: bytes) -> bytes: ...

    def unseal(self, blob: bytes) -> bytes:
        """The sealed bytes; KeyringUnreadable when the blob is not this machine's."""
        ...


# -- Linux: /etc/machine-id --------------------------------------------------------------------

MACHINE_ID_FILES: Final = (Path("/etc/machine-id"), Path("/var/lib/dbus/machine-id"))
_CONTEXT: Final = b"madoguchi machine keyring sealer v1"
_BLOB_VERSION: Final = b"\x01"


class MachineIdSealer:
    """AES-256-GCM under scrypt(context, machine id) with a random salt per seal."""

    name = "machine-id"

    def __init__(self, machine_id_files: tuple[Path, ...] | None = None) -> None:
        self.machine_id_files = machine_id_files or MACHINE_ID_FILES

    def _machine_id(self) -> bytes:
        for candidate in self.machine_id_files:
            try:
                machine = candidate.read_text(encoding="ascii").strip()
            except (OSError, UnicodeDecodeError):
                continue
            if machine:
                return machine.encode("ascii")
        raise NoKeyringSecret("no machine id (/etc/machine-id) to seal the machine keyring to")

    def _wrap_key(self, salt: bytes) -> bytes:
        return derive_key(_CONTEXT + b"\0" + self._machine_id(), salt)

    def seal(self, data: bytes) -> bytes:
        salt, nonce = os.urandom(16), os.urandom(12)
        return _BLOB_VERSION + salt + nonce + AESGCM(self._wrap_key(salt)).encrypt(nonce, data, _CONTEXT)

    def unseal(self, blob: bytes) -> bytes:
        if len(blob) < 1 + 16 + 12 + 16 or blob[:1] != _BLOB_VERSION:
            raise KeyringUnreadable("not a machine-id sealed blob")
        salt, nonce, sealed = blob[1:17], blob[17:29], blob[29:]
        try:
            return AESGCM(self._wrap_key(salt)).decrypt(nonce, sealed, _CONTEXT)
        except InvalidTag:
            raise KeyringUnreadable("sealed on another machine (machine id differs)") from None


# -- Windows: DPAPI, machine scope -------------------------------------------------------------
# The structure and the prototypes are plain ctypes (defined on every platform, so that their
# layout is tested on Linux); only loading crypt32/kernel32 is Windows-only.

CRYPTPROTECT_UI_FORBIDDEN: Final = 0x1  # never a dialog: the installer and the client run unattended
CRYPTPROTECT_LOCAL_MACHINE: Final = 0x4  # any account on this machine may unseal
_ENTROPY: Final = b"madoguchi machine keyring"  # keeps other programs' DPAPI blobs apart
_DESCRIPTION: Final = "madoguchi machine keyring"


class DATA_BLOB(ctypes.Structure):  # the Windows name
    _fields_ = [("cbData", ctypes.c_uint32), ("pbData", ctypes.POINTER(ctypes.c_char))]


_BLOB_P = ctypes.POINTER(DATA_BLOB)
# BOOL CryptProtectData(DATA_BLOB* in, LPCWSTR description, DATA_BLOB* entropy, PVOID reserved,
#                       CRYPTPROTECT_PROMPTSTRUCT* prompt, DWORD flags, DATA_BLOB* out)
PROTECT_ARGTYPES: Final = (_BLOB_P, ctypes.c_wchar_p, _BLOB_P, ctypes.c_void_p, ctypes.c_void_p,
                           ctypes.c_uint32, _BLOB_P)
# BOOL CryptUnprotectData(DATA_BLOB* in, LPWSTR* description, DATA_BLOB* entropy, PVOID reserved,
#                         CRYPTPROTECT_PROMPTSTRUCT* prompt, DWORD flags, DATA_BLOB* out)
UNPROTECT_ARGTYPES: Final = (_BLOB_P, ctypes.c_void_p, _BLOB_P, ctypes.c_void_p, ctypes.c_void_p,
                             ctypes.c_uint32, _BLOB_P)
BOOL: Final = ctypes.c_int
# HLOCAL LocalFree(HLOCAL): DPAPI allocates the output with LocalAlloc; the caller frees it.
LOCALFREE_ARGTYPES: Final = (ctypes.c_void_p,)


@dataclass(frozen=True)
class DpapiFunctions:
    """The three functions, typed as above: crypt32's and kernel32's on Windows."""

    protect: Callable[..., int]
    unprotect: Callable[..., int]
    local_free: Callable[..., int | None]
    last_error: Callable[[], int]


def windows_functions() -> DpapiFunctions:
    if sys.platform != "win32":
        raise NoKeyringSecret("DPAPI exists on Windows only")
    crypt32 = ctypes.WinDLL("crypt32", use_last_error=True)
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    protect, unprotect, local_free = crypt32.CryptProtectData, crypt32.CryptUnprotectData, kernel32.LocalFree
    protect.argtypes, protect.restype = PROTECT_ARGTYPES, BOOL
    unprotect.argtypes, unprotect.restype = UNPROTECT_ARGTYPES, BOOL
    local_free.argtypes, local_free.restype = LOCALFREE_ARGTYPES, ctypes.c_void_p
    return DpapiFunctions(protect, unprotect, local_free, ctypes.get_last_error)


def _blob(data: bytes) -> tuple[DATA_BLOB, ctypes.Array[ctypes.c_char]]:
    """A DATA_BLOB over a copy of `data`; the buffer is returned to keep it alive."""
    buffer = ctypes.create_string_buffer(data, len(data))
    return DATA_BLOB(len(data), ctypes.cast(buffer, ctypes.POINTER(ctypes.c_char))), buffer


class DpapiSealer:
    name = "dpapi-machine"

    def __init__(self, functions: DpapiFunctions | None = None) -> None:
        self.functions = functions or windows_functions()

    def _take(self, out: DATA_BLOB) -> bytes:
        """The output's bytes; DPAPI's copy wiped (it may be the key) and freed."""
        try:
            return ctypes.string_at(out.pbData, out.cbData)
        finally:
            ctypes.memset(out.pbData, 0, out.cbData)
            self.functions.local_free(ctypes.cast(out.pbData, ctypes.c_void_p))

    def seal(self, data: bytes) -> bytes:
        # _keep_*: the buffers the blobs point into, alive until DPAPI has returned
        blob_in, _keep_in = _blob(data)
        entropy, _keep_entropy = _blob(_ENTROPY)
        out = DATA_BLOB()
        if not self.functions.protect(ctypes.byref(blob_in), _DESCRIPTION, ctypes.byref(entropy),
                                      None, None,
                                      CRYPTPROTECT_LOCAL_MACHINE | CRYPTPROTECT_UI_FORBIDDEN,
                                      ctypes.byref(out)):
            raise NoKeyringSecret(f"CryptProtectData failed: error {self.functions.last_error()}")
        return self._take(out)

    def unseal(self, blob: bytes) -> bytes:
        blob_in, _keep_in = _blob(blob)
        entropy, _keep_entropy = _blob(_ENTROPY)
        out = DATA_BLOB()
        # The blob itself says it was sealed with machine scope; unsealing takes no scope flag.
        if not self.functions.unprotect(ctypes.byref(blob_in), None, ctypes.byref(entropy), None,
                                        None, CRYPTPROTECT_UI_FORBIDDEN, ctypes.byref(out)):
            raise KeyringUnreadable(f"CryptUnprotectData failed: error {self.functions.last_error()}")
        return self._take(out)


def default_sealer() -> MachineSealer:
    """This platform's sealer: DPAPI on Windows, the machine id elsewhere."""
    return DpapiSealer() if sys.platform == "win32" else MachineIdSealer()
