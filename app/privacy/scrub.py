"""Text scrubbing for anything that leaves memory: log lines, diagnostic bundles.

Conservative by design. The terminal's own messages are ASCII English with codes and ids, so
whatever does not look like that is removed rather than recognised: any word with a non-ASCII
character (kanji, kana, full-width forms, 外字 in the private use area, accented Latin of a
foreign resident's name) becomes [text]; any digit sequence that could be an individual number
(12), a 住民票コード (11), a 宛名番号 or 世帯番号 (10), a phone number or a date becomes [num];
era dates in letter form (S60.4.1) become [date]; URL query strings (the search's names and
birth dates) become ?[query]; percent-encoded bytes become [enc].

What it cannot see: a romanised name written in plain ASCII inside a message template. The log
filter therefore also refuses free-text string arguments (app/privacy/log_filter.py).
"""

from __future__ import annotations

import re
from typing import Final

# A query string after a path or host (…/search?name=…): everything up to whitespace or a quote.
_QUERY: Final = re.compile(r"(?<=[\w/])\?[^\s\"'<>]+")
_PERCENT: Final = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
# Whole words holding any non-ASCII character, runs of them joined across whitespace.
_NON_ASCII_WORDS: Final = re.compile(r"\S*[^\x00-\x7f]\S*(?:\s+\S*[^\x00-\x7f]\S*)*")
_ERA_LETTER_DATE: Final = re.compile(
    r"(?<![A-Za-z])[MTSHRmtshr]\s?\d{1,2}\s?[./\-]\s?\d{1,2}\s?[./\-]\s?\d{1,2}(?!\d)"
)
# Digit groups joined by single separators: 1234 5678 9012, 1985-04-01, 072-824-1181, 60/4/1.
# Not the protocol version of an HTTP status line (HTTP/1.1 403): that is the protocol's.
_DIGIT_GROUPS: Final = re.compile(r"(?<!HTTP/)\d+(?:[ ./\-_,]\d+)*")
_PARTIAL_DATE: Final = re.compile(r"\d{1,4}[/\-]\d{1,4}")

MIN_DIGITS: Final = 5  # four digits stay: a status code, a port, a year, a count

TEXT: Final = "[text]"
NUM: Final = "[num]"
DATE: Final = "[date]"
QUERY: Final = "?[query]"
ENC: Final = "[enc]"


def _digits(match: re.Match[str]) -> str:
    token = match.group(0)
    digits = sum(ch.isdigit() for ch in token)
    separators = len(token) - digits
    if digits >= MIN_DIGITS or separators >= 2 or _PARTIAL_DATE.fullmatch(token):
        return NUM
    return token


def scrub_text(text: str) -> str:
    """`text` with everything that may be personal data replaced by a placeholder."""
    text = _QUERY.sub(QUERY, text)
    text = _PERCENT.sub(ENC, text)
    text = _NON_ASCII_WORDS.sub(TEXT, text)
    text = _ERA_LETTER_DATE.sub(DATE, text)
    return _DIGIT_GROUPS.sub(_digits, text)


def looks_personal(text: str) -> bool:
    """True if scrubbing would change `text`: a cheap test for values that must stay clean."""
    return scrub_text(text) != text
