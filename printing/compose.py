"""From the content model to the exact texts printed, in print order, each with its source.

This is the single place that turns content into words: the glyph check reads what it
produces and the renderer draws nothing else, so what is checked is what is printed. Every date
is written in the era calendar here. Items that are None produce no row at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Final

from app.domain.wareki import format_wareki
from printing.kinds import WORDING, subtitle
from printing.model import (
    Address,
    Certificate,
    Notified,
    Person,
    Reading,
)

FORM: Final = "form"  # the field of fixed wording (labels, titles), not of the content
END_MARK: Final = "以下余白"
SPECIMEN_MARK: Final = "見本"


@dataclass(frozen=True, slots=True)
class Text:
    field: str  # the content it comes from, e.g. "persons[0].name"; FORM for fixed wording
    value: str


@dataclass(frozen=True, slots=True)
class Row:
    label: Text
    # Segments: printed on one line when they fit, otherwise each starts a new line (so a 方書
    # goes under its address rather than being cut anywhere).
    value: tuple[Text, ...]
    ruby: Text | None = None  # reading printed small above the value (フリガナ)
    emphasis: bool = False  # the person's name: larger type, always a full-width row


@dataclass(frozen=True, slots=True)
class Block:
    """One unbreakable entry: a person (numbered) or the remarks (number None)."""

    number: int | None
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True)
class Footer:
    """The verification band at the foot of every page."""

    serial: Text
    code: Text
    fee: Text
    issuer: Text  # municipality name and code
    note: Text | None

    def texts(self) -> tuple[Text, ...]:
        return (self.serial, self.code, self.fee, self.issuer, *((self.note,) if self.note else ()))


@dataclass(frozen=True, slots=True)
class Composition:
    title: Text
    subtitle: Text | None
    municipality: Text
    header: tuple[Row, ...]  # repeated on every page
    blocks: tuple[Block, ...]  # persons in print order
    remarks: Block | None
    certification: Text
    issued_on: Text
    mayor_title: Text
    mayor_name: Text
    footer: Footer
    page_per_person: bool
    end_mark: Text = Text(FORM, END_MARK)
    specimen_mark: Text | None = None  # beside a specimen seal (Issuer.specimen_seal)

    def texts(self) -> Iterator[Text]:
        """Every text that can appear on a page (page numbers are ASCII digits and '/')."""
        yield self.title
        if self.subtitle is not None:
            yield self.subtitle
        yield self.municipality
        rows = [*self.header, *(row for block in self.all_blocks for row in block.rows)]
        for row in rows:
            yield row.label
            yield from row.value
            if row.ruby is not None:
                yield row.ruby
        yield from (self.end_mark, self.certification, self.issued_on)
        yield from (self.mayor_title, self.mayor_name, *self.footer.texts())
        if self.specimen_mark is not None:
            yield self.specimen_mark

    @property
    def all_blocks(self) -> tuple[Block, ...]:
        return (*self.blocks, self.remarks) if self.remarks else self.blocks


def wareki(d: date) -> str:
    return format_wareki(d)


def _label(text: str) -> Text:
    return Text(FORM, text)


def _row(label: str, field: str, *values: str, ruby: str | None = None) -> Row:
    return Row(
        _label(label),
        tuple(Text(field, v) for v in values),
        Text(f"{field}.kana", ruby) if ruby else None,
    )


def _address_row(label: str, field: str, address: Address) -> Row:
    return _row(label, field, address.main, *((address.building,) if address.building else ()))


def _notified_row(label: str, field: str, entry: Notified) -> Row:
    notified = (f"{wareki(entry.notified_on)}届出",) if entry.notified_on else ()
    return _row(label, field, wareki(entry.on), *notified)


def _reading_row(label: str, field: str, reading: Reading) -> Row:
    return _row(label, field, reading.text, ruby=reading.kana)


def person_rows(p: Person, where: str) -> tuple[Row, ...]:
    """The rows of one person, in the order of a 住民票 entry."""
    rows = [Row(_label("氏名"), (Text(f"{where}.name", p.name.text),),
                Text(f"{where}.name.kana", p.name.kana) if p.name.kana else None, emphasis=True)]
    if p.birth_date is not None:
        rows.append(_row("生年月日", f"{where}.birth_date", wareki(p.birth_date)))
    if p.sex is not None:
        rows.append(_row("性別", f"{where}.sex", p.sex.value))
    if p.relationship is not None:
        rows.append(_row("続柄", f"{where}.relationship", p.relationship))
    if p.former_surname is not None:
        rows.append(_reading_row("旧氏", f"{where}.former_surname", p.former_surname))
    if p.alias is not None:
        rows.append(_reading_row("通称", f"{where}.alias", p.alias))
    if p.became_resident is not None:
        rows.append(_notified_row("住民となった年月日", f"{where}.became_resident", p.became_resident))
    if p.address_settled is not None:
        rows.append(_notified_row("住所を定めた年月日", f"{where}.address_settled", p.address_settled))
    if p.previous_address is not None:
        rows.append(_address_row("前住所", f"{where}.previous_address", p.previous_address))
    if p.domicile is not None:
        rows.append(_row("本籍", f"{where}.domicile.place", p.domicile.place))
        rows.append(_row("筆頭者", f"{where}.domicile.head", p.domicile.head))
    if p.individual_number is not None:
        n = p.individual_number
        rows.append(_row("個人番号", f"{where}.individual_number", f"{n[:4]} {n[4:8]} {n[8:]}"))
    if p.resident_code is not None:
        rows.append(_row("住民票コード", f"{where}.resident_code", p.resident_code))
    rows.extend(_foreign_rows(p, f"{where}.foreign"))
    if p.change is not None:
        c = p.change
        notified = (f"{wareki(c.notified_on)}届出",) if c.notified_on else ()
        rows.append(_row("記載事由", f"{where}.change", f"{wareki(c.on)}\u3000{c.reason}", *notified))
    if p.removal is not None:
        r = p.removal
        notified = (f"{wareki(r.notified_on)}届出",) if r.notified_on else ()
        rows.append(_row("消除", f"{where}.removal", f"{wareki(r.on)}\u3000{r.reason}", *notified))
        if r.destination is not None:
            rows.append(_address_row("転出先", f"{where}.removal.destination", r.destination))
    for i, item in enumerate(p.other_items):
        field = f"{where}.other_items[{i}]"
        rows.append(Row(Text(f"{field}.label", item.label), (Text(field, item.value),)))
    return tuple(rows)


def _foreign_rows(p: Person, where: str) -> Iterator[Row]:
    f = p.foreign
    if f is None:
        return
    for label, name, value in (
        ("国籍・地域", "nationality", f.nationality),
        ("法30条の45区分", "article_30_45", f.article_30_45),
        ("在留資格", "residence_status", f.residence_status),
        ("在留期間", "period_of_stay", f.period_of_stay),
        ("在留期間満了日", "period_expires_on",
         wareki(f.period_expires_on) if f.period_expires_on else None),
        ("在留カード等番号", "card_number", f.card_number),
    ):
        if value is not None:
            yield _row(label, f"{where}.{name}", value)


def header_rows(cert: Certificate) -> tuple[Row, ...]:
    h = cert.household
    rows: list[Row] = []
    if h.address is not None:
        rows.append(_address_row("住所", "household.address", h.address))
    if h.head is not None:
        rows.append(_row("世帯主", "household.head", h.head.text))
    if h.number is not None:
        rows.append(_row("世帯番号", "household.number", h.number))
    m = cert.move_out
    if m is not None:
        rows.append(_address_row("転出先", "move_out.destination", m.destination))
        rows.append(_row("転出予定年月日", "move_out.planned_on", wareki(m.planned_on)))
        if m.notified_on is not None:
            rows.append(_row("届出年月日", "move_out.notified_on", wareki(m.notified_on)))
        if m.new_head is not None:
            rows.append(_row("転出先の世帯主", "move_out.new_head", m.new_head.text))
    return tuple(rows)


def print_order(persons: tuple[Person, ...]) -> list[tuple[int, Person]]:
    """The 世帯主 first, then everyone in the order given; with each one's index in `persons`."""
    indexed = list(enumerate(persons))
    return sorted(indexed, key=lambda ip: not ip[1].is_head)  # sorted() is stable


def footer(cert: Certificate) -> Footer:
    v = cert.verification
    fee = "手数料　無料" if cert.fee_yen == 0 else f"手数料　{cert.fee_yen:,}円"
    return Footer(
        serial=Text("serial", f"証明書番号　{cert.serial}"),
        code=Text("verification.code", f"照合番号　{v.code}"),
        fee=Text("fee_yen", fee),
        issuer=Text("issuer.municipality_code",
                    f"{cert.issuer.municipality_name}（{cert.issuer.municipality_code}）"),
        note=Text("verification.note", v.note) if v.note else None,
    )


def compose(cert: Certificate) -> Composition:
    wording = WORDING[cert.kind]
    sub = subtitle(cert)
    blocks = tuple(
        Block(n, person_rows(p, f"persons[{i}]"))
        for n, (i, p) in enumerate(print_order(cert.persons), start=1)
    )
    remarks = (
        Block(None, tuple(
            Row(_label("備考" if i == 0 else ""), (Text(f"remarks[{i}]", text),))
            for i, text in enumerate(cert.remarks)
        ))
        if cert.remarks else None
    )
    return Composition(
        title=_label(wording.title),
        subtitle=_label(sub) if sub else None,
        municipality=Text("issuer.municipality_name", cert.issuer.municipality_name),
        header=header_rows(cert),
        blocks=blocks,
        remarks=remarks,
        certification=_label(wording.certification),
        issued_on=Text("issued_on", wareki(cert.issued_on)),
        mayor_title=Text("issuer.mayor_title", cert.issuer.mayor_title),
        mayor_name=Text("issuer.mayor_name", cert.issuer.mayor_name),
        footer=footer(cert),
        page_per_person=wording.page_per_person,
        specimen_mark=_label(SPECIMEN_MARK) if cert.issuer.specimen_seal else None,
    )

