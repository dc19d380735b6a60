"""The カード交付 workspace: the card checked against the register (comparison, tries left,
face photo, the events the card's state allows), and the 交付 receipt after F10.

The card reads run over pcscd with the virtual card in tests/ui_carddesk; here the card's
answers, built from the same synthetic card contents, are handed to the workspace's card
steps as the card thread hands them (the captions say so). The registry calls are real: the
number check, the 交付 event (as t-card) and the receipt."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtWidgets import QWidget

from app.domain.card_lifecycle import CardEvent
from app.registry_client import RegistryClient
from app.workflows.card_desk import CardDeskApi
from cardreader.channel import PinState
from cardreader.models import CardKind, ProbeResult
from docs.screenshots.identity import card_answers
from docs.screenshots.stage import Scene, Stage
from tests.ui_carddesk.world import client_for
from tests.ui_counter.subjects import pick_household_head
from tests.ui_identity.cards import card_holder
from ui.card.bridge import CardBridge

EXPIRY = date(2035, 6, 30)


class _NoReader(CardBridge):
    """A bridge that never reaches pcscd (another pcscd may be serving the tests meanwhile):
    the workspace starts it when shown and carries on without a reader when it cannot."""

    def start(self) -> Any:
        raise RuntimeError("no card reader for the screenshots")


def _sign_out(client: RegistryClient) -> None:
    client.logout()
    client.close()


def _checked(stage: Stage) -> Any:
    from ui.carddesk.services import CardDeskServices
    from ui.carddesk.workspace import CardDeskWorkspace

    card_staff = client_for(stage.server, "t-card")
    api = CardDeskApi(card_staff)
    bridge = _NoReader(personal_data=stage.personal_data)
    desk = CardDeskWorkspace(CardDeskServices(api, api.search_api(), stage.runner,
                                              stage.personal_data, bridge, staff_name="見本　交付係"))
    desk.destroyed.connect(bridge.close)
    desk.destroyed.connect(lambda: _sign_out(card_staff))
    stage.show(desk)
    desk.resize(1600, 900)  # wider than the tests (1400): the comparison's 照合 column in view
    stage.settle()
    subject = pick_household_head(stage.engine)
    desk.open_person(subject.atena)
    stage.wait_until(lambda: desk.flow.person is not None and desk.flow.person.record.id == subject.atena)
    holder = replace(card_holder(stage.client, subject.atena), expiry_date=EXPIRY)
    _, basic, face = card_answers(holder)
    probe = ProbeResult(CardKind.MY_NUMBER, b"", {}, {
        "input_support_pin": PinState(3, False), "jpki_auth_pin": PinState(3, False),
        "jpki_sign_password": PinState(5, False)}, None)
    steps = desk.steps
    steps._probed(probe)
    desk.flow.read(bytearray(b"4711"))  # the holder's PIN, as the panel takes it (job not run)
    steps._basic_read(basic)  # the registry's number check runs for real
    stage.wait_until(lambda: desk.flow.comparison is not None)
    desk.card.expiry_year.setText(str(EXPIRY.year))
    desk.flow.read_face(birth_date=holder.birth_date, expiry_year=EXPIRY.year,
                        security_code=bytearray(b"2285"))
    steps._face_read(face)
    stage.wait_until(lambda: desk.issue_action.isEnabled())
    return desk


def checked(stage: Stage) -> QWidget:
    return _checked(stage)  # type: ignore[no-any-return]


def receipt(stage: Stage) -> QWidget:
    desk = _checked(stage)
    pages: list[int] = []
    desk.receipt_shown.connect(pages.append)
    desk.request_event(CardEvent.ISSUE)
    stage.wait_until(lambda: bool(pages) and "交付済" in desk.state.text())
    return desk  # type: ignore[no-any-return]


SCENES: list[Scene] = [
    Scene("carddesk-checked", "カード交付: カードと住民票の照合、暗証番号の残り回数、顔写真、記録できる操作"
          "（カードの読取結果は仮想カードと同じ合成データを画面に渡したもの）", checked),
    Scene("carddesk-receipt", "カード交付: 交付を記録した後の受領書プレビュー（カードの読取結果は上と同じく合成データ）", receipt),
]
