"""`madoguchi enroll` / `unenroll`: the bundle's checks, the key's secret in a keyring (the
encrypted file keyring here: CI has no keyring service), nothing in clear on disk, the
registry client opening the key in memory, idempotence, refusals in Japanese with a code."""

from __future__ import annotations

import io
import json
import shutil
import ssl
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from app.enrolment import (
    EnrolmentError,
    LocalEnrolment,
    enroll,
    key_passphrase,
    load_bundle,
)
from app.enrolment.cli import run as cli
from app.registry_client import ClientConfig, RegistryClient, TerminalNotEnrolled
from app.settings import REGISTRY_CA_FILE, REGISTRY_CLIENT_CERT, REGISTRY_CLIENT_KEY, SettingsStore
from tests.support.registry_process import PASSWORD, RegistryProcess
from tests.terminal_extra.pki import Ca, make_bundle, make_ca
from ui import app as terminal_app

pytestmark = pytest.mark.terminal


def _written(roots: list[Path]) -> list[Path]:
    return [p for root in roots for p in root.rglob("*") if p.is_file()]


def _settings(roots: list[Path]) -> Path:
    return roots[1] / "madoguchi" / "settings.json"  # XDG_CONFIG_HOME


def _refusal(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    code = cli(argv, out=io.StringIO(), err=err)
    return code, err.getvalue()


@pytest.mark.registry
@pytest.mark.parametrize("registry", ["sqlite"], indirect=True)
def test_the_registrys_own_bundle_enrols_and_the_client_logs_in(
    registry: RegistryProcess, empty_home: list[Path], tmp_path: Path
) -> None:
    bundle = shutil.copytree(registry.terminal_dir, tmp_path / "bundle")
    plaintext = (bundle / "terminal-key.pem").read_bytes()
    out = io.StringIO()
    assert cli(["enroll", str(bundle), "--registry-url", registry.base_url], out=out) == 0
    assert "を登録しました" in out.getvalue() and "encrypted file" in out.getvalue()

    record = LocalEnrolment.load(_settings(empty_home).parent / "enrolment")
    assert record is not None and record.keystore.kind == "file"
    written = _written(empty_home)
    assert sorted(p.name for p in written) == sorted([
        "settings.json", "keyring.enc", "enrolled.json", "terminal.pem", "registry-ca.pem",
        "terminal-key.enc.pem", "terminal-ca.pem"])
    passphrase = key_passphrase(record.cert_path)
    assert passphrase is not None and len(passphrase) >= 40
    body = plaintext.split(b"-----")[2].strip()  # the key's base64, without the PEM lines
    for path in written:
        data = path.read_bytes()
        assert b"BEGIN PRIVATE KEY" not in data and body[:40] not in data, path
        assert passphrase.encode() not in data, path
        assert path.stat().st_mode & 0o077 == 0 or (path.suffix == ".pem" and "key" not in path.name)
    assert (bundle / "terminal-key.pem").exists()  # the administrator's bundle is left as it was

    settings = SettingsStore.load(_settings(empty_home))
    assert settings.get(REGISTRY_CLIENT_KEY) == record.key_path
    client = RegistryClient(ClientConfig.from_settings(settings))
    try:
        session = client.login("t-clerk", PASSWORD)  # mutual TLS with the key decrypted in memory
        assert session.staff.id == "t-clerk"
    finally:
        client.logout()
        client.close()


def test_the_encrypted_key_opens_only_with_the_keyrings_passphrase(
    empty_home: list[Path], tmp_path: Path, registry_ca: Ca, terminal_ca: Ca
) -> None:
    result = enroll(make_bundle(tmp_path / "b", registry_ca, terminal_ca))
    record = result.enrolment
    context = ssl.create_default_context()
    with pytest.raises(ssl.SSLError):
        context.load_cert_chain(record.cert_path, record.key_path, password="wrong")
    context.load_cert_chain(record.cert_path, record.key_path, password=record.passphrase())
    assert result.warnings  # no terminal CA in the bundle: said, not hidden
    assert not record.chain_verified


def test_enrolling_again_is_idempotent(empty_home: list[Path], tmp_path: Path,
                                       registry_ca: Ca, terminal_ca: Ca) -> None:
    bundle = make_bundle(tmp_path / "b", registry_ca, terminal_ca)
    first = enroll(bundle, registry_url="https://registry.example:8443")
    before = {p: p.read_bytes() for p in _written(empty_home) if p.name != "settings.json"}
    again = enroll(bundle, remove_bundle_key=True)
    assert again.already_enrolled and not first.already_enrolled
    assert {p: p.read_bytes() for p in _written(empty_home) if p.name != "settings.json"} == before
    assert not (bundle / "terminal-key.pem").exists()
    # Once the bundle's key is gone, the same bundle is still recognised as this enrolment.
    assert enroll(bundle).already_enrolled
    assert cli(["enroll", str(bundle)], out=io.StringIO()) == 0


def test_another_registrys_bundle_is_refused_in_japanese_with_a_code(
    empty_home: list[Path], tmp_path: Path, registry_ca: Ca, terminal_ca: Ca
) -> None:
    enroll(make_bundle(tmp_path / "ours", registry_ca, terminal_ca))
    settings_before = _settings(empty_home).read_text()
    other = make_bundle(tmp_path / "theirs", make_ca("another registry CA"), make_ca("another terminal CA"))
    code, err = _refusal(["enroll", str(other)])
    assert code == 2
    assert "別の住基システムに登録されています" in err and "[other_registry]" in err
    assert _settings(empty_home).read_text() == settings_before
    # After unenrolling, the other registry is accepted.
    assert cli(["unenroll"], out=io.StringIO()) == 0
    assert enroll(other).enrolment.terminal == "pc-01"


def test_a_configured_ca_counts_as_a_registry_even_without_an_enrolment(
    empty_home: list[Path], tmp_path: Path, registry_ca: Ca, terminal_ca: Ca
) -> None:
    ca_file = tmp_path / "configured-ca.pem"
    ca_file.write_bytes(make_ca("configured by hand").pem)
    store = SettingsStore(_settings(empty_home))
    store.set(REGISTRY_CA_FILE, ca_file)
    store.save()
    with pytest.raises(EnrolmentError) as refused:
        enroll(make_bundle(tmp_path / "b", registry_ca, terminal_ca))
    assert refused.value.code == "other_registry"


def _tamper_ca(bundle: Path) -> None:
    (bundle / "registry-ca.pem").write_bytes(make_ca("swapped").pem)


def _tamper_serial(bundle: Path) -> None:
    info = json.loads((bundle / "enrolment.json").read_text())
    (bundle / "enrolment.json").write_text(json.dumps({**info, "serial": "abc"}))


@pytest.mark.parametrize(("tamper", "code"), [
    (_tamper_ca, "ca_mismatch"),
    (_tamper_serial, "bundle_inconsistent"),
    (lambda b: (b / "terminal.pem").unlink(), "bundle_incomplete"),
    (lambda b: (b / "terminal-key.pem").write_text("not a key"), "bundle_unreadable"),
])
def test_a_damaged_bundle_is_refused(empty_home: list[Path], tmp_path: Path, registry_ca: Ca,
                                     terminal_ca: Ca, tamper: object, code: str) -> None:
    bundle = make_bundle(tmp_path / "b", registry_ca, terminal_ca)
    tamper(bundle)  # type: ignore[operator]
    with pytest.raises(EnrolmentError) as refused:
        enroll(bundle)
    assert refused.value.code == code and refused.value.japanese
    assert not _settings(empty_home).exists()


def test_key_of_another_certificate_is_refused(tmp_path: Path, registry_ca: Ca, terminal_ca: Ca) -> None:
    bundle = make_bundle(tmp_path / "b", registry_ca, terminal_ca, key=ec.generate_private_key(ec.SECP256R1()))
    with pytest.raises(EnrolmentError) as refused:
        load_bundle(bundle)
    assert refused.value.code == "key_mismatch"


def test_expired_and_future_certificates_are_refused(empty_home: list[Path], tmp_path: Path,
                                                     registry_ca: Ca, terminal_ca: Ca) -> None:
    now = datetime.now(UTC)
    expired = make_bundle(tmp_path / "old", registry_ca, terminal_ca,
                          valid_from=now - timedelta(days=800), valid_until=now - timedelta(days=1))
    code, err = _refusal(["enroll", str(expired)])
    assert code == 2 and "有効期限が切れています" in err and "[certificate_expired]" in err
    future = make_bundle(tmp_path / "new", registry_ca, terminal_ca, valid_from=now + timedelta(days=2))
    with pytest.raises(EnrolmentError) as refused:
        enroll(future)
    assert refused.value.code == "certificate_not_yet_valid"
    # The check uses the time given: the same valid bundle is refused two years on.
    fine = make_bundle(tmp_path / "fine", registry_ca, terminal_ca)
    with pytest.raises(EnrolmentError):
        load_bundle(fine, now=now + timedelta(days=731))


def test_the_enclosed_terminal_ca_is_checked(tmp_path: Path, registry_ca: Ca, terminal_ca: Ca) -> None:
    good = make_bundle(tmp_path / "good", registry_ca, terminal_ca, enclose_terminal_ca=True)
    assert load_bundle(good).chain_verified
    forged = make_bundle(tmp_path / "forged", registry_ca, make_ca("madoguchi terminal CA"))
    (forged / "terminal-ca.pem").write_bytes(terminal_ca.pem)  # same name, other key
    with pytest.raises(EnrolmentError) as refused:
        load_bundle(forged)
    assert refused.value.code == "chain_invalid"


def test_a_renewed_certificate_replaces_the_old_entry(empty_home: list[Path], tmp_path: Path,
                                                      registry_ca: Ca, terminal_ca: Ca) -> None:
    old = enroll(make_bundle(tmp_path / "old", registry_ca, terminal_ca)).enrolment
    new = enroll(make_bundle(tmp_path / "new", registry_ca, terminal_ca)).enrolment
    assert new.entry != old.entry and new.passphrase() is not None
    from app.enrolment.keystore import SERVICE, open_keystore

    assert open_keystore(old.keystore).get_password(SERVICE, old.entry) is None


def test_unenroll_removes_the_key_and_the_client_then_cannot_connect(
    empty_home: list[Path], tmp_path: Path, registry_ca: Ca, terminal_ca: Ca
) -> None:
    record = enroll(make_bundle(tmp_path / "b", registry_ca, terminal_ca),
                    registry_url="https://127.0.0.1:9").enrolment
    config = ClientConfig.from_settings(SettingsStore.load(_settings(empty_home)))
    out = io.StringIO()
    assert terminal_app.main(["madoguchi", "unenroll"]) == 0  # through the console script's main
    assert cli(["unenroll"], out=out) == 0 and "nothing enrolled" in out.getvalue()
    assert key_passphrase(record.cert_path) is None
    assert not record.directory.exists()
    settings = SettingsStore.load(_settings(empty_home))
    assert settings.get(REGISTRY_CLIENT_CERT) is None and settings.get(REGISTRY_CLIENT_KEY) is None
    with pytest.raises(TerminalNotEnrolled):
        RegistryClient(config).health()


def test_the_console_script_enrols_like_make_run_would(
    empty_home: list[Path], tmp_path: Path, registry_ca: Ca, terminal_ca: Ca
) -> None:
    bundle = make_bundle(tmp_path / "b", registry_ca, terminal_ca)
    settings = tmp_path / "demo" / "terminal-settings.json"
    argv = ["madoguchi", "enroll", str(bundle), "--settings", str(settings),
            "--registry-url", "https://127.0.0.1:8443"]
    assert terminal_app.main(argv) == 0
    assert terminal_app.main(argv) == 0  # `make run` runs it every time
    assert (tmp_path / "demo" / "enrolment" / "terminal-key.enc.pem").is_file()


def test_without_its_keyring_the_key_stays_shut_and_nothing_prompts(
    empty_home: list[Path], tmp_path: Path, registry_ca: Ca, terminal_ca: Ca
) -> None:
    record = enroll(make_bundle(tmp_path / "b", registry_ca, terminal_ca),
                    registry_url="https://127.0.0.1:9").enrolment
    assert record.keystore.path is not None
    record.keystore.path.unlink()  # the keyring is gone (another account, a wiped profile)
    client = RegistryClient(ClientConfig.from_settings(SettingsStore.load(_settings(empty_home))))
    with pytest.raises(TerminalNotEnrolled) as refused:
        client.health()  # OpenSSL would prompt on the console for a passphrase: it must not
    assert refused.value.message == "端末証明書の鍵を開けません。"
