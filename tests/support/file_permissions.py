"""Root's way past file permissions, set aside for a block of a test.

CI runs as root, and root writes into a directory whose mode forbids it: the kernel lets it
through because of three capabilities (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER). With
them cleared from the thread's effective set, root meets a file's mode bits as its owner would,
as an unprivileged account meets them; they stay in the permitted set, so they are restored
when the block ends. Linux only, through capget/capset (capabilities are per thread: the block
must not hand its work to another thread).
"""

from __future__ import annotations

import ctypes
import os
from collections.abc import Iterator
from contextlib import contextmanager

_VERSION_3 = 0x20080522  # _LINUX_CAPABILITY_VERSION_3: two 32-bit words per set
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER = 1, 2, 3
_OVERRIDES = (1 << CAP_DAC_OVERRIDE) | (1 << CAP_DAC_READ_SEARCH) | (1 << CAP_FOWNER)


class _Header(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _Data(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32),
                ("inheritable", ctypes.c_uint32)]


def _call(name: str, data: ctypes.Array[_Data]) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    header = _Header(_VERSION_3, 0)
    if getattr(libc, name)(ctypes.byref(header), data) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"{name}: {os.strerror(errno)}")


@contextmanager
def without_permission_overrides() -> Iterator[None]:
    data = (_Data * 2)()
    _call("capget", data)
    saved = data[0].effective
    data[0].effective = saved & ~_OVERRIDES
    _call("capset", data)
    try:
        yield
    finally:
        data[0].effective = saved
        _call("capset", data)
