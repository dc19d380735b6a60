"""The city's seal from the terminal's configuration: checked when loaded (a PNG, of a seal's
size and shape, that decodes), with a Japanese message for each problem; the specimen seal
only when none is configured, and then 見本 printed across it."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from app.certificates import configured_seal, seal_from_path, specimen_seal
from app.settings import SettingsStore
from app.settings.options import SEAL_IMAGE
from printing import render
from printing.compose import compose
from printing.glyphs import check_glyphs
from printing.model import CertificateKind
from printing.seal_image import SealImageError, check, load
from printing.specimen import certificate, seal_png
from tests.printing.conftest import Pdf, squeeze

pytestmark = pytest.mark.printing


def png(width: int, height: int, mode: str = "RGBA") -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new(mode, (width, height), (200, 30, 40, 255) if mode == "RGBA" else 0).save(out, format="PNG")
    return out.getvalue()


@pytest.mark.parametrize(("data", "code"), [
    (b"GIF89a" + bytes(100), "seal_not_png"),
    (png(240, 240)[:60], "seal_unreadable"),  # cut short: the header is there, the pixels not
    (png(32, 32), "seal_too_small"),
    (png(4100, 4100, "L"), "seal_too_big"),
    (png(400, 120), "seal_not_square"),
])
def test_unusable_images_are_refused_with_a_japanese_reason(data: bytes, code: str) -> None:
    with pytest.raises(SealImageError) as raised:
        check(data)
    assert raised.value.code == code
    assert "公印" in raised.value.message


def test_a_city_seal_is_loaded_from_its_file(tmp_path: Path) -> None:
    with pytest.raises(SealImageError) as missing:
        load(tmp_path / "seal.png")
    assert missing.value.code == "seal_missing" and "公印の画像ファイルがありません" in missing.value.message
    city = seal_png("大阪府寝屋川市長印", size=300)  # stands in for the city's scan
    (tmp_path / "seal.png").write_bytes(city)
    assert load(tmp_path / "seal.png") == city
    seal = seal_from_path(tmp_path / "seal.png")
    assert seal.png == city and not seal.specimen


def test_the_setting_chooses_the_seal(tmp_path: Path) -> None:
    settings = SettingsStore(tmp_path / "settings.json")
    assert configured_seal(settings) == specimen_seal() and specimen_seal().specimen
    assert configured_seal(None).specimen
    (tmp_path / "seal.png").write_bytes(png(300, 300))
    settings.set(SEAL_IMAGE, tmp_path / "seal.png")
    settings.save()
    chosen = configured_seal(SettingsStore.load(tmp_path / "settings.json"))  # as read at start
    assert not chosen.specimen and chosen.png == (tmp_path / "seal.png").read_bytes()
    (tmp_path / "seal.png").write_bytes(b"not a picture")
    with pytest.raises(SealImageError, match="seal_not_png"):
        configured_seal(settings)  # a broken city seal is an error, never the specimen


def test_the_specimen_seal_prints_mihon(as_pdf: Callable[[bytes], Pdf]) -> None:
    city = certificate(CertificateKind.INDIVIDUAL, 1)
    specimen = replace(city, issuer=replace(city.issuer, specimen_seal=True))
    assert compose(city).specimen_mark is None
    mark = compose(specimen).specimen_mark
    assert mark is not None and mark.value == "見本"
    assert check_glyphs(specimen) == []
    with_mark = squeeze(as_pdf(render(specimen)).text())
    without = squeeze(as_pdf(render(city)).text())
    # The specimen's remark says 見本 too; the seal's mark is one more, by the mayor's name.
    assert with_mark.count("見本") == without.count("見本") + 1
