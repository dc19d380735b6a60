"""The fixed wording of each certificate kind: title and certification sentence.

The sentences follow the forms commonly used by municipalities; a city that words them
differently changes them here, in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from printing.model import Certificate, CertificateKind


@dataclass(frozen=True, slots=True)
class KindWording:
    title: str
    certification: str
    # True: each page stands alone (one person, with its own 以下余白, certification and seal);
    # False: the persons flow over the pages and the certification closes the last one.
    page_per_person: bool


WORDING: Final[dict[CertificateKind, KindWording]] = {
    CertificateKind.HOUSEHOLD: KindWording(
        "住民票の写し", "この写しは、住民票の原本と相違ないことを証明する。", False
    ),
    CertificateKind.INDIVIDUAL: KindWording(
        "住民票の写し", "この写しは、住民票の原本と相違ないことを証明する。", True
    ),
    CertificateKind.REMOVED: KindWording(
        "除票の写し", "この写しは、除票の原本と相違ないことを証明する。", False
    ),
    CertificateKind.ENTRY_CERTIFICATE: KindWording(
        "住民票記載事項証明書", "上記の事項は、住民票に記載されていることを証明する。", False
    ),
    CertificateKind.MOVE_OUT: KindWording(
        "転出証明書", "上記の者は、転出の届出をしたことを証明する。", False
    ),
    CertificateKind.RESIDENT_CODE_NOTICE: KindWording(
        "住民票コード通知書", "あなたの住民票コードは、上記のとおりであることを通知します。", True
    ),
}


def subtitle(cert: Certificate) -> str | None:
    """The line under the title that says which form of 住民票 this is."""
    if cert.kind is CertificateKind.HOUSEHOLD:
        return "（世帯全員）" if cert.household.whole else "（世帯一部）"
    if cert.kind is CertificateKind.INDIVIDUAL:
        return "（個人票）"
    return None
