"""The installer scripts without a built bundle (seconds): the NSIS script compiles with
makensis against a stand-in payload, the .desktop entry validates, and install.sh installs,
upgrades and removes a stand-in bundle."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from tests.installer.conftest import TERMINAL, require_tool

pytestmark = pytest.mark.installer
NSIS_SCRIPT = TERMINAL / "windows" / "madoguchi.nsi"
DESKTOP = TERMINAL / "linux" / "madoguchi.desktop"


def stand_in_payload(root: Path) -> Path:
    payload = root / "payload"
    (payload / "_internal").mkdir(parents=True)
    for exe in ("madoguchi.exe", "madoguchi-console.exe", "madoguchi-card-demo.exe"):
        (payload / exe).write_text(f"stand-in for {exe}\n")
    (payload / "_internal" / "stand-in.txt").write_text("stand-in\n")
    return payload


def makensis(*defines: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    tool = require_tool("makensis", "nsis")
    return subprocess.run([tool, "-V2", "-WX", *defines, str(NSIS_SCRIPT)], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def test_the_windows_installer_compiles(tmp_path: Path) -> None:
    payload = stand_in_payload(tmp_path)
    out = tmp_path / "madoguchi-setup-0.1.0.exe"
    done = makensis(f"-DPAYLOAD={payload}", "-DVERSION=0.1.0", f"-DOUTFILE={out}", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert out.read_bytes()[:2] == b"MZ"  # a Windows executable


def test_the_windows_installer_needs_its_payload(tmp_path: Path) -> None:
    done = makensis(f"-DOUTFILE={tmp_path / 'x.exe'}", cwd=tmp_path)
    assert done.returncode != 0
    assert "define PAYLOAD" in done.stdout + done.stderr


def test_a_path_error_in_the_payload_fails_the_build(tmp_path: Path) -> None:
    done = makensis(f"-DPAYLOAD={tmp_path / 'nowhere'}", f"-DOUTFILE={tmp_path / 'x.exe'}",
                    cwd=tmp_path)
    assert done.returncode != 0


def test_the_desktop_entry_is_valid() -> None:
    tool = require_tool("desktop-file-validate", "desktop-file-utils")
    done = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def unpacked_stand_in(root: Path, marker: str) -> Path:
    """What make-tarball.sh lays out, with a shell script standing in for the program."""
    top = root / f"unpacked-{marker}"
    bundle = top / "madoguchi"
    (bundle / "_internal").mkdir(parents=True)
    for program in ("madoguchi", "madoguchi-card-demo"):
        path = bundle / program
        path.write_text(f"#!/bin/sh\necho {marker} \"$@\"\n")
        path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    (bundle / "_internal" / "version.txt").write_text(marker)
    shutil.copy(DESKTOP, top / "madoguchi.desktop")
    shutil.copy(TERMINAL / "icons" / "madoguchi.svg", top / "madoguchi.svg")
    shutil.copy(TERMINAL / "linux" / "install.sh", top / "install.sh")
    return top


def install(top: Path, root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    dirs = ["--prefix", str(root / "opt/madoguchi"), "--bin-dir", str(root / "bin"),
            "--desktop-dir", str(root / "applications"), "--icon-dir", str(root / "icons")]
    return subprocess.run(["bash", str(top / "install.sh"), *dirs, *extra], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_install_sh_installs_upgrades_and_removes(tmp_path: Path) -> None:
    root = tmp_path / "root"
    first = install(unpacked_stand_in(tmp_path, "v1"), root)
    assert first.returncode == 0, first.stderr
    assert "v1 --self-check" in first.stdout  # the installed copy was checked
    prefix = root / "opt/madoguchi"
    desktop = (root / "applications" / "madoguchi.desktop").read_text()
    assert f"Exec={prefix}/madoguchi\n" in desktop and f"TryExec={prefix}/madoguchi\n" in desktop
    assert (root / "bin" / "madoguchi").resolve() == (prefix / "madoguchi").resolve()
    assert (root / "icons" / "madoguchi.svg").is_file()

    second = install(unpacked_stand_in(tmp_path, "v2"), root)  # an upgrade over it
    assert second.returncode == 0, second.stderr
    assert (prefix / "_internal" / "version.txt").read_text() == "v2"
    assert not list(prefix.parent.glob("madoguchi.*"))  # no staging or old copy left

    removed = install(unpacked_stand_in(tmp_path, "v3"), root, "--uninstall")
    assert removed.returncode == 0, removed.stderr
    assert not prefix.exists() and not (root / "bin" / "madoguchi").exists()
    assert not (root / "applications" / "madoguchi.desktop").exists()


def test_install_sh_refuses_a_directory_that_is_not_ours(tmp_path: Path) -> None:
    root = tmp_path / "root"
    foreign = root / "opt/madoguchi"
    foreign.mkdir(parents=True)
    (foreign / "precious.txt").write_text("someone else's")
    done = install(unpacked_stand_in(tmp_path, "v1"), root)
    assert done.returncode != 0 and "not a madoguchi installation" in done.stderr
    assert (foreign / "precious.txt").exists()
