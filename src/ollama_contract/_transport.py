"""The second stage of a call: send it. Retries, and typed connection errors.

`send` (a call answered whole) and `open_stream` (a stream, its body left unread) are what the
shells call after the first stage (`_request`) and before the third (`_judge`); `RetryTransport`
is the httpx transport under every client this package builds.

Retries are a transport concern because only the transport sees a failed connection. They apply
to idempotent requests alone (GET and HEAD, see `Retries`), never to the streams of this package
(marked through a request extension) and never to POSTs: a retried generate would run the model
twice. Once the transport has returned a response, nothing is retried: a stream that breaks
halfway raises APIConnectionError to its reader.

httpx's own errors become APIConnectionError / APITimeoutError here, so that users of the
generated functions see this package's errors; `translate` is shared with the streams, which
also see errors raised while the body is read.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from types import TracebackType
from typing import Any

import anyio
import httpx

from ._config import Retries
from ._errors import APIConnectionError, APITimeoutError
from ._spec import operation_for

__all__ = [
    "RetryTransport",
    "aopen_stream",
    "aread",
    "asend",
    "open_stream",
    "read",
    "send",
    "translate",
    "translating",
]


def translate(
    exc: httpx.RequestError, operation: str | None = None, request: httpx.Request | None = None
) -> APIConnectionError:
    """This package's error for an httpx request error (connection, timeout, protocol, decoding)."""
    if request is None:
        try:
            request = exc.request
        except RuntimeError:  # raised by a transport that did not attach the request
            request = None
    target = ""
    if request is not None:
        if operation is None:
            found = operation_for(request.method, request.url.path)
            operation = found.operation_id if found else None
        url = request.url
        target = f" ({request.method} {url.scheme}://{url.host}:{url.port or ''}{url.path})"
    cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    detail = str(exc) or type(exc).__name__
    return cls(f"{operation or 'request'}: {type(exc).__name__}: {detail}{target}", operation=operation)


class translating:
    """`with translating(op):` turns httpx request errors raised inside into this package's errors."""

    __slots__ = ("operation",)

    def __init__(self, operation: str | None) -> None:
        self.operation = operation

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if isinstance(exc, httpx.RequestError):
            raise translate(exc, self.operation) from exc


def send(http: httpx.Client, kwargs: dict[str, Any], operation: str) -> httpx.Response:
    """Send one request (httpx `request` arguments) and read its answer whole."""
    with translating(operation):
        return http.request(**kwargs)


async def asend(http: httpx.AsyncClient, kwargs: dict[str, Any], operation: str) -> httpx.Response:
    """The async `send`."""
    with translating(operation):
        return await http.request(**kwargs)


def open_stream(http: httpx.Client, kwargs: dict[str, Any], operation: str) -> httpx.Response:
    """Send one request and return its response with the body unread (the caller closes it)."""
    with translating(operation):
        return http.send(http.build_request(**kwargs), stream=True)


async def aopen_stream(http: httpx.AsyncClient, kwargs: dict[str, Any], operation: str) -> httpx.Response:
    """The async `open_stream`."""
    with translating(operation):
        return await http.send(http.build_request(**kwargs), stream=True)


def read(response: httpx.Response, operation: str) -> None:
    """Read the rest of an opened response's body, then close it."""
    try:
        with translating(operation):
            response.read()
    finally:
        response.close()


async def aread(response: httpx.Response, operation: str) -> None:
    """The async `read`."""
    try:
        with translating(operation):
            await response.aread()
    finally:
        await response.aclose()


class RetryTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Retries idempotent requests per `Retries` and raises typed errors; serves sync and async clients.

    The generated client hands the same `httpx_args` to its sync and its async httpx client, so one
    object plays both parts, as `httpx.MockTransport` does. `transport` is the transport underneath:
    one that is both sync and async (a MockTransport) serves both clients; a sync-only or async-only
    one serves its side, and the other side gets httpx's default. Defaults are made on first use:
    building one costs about 30 ms (an SSL context), which a client that is never used should not pay.
    """

    def __init__(
        self,
        retries: Retries,
        transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.retries = retries
        self._sync = transport if isinstance(transport, httpx.BaseTransport) else None
        self._async = transport if isinstance(transport, httpx.AsyncBaseTransport) else None
        self._sleep = sleep

    def _sync_inner(self) -> httpx.BaseTransport:
        if self._sync is None:
            self._sync = httpx.HTTPTransport()
        return self._sync

    def _async_inner(self) -> httpx.AsyncBaseTransport:
        if self._async is None:
            self._async = httpx.AsyncHTTPTransport()
        return self._async

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        inner, attempt = self._sync_inner(), 1
        while True:
            try:
                response = inner.handle_request(request)
            except httpx.RequestError as exc:
                if (delay := self.retries.next_delay(request, attempt, error=exc)) is None:
                    raise translate(exc, request=request) from exc
            else:
                if (delay := self.retries.next_delay(request, attempt, status=response.status_code)) is None:
                    return response
                response.close()
            self._sleep(delay)
            attempt += 1

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        inner, attempt = self._async_inner(), 1
        while True:
            try:
                response = await inner.handle_async_request(request)
            except httpx.RequestError as exc:
                if (delay := self.retries.next_delay(request, attempt, error=exc)) is None:
                    raise translate(exc, request=request) from exc
            else:
                if (delay := self.retries.next_delay(request, attempt, status=response.status_code)) is None:
                    return response
                await response.aclose()
            await anyio.sleep(delay)
            attempt += 1

    def close(self) -> None:
        if self._sync is not None:
            self._sync.close()

    async def aclose(self) -> None:
        if self._async is not None:
            await self._async.aclose()

    def __repr__(self) -> str:
        return f"RetryTransport({self.retries!r})"
