"""The typed settings registry: defaults, validation with clear errors, safe storage."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from app.settings import (
    DIAGNOSTIC_LOG_LINES,
    OPTIONS,
    REDACTED,
    REGISTRY_CA_FILE,
    REGISTRY_PROXY_URL,
    REGISTRY_TIMEOUT_S,
    REGISTRY_URL,
    UI_LANGUAGE,
    SettingsError,
    SettingsStore,
    config_dir,
    default_log_dir,
    settings_file,
)

pytestmark = pytest.mark.terminal


def test_missing_file_means_defaults(tmp_path: Path) -> None:
    store = SettingsStore.load(tmp_path / "settings.json")
    assert store.get(REGISTRY_URL) == "https://127.0.0.1:8443"
    assert store.get(UI_LANGUAGE) == "ja"
    assert store.get(REGISTRY_CA_FILE) is None
    assert store.is_default(REGISTRY_URL)


def test_round_trip_keeps_only_changed_values(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "settings.json"
    store = SettingsStore(path)
    store.set(REGISTRY_URL, "https://registry.city.example:8443/")
    store.set(REGISTRY_CA_FILE, tmp_path / "ca.pem")
    store.set(UI_LANGUAGE, "en")
    store.set(DIAGNOSTIC_LOG_LINES, 50)
    store.save()
    document = json.loads(path.read_text())
    assert document["version"] == 1
    assert set(document["settings"]) == {"registry.url", "registry.ca_file", "ui.language",
                                         "diagnostics.log_lines"}
    again = SettingsStore.load(path)
    assert again.get(REGISTRY_URL) == "https://registry.city.example:8443"
    assert again.get(REGISTRY_CA_FILE) == tmp_path / "ca.pem"
    assert again.get(UI_LANGUAGE) == "en"
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temp file left


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_settings_file_shared_with_a_group_stays_shared(tmp_path: Path) -> None:
    """An administrator made the per-machine file readable by the counter accounts' group: a
    later save keeps that, and never opens it to anyone else."""
    path = tmp_path / "settings.json"
    store = SettingsStore(path)
    store.set(UI_LANGUAGE, "en")
    store.save()
    os.chmod(path, 0o640)
    store.set(UI_LANGUAGE, "ja")
    store.save()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    os.chmod(path, 0o644)  # "others" is never kept
    store.save()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("registry.url", "http://registry:8443", "https"),
        ("registry.url", "https://user:pw@registry", "user name"),
        ("registry.url", "https://registry/v1/residents", "base URL"),
        ("registry.url", "https://registry:99999", "port"),
        ("registry.url", 8443, "text"),
        ("ui.language", "fr", "one of ja, en"),
        ("registry.timeout_s", 0, "between 1 and 120"),
        ("registry.timeout_s", "10", "number"),
        ("diagnostics.log_lines", 10.5, "whole number"),
        ("log.level", "TRACE", "one of"),
        ("printing.printer", "窓口プリンタ\n2", "control characters"),
        ("printing.tray", "472915308264", "personal data"),
    ],
)
def test_invalid_values_name_the_key_and_the_rule(key: str, value: object, message: str) -> None:
    store = SettingsStore(Path("unused.json"))
    with pytest.raises(SettingsError) as caught:
        store.set_raw(key, value)
    assert caught.value.key == key
    assert caught.value.code == "invalid_value"
    assert message in str(caught.value)


def test_a_japanese_printer_name_is_fine() -> None:
    store = SettingsStore(Path("unused.json"))
    store.set_raw("printing.printer", "市民課 窓口プリンタ 2")


@pytest.mark.parametrize(
    ("content", "code", "key"),
    [
        ("{not json", "unreadable_file", "*"),
        ('{"version": 1, "settings": []}', "unreadable_file", "*"),
        ('{"version": 2, "settings": {}}', "unreadable_file", "*"),
        ('{"version": 1, "settings": {"recent.residents": ["x"]}}', "unknown_key", "recent.residents"),
        ('{"version": 1, "settings": {"ui.language": "de"}}', "invalid_value", "ui.language"),
    ],
)
def test_a_broken_file_is_refused_clearly(tmp_path: Path, content: str, code: str, key: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content)
    with pytest.raises(SettingsError) as caught:
        SettingsStore.load(path)
    assert (caught.value.code, caught.value.key) == (code, key)


def test_secrets_are_redacted_for_diagnostics() -> None:
    store = SettingsStore(Path("unused.json"))
    store.set(REGISTRY_PROXY_URL, "http://proxyuser:secret@proxy:3128")
    assert store.as_dict()["registry.proxy_url"] == REDACTED
    assert store.as_dict(redact=False)["registry.proxy_url"].endswith("@proxy:3128")


def test_every_option_has_a_valid_default() -> None:
    for option in OPTIONS.values():
        assert option.check(option.dump(option.default)) == option.default, option.key
        assert option.description


def test_platform_locations_follow_xdg_and_overrides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MADOGUCHI_CONFIG_DIR", raising=False)
    monkeypatch.delenv("MADOGUCHI_LOG_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xc"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xs"))
    if os.name == "posix":
        assert config_dir() == tmp_path / "xc" / "madoguchi"
        assert default_log_dir() == tmp_path / "xs" / "madoguchi" / "log"
    monkeypatch.setenv("MADOGUCHI_CONFIG_DIR", str(tmp_path / "cfg"))
    monkeypatch.setenv("MADOGUCHI_LOG_DIR", str(tmp_path / "logs"))
    assert settings_file() == tmp_path / "cfg" / "settings.json"
    assert default_log_dir() == tmp_path / "logs"


def test_timeout_is_typed() -> None:
    store = SettingsStore(Path("unused.json"))
    store.set_raw("registry.timeout_s", 30)
    assert store.get(REGISTRY_TIMEOUT_S) == 30.0
    assert isinstance(store.get(REGISTRY_TIMEOUT_S), float)
