"""Pure units: content validation, line breaking, pagination, the QR mask choice."""

from __future__ import annotations

import itertools
import sys
from dataclasses import replace
from datetime import date

import pytest

from printing.compose import compose
from printing.errors import InvalidCertificateError, LayoutError
from printing.layout import LaidBlock, lay_out, paginate
from printing.model import CertificateKind, Item, Person, Removal, Sex, qr_text_for
from printing.specimen import certificate, person
from printing.textfit import fit, wrap

pytestmark = pytest.mark.printing


def test_model_imports_nothing_heavy() -> None:
    import subprocess

    code = ("import sys, printing, printing.model; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('reportlab', 'PIL', 'PySide6', 'registry', 'ui', 'fontTools')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"serial": "R07 0001"}, "serial"),
        ({"fee_yen": -1}, "fee_yen"),
        ({"persons": ()}, "persons"),
        ({"persons": [person(0)]}, "persons"),
    ],
)
def test_inconsistent_content_is_rejected(change: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidCertificateError) as raised:
        replace(certificate(persons=1), **change)  # type: ignore[arg-type]
    assert raised.value.field == field


def test_qr_text_must_carry_serial_and_code() -> None:
    cert = certificate(persons=1)
    for text in ("MDG1:OTHER:7K3Q9XPA", "MDG1:R07-0000123:OTHER", "MDG1:R07-0000123:7K3Q9XPA:住"):
        with pytest.raises(InvalidCertificateError) as raised:
            replace(cert, verification=replace(cert.verification, qr_text=text))
        assert raised.value.field == "verification.qr_text"


def test_person_rules() -> None:
    cert = certificate(persons=1)
    p = cert.persons[0]
    bad_number = replace(p, individual_number="123456789012")
    with pytest.raises(InvalidCertificateError, match="individual_number"):
        replace(cert, persons=(bad_number,))
    removed = replace(p, removal=Removal("転出", date(2025, 1, 31)))
    with pytest.raises(InvalidCertificateError, match="除票"):
        replace(cert, persons=(removed,))
    with pytest.raises(InvalidCertificateError, match="消除"):
        replace(cert, kind=CertificateKind.REMOVED)
    with pytest.raises(InvalidCertificateError, match="転出"):
        replace(cert, kind=CertificateKind.MOVE_OUT)
    two_heads = (p, replace(person(1), is_head=True))
    with pytest.raises(InvalidCertificateError, match="世帯主"):
        replace(cert, persons=two_heads)
    with pytest.raises(InvalidCertificateError, match="PNG"):
        replace(cert, issuer=replace(cert.issuer, seal_png=b"GIF89a"))


def test_sex_from_register_codes() -> None:
    assert Sex.from_jis("1") is Sex.MALE and Sex.from_jis("2") is Sex.FEMALE
    with pytest.raises(ValueError):
        Sex.from_jis("9")


def test_qr_text_uses_the_alphanumeric_set() -> None:
    assert qr_text_for("r07-0000123", "7k3q9xpa") == "MDG1:R07-0000123:7K3Q9XPA"


def test_wrap_keeps_kinsoku_and_numbers() -> None:
    size = 10.0
    width = 10 * size  # ten full-width characters
    lines = wrap("あいうえおかきくけこ。さしすせそ", width, size)
    assert lines == ["あいうえおかきくけ", "こ。さしすせそ"]  # 。 never starts a line
    lines = wrap("池田一丁目三番地の十二番館1234号室", width, size)
    assert all(not (a[-1:].isdigit() and b[:1].isdigit()) for a, b in itertools.pairwise(lines))
    assert "".join(lines) == "池田一丁目三番地の十二番館1234号室"


def test_fit_breaks_between_segments_first() -> None:
    assert fit(["大阪府寝屋川市", "メゾン"], 200, 10) == ["大阪府寝屋川市\u3000メゾン"]
    assert fit(["大阪府寝屋川市池田", "メゾン池田"], 100, 10) == ["大阪府寝屋川市池田", "メゾン池田"]


def _block(n: int, height: float) -> LaidBlock:
    return LaidBlock(n, (), height)


def test_pagination_never_splits_and_keeps_the_certification_with_an_entry() -> None:
    from printing.layout import CERTIFICATION_H, END_MARK_H

    closing = CERTIFICATION_H + END_MARK_H
    space = 500.0
    blocks = [_block(i, 150) for i in range(1, 8)]
    pages = paginate(blocks, space, False, None)
    assert [[b.number for b in p.blocks] for p in pages] == [[1, 2, 3], [4, 5, 6], [7]]
    assert [p.closes for p in pages] == [False, False, True]
    # Three entries fill the last page: the third moves on so the certification follows it.
    blocks = [_block(i, (space - closing) / 2 + 1) for i in range(1, 3)]
    pages = paginate(blocks, space, False, None)
    assert [[b.number for b in p.blocks] for p in pages] == [[1], [2]]
    with pytest.raises(LayoutError):
        paginate([_block(1, space + 1)], space, False, None)


def test_real_layout_of_nine_members() -> None:
    layout = lay_out(compose(certificate(CertificateKind.HOUSEHOLD, 9)))
    numbers = [b.number for page in layout.pages for b in page.blocks]
    assert numbers == [1, 2, 3, 4, 5, 6, 7, 8, 9, None]  # None: the remarks
    assert [p.closes for p in layout.pages].count(True) == 1 and layout.pages[-1].closes


def test_entry_taller_than_a_page_is_a_layout_error() -> None:
    cert = certificate(persons=1)
    tall = replace(cert.persons[0],
                   other_items=tuple(Item(f"項目{i}", "値" * 40) for i in range(60)))
    with pytest.raises(LayoutError, match="does not fit"):
        lay_out(compose(replace(cert, persons=(tall,))))


def test_qr_masks_match_reportlab_and_choice_is_the_least_penalty() -> None:
    from reportlab.graphics.barcode import qrencoder

    from printing import qr

    for text in ("MDG1:R07-0000123:7K3Q9XPA", "https://example.lg.jp/verify?c=" + "x" * 90):
        candidates = qr.candidates(text)
        reference = qrencoder.QRCode(None, qr.LEVEL)
        reference.addData(text)
        reference.version = reference.calculate_version()
        for mask in range(8):
            reference.makeImpl(False, mask)
            rows = ["".join("1" if m else "0" for m in row) for row in reference.modules]
            assert rows == candidates[mask]
        scores = [qr.penalty(c) for c in candidates]
        assert qr.modules(text) == candidates[scores.index(min(scores))]


def test_penalty_rules_on_small_patterns() -> None:
    from printing import qr

    dark = ["1" * 5] * 5
    # rule 1: 10 lines of 5 → 3 each; rule 2: 16 blocks → 3 each; rule 4: 100 % dark → 100
    assert qr.penalty(dark) == 10 * 3 + 16 * 3 + 100


def test_persons_without_head_keep_their_order() -> None:
    members = tuple(replace(person(i), is_head=False) for i in (3, 1, 2))
    cert = replace(certificate(persons=1), persons=members)
    names = [b.rows[0].value[0].value for b in compose(cert).blocks]
    assert names == [p.name.text for p in members]


def test_person_without_items_prints_only_the_name() -> None:
    cert = replace(certificate(persons=1), persons=(Person(person(0).name, True),))
    rows = compose(cert).blocks[0].rows
    assert [r.label.value for r in rows] == ["氏名"]
