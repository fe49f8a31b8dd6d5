"""The one error shape of the HTTP API, and the handlers that turn every failure into it.

Every error, whether FastAPI's validation, an unknown route, a refused token, an oversized body, the rate limit or a
`DatelineError` raised by a query, is answered with the same JSON body:

    {"error": {"code": "D402", "status": 400, "message": "as-of 'x' is not an ISO date ...", "details": []}}

`code` is the stable code from `dateline.errors.Code`; `status` repeats the HTTP status for clients that only see
the body. Browsers asking for a UI page get the same information as an HTML page instead.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from dateline.errors import Code, DatelineError

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

_STATUS = {
    Code.NOT_FOUND: 404,
    Code.UNKNOWN_STORY: 404,
    Code.UNKNOWN_ENTITY: 404,
    Code.STORE_CORRUPT: 503,
    Code.STORE_TOO_NEW: 503,
    Code.STORE_WRITE_FAILED: 503,
    Code.INVALID_REQUEST: 422,
    Code.UNAUTHORIZED: 401,
    Code.WRITES_DISABLED: 403,
    Code.PAYLOAD_TOO_LARGE: 413,
    Code.RATE_LIMITED: 429,
    Code.NO_SUCH_ROUTE: 404,
    Code.METHOD_NOT_ALLOWED: 405,
    Code.INVALID_CURSOR: 400,
    Code.INTERNAL: 500,
}
_HTTP_CODES = {404: Code.NO_SUCH_ROUTE, 405: Code.METHOD_NOT_ALLOWED, 401: Code.UNAUTHORIZED,
               413: Code.PAYLOAD_TOO_LARGE, 429: Code.RATE_LIMITED}


class ErrorDetail(BaseModel):
    """One precise complaint, e.g. which query parameter failed validation and why."""

    location: str = Field(description="Where: a dotted path such as `query.as_of`.")
    message: str


class ErrorBody(BaseModel):
    code: str = Field(description="Stable dateline error code, e.g. D402.", examples=["D402"])
    status: int = Field(description="The HTTP status of the response.")
    message: str
    details: list[ErrorDetail] = Field(default_factory=list)


class ErrorResponse(BaseModel):
    """The body of every error response."""

    error: ErrorBody


def status_for(code: Code) -> int:
    """The HTTP status for a dateline error code: 404 for missing things, 503 for the store, else 400."""
    return _STATUS.get(code, 400)


def error_payload(code: Code, message: str, details: list[ErrorDetail] | None = None,
                  status: int | None = None) -> dict[str, Any]:
    """The JSON body of an error, as a plain dict (also used by the ASGI middlewares)."""
    body = ErrorBody(code=code.value, status=status or status_for(code), message=message, details=details or [])
    return ErrorResponse(error=body).model_dump()


HtmlRenderer = Callable[[Request, int, dict[str, Any]], Response]


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", "")


def install(app: FastAPI, html: HtmlRenderer | None = None) -> None:
    """Register the handlers that give every error the one shape (HTML for browsers on UI pages via `html`)."""

    def respond(request: Request, code: Code, message: str, details: list[ErrorDetail] | None = None,
                status: int | None = None, headers: Mapping[str, str] | None = None) -> Response:
        payload = error_payload(code, message, details, status)
        if html is not None and _wants_html(request):
            return html(request, payload["error"]["status"], payload)
        return JSONResponse(payload, status_code=payload["error"]["status"], headers=headers)

    async def dateline_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, DatelineError)
        return respond(request, error.code, error.message)

    async def validation_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        details = [ErrorDetail(location=".".join(str(part) for part in item.get("loc", ())),
                               message=str(item.get("msg", "invalid"))) for item in error.errors()]
        where = ", ".join(detail.location for detail in details) or "the request"
        return respond(request, Code.INVALID_REQUEST, f"invalid request: check {where}", details)

    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        code = _HTTP_CODES.get(error.status_code, Code.INVALID_REQUEST)
        message = {Code.NO_SUCH_ROUTE: f"no such page or endpoint: {request.url.path}",
                   Code.METHOD_NOT_ALLOWED: f"{request.method} is not allowed on {request.url.path}"}.get(
                       code, str(error.detail))
        return respond(request, code, message, status=error.status_code, headers=error.headers)

    async def unexpected(request: Request, error: Exception) -> Response:
        log.exception("unexpected error answering %s %s", request.method, request.url.path, exc_info=error)
        return respond(request, Code.INTERNAL, "internal error; the server log has the details")

    handlers: dict[type[Exception], Callable[[Request, Exception], Awaitable[Response]]] = {
        DatelineError: dateline_error, RequestValidationError: validation_error,
        StarletteHTTPException: http_error, Exception: unexpected,
    }
    for kind, handler in handlers.items():
        app.add_exception_handler(kind, handler)


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": description}
    for status, description in ((400, "Invalid query, filter, as-of date or cursor"), (404, "Not found"),
                                (413, "Request body too large"), (422, "Invalid request parameters"),
                                (429, "Rate limit exceeded"), (503, "The store is unavailable"))
}
"""Error responses every endpoint may give, declared in the OpenAPI spec."""

WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorResponse, "description": "Missing or wrong token"},
    403: {"model": ErrorResponse, "description": "Writes are disabled on this server"},
}
"""The further error responses of the token-protected write endpoints."""
