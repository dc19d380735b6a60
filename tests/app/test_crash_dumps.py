"""A native crash of the terminal leaves no core file: what is on screen (names, revealed
individual numbers) would be in it. Each case runs in a child process that aborts."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.terminal

REPO = Path(__file__).resolve().parents[2]
CORE_PATTERN = Path("/proc/sys/kernel/core_pattern")
MARK = "宛名番号1000000019 個人番号123456789018"


def _crash(tmp_path: Path, *, forbid: bool) -> list[Path]:
    """A child that holds MARK in memory and aborts, with the core limit lifted; the files it
    left in its working directory."""
    code = "import os\n"
    if forbid:
        code += "from app.privacy.crash_dumps import forbid_crash_dumps\nforbid_crash_dumps()\n"
    code += f"held = {MARK!r} * 1000\nos.abort()\n"

    def unlimited() -> None:
        resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))

    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, preexec_fn=unlimited,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}, timeout=60)
    assert done.returncode != 0
    return sorted(tmp_path.iterdir())


def _file_pattern() -> None:
    pattern = CORE_PATTERN.read_text().strip()
    if pattern.startswith("|") or "/" in pattern:
        pytest.fail(f"kernel.core_pattern is {pattern!r}: these tests need a plain file name "
                    "(`sysctl kernel.core_pattern=core`), so that a core lands in the test's directory")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux core dumps")
def test_without_the_guard_an_abort_leaves_a_core_holding_what_was_on_screen(tmp_path: Path) -> None:
    """The control: this machine does write cores, so the next test's empty directory means
    something."""
    _file_pattern()
    left = _crash(tmp_path, forbid=False)
    assert left, "no core file: the test below would prove nothing"
    assert MARK.encode() in left[0].read_bytes()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux core dumps")
def test_the_guarded_process_leaves_nothing(tmp_path: Path) -> None:
    _file_pattern()
    assert _crash(tmp_path, forbid=True) == []


def test_the_guard_marks_the_process_undumpable() -> None:
    code = ("from app.privacy import crash_dumps\nassert crash_dumps.is_dumpable()\n"
            "crash_dumps.forbid_crash_dumps()\nassert not crash_dumps.is_dumpable()\n"
            "import resource\nassert resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          cwd=REPO, preexec_fn=lambda: resource.setrlimit(
                              resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY)))
    assert done.returncode == 0, done.stderr
