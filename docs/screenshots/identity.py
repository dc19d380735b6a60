"""The 窓口 workspace's 本人確認 tab: the documents presented, and the card step after the
card was read (the comparison with the register, one item not matching, and the face photo).

The card reads run over pcscd with the virtual card in tests/ui_identity; here the card's
answers, built from the same synthetic card contents (cardreader/virtual/contents.py) as the
virtual card holds, are handed to the flow as the page hands them, and the captions say so."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QWidget

from app.domain.identity_documents import Document
from app.workflows.identity import PIN_KEY, IdentityApi
from cardreader.aps.card_face import parse_face
from cardreader.channel import PinState
from cardreader.models import BasicInfo, CardFace, CardKind, Name, ProbeResult, Sex
from cardreader.virtual.contents import Resident, card_face_file
from docs.screenshots.stage import Scene, Stage
from tests.ui_counter.subjects import pick_household_head
from tests.ui_identity.cards import card_holder, other_address


def card_answers(holder: Resident) -> tuple[ProbeResult, BasicInfo, CardFace]:
    """What the card reader gives for this holder's card: the probe (3 PIN tries left), the
    number and four items, and the card face with its drawn photo."""
    probe = ProbeResult(CardKind.MY_NUMBER, b"", {}, {PIN_KEY: PinState(3, False)}, None)
    basic = BasicInfo(holder.individual_number,
                      Name(holder.family_name, holder.given_name,
                           f"{holder.family_name}\u3000{holder.given_name}"),
                      holder.address, holder.birth_date, Sex(holder.sex))
    face = parse_face(card_face_file(holder, long_form=False, malform=None))
    return probe, basic, face


def _identity_tab(stage: Stage) -> tuple[Any, Any, str]:
    from ui.card.bridge import CardBridge
    from ui.identity.page import IdentityPage

    # Never started: no reader is touched (another pcscd may be serving the tests meanwhile).
    bridge = CardBridge(personal_data=stage.personal_data)
    made: list[IdentityPage] = []

    def build(parent: QWidget) -> IdentityPage:
        made.append(IdentityPage(IdentityApi(stage.client), stage.runner, stage.personal_data,
                                 card=bridge, parent=parent))
        return made[0]

    subject = pick_household_head(stage.engine)
    workspace = stage.counter(can_view_number=True, identity=build)
    workspace.destroyed.connect(bridge.close)
    page = made[0]
    record = stage.api.resident(subject.atena)
    workspace.tabs.setCurrentWidget(page)
    page.start_for(subject.atena, record.record, record.status)
    return workspace, page, subject.atena


def documents(stage: Stage) -> QWidget:
    workspace, page, _ = _identity_tab(stage)
    page.document_boxes[Document.MY_NUMBER_CARD].setChecked(True)
    return workspace


def comparison(stage: Stage) -> QWidget:
    workspace, page, atena = _identity_tab(stage)
    flow = page.flow
    # A card not updated after the holder's move: the address differs from the register.
    probe, basic, face = card_answers(other_address(card_holder(stage.client, atena)))
    page.document_boxes[Document.MY_NUMBER_CARD].setChecked(True)
    flow.choose_documents([Document.MY_NUMBER_CARD])
    flow.probed(probe)
    flow.pin_job(bytearray(b"4321"))  # the holder's PIN, as the panel takes it (job not run)
    flow.number_checked(flow.card_read(basic)())  # the registry's number check, for real
    flow.face_job(str(date(2034, 12, 31).year), bytearray(b"2285"))
    flow.face_read(face)
    page._update()
    page.card_panel.expiry_year.setText("2034")
    return workspace


SCENES: list[Scene] = [
    Scene("identity-documents", "本人確認: 提示された書類と確認の目的", documents),
    Scene("identity-card", "本人確認: カードの記載事項と住民票の照合（住所が不一致）と顔写真"
          "（カードの読取結果は仮想カードと同じ合成データを画面に渡したもの）", comparison),
]
