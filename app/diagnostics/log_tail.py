"""The last lines of the terminal's log, scrubbed once more on the way out."""

from __future__ import annotations

import re
from collections import deque
from pathlib import Path
from typing import Final

from app.privacy.log_setup import log_files
from app.privacy.scrub import scrub_text


def tail_log(log_dir: Path, lines: int = 200) -> list[str]:
    """Up to `lines` last lines, oldest first, across the current file and its rotations.

    The log filter already scrubbed them when they were written; scrubbing again costs little
    and also covers a line written by an older version or another handler.
    """
    wanted: deque[str] = deque(maxlen=lines)
    for path in reversed(log_files(log_dir)[:2]):  # the previous rotation, then the current
        try:
            with path.open(encoding="utf-8", errors="replace") as handle:
                for line in handle:
                    wanted.append(line.rstrip("\n"))
        except OSError:
            continue
    return [scrub_log_line(line) for line in wanted]


# The time each line starts with (app/privacy/log_setup.FORMAT): when something happened is
# what a helpdesk reads first, and a time to the millisecond is nobody's data.
_STAMP: Final = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3} (?=[A-Z]+ )")


def scrub_log_line(line: str) -> str:
    """A log line scrubbed (app.privacy.scrub), its leading time kept."""
    stamp = _STAMP.match(line)
    if stamp is None:
        return scrub_text(line)
    return stamp.group(0) + scrub_text(line[stamp.end():])
