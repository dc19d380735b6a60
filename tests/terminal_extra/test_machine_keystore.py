"""The machine keystore (`--keyring machine`): one keyring file for every account of a shared
counter PC, its key sealed to the machine. On Linux with the real machine-id sealer (the id
read from a file of the test's own); the Windows DPAPI sealer's marshalling through ctypes
functions of the same prototypes as crypt32's, since DPAPI itself cannot run here."""

from __future__ import annotations

import contextlib
import ctypes
import io
import json
import os
import shutil
import ssl
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.enrolment import EnrolmentError, LocalEnrolment, enroll, key_passphrase, sealers, unenroll
from app.enrolment.cli import run as cli
from app.enrolment.filekeyring import (
    FORMAT,
    EncryptedFileKeyring,
    KeyringUnreadable,
    NoKeyringSecret,
)
from app.enrolment.keystore import SERVICE, choose, open_keystore
from app.enrolment.machinekeyring import (
    ENV_MACHINE_KEYRING_FILE,
    ENV_MACHINE_KEYRING_GROUP,
    MachineKeyring,
    default_machine_path,
)
from app.enrolment.sealers import (
    CRYPTPROTECT_LOCAL_MACHINE,
    CRYPTPROTECT_UI_FORBIDDEN,
    DATA_BLOB,
    LOCALFREE_ARGTYPES,
    PROTECT_ARGTYPES,
    UNPROTECT_ARGTYPES,
    DpapiFunctions,
    DpapiSealer,
    MachineIdSealer,
)
from app.registry_client import ClientConfig, RegistryClient
from app.settings import SettingsStore
from tests.support.file_permissions import without_permission_overrides
from tests.support.registry_process import PASSWORD, RegistryProcess
from tests.terminal_extra.conftest import ROOTS
from tests.terminal_extra.pki import Ca, make_bundle

pytestmark = pytest.mark.terminal


@dataclass
class Machine:
    keyring: Path  # the machine keyring file (MADOGUCHI_MACHINE_KEYRING_FILE)
    machine_id: Path  # what /etc/machine-id is for the sealer
    settings: Path  # the per-machine settings (%ProgramData%\madoguchi\settings.json)


@pytest.fixture
def machine(empty_home: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Machine:
    machine_id = tmp_path / "etc" / "machine-id"
    machine_id.parent.mkdir()
    machine_id.write_text("0123456789abcdef0123456789abcdef\n")
    monkeypatch.setattr(sealers, "MACHINE_ID_FILES", (machine_id,))
    keyring_file = tmp_path / "var-lib-madoguchi" / "machine-keyring.enc"
    monkeypatch.setenv(ENV_MACHINE_KEYRING_FILE, str(keyring_file))
    monkeypatch.delenv(ENV_MACHINE_KEYRING_GROUP, raising=False)
    return Machine(keyring_file, machine_id, tmp_path / "programdata" / "madoguchi" / "settings.json")


def another_account(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another account's view: its own HOME and XDG directories, another uid, no keyring
    of its own; the machine's files are the same."""
    for name in ROOTS:
        path = root / name.lower()
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        monkeypatch.setenv(name, str(path))
    monkeypatch.setattr(os, "getuid", lambda: 4242)
    monkeypatch.setattr(os, "geteuid", lambda: 4242)


def test_the_machine_keyring_is_the_file_keyrings_format_sealed_to_the_machine(
    machine: Machine
) -> None:
    store = MachineKeyring(machine.keyring)
    store.set_password("madoguchi", "entry", "s3cret-passphrase-value")
    assert MachineKeyring(machine.keyring).get_password("madoguchi", "entry") == "s3cret-passphrase-value"
    text = machine.keyring.read_text()
    assert "s3cret" not in text and "entry" not in text
    header = json.loads(text)["header"]
    assert header["format"] == FORMAT and header["kdf"] == "sealed" and header["sealer"] == "machine-id"
    assert "0123456789abcdef" not in text  # the machine id is the sealer's input, never stored
    info = machine.keyring.stat()
    assert stat.S_IMODE(info.st_mode) == 0o640  # the group reads: the counter's accounts
    assert info.st_gid == machine.keyring.parent.stat().st_gid
    assert stat.S_IMODE(machine.keyring.parent.stat().st_mode) == 0o750
    # The file keyring (per account, scrypt) does not take it for one of its own.
    with pytest.raises(KeyringUnreadable):
        EncryptedFileKeyring(machine.keyring).get_password("madoguchi", "entry")


def test_the_configured_group_is_given_to_the_file(
    machine: Machine, tmp_path: Path, registry_ca: Ca, terminal_ca: Ca, monkeypatch: pytest.MonkeyPatch
) -> None:
    group = os.getgroups()[-1] if os.getgroups() else os.getegid()
    monkeypatch.setenv(ENV_MACHINE_KEYRING_GROUP, str(group))
    MachineKeyring(machine.keyring).set_password("s", "u", "p")
    assert machine.keyring.stat().st_gid == group
    monkeypatch.setenv(ENV_MACHINE_KEYRING_GROUP, "no-such-group-madoguchi")
    with pytest.raises(EnrolmentError) as refused:
        enroll_machine(machine, make_bundle(tmp_path / "b", registry_ca, terminal_ca))
    assert refused.value.code == "keyring_denied"


def enroll_machine(machine: Machine, bundle: Path) -> LocalEnrolment:
    return enroll(bundle, settings_path=machine.settings, keyring_kind="machine").enrolment


def test_another_account_opens_the_same_machine_entry(
    machine: Machine, tmp_path: Path, registry_ca: Ca, terminal_ca: Ca, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = enroll_machine(machine, make_bundle(tmp_path / "b", registry_ca, terminal_ca))
    assert record.keystore.kind == "machine" and record.keystore.path == machine.keyring
    passphrase = record.passphrase()
    assert passphrase is not None

    # The enrolment beside the per-machine settings is the counter accounts' to read.
    assert stat.S_IMODE(record.directory.stat().st_mode) == 0o750
    assert stat.S_IMODE(record.key_path.stat().st_mode) == 0o640

    another_account(tmp_path / "clerk-home", monkeypatch)
    seen = LocalEnrolment.load(record.directory)
    assert seen is not None and key_passphrase(seen.cert_path) == passphrase
    context = ssl.create_default_context()
    context.load_cert_chain(seen.cert_path, seen.key_path, password=passphrase)
    # What the per-account keyring would have given that clerk: nothing.
    per_account = enroll(make_bundle(tmp_path / "b2", registry_ca, terminal_ca, "pc-02"),
                         settings_path=tmp_path / "admin-only" / "settings.json",
                         keyring_kind="file").enrolment
    another_account(tmp_path / "third-home", monkeypatch)
    monkeypatch.setattr(os, "getuid", lambda: 4343)
    with pytest.raises(EnrolmentError) as refused:
        per_account.passphrase()
    assert refused.value.code == "keyring_unreadable"
    assert key_passphrase(seen.cert_path) == passphrase


def test_unenrol_removes_the_entry_and_the_file_when_empty(
    machine: Machine, tmp_path: Path, registry_ca: Ca, terminal_ca: Ca
) -> None:
    first = enroll_machine(machine, make_bundle(tmp_path / "b1", registry_ca, terminal_ca))
    other_settings = tmp_path / "second" / "settings.json"
    second = enroll(make_bundle(tmp_path / "b2", registry_ca, terminal_ca, "pc-02"),
                    settings_path=other_settings, keyring_kind="machine").enrolment
    assert second.keystore.path == first.keystore.path

    assert unenroll(settings_path=machine.settings).removed_entry
    assert machine.keyring.exists()  # the other enrolment's entry stays
    assert open_keystore(first.keystore).get_password(SERVICE, first.entry) is None
    assert second.passphrase() is not None
    out = io.StringIO()
    assert cli(["unenroll", "--settings", str(other_settings)], out=out) == 0
    assert "keyring entry removed=True" in out.getvalue()
    assert not machine.keyring.exists()
    assert not second.directory.exists()


def test_enrolling_again_and_upgrades_keep_the_machine_entry(
    machine: Machine, tmp_path: Path, registry_ca: Ca, terminal_ca: Ca, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = make_bundle(tmp_path / "b", registry_ca, terminal_ca)
    first = enroll(bundle, settings_path=machine.settings, keyring_kind="machine",
                   remove_bundle_key=True)
    keyring_before = machine.keyring.read_bytes()
    again = enroll(bundle, settings_path=machine.settings, keyring_kind="machine")
    assert again.already_enrolled and again.enrolment == first.enrolment
    assert machine.keyring.read_bytes() == keyring_before
    # MADOGUCHI_KEYRING=machine (the installer's other way of asking) is the same request.
    monkeypatch.setenv("MADOGUCHI_KEYRING", "machine")
    assert enroll(bundle, settings_path=machine.settings).enrolment == first.enrolment
    assert machine.keyring.read_bytes() == keyring_before


def test_a_per_account_enrolment_moves_to_the_machine_keyring_without_the_bundle_key(
    machine: Machine, tmp_path: Path, registry_ca: Ca, terminal_ca: Ca
) -> None:
    """An installer of the earlier kind enrolled into the installing account's keyring and
    deleted the bundle's key; the upgrade enrols the same bundle with --keyring machine."""
    bundle = make_bundle(tmp_path / "b", registry_ca, terminal_ca)
    old = enroll(bundle, settings_path=machine.settings, keyring_kind="file",
                 remove_bundle_key=True).enrolment
    assert old.keystore.path is not None and old.keystore.path.exists()
    key_file, passphrase = old.key_path.read_bytes(), old.passphrase()
    moved = enroll(bundle, settings_path=machine.settings, keyring_kind="machine")
    assert moved.already_enrolled
    record = LocalEnrolment.load(old.directory)
    assert record is not None and record.keystore.kind == "machine" and record.entry != old.entry
    assert record.passphrase() == passphrase
    assert record.key_path.read_bytes() == key_file  # the key itself is not re-encrypted
    assert not old.keystore.path.exists()  # its only entry moved out: the file went with it
    assert stat.S_IMODE(record.directory.stat().st_mode) == 0o750
    ssl.create_default_context().load_cert_chain(record.cert_path, record.key_path,
                                                 password=record.passphrase())


def test_another_machine_id_is_keyring_unreadable(
    machine: Machine, tmp_path: Path, registry_ca: Ca, terminal_ca: Ca
) -> None:
    bundle = make_bundle(tmp_path / "b", registry_ca, terminal_ca)
    record = enroll_machine(machine, bundle)
    # The file copied to another machine (a backup restored elsewhere): another machine id.
    machine.machine_id.write_text("fedcba9876543210fedcba9876543210\n")
    with pytest.raises(EnrolmentError) as refused:
        record.passphrase()
    assert refused.value.code == "keyring_unreadable"
    assert key_passphrase(record.cert_path) is None
    code_err = io.StringIO()
    assert cli(["enroll", str(bundle), "--settings", str(machine.settings), "--keyring", "machine"],
               out=io.StringIO(), err=code_err) == 2
    assert "[keyring_unreadable]" in code_err.getvalue()
    assert "鍵の保管庫を開けません" in code_err.getvalue()


def test_no_machine_id_means_no_machine_keyring(machine: Machine) -> None:
    machine.machine_id.unlink()
    with pytest.raises(EnrolmentError) as refused:
        choose("machine")
    assert refused.value.code == "no_keyring"


class XorSealer:
    """A test sealer behind MachineSealer (a stand-in for another platform's)."""

    name = "test-xor"

    def seal(self, data: bytes) -> bytes:
        return bytes(b ^ 0x5A for b in data)

    def unseal(self, blob: bytes) -> bytes:
        return bytes(b ^ 0x5A for b in blob)


def test_a_keyring_sealed_by_another_sealer_is_refused_not_overwritten(machine: Machine) -> None:
    MachineKeyring(machine.keyring, XorSealer()).set_password("s", "u", "p")
    assert MachineKeyring(machine.keyring, XorSealer()).get_password("s", "u") == "p"
    before = machine.keyring.read_bytes()
    with pytest.raises(KeyringUnreadable):
        MachineKeyring(machine.keyring).set_password("s", "v", "q")
    assert machine.keyring.read_bytes() == before
    # The sealed key is in the authenticated header: swapping it is detected.
    document = json.loads(before)
    document["header"]["sealed_key"] = "AAAA"
    machine.keyring.write_text(json.dumps(document))
    with pytest.raises(KeyringUnreadable):
        MachineKeyring(machine.keyring, XorSealer()).get_password("s", "u")


@pytest.mark.skipif(sys.platform != "linux", reason="file modes and capabilities are Linux's here")
def test_an_account_that_may_not_write_gets_keyring_denied(
    machine: Machine, tmp_path: Path, registry_ca: Ca, terminal_ca: Ca
) -> None:
    bundle = make_bundle(tmp_path / "b", registry_ca, terminal_ca)
    machine.keyring.parent.mkdir(mode=0o550)
    # As root (CI), without root's way past the directory's mode (tests.support.file_permissions).
    unprivileged = without_permission_overrides() if os.geteuid() == 0 else contextlib.nullcontext()
    try:
        with unprivileged, pytest.raises(EnrolmentError) as refused:
            enroll_machine(machine, bundle)
        assert refused.value.code == "keyring_denied"
        assert not machine.keyring.exists()
    finally:
        machine.keyring.parent.chmod(0o750)


def test_the_default_places_are_the_machines(monkeypatch: pytest.MonkeyPatch) -> None:
    assert sealers.MACHINE_ID_FILES[0] == Path("/etc/machine-id")
    monkeypatch.delenv(ENV_MACHINE_KEYRING_FILE, raising=False)
    if sys.platform == "win32":
        monkeypatch.setenv("ProgramData", r"D:\ProgramData")
        assert default_machine_path() == Path(r"D:\ProgramData\madoguchi\machine-keyring.enc")
    else:
        assert default_machine_path() == Path("/var/lib/madoguchi/machine-keyring.enc")


@pytest.mark.registry
@pytest.mark.parametrize("registry", ["sqlite"], indirect=True)
def test_madoguchi_enroll_keyring_machine_end_to_end(
    registry: RegistryProcess, machine: Machine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the Windows installer runs as administrator, then a clerk's account logs in."""
    bundle = shutil.copytree(registry.terminal_dir, tmp_path / "bundle")
    out = io.StringIO()
    argv = ["enroll", str(bundle), "--settings", str(machine.settings), "--keyring", "machine",
            "--registry-url", registry.base_url, "--remove-bundle-key"]
    assert cli(argv, out=out) == 0, out.getvalue()
    assert f"machine keyring {machine.keyring}" in out.getvalue()
    assert not (bundle / "terminal-key.pem").exists()
    assert not list((tmp_path / "home-roots").rglob("*.enc"))  # nothing in the admin's profile

    another_account(tmp_path / "clerk-home", monkeypatch)
    client = RegistryClient(ClientConfig.from_settings(SettingsStore.load(machine.settings)))
    try:
        assert client.login("t-clerk", PASSWORD).staff.id == "t-clerk"
    finally:
        client.logout()
        client.close()

    out = io.StringIO()
    assert cli(["unenroll", "--settings", str(machine.settings)], out=out) == 0
    assert "keyring entry removed=True" in out.getvalue() and not machine.keyring.exists()


# -- the Windows sealer: DPAPI's prototypes, driven by ctypes functions of the same type --------

def test_data_blob_and_the_flags_are_windows_own() -> None:
    assert CRYPTPROTECT_UI_FORBIDDEN == 0x1 and CRYPTPROTECT_LOCAL_MACHINE == 0x4
    pointer = ctypes.sizeof(ctypes.c_void_p)
    assert DATA_BLOB.cbData.offset == 0 and DATA_BLOB.cbData.size == 4  # DWORD
    assert DATA_BLOB.pbData.offset == pointer  # aligned like the C struct: 8 on x64, 4 on x86
    assert ctypes.sizeof(DATA_BLOB) == 2 * pointer
    assert len(PROTECT_ARGTYPES) == len(UNPROTECT_ARGTYPES) == 7
    assert PROTECT_ARGTYPES[5] is ctypes.c_uint32 and UNPROTECT_ARGTYPES[5] is ctypes.c_uint32
    assert PROTECT_ARGTYPES[1] is ctypes.c_wchar_p  # LPCWSTR, the W function's description
    assert len(LOCALFREE_ARGTYPES) == 1


def test_dpapi_needs_windows() -> None:
    if sys.platform == "win32":
        pytest.skip("on Windows DPAPI exists")
    with pytest.raises(NoKeyringSecret):
        DpapiSealer()


@dataclass
class FakeCrypt32:
    """crypt32 and LocalFree as C functions of the real prototypes (ctypes callbacks): every
    argument crosses the same C marshalling as to the DLL. The 'protection' is AES-GCM under a
    fixed key, with the entropy as associated data."""

    calls: list[tuple[str, str | None, bytes, int]] = field(default_factory=list)
    allocated: dict[int, ctypes.Array[ctypes.c_char]] = field(default_factory=dict)
    freed: list[int] = field(default_factory=list)
    fail: bool = False

    def _out(self, out: ctypes._Pointer[DATA_BLOB], data: bytes) -> None:
        buffer = ctypes.create_string_buffer(data, len(data))  # LocalAlloc's stand-in
        self.allocated[ctypes.addressof(buffer)] = buffer
        out.contents.cbData = len(data)
        out.contents.pbData = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_char))

    def functions(self) -> DpapiFunctions:
        key = AESGCM(bytes(32))

        def read(blob: ctypes._Pointer[DATA_BLOB]) -> bytes:
            return ctypes.string_at(blob.contents.pbData, blob.contents.cbData)

        def protect(data_in, description, entropy, reserved, prompt, flags, data_out):  # type: ignore[no-untyped-def]
            assert reserved is None and prompt is None
            self.calls.append(("protect", description, read(entropy), flags))
            if self.fail:
                return 0
            self._out(data_out, b"N" * 12 + key.encrypt(b"N" * 12, read(data_in), read(entropy)))
            return 1

        def unprotect(data_in, description, entropy, reserved, prompt, flags, data_out):  # type: ignore[no-untyped-def]
            assert description is None and reserved is None and prompt is None
            self.calls.append(("unprotect", None, read(entropy), flags))
            blob = read(data_in)
            try:
                plain = key.decrypt(blob[:12], blob[12:], read(entropy))
            except Exception:
                return 0
            self._out(data_out, plain)
            return 1

        def local_free(address):  # type: ignore[no-untyped-def]
            self.freed.append(address)
            assert not any(self.allocated.pop(address).raw)  # wiped before it is freed
            return None

        keep: list[Callable[..., object]] = [
            ctypes.CFUNCTYPE(ctypes.c_int, *PROTECT_ARGTYPES)(protect),
            ctypes.CFUNCTYPE(ctypes.c_int, *UNPROTECT_ARGTYPES)(unprotect),
            ctypes.CFUNCTYPE(ctypes.c_void_p, *LOCALFREE_ARGTYPES)(local_free),
        ]
        self.keep = keep  # the callbacks must outlive their use
        return DpapiFunctions(keep[0], keep[1], keep[2], lambda: 13)  # type: ignore[arg-type]


@pytest.fixture
def crypt32() -> Iterator[FakeCrypt32]:
    fake = FakeCrypt32()
    yield fake
    assert not fake.allocated  # every output blob went back through LocalFree


def test_dpapi_seals_with_machine_scope_without_ui_and_frees_what_it_gets(crypt32: FakeCrypt32) -> None:
    sealer = DpapiSealer(crypt32.functions())
    key = os.urandom(32)
    blob = sealer.seal(key)
    assert blob != key and sealer.unseal(blob) == key
    (_, description, entropy, flags), (_, _, entropy2, unflags) = crypt32.calls
    assert flags == CRYPTPROTECT_LOCAL_MACHINE | CRYPTPROTECT_UI_FORBIDDEN
    assert unflags == CRYPTPROTECT_UI_FORBIDDEN
    assert description == "madoguchi machine keyring" and entropy == entropy2 == b"madoguchi machine keyring"
    assert len(crypt32.freed) == 2


def test_dpapi_failures_are_keyring_errors(crypt32: FakeCrypt32) -> None:
    sealer = DpapiSealer(crypt32.functions())
    with pytest.raises(KeyringUnreadable, match="error 13"):
        sealer.unseal(b"N" * 12 + b"not sealed here, or on another machine")
    crypt32.fail = True
    with pytest.raises(NoKeyringSecret, match="error 13"):
        sealer.seal(b"k" * 32)
    assert not crypt32.freed  # nothing was allocated, nothing freed


def test_the_machine_keyring_works_over_the_dpapi_sealer(machine: Machine, crypt32: FakeCrypt32) -> None:
    sealer = DpapiSealer(crypt32.functions())
    MachineKeyring(machine.keyring, sealer).set_password("madoguchi", "e", "p")
    assert json.loads(machine.keyring.read_text())["header"]["sealer"] == "dpapi-machine"
    assert MachineKeyring(machine.keyring, sealer).get_password("madoguchi", "e") == "p"
    with pytest.raises(KeyringUnreadable):  # a Linux machine keyring is not a Windows one
        MachineKeyring(machine.keyring, MachineIdSealer()).get_password("madoguchi", "e")


# -- a real second account: `nobody`, through the system's Python 3.11 ---------------------------

SYSTEM_PYTHON = Path("/usr/bin/python3")
REPO = Path(__file__).resolve().parents[2]
SITE_PACKAGES = Path(sys.prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / "site-packages"
NOBODY = 65534


def _other_account_possible() -> bool:
    if sys.platform == "win32" or os.geteuid() != 0 or not SYSTEM_PYTHON.exists():
        return False
    import pwd
    import subprocess

    try:
        if pwd.getpwnam("nobody").pw_uid != NOBODY:
            return False
    except KeyError:
        return False
    version = subprocess.run([str(SYSTEM_PYTHON), "-c", "import sys; print(sys.version_info[:2])"],
                             capture_output=True, text=True, timeout=30).stdout.strip()
    return version == str(sys.version_info[:2])  # the venv's compiled packages load in it


@pytest.fixture
def shared_root(empty_home: list[Path], monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A machine whose /etc/madoguchi and /var/lib/madoguchi `nobody` may reach (tmp_path's
    parents are root's alone); the real /etc/machine-id; the machine keyring's group nobody's."""
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="madoguchi-machine-", dir="/tmp"))
    try:
        root.chmod(0o755)
        (root / "etc").mkdir(mode=0o750)
        os.chown(root / "etc", -1, NOBODY)
        (root / "clerk").mkdir(mode=0o700)
        os.chown(root / "clerk", NOBODY, NOBODY)
        monkeypatch.setenv(ENV_MACHINE_KEYRING_FILE, str(root / "var-lib" / "machine-keyring.enc"))
        monkeypatch.setenv(ENV_MACHINE_KEYRING_GROUP, str(NOBODY))
        yield root
    finally:
        shutil.rmtree(root)


def as_nobody(shared: Path, code: str) -> tuple[int, str]:
    import subprocess

    env = {"PATH": "/usr/bin:/bin", "HOME": str(shared / "clerk"),
           "XDG_CONFIG_HOME": str(shared / "clerk" / ".config"),
           "PYTHONPATH": f"{REPO}:{SITE_PACKAGES}",
           ENV_MACHINE_KEYRING_FILE: os.environ[ENV_MACHINE_KEYRING_FILE]}
    done = subprocess.run([str(SYSTEM_PYTHON), "-c", code], cwd=shared / "clerk", env=env,
                          user=NOBODY, group=NOBODY, extra_groups=[], capture_output=True,
                          text=True, timeout=120)
    return done.returncode, done.stdout + done.stderr


@pytest.mark.skipif(not _other_account_possible(),
                    reason="needs root, the account nobody and a system Python of the venv's version")
def test_a_real_second_account_opens_the_machine_entry_but_may_not_change_it(
    shared_root: Path, registry_ca: Ca, terminal_ca: Ca
) -> None:
    bundle = make_bundle(shared_root / "bundle", registry_ca, terminal_ca)
    record = enroll(bundle, settings_path=shared_root / "etc" / "settings.json",
                    keyring_kind="machine").enrolment
    passphrase = record.passphrase()
    keyring_file = Path(os.environ[ENV_MACHINE_KEYRING_FILE])
    assert stat.S_IMODE(keyring_file.parent.stat().st_mode) == 0o750
    assert keyring_file.parent.stat().st_gid == keyring_file.stat().st_gid == NOBODY

    code, output = as_nobody(shared_root, (
        "import os; from pathlib import Path\n"
        "from cryptography.hazmat.primitives import serialization\n"
        "from app.enrolment import LocalEnrolment\n"
        "assert os.getuid() != 0 and os.getgroups() == []\n"
        f"record = LocalEnrolment.load(Path({str(record.directory)!r}))\n"
        "secret = record.passphrase()\n"
        "serialization.load_pem_private_key(record.key_path.read_bytes(), secret.encode())\n"
        "print('PASSPHRASE', secret)\n"))
    assert code == 0, output
    assert f"PASSPHRASE {passphrase}" in output

    for path in bundle.iterdir():  # the administrator's bundle, readable for this try
        path.chmod(0o644)
    bundle.chmod(0o755)
    code, output = as_nobody(shared_root, (
        "import sys; from app.enrolment.cli import main\n"
        f"sys.exit(main(['enroll', {str(bundle)!r}, '--keyring', 'machine']))\n"))
    assert code == 2 and "[keyring_denied]" in output, output
    assert record.passphrase() == passphrase  # the machine entry is as it was
