"""The one error type the domain rules raise.

`code` is a stable English identifier that programs match on (it becomes the API error code);
`message` is Japanese, written for the clerk at the counter.
"""

from __future__ import annotations


class DomainError(ValueError):
    def __init__(self, code: str, message: str, *, field: str | None = None) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.field = field
