"""`madoguchi enroll BUNDLE` and `madoguchi unenroll`: the terminal side of issue 9's
"Enrolment on install" and issue 4's "terminal's secret in the OS keyring".

enroll: check the bundle (app.enrolment.bundle) → refuse another registry's bundle when one is
configured → a fresh random passphrase into the keystore → the key, encrypted with it, and
the certificates into the enrolment directory → the settings point at them. The plaintext key
is never copied: the enrolment directory only ever holds it encrypted. `remove_bundle_key`
also deletes it from the bundle the administrator handed over (an installer's own copy).

Running it again with the same bundle changes nothing but the registry URL (idempotent, for
`make run` and for installer re-runs); a renewed certificate of the same registry replaces the
old enrolment and its keyring entry. Asking for another keystore than the enrolment's (an
installer that now enrols with `--keyring machine` upgrading a per-account enrolment) moves
the passphrase there; this needs no bundle key, so an upgrade with the old bundle does it.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import shutil
import sys
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError

from app.enrolment import bundle as bundle_files
from app.enrolment.bundle import Bundle, load_bundle, sha256_hex
from app.enrolment.errors import EnrolmentError
from app.enrolment.filekeyring import KeyringUnreadable, write_private
from app.enrolment.keystore import (
    KINDS,
    SERVICE,
    KeystoreRef,
    choose,
    entry_name,
    open_keystore,
    requested_kind,
)
from app.enrolment.local import (
    CA_FILE,
    CERT_FILE,
    ENCRYPTED_KEY_FILE,
    FILES,
    RECORD_FILE,
    TERMINAL_CA_FILE,
    LocalEnrolment,
)
from app.enrolment.machinekeyring import DIR_MODE, FILE_MODE, KeyringNotWritable, file_group
from app.settings import (
    REGISTRY_CA_FILE,
    REGISTRY_CLIENT_CERT,
    REGISTRY_CLIENT_KEY,
    SettingsError,
    SettingsStore,
    settings_file,
)

log = logging.getLogger(__name__)
ENROLMENT_DIR = "enrolment"


@dataclass(frozen=True)
class EnrolmentResult:
    enrolment: LocalEnrolment
    settings_path: Path
    already_enrolled: bool
    warnings: tuple[str, ...]


def _load_settings(path: Path) -> SettingsStore:
    try:
        return SettingsStore.load(path)
    except SettingsError as exc:
        raise EnrolmentError("settings_invalid", str(exc)) from None


def _configured_ca_sha256(store: SettingsStore, existing: LocalEnrolment | None) -> str | None:
    if existing is not None:
        return existing.registry_ca_sha256
    ca_file = store.get(REGISTRY_CA_FILE)
    if ca_file is not None and ca_file.is_file():
        return sha256_hex(ca_file.read_bytes())
    return None  # nothing configured, or a broken path being repaired


def _key_opens(record: LocalEnrolment) -> bool:
    try:
        passphrase = record.passphrase()
        if passphrase is None:
            return False
        serialization.load_pem_private_key(record.key_path.read_bytes(), passphrase.encode())
        return True
    except (EnrolmentError, OSError, ValueError, TypeError):
        return False


def _store_new(bundle: Bundle, target: Path, ref: KeystoreRef, entry: str, passphrase: str
               ) -> LocalEnrolment:
    """Write the enrolment into a sibling directory, then swap it in: a failure half-way
    leaves the previous enrolment as it was."""
    assert bundle.key is not None
    encrypted = bundle.key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode("ascii")),
    )
    fresh = target.with_name(f".{target.name}-new")
    shutil.rmtree(fresh, ignore_errors=True)
    # 0o700 is owner-only on POSIX and, from Python 3.13, an owner-only ACL on Windows: never
    # for a machine enrolment, which every account of the PC reads.
    fresh.mkdir(parents=True, mode=DIR_MODE if ref.kind == "machine" else 0o700)
    write_private(fresh / ENCRYPTED_KEY_FILE, encrypted)
    (fresh / CERT_FILE).write_bytes(bundle.cert_pem)
    (fresh / CA_FILE).write_bytes(bundle.ca_pem)
    if bundle.terminal_ca_pem is not None:
        (fresh / TERMINAL_CA_FILE).write_bytes(bundle.terminal_ca_pem)
    record = LocalEnrolment(
        directory=target, terminal=bundle.terminal, serial=bundle.serial,
        not_after=bundle.not_after.isoformat(), registry_ca_sha256=bundle.ca_sha256,
        certificate_sha256=bundle.certificate_sha256, chain_verified=bundle.chain_verified,
        enrolled_at=datetime.now(UTC).replace(microsecond=0).isoformat(), keystore=ref,
        entry=entry,
    )
    write_private(fresh / RECORD_FILE, (json.dumps(record.to_json(), indent=2) + "\n").encode())
    if ref.kind == "machine":
        _share_with_the_machine(fresh)
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return record


def _put(backend: KeyringBackend, entry: str, passphrase: str) -> None:
    try:
        backend.set_password(SERVICE, entry, passphrase)
    except KeyringUnreadable as exc:  # a file keyring made with another secret
        raise EnrolmentError("keyring_unreadable", str(exc)) from None
    except KeyringNotWritable as exc:
        raise EnrolmentError("keyring_denied", str(exc)) from None
    except KeyringError as exc:
        raise EnrolmentError("no_keyring", type(exc).__name__) from None


def _move(record: LocalEnrolment, kind: str, keyring_file: Path | None) -> LocalEnrolment:
    """The same passphrase under a new entry in the keystore asked for; then the record points
    there and the old entry goes. The key file is not touched."""
    passphrase = record.passphrase()
    assert passphrase is not None  # _key_opens said so
    ref, backend = choose(kind, keyring_file)
    entry = entry_name(record.certificate_sha256)
    _put(backend, entry, passphrase)
    moved = replace(record, keystore=ref, entry=entry)
    try:
        write_private(record.directory / RECORD_FILE,
                      (json.dumps(moved.to_json(), indent=2) + "\n").encode())
    except BaseException:
        _forget(ref, entry)
        raise
    if ref.kind == "machine":
        _share_with_the_machine(record.directory)
    _forget(record.keystore, record.entry)
    return moved


def _share_with_the_machine(directory: Path) -> None:
    """A machine enrolment is read by every account of the counter PC: on POSIX the
    directory and its files get the machine keyring's group and group read (the key stays
    encrypted; its passphrase is in the machine keyring). On Windows the folder's ACL does."""
    if sys.platform == "win32":
        return
    group = file_group(directory.parent)
    for path in (directory, *(directory / name for name in FILES)):
        if path.exists():
            if group is not None and path.stat().st_gid != group:
                os.chown(path, -1, group)
            os.chmod(path, DIR_MODE if path.is_dir() else FILE_MODE)


def _forget(ref: KeystoreRef, entry: str) -> None:
    try:
        open_keystore(ref).delete_password(SERVICE, entry)
    except (EnrolmentError, PasswordDeleteError):
        pass  # already gone: what unenrolling wants
    except KeyringError as exc:
        log.warning("old terminal key entry not removed: error=%s", type(exc).__name__)


def enroll(
    bundle_dir: Path,
    *,
    settings_path: Path | None = None,
    target_dir: Path | None = None,
    registry_url: str | None = None,
    keyring_kind: str | None = None,
    keyring_file: Path | None = None,
    remove_bundle_key: bool = False,
    check_online: bool = False,
    now: datetime | None = None,
) -> EnrolmentResult:
    settings_path = (settings_path or settings_file()).absolute()
    store = _load_settings(settings_path)
    target = (target_dir or settings_path.parent / ENROLMENT_DIR).absolute()
    existing = LocalEnrolment.load(target)
    bundle = load_bundle(bundle_dir, now=now, need_key=False)
    configured = _configured_ca_sha256(store, existing)
    if configured is not None and configured != bundle.ca_sha256:
        raise EnrolmentError("other_registry")
    if registry_url is not None:
        try:
            store.set_raw("registry.url", registry_url)
        except SettingsError as exc:
            raise EnrolmentError("settings_invalid", str(exc)) from None
    if check_online:
        from app.enrolment.online import check_bundle_online

        check_bundle_online(bundle_dir, store)

    already = (existing is not None and existing.certificate_sha256 == bundle.certificate_sha256
               and _key_opens(existing))
    if already:
        assert existing is not None
        record = existing
        wanted = requested_kind(keyring_kind)
        if wanted in KINDS and wanted != record.keystore.kind:
            record = _move(record, wanted, keyring_file)
    else:
        if bundle.key is None:
            raise EnrolmentError("bundle_incomplete", bundle_files.KEY_FILE)
        ref, backend = choose(keyring_kind, keyring_file)
        passphrase = secrets.token_urlsafe(32)  # 256 bits, for the PKCS8 encryption only
        entry = entry_name(bundle.certificate_sha256)
        _put(backend, entry, passphrase)
        try:
            record = _store_new(bundle, target, ref, entry, passphrase)
        except BaseException:
            _forget(ref, entry)
            raise
        if not _key_opens(record):  # read back through the keystore, as the client will
            raise EnrolmentError("keyring_unreadable", "stored passphrase does not open the key")
        if existing is not None and existing.entry != record.entry:
            _forget(existing.keystore, existing.entry)

    store.set(REGISTRY_CA_FILE, record.ca_path)
    store.set(REGISTRY_CLIENT_CERT, record.cert_path)
    store.set(REGISTRY_CLIENT_KEY, record.key_path)
    store.save()
    if remove_bundle_key:
        (bundle_dir / bundle_files.KEY_FILE).unlink(missing_ok=True)
    log.info("terminal enrolled: already=%s keystore=%s", already, record.keystore.kind)
    return EnrolmentResult(record, settings_path, already, bundle.warnings)


@dataclass(frozen=True)
class UnenrolmentResult:
    removed_entry: bool
    removed_files: tuple[Path, ...]
    settings_path: Path


def unenroll(*, settings_path: Path | None = None) -> UnenrolmentResult:
    """Remove the key's passphrase from the keystore, the enrolment files and the settings
    that point at them. Nothing enrolled is not an error (an uninstaller runs this blindly).
    A machine keyring this account may not change is: nothing is removed then (keyring_denied)."""
    settings_path = (settings_path or settings_file()).absolute()
    store = _load_settings(settings_path)
    cert = store.get(REGISTRY_CLIENT_CERT)
    directory = cert.parent if cert is not None else settings_path.parent / ENROLMENT_DIR
    record = LocalEnrolment.load(directory)
    removed_entry = False
    removed: list[Path] = []
    if record is not None:
        try:
            open_keystore(record.keystore).delete_password(SERVICE, record.entry)
            removed_entry = True
        except (EnrolmentError, PasswordDeleteError):
            pass
        except KeyringNotWritable as exc:
            raise EnrolmentError("keyring_denied", str(exc)) from None
        except KeyringError as exc:  # unreadable here: the entry opens nothing any more
            log.warning("terminal key entry not removed: error=%s", type(exc).__name__)
        for name in FILES:
            path = directory / name
            if path.is_file():
                path.unlink()
                removed.append(path)
        try:
            directory.rmdir()
        except OSError:
            pass  # something else lives there: not ours to remove
        for option in (REGISTRY_CA_FILE, REGISTRY_CLIENT_CERT, REGISTRY_CLIENT_KEY):
            store.reset(option)
        store.save()
    return UnenrolmentResult(removed_entry, tuple(removed), settings_path)
