"""The settings file: load with validation, typed access, atomic owner-only save."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, Final, TypeVar

from app.settings.options import OPTIONS, Option, SettingsError
from app.settings.paths import settings_file

T = TypeVar("T")
FORMAT_VERSION: Final = 1
REDACTED: Final = "<redacted>"


class SettingsStore:
    def __init__(self, path: Path, values: dict[str, Any] | None = None) -> None:
        self.path = path
        self._values: dict[str, Any] = dict(values or {})

    @classmethod
    def load(cls, path: Path | None = None) -> SettingsStore:
        """Read and validate the file; a missing file means every default.

        Raises SettingsError naming the first bad key (code `unreadable_file`, `unknown_key`,
        `invalid_value`): a terminal with a broken configuration must say so, not guess.
        """
        path = path or settings_file()
        if not path.exists():
            return cls(path)
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise SettingsError("*", "unreadable_file", f"{path} cannot be read: {exc}") from None
        if not isinstance(document, dict) or not isinstance(document.get("settings"), dict):
            raise SettingsError("*", "unreadable_file", f"{path} has no 'settings' object")
        if document.get("version") != FORMAT_VERSION:
            raise SettingsError("*", "unreadable_file", f"{path} has an unknown format version")
        values: dict[str, Any] = {}
        for key, raw in document["settings"].items():
            option = OPTIONS.get(key)
            if option is None:
                raise SettingsError(key, "unknown_key", "is not a terminal setting")
            values[key] = option.check(raw)
        return cls(path, values)

    def get(self, option: Option[T]) -> T:
        value: T = self._values.get(option.key, option.default)
        return value

    def set(self, option: Option[T], value: T) -> None:
        """Validate and keep `value`; raises SettingsError with the key and a clear message."""
        self._values[option.key] = option.check(option.dump(value))

    def set_raw(self, key: str, value: object) -> None:
        """Set from a JSON value or typed text (a settings editor, the command line)."""
        option = OPTIONS.get(key)
        if option is None:
            raise SettingsError(key, "unknown_key", "is not a terminal setting")
        self._values[key] = option.check(value)

    def reset(self, option: Option[Any]) -> None:
        self._values.pop(option.key, None)

    def is_default(self, option: Option[Any]) -> bool:
        return option.key not in self._values

    def as_dict(self, *, redact: bool = True, include_defaults: bool = True) -> dict[str, Any]:
        """Every setting as JSON values; secrets replaced when `redact` (diagnostics)."""
        out: dict[str, Any] = {}
        for key, option in sorted(OPTIONS.items()):
            if not include_defaults and key not in self._values:
                continue
            value = option.dump(self.get(option))
            if redact and option.secret and value is not None:
                value = REDACTED
            out[key] = value
        return out

    def _mode_for(self, tmp: str) -> int:
        """Owner-only; but a per-machine settings file an administrator shared with the counter
        accounts' group (installer/terminal/README.md) stays readable by that group."""
        mode = 0o600
        try:
            previous = self.path.stat()
        except FileNotFoundError:
            return mode
        if previous.st_mode & 0o040:
            mode |= 0o040
            if previous.st_gid != os.stat(tmp).st_gid:
                try:
                    os.chown(tmp, -1, previous.st_gid)
                except PermissionError:
                    mode = 0o600  # cannot keep the group: owner-only rather than another group
        return mode

    def save(self) -> None:
        """Write only the settings that differ from their defaults, atomically, owner-only (or
        group-readable where the file already was)."""
        document = {"version": FORMAT_VERSION, "settings": self.as_dict(redact=False, include_defaults=False)}
        text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        # The temporary file sits beside the target, never in TMPDIR, so os.replace is atomic.
        fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            if sys.platform != "win32":
                os.chmod(tmp, self._mode_for(tmp))
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
