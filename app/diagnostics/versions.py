"""Versions of what the terminal runs on. Qt's runtime version comes from the UI (no Qt here)."""

from __future__ import annotations

import platform
import sys
from importlib.metadata import PackageNotFoundError, version
from typing import Final

_PACKAGES: Final = ("madoguchi", "PySide6-Essentials", "shiboken6", "httpx", "pyscard", "cryptography")


def _version_of(package: str) -> str | None:
    try:
        return version(package)
    except PackageNotFoundError:
        return None


def collect_versions(extra: dict[str, str] | None = None) -> dict[str, str]:
    """app, Python, OS and the packages that matter to the helpdesk; `extra` adds e.g. Qt."""
    found = {
        "app": _version_of("madoguchi") or "0.0.0+checkout",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "os": f"{platform.system()} {platform.release()} ({platform.machine()})",
        "os_version": platform.version(),
        "executable_64bit": str(sys.maxsize > 2**32).lower(),
    }
    for package in _PACKAGES[1:]:
        found[f"package:{package}"] = _version_of(package) or "not installed"
    found.update(extra or {})
    return found
