"""The project's own linters over everything that ships or measures: a module nothing imports in
the suite (a benchmark, say) can otherwise go stale after a refactor and fail only when run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.static

ROOT = Path(__file__).resolve().parents[1]
CHECKED = ["app", "registry", "cardreader", "printing", "ui", "bench", "installer"]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)


def test_mypy_finds_no_type_error() -> None:
    done = _run("mypy", *CHECKED)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_finds_nothing() -> None:
    done = _run("ruff", "check", ".")
    assert done.returncode == 0, done.stdout + done.stderr
