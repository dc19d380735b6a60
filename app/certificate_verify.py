"""証明書の真正確認 as a GUI-free flow: a paper certificate's serial and short code (and, if the
receiving office wants, values as printed on it) in, the registry's verdict out.

    values → check → GET /v1/certificates/{serial}/verify → genuine / altered / voided / unknown

The registry keeps digests of what was printed, not the content: it answers whether the serial
and code belong together (else: unknown, a forgery or a typing error), whether each printed
value entered matches what was issued (else: altered), and whether the paper was voided (a
再交付 replaced it). The terminal only shapes the question and names the answer.

The serial field also takes the QR code's text (`MDG1:<serial>:<code>`), as a handheld scanner
acting as a keyboard types it. Printed dates are read as clerks type them, the era calendar
included (昭和55年2月17日, S55.2.17), and sent as ISO dates.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any, Final

from app.domain.errors import DomainError
from app.registry_api import RequestSender
from app.registry_client import RegistryError
from app.workflows.dates import parse_date_input

SERIAL: Final = re.compile(r"[0-9]{4}-[0-9]{8}")
CODE: Final = re.compile(r"[0-9A-Z]{4,16}")
QR_PREFIX: Final = "MDG1:"
MAX_NAME: Final = 60
# Dashes a clerk or an input method may produce for the serial's hyphen.
_DASHES: Final = str.maketrans({c: "-" for c in "‐‑‒–—―−ー－"})


class Verdict(Enum):
    GENUINE = "genuine"  # issued here with this code, values entered as issued, not voided
    ALTERED = "altered"  # issued here, but a value entered differs from what was printed
    VOIDED = "voided"  # issued here and later voided (a 再交付 replaced it)
    UNKNOWN = "unknown"  # no such serial with this code: forged, or mistyped


class VerifyProblems(ValueError):
    """The question is not complete: field → code, for the form to mark each field."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        super().__init__(", ".join(f"{k}={v}" for k, v in problems.items()))
        self.problems = dict(problems)


@dataclass(frozen=True)
class VerifyQuestion:
    serial: str
    code: str
    name: str | None = None  # as printed: family and given name, spacing ignored
    birth_date: date | None = None

    def params(self) -> dict[str, str]:
        found = {"code": self.code}
        if self.name is not None:
            found["name"] = self.name
        if self.birth_date is not None:
            found["birth_date"] = self.birth_date.isoformat()
        return found


def _fold(text: Any) -> str:
    return unicodedata.normalize("NFKC", str(text or "")).strip()


def question_from(values: Mapping[str, Any]) -> VerifyQuestion:
    """The question from plain values (the form's, or a test's dict); VerifyProblems if it
    cannot be asked. A QR text in `serial` gives both the serial and the code."""
    problems: dict[str, str] = {}
    serial = "".join(_fold(values.get("serial")).translate(_DASHES).split()).upper()
    code = "".join(_fold(values.get("code")).split()).upper()
    if serial.startswith(QR_PREFIX):
        parts = serial.split(":")
        if len(parts) == 3:
            serial = parts[1]
            code = code or parts[2]
    if not serial:
        problems["serial"] = "serial_required"
    elif SERIAL.fullmatch(serial) is None:
        problems["serial"] = "invalid_serial"
    if not code:
        problems["code"] = "code_required"
    elif CODE.fullmatch(code) is None:
        problems["code"] = "invalid_code"
    name = "".join(_fold(values.get("name")).split()) or None
    if name is not None and len(name) > MAX_NAME:
        problems["name"] = "name_too_long"
    birth: date | None = None
    raw_birth = _fold(values.get("birth_date"))
    if raw_birth:
        try:
            birth = parse_date_input(raw_birth, field="birth_date")
        except DomainError:
            problems["birth_date"] = "invalid_birth_date"
    if problems:
        raise VerifyProblems(problems)
    return VerifyQuestion(serial, code, name, birth)


@dataclass(frozen=True)
class VerifyResult:
    verdict: Verdict
    serial: str
    kind: str | None = None
    issued_on: date | None = None
    copies: int | None = None
    reissue_of: str | None = None
    void_reason: str | None = None
    fields: Mapping[str, bool] = field(default_factory=dict)  # value entered → matches

    @property
    def mismatched(self) -> tuple[str, ...]:
        return tuple(name for name, same in self.fields.items() if not same)


def result_from(answer: Mapping[str, Any]) -> VerifyResult:
    """The registry's answer named: unknown, voided (which no matching value makes valid),
    altered, or genuine."""
    serial = str(answer.get("serial") or "")
    if not answer.get("genuine"):
        return VerifyResult(Verdict.UNKNOWN, serial)
    fields = {str(k): bool(v) for k, v in dict(answer.get("fields") or {}).items()}
    if answer.get("voided"):
        verdict = Verdict.VOIDED
    elif not all(fields.values()):
        verdict = Verdict.ALTERED
    else:
        verdict = Verdict.GENUINE
    issued = answer.get("issued_on")
    copies = answer.get("copies")
    return VerifyResult(
        verdict, serial, kind=answer.get("kind"),
        issued_on=date.fromisoformat(issued) if issued else None,
        copies=int(copies) if isinstance(copies, int) else None,
        reissue_of=answer.get("reissue_of"), void_reason=answer.get("void_reason"), fields=fields,
    )


class VerifyApi:
    def __init__(self, sender: RequestSender) -> None:
        self._sender = sender

    def verify(self, question: VerifyQuestion) -> dict[str, Any]:
        answer = self._sender.request("GET", f"/v1/certificates/{question.serial}/verify",
                                      params=question.params())
        return dict(answer.json())


class VerifyStep(Enum):
    FORM = "form"
    CHECKING = "checking"
    ANSWERED = "answered"


class CertificateVerification:
    """The flow: `submit` gives the job for a worker; its answer goes to `answered`, its
    error to `failed`. What the clerk entered and the answer are the paper's data: `clear`
    drops them (a lock, or the next paper)."""

    def __init__(self, api: VerifyApi) -> None:
        self._api = api
        self.clear()

    def clear(self) -> None:
        self.step = VerifyStep.FORM
        self.question: VerifyQuestion | None = None
        self.result: VerifyResult | None = None
        self.error: RegistryError | None = None

    def submit(self, values: Mapping[str, Any]) -> Callable[[], VerifyResult]:
        question = question_from(values)
        self.step, self.question, self.result, self.error = VerifyStep.CHECKING, question, None, None
        api = self._api
        return lambda: result_from(api.verify(question))

    def answered(self, result: VerifyResult) -> None:
        self.step, self.result, self.error = VerifyStep.ANSWERED, result, None

    def failed(self, error: Exception) -> None:
        self.error = error if isinstance(error, RegistryError) else RegistryError("unexpected_error")
        self.step = VerifyStep.FORM
