"""The 個人番号カード交付受領書: read back as any program would (pdftotext, pdffonts), era dates,
no individual number, the glyph check before drawing, and nothing on disk."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from printing.card_receipt import CardReceipt, check_glyphs, compose, render_receipt
from printing.errors import InvalidCertificateError, LayoutError, MissingGlyphError
from printing.model import Address, Name
from tests.printing.conftest import Pdf, squeeze

pytestmark = pytest.mark.printing

AsPdf = Callable[[bytes], Pdf]
REPO = Path(__file__).resolve().parents[2]


def receipt(**changes: object) -> CardReceipt:
    base = CardReceipt(
        receipt_number="C-0000042",
        issued_on=date(2025, 2, 13),
        name=Name("見本", "花子", "ミホン", "ハナコ"),
        address=Address.of("大阪府", "寝屋川市", "池田一丁目", "３番１２号", "メゾン池田２０１号"),
        card_expiry=date(2035, 2, 17),
        staff_name="試験　交付係",
        municipality_name="寝屋川市",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_the_page_reads_back_with_every_item(as_pdf: AsPdf) -> None:
    pdf = as_pdf(render_receipt(receipt()))
    assert pdf.page_count == 1
    text = squeeze(pdf.text())
    for expected in ("個人番号カード交付受領書", "個人番号カード交付通知", "受付番号C-0000042",
                     "令和7年2月13日", "令和17年2月17日", "見本花子", "ミホンハナコ",
                     "大阪府寝屋川市池田一丁目３番１２号", "メゾン池田２０１号", "試験交付係",
                     "寝屋川市", "受領者署名", "上記のとおり、個人番号カードの交付を受けました。"):
        assert expected in text, expected
    # Both halves carry the number and the dates: the notice is cut off and taken home.
    assert text.count("C-0000042") == 2
    assert text.count("令和17年2月17日") == 2
    assert "2035" not in text and "2025" not in text  # era dates only


def test_only_the_embedded_subset_font(as_pdf: AsPdf) -> None:
    rows = as_pdf(render_receipt(receipt())).fonts()
    assert rows
    for row in rows:
        assert re.fullmatch(r"[A-Z]{6}\+IPAexMincho", row[0]), row
        assert (row[-5], row[-4]) == ("yes", "yes"), row


def test_the_first_year_of_an_era_is_gannen(as_pdf: AsPdf) -> None:
    text = squeeze(as_pdf(render_receipt(receipt(issued_on=date(2019, 5, 1)))).text())
    assert "令和元年5月1日" in text


def test_no_individual_number_can_be_printed() -> None:
    with pytest.raises(InvalidCertificateError) as caught:
        compose(receipt(staff_name="123456789018"))
    assert caught.value.field == "staff_name"
    with pytest.raises(InvalidCertificateError):  # full-width digits are the same digits
        compose(receipt(address=Address("大阪府寝屋川市池田１２３４５６７８９０１８")))


@pytest.mark.parametrize("field, value", [("receipt_number", "受付1"), ("receipt_number", ""),
                                          ("staff_name", " "), ("municipality_name", "")])
def test_content_that_cannot_be_a_receipt_is_refused(field: str, value: str) -> None:
    with pytest.raises(InvalidCertificateError) as caught:
        compose(receipt(**{field: value}))
    assert caught.value.field == field


def test_missing_glyphs_are_named_before_drawing() -> None:
    odd = receipt(name=Name("見本", "花\U000f0001子"))  # a private-use 外字 IPAex does not have
    missing = check_glyphs(odd)
    assert [(m.field, m.characters) for m in missing] == [("name", ("\U000f0001",))]
    with pytest.raises(MissingGlyphError):
        render_receipt(odd)
    assert check_glyphs(receipt()) == []


def test_an_address_too_long_for_the_receipt_is_a_layout_error() -> None:
    with pytest.raises(LayoutError):
        render_receipt(receipt(address=Address("池田" * 300)))


def test_same_content_same_bytes_and_no_personal_metadata(as_pdf: AsPdf) -> None:
    first = render_receipt(receipt())
    assert first == render_receipt(receipt())
    assert first != render_receipt(receipt(receipt_number="C-0000043"))
    info = as_pdf(first).run("pdfinfo", str(as_pdf(first).path))
    assert "見本" not in info and "C-0000042" not in info


_GUARD = r"""
import json, os, sys
sys.dont_write_bytecode = True
from datetime import date
from printing.card_receipt import CardReceipt, render_receipt
from printing.model import Address, Name
r = CardReceipt("C-1", date(2025, 2, 13), Name("見本", "花子"), Address("寝屋川市池田一丁目３番"),
                date(2035, 2, 17), "試験", "寝屋川市")
events = []
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
def hook(event, args):
    if event == "open":
        path, mode, flags = args
        if (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
                isinstance(flags, int) and flags & WRITE_FLAGS):
            events.append([event, str(path)])
    elif event in {"os.mkdir", "os.rename", "os.remove", "tempfile.mkstemp", "tempfile.mkdtemp"}:
        events.append([event, repr(args)[:200]])
sys.addaudithook(hook)
size = len(render_receipt(r))
print(json.dumps({"events": events, "size": size, "cwd": sorted(os.listdir("."))}))
"""


def test_render_writes_nothing_to_disk(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"}
    out = subprocess.run([sys.executable, "-c", _GUARD], cwd=tmp_path, env=env, check=True,
                         capture_output=True, text=True, timeout=120)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["events"] == [] and result["cwd"] == []
    assert result["size"] > 5_000
