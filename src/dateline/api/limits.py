"""Request limits, as ASGI middlewares so they act before any body is read or any route runs.

`BodyLimit` refuses bodies over a byte budget (413, D604), whether announced by `Content-Length` or streamed in
chunks. `RateLimit` is a token bucket per client address (429, D605, with `Retry-After`).
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dateline.api.problems import error_payload
from dateline.errors import Code


async def _send_error(send: Send, code: Code, message: str, headers: dict[str, str] | None = None) -> None:
    payload = error_payload(code, message)
    body = json.dumps(payload).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": payload["error"]["status"], "headers": raw})
    await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    pass


class BodyLimit:
    """Refuse request bodies larger than `max_bytes`."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        message = f"request body is larger than {self.max_bytes} bytes; send it in smaller parts"
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await _send_error(send, Code.PAYLOAD_TOO_LARGE, message)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            item = await receive()
            if item["type"] == "http.request":
                received += len(item.get("body", b""))
                if received > self.max_bytes:
                    raise _TooLarge
            return item

        async def tracking_send(item: Message) -> None:
            nonlocal started
            started = started or item["type"] == "http.response.start"
            await send(item)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            if not started:
                await _send_error(send, Code.PAYLOAD_TOO_LARGE, message)


@dataclass(frozen=True)
class Rate:
    """A rate limit: `per_second` sustained requests from one client address, bursts up to `burst`.

    >>> Rate(20, 40).per_second
    20
    """

    per_second: float
    burst: int


class TokenBuckets:
    """One token bucket per client: each request takes a token; tokens refill at the sustained rate.

    `monotonic` is injectable so tests need not sleep. It measures intervals only; it never dates anything.
    """

    def __init__(self, rate: Rate, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.monotonic = monotonic
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, client: str) -> float:
        """0 if the request may go on, else the seconds to wait before the next one would be accepted."""
        now = self.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(client, (float(self.rate.burst), now))
            tokens = min(float(self.rate.burst), tokens + (now - last) * self.rate.per_second)
            if tokens >= 1:
                self._buckets[client] = (tokens - 1, now)
                return 0.0
            self._buckets[client] = (tokens, now)
            return (1 - tokens) / self.rate.per_second


class RateLimit:
    """Answer 429 to a client that exceeds its bucket."""

    def __init__(self, app: ASGIApp, buckets: TokenBuckets) -> None:
        self.app = app
        self.buckets = buckets

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        client: Any = scope.get("client")
        wait = self.buckets.take(client[0] if client else "unknown")
        if wait:
            rate = self.buckets.rate
            await _send_error(send, Code.RATE_LIMITED,
                              f"more than {rate.per_second:g} requests a second (bursts of {rate.burst}); "
                              "slow down and retry", headers={"Retry-After": str(math.ceil(wait))})
            return
        await self.app(scope, receive, send)
