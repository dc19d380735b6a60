"""Keeping resident data off the terminal's disk: log scrubbing, masking, canary scans.

The canary scan (for tests) is loaded on first use, so that the terminal's start-up, which
needs the log filter, does not pay for it.
"""

from typing import Any

from app.privacy.log_filter import PiiScrubFilter, safe_arg
from app.privacy.log_setup import LOG_FILE_NAME, configure_terminal_logging, log_files
from app.privacy.masking import format_individual_number, mask_individual_number
from app.privacy.scrub import looks_personal, scrub_text

_CANARIES = frozenset({"CanaryHit", "assert_no_canaries", "canary_forms", "date_forms",
                       "find_canaries", "text_forms"})


def __getattr__(name: str) -> Any:
    if name in _CANARIES:
        from app.privacy import canaries

        return getattr(canaries, name)
    raise AttributeError(f"module 'app.privacy' has no attribute {name!r}")


__all__ = [
    "LOG_FILE_NAME",
    "CanaryHit",
    "PiiScrubFilter",
    "assert_no_canaries",
    "canary_forms",
    "configure_terminal_logging",
    "date_forms",
    "find_canaries",
    "format_individual_number",
    "log_files",
    "looks_personal",
    "mask_individual_number",
    "safe_arg",
    "scrub_text",
    "text_forms",
]
