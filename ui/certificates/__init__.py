"""The certificate desk at the terminal (issue 7): order, issue, preview from memory, print,
再交付, and a bulk job's approval in person or through the queue.

    view = build_certificate_desk(client, runner, personal_data, settings=settings)
    view.start_for(persons=("0000000101",))

The 窓口 workspace embeds the view; the flow is app.certificate_desk.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.registry_api import RequestSender
    from app.session.personal_data import PersonalDataRegistry
    from app.settings import SettingsStore
    from ui.certificates.desk_view import CertificateDeskView
    from ui.operations import OperationRunner


@cache
def specimen_seal() -> bytes:
    """The synthetic seal of printing/specimen.py. The city's real seal image is
    configuration the terminal does not have yet: until it does, every certificate carries
    this one, which says 見本 to nobody but is plainly not the mayor's seal."""
    from printing.specimen import seal_png

    return seal_png()


def build_certificate_desk(
    sender: RequestSender, runner: OperationRunner, personal_data: PersonalDataRegistry | None,
    *, settings: SettingsStore | None = None, seal: Callable[[], bytes] = specimen_seal,
    poll_interval_ms: int | None = None,
    choose_pdf_path: Callable[[QWidget], Path | None] | None = None, parent: QWidget | None = None,
) -> CertificateDeskView:
    from app.approval_queue import ApprovalQueueApi
    from app.certificate_desk import CertificateApi, CertificateDesk
    from ui.certificates.desk_view import POLL_INTERVAL_MS, CertificateDeskView
    from ui.certificates.print_output import PrintSetup

    desk = CertificateDesk(CertificateApi(sender), ApprovalQueueApi(sender), seal)
    return CertificateDeskView(
        desk, runner, personal_data, print_setup=PrintSetup.from_settings(settings),
        poll_interval_ms=poll_interval_ms or POLL_INTERVAL_MS, choose_pdf_path=choose_pdf_path,
        parent=parent,
    )
