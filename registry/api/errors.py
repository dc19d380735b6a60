"""Every error leaves the API as {"error": {"code", "message", ...}}: a stable English code for
programs and a Japanese message for the clerk. Nothing escapes as a bare 500 with a traceback."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.domain.errors import DomainError
from registry.security.errors import SecurityError

log = logging.getLogger(__name__)


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message
        self.extra = extra


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, **extra}}


def _response(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse(status_code=status, content=error_body(code, message, **extra))


_HTTP_CODES: dict[int, tuple[str, str]] = {
    404: ("not_found", "指定されたものが見つかりません。"),
    405: ("method_not_allowed", "この操作はできません。"),
    401: ("unauthorized", "ログインが必要です。"),
    403: ("forbidden", "この操作を行う権限がありません。"),
}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return _response(exc.status, exc.code, exc.message, **exc.extra)

    @app.exception_handler(SecurityError)
    async def _security_error(_request: Request, exc: SecurityError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return JSONResponse(
            status_code=exc.status, content=error_body(exc.code, exc.message), headers=headers
        )

    @app.exception_handler(DomainError)
    async def _domain_error(_request: Request, exc: DomainError) -> JSONResponse:
        extra = {"field": exc.field} if exc.field else {}
        return _response(422, exc.code, exc.message, **extra)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        location = [str(part) for part in first.get("loc", ()) if part not in ("query", "body")]
        return _response(
            422,
            "invalid_parameter",
            "入力内容に誤りがあります。",
            field=".".join(location) or None,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, message = _HTTP_CODES.get(exc.status_code, ("http_error", "要求を処理できません。"))
        return _response(exc.status_code, code, message)

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        # Logged without the request, which may carry personal data in its query string.
        log.exception("unexpected error: %s", type(exc).__name__)
        return _response(
            500, "internal_error", "システムエラーが発生しました。管理者に連絡してください。"
        )
