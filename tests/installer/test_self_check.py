"""`madoguchi --self-check` from the source tree: the real entry point, in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.installer.conftest import REPO, headless_env

pytestmark = [pytest.mark.installer, pytest.mark.terminal]
CHECKS = ("imports", "left out", "qt", "printing", "translations", "font", "certificate",
          "card readers", "settings", "keyring")


def self_check(home: Path, *args: str, env: dict[str, str] | None = None
               ) -> subprocess.CompletedProcess[str]:
    entry = Path(sys.executable).parent / "madoguchi"  # the installed console script
    command = [str(entry)] if entry.exists() else [
        sys.executable, "-c", "import sys; from ui.app import main; sys.exit(main())"]
    return subprocess.run([*command, "--self-check", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=300, env=env or headless_env(home))


def test_the_source_tree_passes(tmp_path: Path) -> None:
    done = self_check(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("madoguchi self-check: source tree")
    for name in CHECKS:
        assert any(line.startswith("ok") and f"  {name}  " in line for line in lines), name
    assert lines[-1].startswith("self-check passed: 10 checks")
    # PC/SC either answers or is reported as absent: neither is a failure.
    readers = next(line for line in lines if "  card readers  " in line)
    assert "reader(s)" in readers or "no PC/SC service" in readers
    # Headless and without a trace: no settings file, no log directory.
    assert not (tmp_path / "config").exists() and not (tmp_path / "log").exists()


def test_a_missing_font_fails_with_its_code(tmp_path: Path) -> None:
    env = {**headless_env(tmp_path), "MADOGUCHI_CERTIFICATE_FONT": str(tmp_path / "none.ttf")}
    done = self_check(tmp_path, env=env)
    assert done.returncode == 1
    assert "FAIL  font" in done.stdout and "[font_missing]" in done.stdout
    assert "self-check FAILED (font, certificate)" in done.stdout


def test_broken_settings_fail_with_their_code(tmp_path: Path) -> None:
    settings = tmp_path / "settings.json"
    settings.write_text(json.dumps({"version": 1, "settings": {"ui.language": "fr"}}))
    done = self_check(tmp_path, "--settings", str(settings))
    assert done.returncode == 1
    assert "[settings_invalid]" in done.stdout and "ui.language" in done.stdout
