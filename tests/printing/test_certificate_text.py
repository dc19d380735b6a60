"""What the certificates say, read back from the PDF with pdftotext."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from app.domain.wareki import format_wareki
from printing import render
from printing.kinds import WORDING
from printing.model import Certificate, CertificateKind, Household, Person
from printing.specimen import certificate, person
from tests.printing.conftest import Pdf, squeeze

pytestmark = pytest.mark.printing

AsPdf = Callable[[bytes], Pdf]


def _household(persons: list[Person], address: object, whole: bool = True) -> Certificate:
    base = certificate(CertificateKind.HOUSEHOLD, 1)
    head = next((p.name for p in persons if p.is_head), None)
    return replace(base, persons=tuple(persons),
                   household=Household(address, head, None, whole))  # type: ignore[arg-type]


def test_synthetic_households_print_every_person_and_item(
    as_pdf: AsPdf, synth_households: list[tuple[object, list[Person]]]
) -> None:
    for address, persons in synth_households[:5]:
        pdf = as_pdf(render(_household(persons, address)))
        text = squeeze(pdf.text())
        assert squeeze(address.text) in text  # type: ignore[attr-defined]
        for p in persons:
            assert squeeze(p.name.text) in text
            assert p.birth_date is not None and format_wareki(p.birth_date) in text
            assert p.individual_number is not None
            n = p.individual_number
            assert f"{n[:4]}{n[4:8]}{n[8:]}" in text
            assert p.resident_code is not None and p.resident_code in text
            if p.domicile:
                assert squeeze(p.domicile.place) in text
            if p.foreign and p.foreign.nationality:
                assert p.foreign.nationality in text
            assert p.change is not None and p.change.reason in text


def test_head_first_then_the_given_order(as_pdf: AsPdf, synth_households: list) -> None:
    address, persons = synth_households[0]
    assert not persons[0].is_head and persons[-1].is_head  # the fixture puts the head last
    pdf = as_pdf(render(_household(persons, address)))
    text = "".join(squeeze(page) for page in pdf.pages(layout=True))
    expected = [persons[-1], *persons[:-1]]
    # Each entry's number is printed on the line of its name.
    starts = [text.index(f"{i}{squeeze(p.name.text)}") for i, p in enumerate(expected, 1)]
    assert starts == sorted(starts)


def test_items_set_to_none_are_absent(as_pdf: AsPdf) -> None:
    full = squeeze(as_pdf(render(certificate(persons=2, full=True))).text())
    limited = squeeze(as_pdf(render(certificate(persons=2, full=False))).text())
    for i in range(2):
        p = person(i, full=True)
        assert p.individual_number and p.resident_code and p.domicile
        number = p.individual_number
        for present in (number[:4] + number[4:8] + number[8:], p.resident_code,
                        squeeze(p.domicile.place)):
            assert present in full
            assert present not in limited
    for label in ("個人番号", "住民票コード", "本籍", "筆頭者"):
        assert label in full and label not in limited


def test_dates_in_the_era_calendar_across_the_heisei_reiwa_boundary(as_pdf: AsPdf) -> None:
    text = squeeze(as_pdf(render(certificate(persons=4))).text())
    assert "平成31年4月30日" in text  # 一郎, born the last day of 平成
    assert "令和元年5月1日" in text  # 令子, born the first day of 令和
    assert "昭和55年2月17日" in text
    assert "令和7年2月13日" in text  # issue date
    assert "2019" not in text and "2025" not in text


def test_nine_person_household_pages(as_pdf: AsPdf) -> None:
    cert = certificate(CertificateKind.HOUSEHOLD, 9)
    pdf = as_pdf(render(cert))
    pages = [squeeze(t) for t in pdf.pages(layout=True)]
    count = len(pages)
    assert count >= 3
    for number, text in enumerate(pages, start=1):
        assert f"{number}/{count}" in text
        assert all(f"{other}/{count}" not in text for other in range(1, count + 1) if other != number)
        assert "証明書番号R07-0000123" in text and "照合番号7K3Q9XPA" in text
        assert squeeze(cert.household.address.text) in text  # type: ignore[union-attr]
    # Each entry is wholly on one page: its number with the name, and its last item.
    for i in range(9):
        p = person(i)
        holders = [t for t in pages if f"{i + 1}{squeeze(p.name.text)}" in t]
        assert len(holders) == 1, p.name
        digits = p.individual_number or ""
        assert digits[:4] + digits[4:8] + digits[8:] in holders[0]
        assert p.change is not None and p.change.reason in holders[0]
    whole = "".join(pages)
    assert whole.count("以下余白") == 1
    last = pages[-1]
    assert "以下余白" in last
    assert last.index("以下余白") > last.index(squeeze(person(8).name.text))
    assert last.index("以下余白") < last.index(squeeze(WORDING[cert.kind].certification))
    assert all("以下余白" not in t and "この写しは" not in t for t in pages[:-1])


@pytest.mark.parametrize("kind", list(CertificateKind))
def test_each_kind_has_its_title_and_sentence(as_pdf: AsPdf, kind: CertificateKind) -> None:
    cert = certificate(kind, 2)
    text = squeeze(as_pdf(render(cert)).text())
    wording = WORDING[kind]
    assert squeeze(wording.title) in text
    per_page = 2 if wording.page_per_person else 1
    assert text.count(squeeze(wording.certification)) == per_page
    assert text.count("以下余白") == per_page
    assert "寝屋川市長" in text and "見本太郎" in text
    assert "手数料300円" in text


def test_kind_specific_items(as_pdf: AsPdf) -> None:
    removed = squeeze(as_pdf(render(certificate(CertificateKind.REMOVED, 1))).text())
    assert "消除" in removed and "令和7年1月31日転出" in removed
    assert "京都府京都市左京区下鴨本町１番地" in removed

    move_out = squeeze(as_pdf(render(certificate(CertificateKind.MOVE_OUT, 2))).text())
    assert "転出先" in move_out and "転出予定年月日令和7年3月1日" in move_out

    entry = squeeze(as_pdf(render(certificate(CertificateKind.ENTRY_CERTIFICATE, 2))).text())
    assert "山田太郎" in entry and "昭和55年2月17日" in entry
    for absent in ("続柄", "本籍", "個人番号", "住民票コード", "前住所", "記載事由"):
        assert absent not in entry

    notice = certificate(CertificateKind.RESIDENT_CODE_NOTICE, 1)
    text = squeeze(as_pdf(render(notice)).text())
    code = notice.persons[0].resident_code
    assert code is not None and code in text
    assert "個人番号" not in text


def test_individual_pages_stand_alone(as_pdf: AsPdf) -> None:
    pdf = as_pdf(render(certificate(CertificateKind.INDIVIDUAL, 3)))
    pages = [squeeze(t) for t in pdf.pages()]
    assert len(pages) == 3
    for number, text in enumerate(pages, start=1):
        assert squeeze(person(number - 1).name.text) in text
        assert f"{number}/3" in text
        assert text.count("以下余白") == 1 and "この写しは、住民票の原本と相違ないことを証明する。" in text


def test_foreign_resident_items(as_pdf: AsPdf) -> None:
    cert = certificate(CertificateKind.INDIVIDUAL, 9)
    text = squeeze(as_pdf(render(replace(cert, persons=cert.persons[8:]))).text())
    for value in ("NGUYENVANAN", "ベトナム", "中長期在留者", "技術・人文知識・国際業務",
                  "令和9年3月31日", "AB12345678CD", "中村安", "在留期間満了日", "通称"):
        assert value in text


def test_wrapped_address_keeps_its_building_line(as_pdf: AsPdf) -> None:
    from printing.model import Address

    long = Address("大阪府寝屋川市池田一丁目三番十二号池田東町内会館裏手の小路を入って右側",
                   "グランドメゾン寝屋川池田東弐番館１２０１号室")
    cert = certificate(persons=1)
    cert = replace(cert, household=replace(cert.household, address=long))
    text = squeeze(as_pdf(render(cert)).text())
    assert squeeze(long.building or "") in text
    assert date(2025, 2, 13) == cert.issued_on
