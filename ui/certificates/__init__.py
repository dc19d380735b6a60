"""The certificate desk at the terminal (issue 7): order, issue, preview from memory, print,
再交付, a bulk job's approval in person or through the queue, and the 真正確認 of a paper.

    page = build_certificates_page(client, runner, personal_data, settings=settings)
    page.start_for(persons=("0000000101",))      # the desk, for the person the counter has open
    page.show_verify()                           # 証明書の真正確認

The 窓口 workspace embeds the page; the flows are app.certificate_desk and
app.certificate_verify. The seal printed is the city's, from the setting
`printing.seal_image` (app.certificates.configured_seal), or the specimen marked 見本 where
none is configured.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.certificates import Seal
    from app.registry_api import RequestSender
    from app.session.personal_data import PersonalDataRegistry
    from app.settings import SettingsStore
    from ui.certificates.desk_view import CertificateDeskView
    from ui.certificates.page import CertificatesPage
    from ui.operations import OperationRunner


def build_certificate_desk(
    sender: RequestSender, runner: OperationRunner, personal_data: PersonalDataRegistry | None,
    *, settings: SettingsStore | None = None, seal: Callable[[], Seal | bytes] | None = None,
    poll_interval_ms: int | None = None,
    choose_pdf_path: Callable[[QWidget], Path | None] | None = None, parent: QWidget | None = None,
    number_view: bool = True,
) -> CertificateDeskView:
    """The desk; `seal` (tests) instead of the configured seal. A configured seal that cannot
    be used leaves the desk open with the reason shown and issuing off. Without `number_view`
    (the staff member's own setting) the individual number is not offered as an item; the
    registry refuses it anyway."""
    from app.approval_queue import ApprovalQueueApi
    from app.certificate_desk import CertificateApi, CertificateDesk
    from app.certificates import configured_seal
    from printing.seal_image import SealImageError
    from ui.certificates.desk_view import POLL_INTERVAL_MS, CertificateDeskView
    from ui.certificates.print_output import PrintSetup

    problem: str | None = None
    specimen = False
    if seal is None:
        try:
            loaded = configured_seal(settings)
        except SealImageError as error:
            problem = error.message
        else:
            specimen = loaded.specimen
            seal = lambda: loaded  # noqa: E731  # the checked image, kept for the session
    desk = CertificateDesk(CertificateApi(sender), ApprovalQueueApi(sender), seal or _no_seal)
    return CertificateDeskView(
        desk, runner, personal_data, print_setup=PrintSetup.from_settings(settings),
        poll_interval_ms=poll_interval_ms or POLL_INTERVAL_MS, choose_pdf_path=choose_pdf_path,
        seal_problem=problem, specimen_seal=specimen, parent=parent, number_view=number_view,
    )


def _no_seal() -> bytes:
    raise RuntimeError("no usable seal image: the desk does not issue")


def build_certificates_page(
    sender: RequestSender, runner: OperationRunner, personal_data: PersonalDataRegistry | None,
    *, settings: SettingsStore | None = None, seal: Callable[[], Seal | bytes] | None = None,
    poll_interval_ms: int | None = None, parent: QWidget | None = None, number_view: bool = True,
) -> CertificatesPage:
    """The desk and the 真正確認 together, as the 窓口 workspace's 証明書 tab."""
    from app.certificate_verify import CertificateVerification, VerifyApi
    from ui.certificates.page import CertificatesPage
    from ui.certificates.verify_view import CertificateVerifyView

    desk = build_certificate_desk(sender, runner, personal_data, settings=settings, seal=seal,
                                  poll_interval_ms=poll_interval_ms, number_view=number_view)
    verify = CertificateVerifyView(CertificateVerification(VerifyApi(sender)), runner, personal_data)
    return CertificatesPage(desk, verify, parent)
