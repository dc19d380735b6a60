"""Errors of a workflow step, as the UI shows them: per field path, or for the whole form."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from app.registry_api import field_of
from app.registry_client import RegistryError, RegistryUnreachable
from cardreader.errors import CardError

FORM: Final = ""  # the key of an error that belongs to no single field


class FieldErrors(Exception):
    """The clerk's input cannot be sent: messages by field path (`persons[0].birth_date`)."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        super().__init__(", ".join(sorted(errors)))  # paths only: never the values
        self.errors = dict(errors)


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    message: str  # Japanese, for the clerk (the registry's text, or ours)
    field: str | None = None
    retryable: bool = False  # the request may not have arrived: resend it unchanged


UNREACHABLE_MESSAGE: Final = "住基システムに接続できません。入力した内容は残っています。もう一度送信してください。"
UNEXPECTED_MESSAGE: Final = "処理できませんでした。入力した内容は残っています。"


def problem_of(error: Exception) -> Problem:
    if isinstance(error, RegistryUnreachable):
        return Problem(error.code, UNREACHABLE_MESSAGE, retryable=True)
    if isinstance(error, RegistryError):
        return Problem(error.code, error.message or UNEXPECTED_MESSAGE, field_of(error))
    return Problem(type(error).__name__, UNEXPECTED_MESSAGE)


def card_problem(error: Exception) -> Problem:
    """A card job's failure: the reader's own message for card errors, else as any other."""
    if isinstance(error, CardError):
        return Problem(error.code, error.message)
    return problem_of(error)
