"""Characters the font lacks are reported per field before printing, never printed as boxes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from printing import check_glyphs, fonts, render
from printing.errors import FontNotFoundError, MissingGlyph, MissingGlyphError
from printing.model import Address, Name
from printing.specimen import certificate

pytestmark = pytest.mark.printing

TSUCHI_YOSHI = "\U00020bb7"  # 𠮷 (the 吉 with 土), outside JIS X 0208
PRIVATE_USE = "\ue000"  # an 外字 code point of some municipal systems


def test_ipaex_lacks_the_characters_used_here() -> None:
    # The tests below rely on these facts about IPAex明朝 (fonts-ipaexfont).
    assert not fonts.has_glyph(ord(TSUCHI_YOSHI))
    assert not fonts.has_glyph(ord(PRIVATE_USE))
    assert fonts.has_glyph(ord("髙")) and fonts.has_glyph(ord("﨑"))


def test_specimens_are_printable() -> None:
    for persons in (1, 9):
        assert check_glyphs(certificate(persons=persons)) == []


def test_missing_characters_reported_by_field() -> None:
    cert = certificate(persons=2)
    first = replace(cert.persons[0], name=Name(f"{TSUCHI_YOSHI}田", "太郎"))
    cert = replace(
        cert,
        persons=(first, *cert.persons[1:]),
        household=replace(cert.household, address=Address("大阪府寝屋川市池田一丁目３番１２号",
                                                           f"ハイツ{PRIVATE_USE}{TSUCHI_YOSHI}")),
        remarks=("見本\u0007",),
    )
    missing = check_glyphs(cert)
    assert missing == [
        MissingGlyph("household.address", (PRIVATE_USE, TSUCHI_YOSHI)),
        MissingGlyph("persons[0].name", (TSUCHI_YOSHI,)),
        MissingGlyph("remarks[0]", ("\u0007",)),
    ]
    assert missing[0].codepoints == ("U+E000", "U+20BB7")
    with pytest.raises(MissingGlyphError) as raised:
        render(cert)
    assert raised.value.missing == tuple(missing)
    assert "persons[0].name" in str(raised.value) and "U+20BB7" in str(raised.value)


def test_variation_selector_is_reported() -> None:
    # An IVS (葛 + VS17) names a glyph variant IPAex cannot draw; printing the base character
    # silently would be a different character on the certificate.
    cert = certificate(persons=1)
    person = replace(cert.persons[0], name=Name("葛\U000e0100西", "太郎"))
    assert check_glyphs(replace(cert, persons=(person,))) == [
        MissingGlyph("persons[0].name", ("\U000e0100",))
    ]


def test_issuer_fields_are_checked_too() -> None:
    cert = certificate(persons=1)
    cert = replace(cert, issuer=replace(cert.issuer, mayor_name=f"{TSUCHI_YOSHI}野　一"))
    assert check_glyphs(cert) == [MissingGlyph("issuer.mayor_name", (TSUCHI_YOSHI,))]


def test_font_missing_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(fonts.ENV_FONT, str(tmp_path / "nowhere.ttf"))
    with pytest.raises(FontNotFoundError, match="fonts-ipaexfont"):
        fonts.locate()
    monkeypatch.delenv(fonts.ENV_FONT)
    monkeypatch.setattr(fonts, "KNOWN_PATHS", ())
    monkeypatch.setattr(fonts, "_fc_match", lambda: None)
    with pytest.raises(FontNotFoundError, match=r"apt-get install fonts-ipaexfont"):
        fonts.locate()


def test_fc_match_finds_the_installed_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "KNOWN_PATHS", ())
    assert fonts.locate().name == "ipaexm.ttf"
