"""Proof that nothing personal reached the disk: scan a tree for canary residents' data.

A test gives the canary resident's values (kanji and kana names, number, code, address, birth
date); `canary_forms` widens each into the spellings the terminal could write (widths, scripts,
date formats, era forms), and `find_canaries` searches every file under the given roots in the
encodings a program might use, inside zip and gzip files too, and in file names.
"""

from __future__ import annotations

import gzip
import io
import json
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final
from urllib.parse import quote

from app.domain.kana import to_katakana
from app.domain.wareki import era_yymmdd, to_wareki

_ENCODINGS: Final = ("utf-8", "utf-16-le", "utf-16-be", "cp932", "euc_jp")
_MAX_NESTING: Final = 3


@dataclass(frozen=True, slots=True)
class CanaryHit:
    path: str  # the file, with "!member" for a member of an archive
    canary: str
    encoding: str

    def __str__(self) -> str:
        return f"{self.path}: {self.canary!r} ({self.encoding})"


def _hiragana(text: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)


def _half_width_katakana(text: str) -> str:
    # NFKC folds half-width to full-width; the reverse table is small enough to build here.
    out = []
    for ch in text:
        half = _HALF_WIDTH.get(ch)
        out.append(half if half is not None else ch)
    return "".join(out)


_HALF_WIDTH: Final[dict[str, str]] = {}
for _code in range(0xFF61, 0xFFA0):
    _full = unicodedata.normalize("NFKC", chr(_code))
    if len(_full) == 1:
        _HALF_WIDTH.setdefault(_full, chr(_code))
for _code in range(0xFF61, 0xFFA0):
    for _mark in ("\uff9e", "\uff9f"):
        _full = unicodedata.normalize("NFKC", chr(_code) + _mark)
        if len(_full) == 1:
            _HALF_WIDTH.setdefault(_full, chr(_code) + _mark)


def date_forms(d: date) -> set[str]:
    """Every way a birth date is written: ISO, slashes, compact, kanji, era name and letter."""
    forms = {
        d.isoformat(),
        f"{d.year}/{d.month:02d}/{d.day:02d}",
        f"{d.year}/{d.month}/{d.day}",
        f"{d.year}{d.month:02d}{d.day:02d}",
        f"{d.year}.{d.month:02d}.{d.day:02d}",
        f"{d.year}年{d.month}月{d.day}日",
        f"{d.year}年{d.month:02d}月{d.day:02d}日",
    }
    w = to_wareki(d)
    year = "元" if w.year == 1 else str(w.year)
    forms |= {
        f"{w.era.name}{year}年{w.month}月{w.day}日",
        f"{w.era.name}{w.year}年{w.month}月{w.day}日",
        f"{w.era.letter}{w.year}.{w.month}.{w.day}",
        f"{w.era.letter}{w.year:02d}.{w.month:02d}.{w.day:02d}",
        f"{w.era.letter}{w.year}/{w.month}/{w.day}",
        era_yymmdd(d),
    }
    return forms


def text_forms(value: str) -> set[str]:
    """A canary string in the other scripts and widths it may take on the way to a file."""
    forms = {value, unicodedata.normalize("NFKC", value)}
    if value.isdigit():
        full = value.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        forms.add(full)
        if len(value) == 12:
            forms |= {f"{value[:4]} {value[4:8]} {value[8:]}", f"{value[:4]}-{value[4:8]}-{value[8:]}"}
    else:
        kata = to_katakana(value)
        forms |= {kata, _hiragana(kata), _half_width_katakana(kata)}
        # A family or given name alone gives the person away too; one character alone would
        # match too much unrelated text to be a useful canary.
        parts = {p for f in forms for p in f.replace("\u3000", " ").split(" ") if len(p) >= 2}
        forms |= {f.replace(" ", "").replace("\u3000", "") for f in set(forms)} | parts
    return {f for f in forms if f}


def canary_forms(values: Iterable[str | date]) -> set[str]:
    forms: set[str] = set()
    for value in values:
        forms |= date_forms(value) if isinstance(value, date) else text_forms(value)
    return forms


def _needles(canary: str) -> Iterator[tuple[str, bytes]]:
    for encoding in _ENCODINGS:
        try:
            yield encoding, canary.encode(encoding)
        except UnicodeEncodeError:
            continue
    if not canary.isascii():
        yield "percent", quote(canary).encode("ascii")
        yield "percent-lower", quote(canary).lower().encode("ascii")
        escaped = json.dumps(canary)[1:-1]
        yield "json-escape", escaped.encode("ascii")
        yield "json-escape-upper", escaped.upper().replace("\\U", "\\u").encode("ascii")


def _search(label: str, data: bytes, canaries: set[str], depth: int) -> Iterator[CanaryHit]:
    for canary in canaries:
        for encoding, needle in _needles(canary):
            if needle in data:
                yield CanaryHit(label, canary, encoding)
                break
    if depth >= _MAX_NESTING:
        return
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for info in archive.infolist():
                    member = f"{label}!{info.filename}"
                    yield from _search_name(member, info.filename, canaries)
                    yield from _search(member, archive.read(info), canaries, depth + 1)
        except zipfile.BadZipFile:
            pass
    elif data[:2] == b"\x1f\x8b":
        try:
            yield from _search(f"{label}!gunzip", gzip.decompress(data), canaries, depth + 1)
        except (OSError, EOFError):
            pass


def _search_name(label: str, name: str, canaries: set[str]) -> Iterator[CanaryHit]:
    for canary in canaries:
        if canary in name or quote(canary) in name:
            yield CanaryHit(label, canary, "file name")


def find_canaries(roots: Iterable[Path], canaries: Iterable[str]) -> list[CanaryHit]:
    """Every occurrence of a canary under `roots` (files, names, archive members)."""
    wanted = {c for c in canaries if c}
    hits: list[CanaryHit] = []
    for root in roots:
        if not root.exists():
            continue
        paths = [root] if root.is_file() else sorted(root.rglob("*"))
        for path in paths:
            hits.extend(_search_name(str(path), path.name, wanted))
            if path.is_file() and not path.is_symlink():
                try:
                    data = path.read_bytes()
                except OSError:
                    continue  # a socket, or a file that vanished while scanning
                hits.extend(_search(str(path), data, wanted, 0))
    return hits


def assert_no_canaries(roots: Iterable[Path], canaries: Iterable[str]) -> None:
    hits = find_canaries(roots, canaries)
    if hits:
        listed = "\n".join(f"  {hit}" for hit in hits[:50])
        raise AssertionError(f"personal data found on disk ({len(hits)} hits):\n{listed}")
