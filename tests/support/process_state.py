"""A fixture for tests that run the terminal's `start`: it installs exception hooks and log
handlers for the whole process and makes it undumpable, which must not outlive the test."""

from __future__ import annotations

import logging
import resource
import sys
import threading
from collections.abc import Iterator

import pytest

from app.privacy import crash_dumps


@pytest.fixture
def restore_process_state(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    dumpable, core_limit = crash_dumps.is_dumpable(), resource.getrlimit(resource.RLIMIT_CORE)
    yield
    if dumpable:
        crash_dumps._prctl(crash_dumps.PR_SET_DUMPABLE, 1)
    try:
        resource.setrlimit(resource.RLIMIT_CORE, core_limit)
    except (ValueError, OSError):
        pass  # not root: the hard limit stays 0, and this test process makes no core files
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
