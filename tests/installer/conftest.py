"""The terminal's installers (installer/terminal/): non-Qt test process; the terminal itself
runs only in subprocesses (from the source tree and from the built bundle)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent.parent
TERMINAL = REPO / "installer" / "terminal"
BUNDLE_ENV = "MADOGUCHI_TEST_BUNDLE"  # a bundle built already (make bundle): dist/madoguchi


def headless_env(home: Path) -> dict[str, str]:
    """A terminal started here reads and writes nothing of this machine's account."""
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
            "MADOGUCHI_CONFIG_DIR": str(home / "config"), "MADOGUCHI_LOG_DIR": str(home / "log")}


def require_tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:  # installer/dev/system-packages.sh installs it: missing is a setup error
        pytest.fail(f"{name} is missing: apt-get install {package} (make system)")
    return path


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The one-folder bundle: the one MADOGUCHI_TEST_BUNDLE names, or built now (~3 min)."""
    given = os.environ.get(BUNDLE_ENV)
    if given:
        yield Path(given).resolve()
        return
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        # make test installs it (.[dev,bundle]): missing here means a broken setup, not a skip.
        pytest.fail("PyInstaller is not installed: pip install -e '.[dev,bundle]' (make setup)")
    out = tmp_path_factory.mktemp("bundle")
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
         "--distpath", str(out / "dist"), "--workpath", str(out / "build"),
         str(TERMINAL / "madoguchi.spec")],
        cwd=REPO, check=True, timeout=1200,
    )
    yield out / "dist" / "madoguchi"
