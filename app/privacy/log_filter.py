"""A logging.Filter that scrubs every record before a handler writes it.

Attach it to handlers, not loggers: a logger's filters do not see records that propagate up
from child loggers (httpx, cardreader, …), a handler's filters see everything it writes.

The record is flattened: the message is formatted with sanitised arguments, scrubbed, and the
arguments dropped, so no later formatter can put the raw values back. String arguments must
look like codes (lowercase ASCII identifiers, paths, URLs without a query); anything else
becomes [str], an exception becomes its `code` or class name, any other object its type name.
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Mapping
from enum import Enum
from http import HTTPStatus
from typing import Final

from app.privacy.scrub import scrub_text

_CODE_LIKE: Final = re.compile(r"[a-z0-9_.:/\-=+#@,]{0,120}")
_CLASS_NAME: Final = re.compile(r"[A-Z][A-Za-z0-9]*(?:Error|Exception|Warning)")
_HTTP_METHODS: Final = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})
_STANDARD_ATTRS: Final = frozenset(
    logging.LogRecord("", 0, "", 0, "", (), None).__dict__.keys() | {"message", "asctime"}
)
# What httpx logs of each request ("HTTP Request: POST <url> "HTTP/1.1 403 Forbidden""): the
# version and the standard reason phrase are the protocol's words, not anybody's data.
_HTTP_VERSION: Final = re.compile(r"HTTP/[0-9](?:\.[0-9])?")
_REASON_PHRASES: Final = frozenset(status.phrase for status in HTTPStatus)
# A draft's or session's id in a route: one token, not digits to mask piecewise.
_HEX_ID: Final = re.compile(r"/[0-9a-f]{16,}(?=/|$)")
REFUSED_STR: Final = "[str]"


def safe_arg(value: object) -> object:
    """A log argument as it may be written: numbers stay numbers, text must look like a code."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, Enum):
        return safe_arg(value.value)
    if isinstance(value, BaseException):
        code = getattr(value, "code", None)
        if isinstance(code, str) and _CODE_LIKE.fullmatch(code):
            return code
        return type(value).__name__
    if isinstance(value, str):
        if (_CODE_LIKE.fullmatch(value) or _CLASS_NAME.fullmatch(value) or value in _HTTP_METHODS
                or _HTTP_VERSION.fullmatch(value) or value in _REASON_PHRASES):
            return value
        return REFUSED_STR
    path = getattr(value, "path", None) if type(value).__name__ == "URL" else None
    if isinstance(path, str):
        # A registry call's route is what a helpdesk needs (/v1/residents/[num]); the host
        # is the terminal's setting, and the query (a search's names) is never part of .path.
        return scrub_text(_HEX_ID.sub("/[id]", path))
    return f"<{type(value).__name__}>"


def traceback_without_messages(error: BaseException | None) -> str:
    """The frames of `error` and of the exceptions it came from, each ending in its class (and
    code): never their messages, which may hold a romanised name the scrubber cannot tell from
    English. The frames show file, line, function and the source line: code, not data."""
    chain: list[BaseException] = []
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        chain.append(error)
        seen.add(id(error))
        error = error.__cause__ or (None if error.__suppress_context__ else error.__context__)
    parts: list[str] = []
    for position, item in enumerate(reversed(chain)):
        if position:
            parts.append("\nThe above exception led to the following one:\n\n")
        parts.append("Traceback (most recent call last):\n")
        parts.extend(traceback.format_tb(item.__traceback__))
        parts.append(f"{type(item).__module__}.{type(item).__qualname__}: {safe_arg(item)}\n")
    return "".join(parts).rstrip("\n")


class PiiScrubFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            self._scrub(record)
        except Exception:
            # logging.Handler.handleError would print the raw arguments to stderr: never fail.
            record.msg, record.args = "[record could not be scrubbed]", ()
            record.exc_info = record.exc_text = record.stack_info = None
        return True

    def _scrub(self, record: logging.LogRecord) -> None:
        args = record.args
        if isinstance(args, Mapping):
            safe: object = {k: safe_arg(v) for k, v in args.items()}
        elif args:
            safe = tuple(safe_arg(a) for a in args)
        else:
            safe = None
        template = record.msg if isinstance(record.msg, str) else f"<{type(record.msg).__name__}>"
        try:
            message = template % safe if safe else template  # type: ignore[operator]
        except (TypeError, ValueError, KeyError):
            message = template
        record.msg = scrub_text(message)
        record.args = ()
        if record.exc_info:
            record.exc_text = scrub_text(traceback_without_messages(record.exc_info[1]))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = scrub_text(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub_text(record.stack_info)
        for key, value in list(record.__dict__.items()):
            if key not in _STANDARD_ATTRS:
                record.__dict__[key] = safe_arg(value)
