"""Where the terminal's secret goes: the OS keyring when one answers (and is not a plaintext
one), the encrypted file keyring otherwise; the file keyring's own guarantees."""

from __future__ import annotations

import json
from pathlib import Path

import keyring
import pytest
from jaraco.classes import properties
from keyring.backend import KeyringBackend

from app.enrolment import EnrolmentError
from app.enrolment.filekeyring import ENV_PASSPHRASE, EncryptedFileKeyring, KeyringUnreadable
from app.enrolment.keystore import choose, open_keystore, system_backend

pytestmark = pytest.mark.terminal


class MemoryKeyring(KeyringBackend):
    """Stands in for an OS keyring service (Secret Service, Credential Manager, Keychain)."""

    @properties.classproperty
    def priority(cls) -> float:
        # Not viable: keyring's own detection in this test process must never pick it.
        raise RuntimeError("test double")

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username))


class PlaintextKeyring(MemoryKeyring):
    """Named like keyrings.alt's backend that writes secrets in clear."""


@pytest.fixture
def os_keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    backend = MemoryKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: backend)
    return backend


def test_the_os_keyring_is_preferred_when_it_answers(empty_home: list[Path], os_keyring: MemoryKeyring,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MADOGUCHI_KEYRING")
    ref, backend = choose()
    assert ref.kind == "system" and backend is os_keyring and "MemoryKeyring" in ref.backend
    assert open_keystore(ref) is os_keyring


def test_a_plaintext_or_missing_keyring_is_never_used(empty_home: list[Path],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MADOGUCHI_KEYRING")
    monkeypatch.setattr(keyring, "get_keyring", lambda: PlaintextKeyring())
    assert system_backend() is None
    ref, _ = choose()
    assert ref.kind == "file"
    with pytest.raises(EnrolmentError) as refused:
        choose("system")
    assert refused.value.code == "no_keyring"


def test_an_os_keyring_that_fails_falls_back_to_the_file(empty_home: list[Path],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise keyring.errors.KeyringError("no D-Bus session")

    monkeypatch.delenv("MADOGUCHI_KEYRING")
    monkeypatch.setattr(keyring, "get_keyring", lambda: Broken())
    assert choose()[0].kind == "file"


def test_our_file_keyring_is_never_detected_by_keyring_itself() -> None:
    assert not EncryptedFileKeyring.viable
    assert EncryptedFileKeyring not in list(KeyringBackend.get_viable_backends())


def test_the_file_keyring_is_encrypted_owner_only_and_bound_to_its_secret(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kr" / "keyring.enc"
    store = EncryptedFileKeyring(path)
    store.set_password("madoguchi", "entry", "s3cret-passphrase-value")
    assert store.get_password("madoguchi", "entry") == "s3cret-passphrase-value"
    text = path.read_text()
    assert "s3cret" not in text and "entry" not in text
    assert path.stat().st_mode & 0o777 == 0o600
    assert json.loads(text)["header"]["secret_source"] == "machine"
    # The same file with another secret: a clear refusal, never an empty new keyring.
    monkeypatch.setenv(ENV_PASSPHRASE, "a passphrase")
    with pytest.raises(KeyringUnreadable):
        store.get_password("madoguchi", "entry")
    monkeypatch.delenv(ENV_PASSPHRASE)
    document = json.loads(text)
    document["header"]["n"] = 2  # an authenticated header: any change is detected
    path.write_text(json.dumps(document))
    with pytest.raises(KeyringUnreadable):
        store.get_password("madoguchi", "entry")


def test_a_passphrase_or_systemd_credential_keys_the_file(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_PASSPHRASE, "installer passphrase")
    store = EncryptedFileKeyring(tmp_path / "a.enc")
    store.set_password("s", "u", "p")
    assert json.loads((tmp_path / "a.enc").read_text())["header"]["secret_source"] == "passphrase"
    credentials = tmp_path / "creds"
    credentials.mkdir()
    (credentials / "madoguchi-keyring").write_bytes(b"from systemd-creds\n")
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(credentials))
    other = EncryptedFileKeyring(tmp_path / "b.enc")
    other.set_password("s", "u", "p")
    assert other.get_password("s", "u") == "p"
    assert json.loads((tmp_path / "b.enc").read_text())["header"]["secret_source"] == "credential"
    other.delete_password("s", "u")
    assert not (tmp_path / "b.enc").exists()  # the last entry gone, the file too
