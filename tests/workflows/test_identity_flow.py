"""The identity check driven without widgets, against a real registry and a virtual card over
pcscd: every way through (photo ID, non-photo document and questions, the card with PIN, number
check, comparison and face) and every error path (wrong PIN, blocked PIN, card removed, unknown
card, registry refusal, insufficient evidence, a lost answer retried with the same key).

Card tests need the PC/SC stack: run them under `flock /tmp/madoguchi-pcscd.lock`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

import httpx
import pytest
from sqlalchemy import Engine, text

from app.domain.identity_documents import INSUFFICIENT, Document
from app.registry_client import RegistryClient, RegistryError, RegistryUnreachable
from app.workflows.errors import FieldErrors
from app.workflows.identity import (
    CardJob,
    CardStage,
    IdentityApi,
    IdentityFlow,
    IdentityStep,
)
from cardreader.errors import CardError
from cardreader.service import CardService
from tests.cardreader.conftest import VirtualReader, pcscd, reader, service  # noqa: F401
from tests.conftest import BACKENDS
from tests.support.registry_process import RegistryProcess
from tests.ui_identity.cards import (
    PIN,
    SECURITY_CODE,
    card_holder,
    card_of,
    identity_registry_fixture,
    login,
    other_address,
    pick_residents,
)

T = TypeVar("T")


@pytest.fixture(scope="module", params=BACKENDS)
def identity_registry(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[RegistryProcess, Engine]]:
    yield from identity_registry_fixture(request, tmp_path_factory)


@pytest.fixture
def clerk(identity_registry: tuple[RegistryProcess, Engine]) -> Iterator[RegistryClient]:
    client = login(identity_registry[0])
    yield client
    client.logout()
    client.close()


@pytest.fixture
def engine(identity_registry: tuple[RegistryProcess, Engine]) -> Engine:
    return identity_registry[1]


@pytest.fixture
def flow(clerk: RegistryClient) -> IdentityFlow:
    return IdentityFlow(IdentityApi(clerk))


def run_card(service: CardService, job: CardJob[T]) -> T:  # noqa: F811
    return service.submit(job).result()


def card_step(flow: IdentityFlow, service: CardService, job: CardJob[Any]) -> None:  # noqa: F811
    """Run a card job and hand its outcome to the flow as the page does."""
    try:
        result = run_card(service, job)
    except CardError as exc:
        flow.card_failed(exc)
        return
    if flow.card_stage is CardStage.PROBING:
        flow.probed(result)
    elif flow.card_stage is CardStage.READING:
        flow.number_checked(flow.card_read(result)())
    elif flow.card_stage is CardStage.FACE:
        flow.face_read(result)


def start(flow: IdentityFlow, atena: str) -> None:
    flow.looked_up(flow.lookup(atena)())
    assert flow.step is IdentityStep.DOCUMENTS


# -- without the card -----------------------------------------------------------------------------


def test_a_photo_id_suffices_and_is_recorded_once(flow: IdentityFlow, engine: Engine) -> None:
    (atena,) = pick_residents(engine, 1)
    start(flow, atena)
    flow.choose_documents([Document.PASSPORT], "certificate")
    assert flow.step is IdentityStep.REVIEW
    assert flow.assessment is not None and flow.assessment.sufficient
    job = flow.record_job()
    key = flow.idempotency_key
    first = job()
    again = flow.record_job()()  # a resend (e.g. the answer was lost) is the same check
    assert flow.idempotency_key == key
    assert again.check_id == first.check_id
    flow.recorded(first)
    assert flow.step is IdentityStep.DONE
    assert first.sufficient and first.outcome == "confirmed" and first.resident_id == atena


def test_non_photo_document_needs_questions_all_answered(flow: IdentityFlow, engine: Engine) -> None:
    (atena,) = pick_residents(engine, 1)
    start(flow, atena)
    flow.choose_documents(["health_insurance_card"], "move")
    assert flow.step is IdentityStep.QUESTIONS
    flow.answer_questions(2, 1)
    assert flow.assessment is not None and not flow.assessment.sufficient
    assert flow.assessment.code == INSUFFICIENT
    with pytest.raises(FieldErrors):
        flow.record_job()  # the flow will not complete as confirmed
    assert flow.problem is not None and flow.problem.code == INSUFFICIENT
    assert "聞き取り" in flow.problem.message
    flow.answer_questions(2, 2)
    assert flow.assessment.sufficient
    result = flow.record_job()()
    flow.recorded(result)
    assert result.outcome == "confirmed" and result.sufficient


def test_insufficient_evidence_is_recorded_only_as_not_confirmed(flow: IdentityFlow,
                                                                 engine: Engine) -> None:
    (atena,) = pick_residents(engine, 1)
    start(flow, atena)
    flow.choose_documents(["pension_book"])
    flow.answer_questions(0, 0)
    result = flow.record_job(confirmed=False)()
    assert result.outcome == "not_confirmed" and not result.sufficient


def test_the_registry_refuses_what_the_flow_would_not_send(clerk: RegistryClient,
                                                           engine: Engine) -> None:
    (atena,) = pick_residents(engine, 1)
    api = IdentityApi(clerk)
    body = {"resident_id": atena, "purpose": "other", "documents": ["health_insurance_card"],
            "questions_asked": 1, "questions_correct": 1, "card": None, "outcome": "confirmed"}
    with pytest.raises(RegistryError) as refused:
        api.record(body, idempotency_key="identity-refused-0001")
    assert refused.value.code == INSUFFICIENT and refused.value.message


def test_unknown_and_malformed_resident_ids(flow: IdentityFlow) -> None:
    with pytest.raises(FieldErrors):
        flow.lookup("12345")
    job = flow.lookup("9999999999")
    with pytest.raises(RegistryError) as missing:
        job()
    flow.failed(missing.value)
    assert flow.step is IdentityStep.PERSON
    assert flow.problem is not None and flow.problem.code == "resident_not_found"


class _LosesFirstAnswer:
    """The real client, except that the first identity-check POST's answer is lost after the
    registry recorded it (the connection dropped): what a retry must survive."""

    def __init__(self, client: RegistryClient) -> None:
        self.client = client
        self.lost = False
        self.keys: list[str | None] = []

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        response = self.client.request(method, path, **kwargs)
        if path == "/v1/identity-checks":
            self.keys.append(kwargs.get("idempotency_key"))
            if not self.lost:
                self.lost = True
                raise RegistryUnreachable()
        return response


def test_a_lost_answer_is_retried_with_the_same_key(clerk: RegistryClient, engine: Engine) -> None:
    (atena,) = pick_residents(engine, 1)
    sender = _LosesFirstAnswer(clerk)
    flow = IdentityFlow(IdentityApi(sender))
    start(flow, atena)
    flow.choose_documents(["drivers_license"])
    with pytest.raises(RegistryUnreachable) as lost:
        flow.record_job()()
    flow.record_failed(lost.value)
    assert flow.problem is not None and flow.problem.retryable
    result = flow.record_job()()
    flow.recorded(result)
    assert sender.keys[0] == sender.keys[1] is not None
    with engine.connect() as conn:
        recorded = conn.execute(text("SELECT COUNT(*) FROM identity_checks WHERE id = :c"),
                                {"c": result.check_id}).scalar()
    assert recorded == 1


def test_a_lock_forgets_everything(flow: IdentityFlow, engine: Engine) -> None:
    (atena,) = pick_residents(engine, 1)
    start(flow, atena)
    flow.choose_documents(["passport"])
    flow.clear_personal_data()
    assert flow.step is IdentityStep.PERSON and flow.checked is None and flow.documents == ()


# -- with the card ----------------------------------------------------------------------------------


def test_card_with_pin_compares_every_item_and_shows_the_face(
    flow: IdentityFlow, clerk: RegistryClient, engine: Engine, reader: VirtualReader,  # noqa: F811
    service: CardService,  # noqa: F811
) -> None:
    (atena,) = pick_residents(engine, 1)
    reader.insert(card_of(card_holder(clerk, atena)))
    start(flow, atena)
    flow.choose_documents([Document.MY_NUMBER_CARD], "card")
    assert flow.step is IdentityStep.CARD and flow.card_stage is CardStage.WAITING
    card_step(flow, service, flow.probe_job())
    assert flow.card_stage is CardStage.PIN and flow.tries_left == 3

    card_step(flow, service, flow.pin_job(bytearray(b"0000")))  # the holder mistypes
    assert flow.card_stage is CardStage.PIN and flow.tries_left == 2
    assert flow.problem is not None and flow.problem.code == "wrong_pin"
    assert "残り2回" in flow.problem.message

    pin = bytearray(PIN.encode())
    card_step(flow, service, flow.pin_job(pin))
    assert pin == bytearray(4)  # wiped after VERIFY
    assert flow.card_stage is CardStage.COMPARED
    comparison = flow.comparison
    assert comparison is not None and comparison.all_match, comparison.mismatches
    assert flow.problem is None

    code = bytearray(SECURITY_CODE.encode())
    card_step(flow, service, flow.face_job("2034", code))
    assert code == bytearray(4)
    assert flow.card_stage is CardStage.FACE_SHOWN and flow.face is not None
    assert flow.face.photo.size[0] > 0
    flow.judge_face(True)
    flow.card_finished()
    assert flow.step is IdentityStep.REVIEW
    assert flow.assessment is not None and flow.assessment.sufficient
    body = flow.body("confirmed")
    assert body["card"] == {"pin_verified": True, "face_compared": True, "fields_matched": {
        "individual_number": True, "name": True, "address": True, "birth_date": True, "sex": True}}
    result = flow.record_job()()
    flow.recorded(result)
    assert flow.step is IdentityStep.DONE and flow.face is None
    # The audit trail has the method and flags, never what the card holds.
    with engine.connect() as conn:
        dump = " ".join(str(v) for row in conn.execute(text("SELECT * FROM audit_log")).all()
                        for v in row)
    holder = card_holder(clerk, atena)
    assert holder.individual_number not in dump and holder.address not in dump


def test_a_card_with_another_address_is_highlighted_and_does_not_suffice(
    flow: IdentityFlow, clerk: RegistryClient, engine: Engine, reader: VirtualReader,  # noqa: F811
    service: CardService,  # noqa: F811
) -> None:
    (atena,) = pick_residents(engine, 1)
    reader.insert(card_of(other_address(card_holder(clerk, atena))))
    start(flow, atena)
    flow.choose_documents(["my_number_card"])
    card_step(flow, service, flow.probe_job())
    card_step(flow, service, flow.pin_job(bytearray(PIN.encode())))
    assert flow.comparison is not None
    assert [f.field for f in flow.comparison.mismatches] == ["address"]
    assert flow.problem is not None and "住所" in flow.problem.message
    flow.card_finished()
    assert flow.step is IdentityStep.QUESTIONS  # the card alone no longer identifies
    flow.answer_questions(0, 0)
    assert flow.assessment is not None and not flow.assessment.sufficient
    with pytest.raises(FieldErrors):
        flow.record_job()
    # Another photo ID still settles it.
    flow.choose_documents(["my_number_card", "drivers_license"])
    assert flow.step is IdentityStep.REVIEW and flow.assessment.sufficient
    assert flow.body("confirmed")["card"]["fields_matched"]["address"] is False


def test_someone_elses_card_fails_the_number_check(
    flow: IdentityFlow, clerk: RegistryClient, engine: Engine, reader: VirtualReader,  # noqa: F811
    service: CardService,  # noqa: F811
) -> None:
    atena, other = pick_residents(engine, 2)
    reader.insert(card_of(card_holder(clerk, other)))
    start(flow, atena)
    flow.choose_documents(["my_number_card"])
    card_step(flow, service, flow.probe_job())
    card_step(flow, service, flow.pin_job(bytearray(PIN.encode())))
    assert flow.comparison is not None
    number = flow.comparison.get("individual_number")
    assert number is not None and not number.matches
    assert not flow.card_counts


def test_a_blocked_pin_leaves_the_face_with_matching_key_b(
    flow: IdentityFlow, clerk: RegistryClient, engine: Engine, reader: VirtualReader,  # noqa: F811
    service: CardService,  # noqa: F811
) -> None:
    (atena,) = pick_residents(engine, 1)
    reader.insert(card_of(card_holder(clerk, atena), tries={"pin": 1}))
    start(flow, atena)
    flow.choose_documents(["my_number_card"])
    card_step(flow, service, flow.probe_job())
    assert flow.tries_left == 1
    card_step(flow, service, flow.pin_job(bytearray(b"9999")))
    assert flow.pin_blocked and flow.card_stage is CardStage.PIN
    assert flow.problem is not None and flow.problem.code == "pin_blocked"
    with pytest.raises(CardError):
        flow.pin_job(bytearray(PIN.encode()))
    # A wrong security code first: refused by the card, nothing else lost.
    card_step(flow, service, flow.face_job("2034", bytearray(b"0000")))
    assert flow.problem is not None and flow.problem.code == "wrong_pin"
    assert flow.card_stage is CardStage.PIN
    card_step(flow, service, flow.face_job("2034", bytearray(SECURITY_CODE.encode())))
    assert flow.face is not None
    flow.judge_face(True)
    flow.card_finished()
    assert flow.step is IdentityStep.REVIEW and flow.assessment is not None
    assert flow.assessment.sufficient
    assert flow.body("confirmed")["card"]["pin_verified"] is False
    flow.recorded(flow.record_job()())
    assert flow.step is IdentityStep.DONE


def test_a_card_blocked_from_the_start_is_said_before_asking(
    flow: IdentityFlow, clerk: RegistryClient, engine: Engine, reader: VirtualReader,  # noqa: F811
    service: CardService,  # noqa: F811
) -> None:
    (atena,) = pick_residents(engine, 1)
    reader.insert(card_of(card_holder(clerk, atena), tries={"pin": 0}))
    start(flow, atena)
    flow.choose_documents(["my_number_card"])
    card_step(flow, service, flow.probe_job())
    assert flow.pin_blocked and flow.problem is not None and flow.problem.code == "pin_blocked"


def test_card_removed_unknown_card_and_no_card(
    flow: IdentityFlow, clerk: RegistryClient, engine: Engine, reader: VirtualReader,  # noqa: F811
    service: CardService,  # noqa: F811
) -> None:
    (atena,) = pick_residents(engine, 1)
    start(flow, atena)
    flow.choose_documents(["my_number_card"])
    card_step(flow, service, flow.probe_job())  # nothing in the reader
    assert flow.card_stage is CardStage.WAITING
    assert flow.problem is not None and flow.problem.code == "no_card"

    reader.insert(card_of(card_holder(clerk, atena), kind="unknown"))
    card_step(flow, service, flow.probe_job())
    assert flow.card_stage is CardStage.WAITING
    assert flow.problem is not None and flow.problem.code == "unknown_card"

    reader.insert(card_of(card_holder(clerk, atena)))
    card_step(flow, service, flow.probe_job())
    assert flow.card_stage is CardStage.PIN
    reader.remove()
    flow.card_removed()
    assert flow.card_stage is CardStage.WAITING and flow.tries_left is None
    assert flow.problem is not None and flow.problem.code == "no_card"
    job = flow.pin_job(bytearray(PIN.encode()))  # sent anyway: the card is gone
    card_step(flow, service, job)
    assert flow.card_stage is CardStage.WAITING
    assert flow.problem is not None and flow.problem.code in ("no_card", "card_removed")


def test_a_mistyped_pin_costs_no_try(flow: IdentityFlow, engine: Engine) -> None:
    (atena,) = pick_residents(engine, 1)
    start(flow, atena)
    flow.choose_documents(["my_number_card"])
    pin = bytearray(b"12a")
    with pytest.raises(CardError):
        flow.pin_job(pin)
    assert pin == bytearray(3)
    assert flow.problem is not None and flow.problem.code == "invalid_pin_format"
    with pytest.raises(FieldErrors):
        flow.face_job("34", bytearray(b"12"))
    assert set(flow.errors) == {"expiry_year", "security_code"}


class _NumberCheckFailsOnce:
    """The real client, except that the first number check does not reach the registry."""

    def __init__(self, client: RegistryClient) -> None:
        self.client = client
        self.failed = False

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        if path.endswith("/number-check") and not self.failed:
            self.failed = True
            raise RegistryUnreachable()
        return self.client.request(method, path, **kwargs)


def test_a_number_check_that_did_not_arrive_is_asked_again_without_the_pin(
    clerk: RegistryClient, engine: Engine, reader: VirtualReader,  # noqa: F811
    service: CardService,  # noqa: F811
) -> None:
    (atena,) = pick_residents(engine, 1)
    reader.insert(card_of(card_holder(clerk, atena)))
    flow = IdentityFlow(IdentityApi(_NumberCheckFailsOnce(clerk)))
    start(flow, atena)
    flow.choose_documents(["my_number_card"])
    card_step(flow, service, flow.probe_job())
    basic = run_card(service, flow.pin_job(bytearray(PIN.encode())))
    job = flow.card_read(basic)
    with pytest.raises(RegistryUnreachable) as lost:
        job()
    flow.failed(lost.value)
    assert flow.card_stage is CardStage.CHECKING and not flow.busy
    assert flow.problem is not None and flow.problem.retryable
    flow.number_checked(flow.retry_number_check()())
    assert flow.comparison is not None and flow.comparison.all_match
