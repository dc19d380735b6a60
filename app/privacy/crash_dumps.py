"""No crash dump of the terminal's memory: a core file holds every resident on screen, the
individual numbers revealed, the session token. Python exceptions are logged scrubbed
(ui/app.py); this covers the native crashes (a segfault in Qt, an abort) that bypass them.

POSIX: the core size limit goes to zero, and on Linux the process is marked not dumpable, which
also stops the kernel handing a core to a collector (systemd-coredump, apport) and stops other
processes of the same user from attaching to it or reading its memory through /proc. On
Windows nothing is done yet: whether Windows Error Reporting keeps a local dump is the
machine's policy (its LocalDumps key), and that has not been tried on a real Windows machine.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys

log = logging.getLogger(__name__)

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3


def forbid_crash_dumps() -> None:
    """Raises OSError when the platform refuses: the terminal must not run dumpable."""
    if sys.platform == "win32":
        return
    import resource

    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        if _prctl(PR_SET_DUMPABLE, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE, 0) failed")


def is_dumpable() -> bool:
    """Linux: the process's dumpable flag, whatever the core limit; elsewhere the core limit."""
    if sys.platform == "win32":
        return True
    if sys.platform.startswith("linux"):
        return _prctl(PR_GET_DUMPABLE, 0) != 0
    import resource

    return resource.getrlimit(resource.RLIMIT_CORE)[0] != 0


def _prctl(option: int, value: int) -> int:
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    prctl = libc.prctl
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    prctl.restype = ctypes.c_int
    return int(prctl(option, value, 0, 0, 0))
