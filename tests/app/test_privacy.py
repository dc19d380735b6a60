"""Log scrubbing, the terminal's log file, number masking and the canary scan."""

from __future__ import annotations

import io
import logging
import os
import stat
import sys
import zipfile
from datetime import date
from enum import Enum
from pathlib import Path

import pytest

from app.privacy import (
    PiiScrubFilter,
    assert_no_canaries,
    canary_forms,
    configure_terminal_logging,
    date_forms,
    find_canaries,
    format_individual_number,
    log_files,
    mask_individual_number,
    scrub_text,
)

pytestmark = pytest.mark.terminal

# A synthetic canary resident (valid check digits are irrelevant to scrubbing).
NAME_KANJI = "鶴見 茜"
NAME_KANA = "ツルミ アカネ"
NUMBER = "472915308264"
RESIDENT_CODE = "83920174655"
ATENA = "4400172839"
ADDRESS = "大阪府寝屋川市池田旭町9-41"
BIRTH = date(1987, 3, 9)
CANARY_VALUES: list[str | date] = [NAME_KANJI, NAME_KANA, NUMBER, RESIDENT_CODE, ATENA, ADDRESS, BIRTH]


@pytest.mark.parametrize(
    "text",
    [
        NAME_KANJI, NAME_KANA, "つるみ あかね", "ﾂﾙﾐ ｱｶﾈ", ADDRESS, NUMBER, RESIDENT_CODE, ATENA,
        "4729 1530 8264", "4729-1530-8264", "４７２９１５３０８２６４", "1987-03-09", "1987/3/9",
        "19870309", "昭和62年3月9日", "S62.3.9", "s62/03/09", "62/3/9", "072-824-1181",
        "/v1/residents/search?name=%E9%B6%B4&birth_date=1987-03-09", "%E9%B6%B4%E8%A6%8B",
        "Nguyễn Thị Lan",
    ],
)
def test_scrub_removes_personal_data(text: str) -> None:
    scrubbed = scrub_text(f"before {text} after")
    assert scrubbed.startswith("before ") and scrubbed.endswith(" after")
    for form in canary_forms(CANARY_VALUES):
        assert form not in scrubbed
    assert not any(ch.isdigit() for ch in scrubbed.replace("before", "").replace("after", "")
                   if text.isdigit())


@pytest.mark.parametrize(
    "text",
    ["search_too_broad", "status 422 after 3 attempts", "took 12.5 ms", "port 8443",
     "session locked: reason=idle", "GET /v1/health"],
)
def test_scrub_keeps_codes_and_small_numbers(text: str) -> None:
    assert scrub_text(text) == text


def _record(msg: object, *args: object, **extra: object) -> logging.LogRecord:
    record = logging.LogRecord("t", logging.INFO, __file__, 1, msg, args or None, None)
    record.__dict__.update(extra)
    return record


class Kind(Enum):
    IDLE = "idle"


class CodedError(Exception):
    code = "invalid_kana"


def test_filter_refuses_free_text_arguments() -> None:
    record = _record("lookup %s %s %s %d %s %s", "TSURUMI AKANE", "search_too_broad", Kind.IDLE,
                     int(ATENA), CodedError(NAME_KANJI), ValueError(NAME_KANJI))
    assert PiiScrubFilter().filter(record)
    message = record.getMessage()
    assert message == "lookup [str] search_too_broad idle [num] invalid_kana ValueError"
    assert record.args == ()


def test_an_http_request_line_keeps_its_route_status_and_words() -> None:
    """httpx's own line: a helpdesk sees which call failed how; ids in the path and the whole
    query (a search's name and birth date) do not get through."""
    import httpx

    url = httpx.URL(f"https://registry.example:8443/v1/residents/{ATENA}?name=%E9%B6%B4&birth_date=1980-02-17")
    record = _record('HTTP Request: %s %s "%s %d %s"', "POST", url, "HTTP/1.1", 403, "Forbidden")
    PiiScrubFilter().filter(record)
    assert record.getMessage() == 'HTTP Request: POST /v1/residents/[num] "HTTP/1.1 403 Forbidden"'
    search = _record("HTTP Request: %s %s", "GET", httpx.URL("https://r/v1/residents/search?name=TSURUMI"))
    PiiScrubFilter().filter(search)
    assert search.getMessage() == "HTTP Request: GET /v1/residents/search"
    commit = _record("HTTP Request: %s %s", "POST", httpx.URL(f"https://r/v1/moves/{'c0472db7e0a1' * 2}abcdefab/commit"))
    PiiScrubFilter().filter(commit)
    assert commit.getMessage() == "HTTP Request: POST /v1/moves/[id]/commit"


def test_a_traceback_keeps_its_frames_and_loses_every_message() -> None:
    """A romanised name in an exception's message is plain ASCII English to the scrubber: the
    messages go, the frames and classes stay, for the whole chain."""
    names = ["MENDOZA JERICHO", "ALVAREZ MARIA CLARA"]  # in a variable, as data is

    def read_record() -> None:
        try:
            raise KeyError(names[0])
        except KeyError as missing:
            raise CodedError(names[1]) from missing

    try:
        read_record()
    except CodedError:
        exc_info = sys.exc_info()
    record = logging.LogRecord("t", logging.CRITICAL, __file__, 1, "uncaught exception", (), exc_info)
    PiiScrubFilter().filter(record)
    text = logging.Formatter("%(message)s").format(record)
    assert "MENDOZA" not in text and "ALVAREZ" not in text
    assert "builtins.KeyError: KeyError" in text and "CodedError: invalid_kana" in text
    assert "in read_record" in text and text.count("Traceback (most recent call last)") == 2


def test_filter_scrubs_templates_built_with_fstrings() -> None:
    record = _record(f"opened {NAME_KANJI} born {BIRTH.isoformat()} number {NUMBER}")
    PiiScrubFilter().filter(record)
    assert record.getMessage() == "opened [text] born [num] number [num]"


def test_filter_scrubs_objects_mappings_extras_and_tracebacks() -> None:
    try:
        raise ValueError(f"bad record {NAME_KANJI} {NUMBER}")
    except ValueError:
        exc_info = sys.exc_info()
    record = logging.LogRecord("t", logging.ERROR, __file__, 1, "row %(row)s", ({"row": {"name": NAME_KANJI}},),
                               exc_info)
    record.__dict__["resident"] = NAME_KANA
    PiiScrubFilter().filter(record)
    text = logging.Formatter("%(message)s %(resident)s").format(record)
    assert "row <dict> [str]" in text
    assert "builtins.ValueError: ValueError" in text and "ValueError: bad record" not in text
    for form in canary_forms(CANARY_VALUES):
        assert form not in text


def test_filter_never_raises() -> None:
    class Evil:
        def __str__(self) -> str:
            raise RuntimeError("no")

    record = _record("%s %s", "only one arg will not fit", Evil(), 3)
    assert PiiScrubFilter().filter(record)
    assert isinstance(record.getMessage(), str)


def test_terminal_log_is_scrubbed_private_and_rotates(tmp_path: Path) -> None:
    log_dir = tmp_path / "log"
    path = configure_terminal_logging(log_dir, "DEBUG", max_bytes=2000, backups=2)
    try:
        child = logging.getLogger("some.library")  # propagates: the handler's filter sees it
        for i in range(60):
            child.info("row %d %s %s", i, NAME_KANJI, f"{NUMBER}")
            logging.getLogger("madoguchi").warning(f"resident {NAME_KANA} at {ADDRESS}")
        logging.getLogger("x").error("failed", exc_info=ValueError(RESIDENT_CODE))
    finally:
        configure_terminal_logging(log_dir, "WARNING")  # replaces, does not add
        assert sum(1 for h in logging.getLogger().handlers if hasattr(h, "_madoguchi_handler")) == 1
        for handler in list(logging.getLogger().handlers):
            if hasattr(handler, "_madoguchi_handler"):
                logging.getLogger().removeHandler(handler)
                handler.close()
    files = log_files(log_dir)
    assert files[0] == path and len(files) == 3
    assert "row [num] [str] [str]" in path.read_text() or "[str]" in files[1].read_text()
    assert_no_canaries([log_dir], canary_forms(CANARY_VALUES))
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_mask_individual_number() -> None:
    assert mask_individual_number("123456789012") == "****-****-9012"
    assert mask_individual_number("１２３４ ５６７８ ９０１２") == "****-****-9012"
    for bad in ("", None, "12345678901", "12345678901a", "1234567890123"):
        assert mask_individual_number(bad) == "****-****-****"
    assert format_individual_number("123456789012") == "1234 5678 9012"
    with pytest.raises(ValueError):
        format_individual_number("1234")


def test_date_forms_cover_every_notation() -> None:
    forms = date_forms(date(2019, 5, 1))
    assert {"2019-05-01", "2019/5/1", "20190501", "令和元年5月1日", "令和1年5月1日", "R1.5.1", "010501"} <= forms


def test_canary_scan_finds_every_encoding_and_archive(tmp_path: Path) -> None:
    forms = canary_forms(CANARY_VALUES)
    (tmp_path / "clean.txt").write_text("nothing here 1234")
    assert find_canaries([tmp_path], forms) == []
    cases = {
        "utf8.log": NAME_KANJI.encode(),
        "sjis.csv": NAME_KANA.encode("cp932"),
        "utf16.dat": ADDRESS.encode("utf-16-le"),
        "json.json": b'{"n": "\\u9db4\\u898b"}',
        "url.txt": b"GET /search?name=%E9%B6%B4%E8%A6%8B",
        "era.txt": "昭和62年3月9日".encode(),
        "number.txt": b"4729 1530 8264",
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("inner.txt", ATENA)
    (tmp_path / "bundle.zip").write_bytes(buffer.getvalue())
    (tmp_path / f"{RESIDENT_CODE}.tmp").write_text("x")
    hits = find_canaries([tmp_path], forms)
    hit_files = {Path(h.path.split("!")[0]).name for h in hits}
    assert hit_files == set(cases) | {"bundle.zip", f"{RESIDENT_CODE}.tmp"}
    with pytest.raises(AssertionError, match="personal data found"):
        assert_no_canaries([tmp_path], forms)
