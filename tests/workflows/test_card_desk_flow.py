"""The card desk's flow without widgets: the real registry over HTTPS (SQLite and PostgreSQL)
and a virtual card through the real pcscd + vpcd stack (run under
`flock /tmp/madoguchi-pcscd.lock`). Card jobs are called with the CardService itself, registry
jobs on this thread, as the UI's bridge and runner would on theirs."""

# ruff: noqa: F811  (pytest: the card stack's fixtures are imported, then requested by name)

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from app.domain import clock
from app.domain.card_lifecycle import CardEvent, CardState
from app.registry_client import RegistryClient, RegistryError, RegistryUnreachable
from app.workflows.card_desk import (
    CardDeskApi,
    CardDeskFlow,
    DeskStep,
    EventRefused,
    municipality_of,
)
from app.workflows.errors import UNREACHABLE_MESSAGE
from cardreader.errors import CardError, NoCardError, PinBlockedError, WrongPinError
from cardreader.service import CardService
from cardreader.virtual.contents import Resident
from tests.cardreader.conftest import VirtualReader, pcscd, reader, service  # noqa: F401
from tests.conftest import BACKENDS
from tests.ui_carddesk.world import (
    PIN,
    SECURITY_CODE,
    CardWorld,
    card_contents,
    card_world,
    client_for,
)

pytestmark = [pytest.mark.card, pytest.mark.registry]


@pytest.fixture(scope="module", params=BACKENDS)
def world(request: pytest.FixtureRequest,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[CardWorld]:
    with card_world(request, tmp_path_factory, "card_desk_flow") as made:
        yield made


@pytest.fixture
def client(world: CardWorld) -> Iterator[RegistryClient]:
    made = client_for(world.server, "t-card")
    yield made
    made.logout()
    made.close()


def new_flow(client: Any) -> CardDeskFlow:
    api = CardDeskApi(client)
    return CardDeskFlow(api, api.search_api(), staff_name="試験　交付係")


def run(job: Any) -> Any:
    return job()


def on_card(job: Any, service: CardService) -> Any:
    return job(service).result()


def open_person(flow: CardDeskFlow, atena: str) -> None:
    flow.opened(run(flow.open(atena)))
    assert flow.step is DeskStep.READY


def read_card(flow: CardDeskFlow, service: CardService, pin: str = PIN) -> None:
    info = on_card(flow.read(bytearray(pin.encode())), service)
    flow.number_checked(run(flow.basic_read(info)))


def read_face(flow: CardDeskFlow, service: CardService, holder: Resident) -> None:
    assert flow.person is not None
    job = flow.read_face(birth_date=holder.birth_date, expiry_year=holder.expiry_date.year,
                         security_code=bytearray(SECURITY_CODE.encode()))
    flow.face_read(on_card(job, service))


def record(flow: CardDeskFlow, event: CardEvent, reason: str | None = None) -> None:
    result = run(flow.record(event, reason))
    reload = flow.recorded(result)
    assert reload is not None
    flow.refreshed(run(reload))


def ready_to_issue(flow: CardDeskFlow, world: CardWorld, reader: VirtualReader,
                   service: CardService, **changes: Any) -> Resident:
    atena = world.next_resident()
    holder = world.holder(atena, **changes)
    reader.insert(card_contents(holder))
    open_person(flow, atena)
    flow.probed(on_card(flow.probe(), service))
    read_card(flow, service)
    read_face(flow, service, holder)
    return holder


def test_issue_then_suspend_resume_revoke_collect(world: CardWorld, client: RegistryClient,
                                                  reader: VirtualReader, service: CardService) -> None:
    flow = new_flow(client)
    atena = world.next_resident()
    holder = world.holder(atena)
    reader.insert(card_contents(holder))
    open_person(flow, atena)
    assert flow.state is CardState.NONE
    assert flow.events_allowed() == {e: False for e in CardEvent}  # 交付 waits for the card

    flow.probed(on_card(flow.probe(), service))
    assert {k: (s.tries_left, s.blocked) for k, s in flow.pins.items()} == {
        "input_support_pin": (3, False), "jpki_auth_pin": (3, False), "jpki_sign_password": (5, False)}
    read_card(flow, service)
    assert flow.comparison is not None
    assert flow.comparison.all_match, flow.comparison.flags()
    assert flow.issue_blocker() == "face_not_read"
    read_face(flow, service, holder)
    assert flow.face is not None and not flow.face.expired
    assert flow.face.face.expiry_date == holder.expiry_date
    assert flow.face.face.photo.size[0] > 0
    assert flow.events_allowed()[CardEvent.ISSUE]

    record(flow, CardEvent.ISSUE)
    assert flow.state is CardState.ISSUED
    issued = flow.last_recorded
    assert issued is not None and issued.receipt_number
    assert flow.person is not None and flow.person.card.expiry_date == holder.expiry_date
    receipt = flow.receipt()
    assert receipt.receipt_number == issued.receipt_number
    assert receipt.card_expiry == holder.expiry_date and receipt.staff_name == "試験　交付係"
    assert receipt.municipality_name == "寝屋川市" == municipality_of(flow.person.record)
    assert run(flow.receipt_job()).startswith(b"%PDF")

    with pytest.raises(EventRefused) as refused:
        flow.record(CardEvent.SUSPEND)
    assert refused.value.problem.code == "reason_required"
    with pytest.raises(EventRefused) as refused:
        flow.record(CardEvent.COLLECT)
    assert refused.value.problem.code == "card_state_conflict"
    record(flow, CardEvent.SUSPEND, "紛失")
    assert flow.state is CardState.SUSPENDED
    assert {e for e, on in flow.events_allowed().items() if on} == {CardEvent.RESUME, CardEvent.REVOKE}
    record(flow, CardEvent.RESUME)
    record(flow, CardEvent.REVOKE, "本人からの返納")
    assert flow.comparison is None and flow.face is None  # the revoked card is done with
    record(flow, CardEvent.COLLECT)
    assert flow.state is CardState.COLLECTED
    assert flow.issue_blocker() == "card_not_read"  # a new card must be read first
    with pytest.raises(EventRefused):  # a suspend or resume has no receipt
        flow.receipt()
    history = flow.person.card.events
    assert [(e.event, e.state, e.reason) for e in history] == [
        (CardEvent.ISSUE, CardState.ISSUED, None), (CardEvent.SUSPEND, CardState.SUSPENDED, "紛失"),
        (CardEvent.RESUME, CardState.ISSUED, None),
        (CardEvent.REVOKE, CardState.REVOKED, "本人からの返納"),
        (CardEvent.COLLECT, CardState.COLLECTED, None)]
    assert {e.staff_id for e in history} == {"t-card"}
    assert history[0].card_expiry == holder.expiry_date


def test_a_different_address_on_the_card_is_a_mismatch(world: CardWorld, client: RegistryClient,
                                                       reader: VirtualReader,
                                                       service: CardService) -> None:
    flow = new_flow(client)
    ready_to_issue(flow, world, reader, service, address="大阪府寝屋川市架空町９丁目９番９号")
    assert flow.comparison is not None
    assert [m.field for m in flow.comparison.mismatches] == ["address"]
    assert flow.issue_blocker() == "card_mismatch"
    assert not flow.events_allowed()[CardEvent.ISSUE]
    with pytest.raises(EventRefused) as refused:
        flow.record(CardEvent.ISSUE)
    assert refused.value.problem.code == "card_mismatch"
    assert "一致しない" in refused.value.problem.message


def test_another_persons_number_is_a_mismatch(world: CardWorld, client: RegistryClient,
                                              reader: VirtualReader, service: CardService) -> None:
    other = world.holder(world.next_resident())
    flow = new_flow(client)
    ready_to_issue(flow, world, reader, service, individual_number=other.individual_number)
    assert flow.comparison is not None
    assert [m.field for m in flow.comparison.mismatches] == ["individual_number"]
    assert flow.issue_blocker() == "card_mismatch"


def test_an_expired_card_is_refused(world: CardWorld, client: RegistryClient,
                                    reader: VirtualReader, service: CardService) -> None:
    flow = new_flow(client)
    yesterday = clock.today() - timedelta(days=1)
    ready_to_issue(flow, world, reader, service, expiry=yesterday)
    assert flow.comparison is not None and flow.comparison.all_match
    assert flow.face is not None and flow.face.expired
    assert flow.problem is not None and flow.problem.code == "card_expired"
    with pytest.raises(EventRefused) as refused:
        flow.record(CardEvent.ISSUE)
    assert refused.value.problem.code == "card_expired"
    # The registry refuses it too, whatever a terminal sends.
    assert flow.person is not None
    with pytest.raises(RegistryError) as caught:
        CardDeskApi(client).record_event(flow.person.record.id, CardEvent.ISSUE, reason=None,
                                         card_expiry=yesterday, idempotency_key="e" * 32)
    assert (caught.value.status, caught.value.code) == (422, "card_expired")


def test_a_wrong_pin_shows_the_tries_left_and_then_the_block(
        world: CardWorld, client: RegistryClient, reader: VirtualReader,
        service: CardService) -> None:
    flow = new_flow(client)
    atena = world.next_resident()
    reader.insert(card_contents(world.holder(atena), tries={"pin": 2}))
    open_person(flow, atena)
    flow.probed(on_card(flow.probe(), service))
    assert flow.pins["input_support_pin"].tries_left == 2
    with pytest.raises(WrongPinError) as wrong:
        on_card(flow.read(bytearray(b"0000")), service)
    flow.card_failed(wrong.value)
    assert (flow.pins["input_support_pin"].tries_left, flow.pins["input_support_pin"].blocked) == (1, False)
    assert flow.problem is not None and flow.problem.code == "wrong_pin"
    assert "残り1回" in flow.problem.message
    with pytest.raises(CardError) as last:
        on_card(flow.read(bytearray(b"0000")), service)
    flow.card_failed(last.value)
    assert flow.pins["input_support_pin"].blocked
    with pytest.raises(PinBlockedError) as blocked:
        on_card(flow.read(bytearray(PIN.encode())), service)
    flow.card_failed(blocked.value)
    assert flow.problem is not None and flow.problem.code == "pin_blocked"
    assert "ロック" in flow.problem.message
    assert flow.comparison is None and not flow.events_allowed()[CardEvent.ISSUE]


def test_a_card_taken_away_forgets_what_was_read(world: CardWorld, client: RegistryClient,
                                                 reader: VirtualReader, service: CardService) -> None:
    flow = new_flow(client)
    ready_to_issue(flow, world, reader, service)
    assert flow.events_allowed()[CardEvent.ISSUE]
    reader.remove()
    flow.card_removed()
    assert flow.comparison is None and flow.face is None and not flow.pins
    assert not flow.events_allowed()[CardEvent.ISSUE]
    with pytest.raises(CardError) as gone:
        on_card(flow.read(bytearray(PIN.encode())), service)
    flow.card_failed(gone.value)
    assert isinstance(gone.value, NoCardError) or gone.value.code in ("card_removed", "no_card")
    assert flow.problem is not None and "カード" in flow.problem.message


def test_two_desks_cannot_both_issue(world: CardWorld, client: RegistryClient,
                                     reader: VirtualReader, service: CardService) -> None:
    first = new_flow(client)
    ready_to_issue(first, world, reader, service)
    assert first.person is not None
    second_client = client_for(world.server, "t-card")
    try:
        second = new_flow(second_client)
        open_person(second, first.person.record.id)
        second.probed(on_card(second.probe(), service))
        read_card(second, service)
        assert reader.client is not None
        holder = world.holder(first.person.record.id)
        read_face(second, service, holder)
        record(first, CardEvent.ISSUE)
        job = second.record(CardEvent.ISSUE)
        with pytest.raises(RegistryError) as conflict:
            job()
        assert (conflict.value.status, conflict.value.code) == (409, "card_state_conflict")
        reload = second.record_failed(conflict.value)
        assert second.problem is not None and second.problem.code == "card_state_conflict"
        assert second.pending is None and reload is not None
        second.refreshed(reload())
        assert second.state is CardState.ISSUED
        assert not second.events_allowed()[CardEvent.ISSUE]
    finally:
        second_client.logout()
        second_client.close()


class LosesAnswers:
    """A sender whose first write reaches the registry but whose answer is lost on the way
    back, as a dropped connection does."""

    def __init__(self, sender: RegistryClient, *, reach: bool = True) -> None:
        self._sender = sender
        self._reach = reach
        self.lost = 0
        self.keys: list[str | None] = []

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        if method == "POST" and path.endswith("/card-events"):
            self.keys.append(kwargs.get("idempotency_key"))
            if self.lost == 0:
                self.lost += 1
                if self._reach:
                    self._sender.request(method, path, **kwargs)
                raise RegistryUnreachable()
        return self._sender.request(method, path, **kwargs)


@pytest.mark.parametrize("reached", [True, False], ids=["answer-lost", "never-arrived"])
def test_a_resend_after_the_registry_was_unreachable_records_once(
        world: CardWorld, client: RegistryClient, reader: VirtualReader, service: CardService,
        reached: bool) -> None:
    sender = LosesAnswers(client, reach=reached)
    api = CardDeskApi(sender)  # type: ignore[arg-type]
    flow = CardDeskFlow(api, api.search_api(), staff_name="試験　交付係")
    ready_to_issue(flow, world, reader, service)
    with pytest.raises(RegistryUnreachable) as unreachable:
        run(flow.record(CardEvent.ISSUE))
    assert flow.record_failed(unreachable.value) is None
    assert flow.problem is not None and flow.problem.message == UNREACHABLE_MESSAGE
    assert flow.pending is not None and flow.step is DeskStep.READY
    again = flow.resend()
    assert again is not None
    reload = flow.recorded(again())
    assert reload is not None
    flow.refreshed(reload())
    assert len(sender.keys) == 2 and sender.keys[0] == sender.keys[1]
    assert flow.person is not None
    assert [e.event for e in flow.person.card.events] == [CardEvent.ISSUE]
    # A new request gets a new key.
    run(flow.record(CardEvent.SUSPEND, "盗難"))
    assert sender.keys[-1] != sender.keys[0]


def test_registry_refusals_keep_the_person(world: CardWorld, client: RegistryClient) -> None:
    flow = new_flow(client)
    with pytest.raises(RegistryError) as missing:
        run(flow.open("9999999999"))
    flow.open_failed(missing.value)
    assert flow.step is DeskStep.PERSON and flow.problem is not None
    assert flow.problem.code == "resident_not_found"
    atena = world.next_resident()
    open_person(flow, atena)
    with pytest.raises(RegistryError) as invalid:
        CardDeskApi(client).number_check(atena, "123456789012")
    assert invalid.value.code == "invalid_individual_number"
    flow.clear_personal_data()
    assert flow.person is None and flow.step is DeskStep.PERSON and flow.search.results == []


def test_the_search_finds_the_person(world: CardWorld, client: RegistryClient) -> None:
    atena = world.next_resident()
    raw: Mapping[str, Any] = world.record(atena)["record"]
    flow = new_flow(client)
    page = run(flow.search.search({"name": raw["name"]["family_name"] + raw["name"]["given_name"],
                                   "birth_date": raw["birth_date"]}))
    flow.search.searched(page)
    assert atena in [r.id for r in flow.search.results]


def test_unreachable_registry_says_so(world: CardWorld) -> None:
    class Down:
        def request(self, *args: Any, **kwargs: Any) -> httpx.Response:
            raise RegistryUnreachable()

    api = CardDeskApi(Down())  # type: ignore[arg-type]
    flow = CardDeskFlow(api, api.search_api(), staff_name="試験", today=lambda: date(2026, 1, 5))
    with pytest.raises(RegistryUnreachable) as down:
        run(flow.open("0000000001"))
    flow.open_failed(down.value)
    assert flow.problem is not None and flow.problem.retryable
    assert flow.problem.message == UNREACHABLE_MESSAGE


def test_a_wrong_security_code_is_said_so(world: CardWorld, client: RegistryClient,
                                          reader: VirtualReader, service: CardService) -> None:
    flow = new_flow(client)
    atena = world.next_resident()
    holder = world.holder(atena)
    reader.insert(card_contents(holder))
    open_person(flow, atena)
    job = flow.read_face(birth_date=holder.birth_date, expiry_year=holder.expiry_date.year,
                         security_code=bytearray(b"9999"))
    with pytest.raises(WrongPinError) as wrong:
        on_card(job, service)
    flow.card_failed(wrong.value)
    assert flow.problem is not None and flow.problem.code == "wrong_pin"
    assert "照合番号B" in flow.problem.message and "残り9回" in flow.problem.message
    assert flow.face is None and flow.issue_blocker() == "card_not_read"
    with pytest.raises(CardError) as short:  # refused before anything is sent: no try spent
        on_card(flow.read_face(birth_date=holder.birth_date, expiry_year=holder.expiry_date.year,
                               security_code=bytearray(b"12")), service)
    flow.card_failed(short.value)
    assert flow.problem is not None and flow.problem.code == "invalid_pin_format"
