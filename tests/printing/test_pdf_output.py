"""The PDF as a file: embedded font, QR code decoded, size, determinism, and no disk writes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from printing import render
from printing.model import CertificateKind, qr_text_for
from printing.specimen import certificate
from tests.printing.conftest import Pdf

pytestmark = pytest.mark.printing

AsPdf = Callable[[bytes], Pdf]
REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("kind", list(CertificateKind))
def test_only_the_embedded_subset_font(as_pdf: AsPdf, kind: CertificateKind) -> None:
    rows = as_pdf(render(certificate(kind, 3))).fonts()
    assert rows, "no font in the PDF"
    for row in rows:
        name, emb, sub = row[0], row[-5], row[-4]
        assert re.fullmatch(r"[A-Z]{6}\+IPAexMincho", name), row
        assert (emb, sub) == ("yes", "yes"), row


def _decode(png: Path) -> list[str]:
    import zxingcpp

    with Image.open(png) as image:
        found = zxingcpp.read_barcodes(image)
    return [r.text for r in found if r.format == zxingcpp.BarcodeFormat.QRCode]


def test_qr_code_on_every_page_decodes_to_serial_and_code(as_pdf: AsPdf) -> None:
    cert = certificate(CertificateKind.HOUSEHOLD, 9, serial="R07-0004711", code="Q8W2K5ZD")
    pdf = as_pdf(render(cert))
    assert pdf.page_count >= 3
    for page in range(1, pdf.page_count + 1):
        decoded = _decode(pdf.png(page, dpi=150))
        assert decoded == [qr_text_for("R07-0004711", "Q8W2K5ZD")], f"page {page}"
        assert "R07-0004711" in decoded[0] and "Q8W2K5ZD" in decoded[0]


def test_qr_code_with_a_url_survives_a_coarse_scan(as_pdf: AsPdf) -> None:
    from dataclasses import replace

    cert = certificate(persons=1)
    url = f"https://juki.example.lg.jp/v1/certificates/{cert.serial}/verify?code={cert.verification.code}"
    cert = replace(cert, verification=replace(cert.verification, qr_text=url))
    assert _decode(as_pdf(render(cert)).png(1, dpi=100)) == [url]


@pytest.mark.parametrize("kind", list(CertificateKind))
def test_under_100_kb_per_page(as_pdf: AsPdf, kind: CertificateKind) -> None:
    for persons in (1, 5, 9):
        pdf = as_pdf(render(certificate(kind, persons)))
        assert len(pdf.data) / pdf.page_count < 100 * 1024, (kind, persons, len(pdf.data))


def test_same_content_same_bytes() -> None:
    cert = certificate(CertificateKind.HOUSEHOLD, 5)
    assert render(cert) == render(cert)
    assert render(cert) != render(certificate(CertificateKind.HOUSEHOLD, 5, serial="R07-0000124"))


def test_pdf_metadata_carries_no_personal_data(as_pdf: AsPdf) -> None:
    pdf = as_pdf(render(certificate(persons=2)))
    info = pdf.run("pdfinfo", str(pdf.path))
    assert "山田" not in info and "R07-0000123" not in info
    assert "Producer" in info


# Runs in a fresh interpreter: an audit hook sees every open() and os-level file operation,
# including reportlab's and Pillow's C-level ones, and cannot be removed once installed.
_GUARD = r"""
import json, os, sys
sys.dont_write_bytecode = True
from printing import render
from printing.model import CertificateKind
from printing.specimen import certificate, seal_png
seal = seal_png()  # the specimen seal is drawn before the guard; it is test data
certs = [certificate(kind, 3, seal=seal) for kind in CertificateKind]
events = []
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
FILE_EVENTS = {"os.mkdir", "os.rename", "os.remove", "os.rmdir", "os.truncate", "os.link",
               "os.symlink", "shutil.copyfile", "shutil.move", "tempfile.mkstemp",
               "tempfile.mkdtemp", "os.chmod"}
def hook(event, args):
    if event == "open":
        path, mode, flags = args
        writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & WRITE_FLAGS)
        if writing:
            events.append([event, str(path), str(mode)])
    elif event in FILE_EVENTS:
        events.append([event, repr(args)[:200]])
sys.addaudithook(hook)
sizes = [len(render(c)) for c in certs]  # the first render also loads the font and outlines
print(json.dumps({"events": events, "sizes": sizes, "cwd": sorted(os.listdir("."))}))
"""


def test_render_writes_nothing_to_disk(tmp_path: Path) -> None:
    work = tmp_path / "cwd"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"}
    out = subprocess.run([sys.executable, "-c", _GUARD], cwd=work, env=env, check=True,
                         capture_output=True, text=True, timeout=120)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["events"] == []
    assert result["cwd"] == []
    assert all(size > 10_000 for size in result["sizes"])
