"""A card read mapped onto a move form: each item into the item of the kind's form that takes
it, the card's address as the 前住所, what the form has no place for shown beside the person,
and what the clerk typed kept. On a 特例転入 the card finds the person's 転出証明書情報 in the
real registry by name and birth date (one fills the item, several are the clerk's to pick).

The card-reading test starts pcscd: run under `flock /tmp/madoguchi-pcscd.lock`."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from app.domain import clock, individual_number
from app.registry_api import RegistryApi, TransferNoticeSummary, kinds_of
from app.registry_client import RegistryError
from app.workflows.card_fill import (
    apply_card,
    apply_notice,
    can_fill,
    card_fill,
    looks_up_notice,
    match_notices,
    notice_lookup,
)
from app.workflows.dates import short_wareki
from app.workflows.errors import problem_of
from app.workflows.move_entry import MoveEntryFlow, MoveStep
from app.workflows.move_form import form_specs
from app.workflows.move_request import build_move_body
from cardreader.models import BasicInfo, Name, Sex
from cardreader.service import CardService
from cardreader.virtual.contents import BuildOptions, Resident, build_contents
from tests.cardreader.conftest import VirtualReader, pcscd, reader, service  # noqa: F401
from tests.conftest import BACKENDS
from tests.support.registry_process import RegistryProcess
from tests.support.seeded import seeded_registry
from tests.support.transfer_notices import receive_transfer_notice
from tests.ui_identity.cards import login
from tests.workflows.fakes import FakeApi, kinds_json

pytestmark = [pytest.mark.terminal]

SPECS = form_specs(kinds_of(kinds_json()))
CARD = BasicInfo(
    individual_number="123456789018",
    name=Name("試験", "花子", "試験\u3000花子"),
    address="東京都千代田区千代田１番１号",
    birth_date=date(1982, 3, 3),
    sex=Sex.FEMALE,
)


def test_only_arrivals_with_an_individual_number_item_take_a_card() -> None:
    assert {code for code, spec in SPECS.items() if can_fill(spec)} == {
        "tokurei_tennyu", "tennyu", "kokugai_tennyu"}


def test_tennyu_gets_the_four_items_the_number_and_the_previous_address() -> None:
    fill = card_fill(SPECS["tennyu"], CARD)
    assert fill.person == {"family_name": "試験", "given_name": "花子",
                           "birth_date": {"text": "S57.3.3", "era": "S"}, "sex": "2",
                           "individual_number": "123456789018"}
    assert fill.notice == {"previous_address": "東京都千代田区千代田１番１号"}
    assert fill.unmapped == ()
    assert "123456789018" not in repr(fill) and "花子" not in repr(fill)


def test_tokurei_tennyu_fills_the_number_and_shows_the_rest_for_comparison() -> None:
    fill = card_fill(SPECS["tokurei_tennyu"], CARD)
    assert fill.person == {"individual_number": "123456789018"}
    assert fill.notice == {}
    assert set(fill.unmapped) == {"family_name", "given_name", "birth_date", "sex", "address"}
    assert dict(fill.shown) == {"氏名": "試験\u3000花子", "生年月日": "昭和57年3月3日",
                                "性別": "女", "住所（カード記載）": "東京都千代田区千代田１番１号"}


def test_a_sex_the_form_does_not_take_is_left_to_the_clerk() -> None:
    odd = BasicInfo(CARD.individual_number, CARD.name, CARD.address, CARD.birth_date,
                    Sex.NOT_APPLICABLE)
    assert "sex" not in card_fill(SPECS["tennyu"], odd).person


def test_applying_keeps_what_was_typed_and_fills_the_right_person() -> None:
    entry: dict[str, Any] = {"kind": "tennyu", "move_date": "R7.2.10",
             "persons": [{"family_name": "別人"}, {"family_name_kana": "シケン", "family_name": "誤記"}]}
    out = apply_card(entry, 1, card_fill(SPECS["tennyu"], CARD))
    assert out["persons"][0] == {"family_name": "別人"}
    assert out["persons"][1]["family_name_kana"] == "シケン"
    assert out["persons"][1]["family_name"] == "試験"  # the card's item replaces a slip
    assert out["previous_address"] == "東京都千代田区千代田１番１号"
    assert out["move_date"] == "R7.2.10"
    assert entry["persons"][1]["family_name"] == "誤記"  # the entry given is not changed


def test_a_filled_tennyu_passes_the_comfort_checks_once_the_clerk_adds_the_rest() -> None:
    spec = SPECS["tennyu"]
    flow = MoveEntryFlow(FakeApi(), today=lambda: date(2025, 2, 13))
    flow.kinds_loaded(kinds_of(kinds_json()))
    flow.start("tennyu")
    entry = apply_card(flow.entry, 0, card_fill(spec, CARD))
    entry["persons"][0].update(family_name_kana="シケン", given_name_kana="ハナコ",
                               relationship="世帯主", resident_code="12345678906")
    entry.update(move_date="R7.2.10", household={"mode": "new"},
                 address={"town_code": "001000", "address_detail": "1-2"})
    body = build_move_body(spec, entry, date(2025, 2, 13))
    person = body["persons"][0]
    assert person["birth_date"] == "1982-03-03" and person["sex"] == "2"
    assert person["individual_number"] == "123456789018"
    assert body["previous_address"] == "東京都千代田区千代田１番１号"


# -- 特例転入: the 転出証明書情報 found by the card's name and birth date -------------------------
#
# Over a registry of this module's own (the lookup reads what the CS delivered, and a commit
# uses it up), on each backend; the first test reads a virtual card over pcscd: run the module
# under `flock /tmp/madoguchi-pcscd.lock`.


@pytest.fixture(scope="module", params=BACKENDS)
def notice_registry(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RegistryProcess]:
    with seeded_registry(request, tmp_path_factory, "card_notices", 60, 17) as (server, _engine):
        yield server


@pytest.fixture
def clerk(notice_registry: RegistryProcess) -> Iterator[RegistryApi]:
    client = login(notice_registry)
    yield RegistryApi(client)
    client.logout()
    client.close()


_GIVEN = (f"{a}{b}" for a, b in itertools.product("梅桃桜菊", "一二三四五六七八九"))
PIN = "5937"


def _holder(rng: random.Random, birth: date = date(1986, 6, 16)) -> Resident:
    return Resident(
        individual_number=individual_number.make(f"{rng.randrange(10**10, 10**11)}"),
        family_name="照合", given_name=next(_GIVEN), address="大阪府堺市堺区南瓦町３番１号",
        birth_date=birth, sex="1", expiry_date=date(2032, 6, 16), pin=PIN,
    )


def _receive(server: RegistryProcess, holder: Resident, rng: random.Random,
             planned: date | None = None) -> str:
    return receive_transfer_notice(server, holder, rng, planned=planned, from_municipality="271403", kana=("ショウゴウ", "タロウ"))


def _card_of(holder: Resident) -> BasicInfo:
    """What the card of `holder` says (the read itself is over pcscd in the first test)."""
    return BasicInfo(holder.individual_number,
                     Name(holder.family_name, holder.given_name,
                          f"{holder.family_name}\u3000{holder.given_name}"),
                     holder.address, holder.birth_date, Sex.MALE)


def _notice_summary(notice_id: str, received: datetime, used: bool = False) -> TransferNoticeSummary:
    return TransferNoticeSummary(notice_id, received, "271403", date(2025, 2, 1), "照合\u3000太郎",
                                 date(1986, 6, 16), used)


def test_only_unused_notices_no_other_person_names_are_offered_oldest_first() -> None:
    at = datetime(2025, 2, 1, 1, 0, tzinfo=UTC)
    later, earlier, used, taken = (_notice_summary(c * 32, at + timedelta(hours=h), u)
                                   for c, h, u in (("b", 2, False), ("a", 1, False),
                                                   ("c", 0, True), ("d", 0, False)))
    match = match_notices([later, used, taken, earlier], taken=["", "D" * 32])
    assert match.candidates == (earlier, later) and match.several and match.only is None
    assert match_notices([later]).only == later
    assert match_notices([used]).candidates == ()
    assert "照合" not in repr(later) and "1986" not in repr(later)
    entry = apply_notice({"persons": [{"relationship": "世帯主"}]}, 0, later.id)
    assert entry["persons"] == [{"relationship": "世帯主", "transfer_notice_id": later.id}]


@pytest.mark.registry
@pytest.mark.card
def test_a_card_read_finds_the_notice_and_the_tokurei_tennyu_commits(
    clerk: RegistryApi, notice_registry: RegistryProcess, reader: VirtualReader,  # noqa: F811
    service: CardService,  # noqa: F811
) -> None:
    rng = random.Random(81)
    holder = _holder(rng)
    notice_id = _receive(notice_registry, holder, rng)
    reader.insert(build_contents(holder, BuildOptions()))
    info = service.read_basic(bytearray(PIN.encode())).result()
    flow = MoveEntryFlow(clerk)
    flow.kinds_loaded(clerk.move_kinds())
    flow.start("tokurei_tennyu")
    spec = flow.spec
    assert looks_up_notice(spec) and not looks_up_notice(SPECS["tennyu"])
    entry = apply_card(flow.entry, 0, card_fill(spec, info))
    match = match_notices(notice_lookup(clerk, info)())
    assert match.only is not None and match.only.id == notice_id
    assert match.only.birth_date == holder.birth_date and match.only.from_municipality == "271403"
    town = clerk.towns()[0]
    entry = apply_notice(entry, 0, match.only.id)
    entry["persons"][0]["relationship"] = "世帯主"
    entry.update(move_date=short_wareki(clock.today()), household={"mode": "new"},
                 address={"postal_code": town.postal_code, "town_code": town.code,
                          "address_detail": "3-1"})
    flow.drafted(flow.submit(entry)())
    assert flow.step is MoveStep.REVIEW, flow.errors
    flow.confirm(True)
    flow.committed(flow.commit()())
    assert flow.step is MoveStep.DONE
    # Used up: a second card read of the same person finds nothing left to use.
    assert match_notices(notice_lookup(clerk, info)()).candidates == ()


@pytest.mark.registry
def test_several_notices_for_the_card_are_for_the_clerk_to_pick(
    clerk: RegistryApi, notice_registry: RegistryProcess,
) -> None:
    rng = random.Random(82)
    holder = _holder(rng)
    first = _receive(notice_registry, holder, rng, planned=clock.today() - timedelta(days=3))
    again = _receive(notice_registry, holder, rng)
    match = match_notices(notice_lookup(clerk, _card_of(holder))())
    assert match.several and [n.id for n in match.candidates] == [first, again]
    # Another person of the same notice already names the first: the second is the only one.
    assert match_notices(notice_lookup(clerk, _card_of(holder))(), taken=[first]).only is not None


@pytest.mark.registry
def test_no_notice_for_the_card_leaves_the_item_to_the_clerk(
    clerk: RegistryApi, notice_registry: RegistryProcess,
) -> None:
    rng = random.Random(83)
    holder = _holder(rng)
    _receive(notice_registry, holder, rng)
    other_day = replace(holder, birth_date=holder.birth_date + timedelta(days=1))
    match = match_notices(notice_lookup(clerk, _card_of(other_day))())
    assert match.candidates == () and match.only is None and not match.several
    entry = apply_card({"kind": "tokurei_tennyu", "persons": [{}]}, 0,
                       card_fill(SPECS["tokurei_tennyu"], _card_of(other_day)))
    assert "transfer_notice_id" not in entry["persons"][0]


@pytest.mark.registry
def test_a_lookup_the_registry_refuses_says_why(notice_registry: RegistryProcess) -> None:
    client = login(notice_registry, "t-help")
    try:
        with pytest.raises(RegistryError) as refused:
            notice_lookup(RegistryApi(client), _card_of(_holder(random.Random(84))))()
    finally:
        client.logout()
        client.close()
    problem = problem_of(refused.value)
    assert refused.value.status == 403 and problem.code == "permission_denied" and problem.message


def test_the_lookup_asks_by_name_and_birth_date_only() -> None:
    with pytest.raises(ValueError):
        RegistryApi(None).transfer_notices(name="照合太郎")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        RegistryApi(None).transfer_notices(  # type: ignore[arg-type]
            resident_code="12345678906", name="照合太郎", birth_date=date(1986, 6, 16))
