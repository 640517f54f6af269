"""How bytes leave the server: Go-flavoured JSON, Ollama's content types and timestamps.

Ollama is a Go program behind gin. Clients (and the contract suite) notice the small things it
does: `application/json; charset=utf-8` for `c.JSON`, bare `application/json` when a stream was
turned off or failed before its first line, `<`/`>`/`&` escaped as `\\u003c`..., timestamps with
trailing zeros trimmed from the nanoseconds. This module is the one place that knows them.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, MutableMapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from starlette.responses import Response

from .gofloat import go_json_ready, go_numbers

__all__ = [
    "JSON",
    "JSON_NO_CHARSET",
    "NDJSON",
    "TEXT",
    "ASGIApp",
    "DeferredJSONResponse",
    "Event",
    "Failure",
    "HTTPError",
    "Message",
    "NDJSONResponse",
    "RawResponse",
    "Receive",
    "Scope",
    "Send",
    "encode",
    "error_response",
    "go_quote",
    "guarded",
    "json_response",
    "local_timestamp",
    "plain_response",
    "progress_response",
    "send_response",
    "utc_timestamp",
]

JSON = "application/json; charset=utf-8"
JSON_NO_CHARSET = "application/json"
NDJSON = "application/x-ndjson"
TEXT = "text/plain; charset=utf-8"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Send = Callable[[Message], Awaitable[None]]
Receive = Callable[[], Awaitable[Message]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass
class Failure:
    """An error raised while a response is being produced, with the status Ollama would give it."""

    message: str
    status: int = 500


class HTTPError(Exception):
    """Raised by handlers to answer `{"error": message}` with a status (and c.JSON's content type)."""

    def __init__(self, status: int, message: str, content_type: str = JSON) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.content_type = content_type


def encode(value: Any) -> bytes:
    """Serialise like Go's encoding/json: compact, UTF-8, HTML-sensitive characters escaped, Go's floats."""
    value, exponents = go_json_ready(value)
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    if exponents:
        text = go_numbers(text)
    if "<" in text or ">" in text or "&" in text:
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    if "\u2028" in text or "\u2029" in text:
        text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return text.encode("utf-8", "replace")


def go_quote(s: str) -> str:
    """Go's `%q` for the strings that appear in Ollama's messages."""
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _fraction(ns: int) -> str:
    frac = f"{ns % 1_000_000_000:09d}".rstrip("0")
    return f".{frac}" if frac else ""


def utc_timestamp(ns: int | None = None) -> str:
    """`created_at`: UTC, RFC 3339 with nanoseconds, trailing zeros trimmed (Go's RFC3339Nano)."""
    ns = time.time_ns() if ns is None else ns
    secs = ns // 1_000_000_000
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(secs)) + _fraction(ns) + "Z"


def local_timestamp(ns: int) -> str:
    """`modified_at` / `expires_at`: the server's local time with its offset (`Z` when it is UTC)."""
    secs = ns // 1_000_000_000
    try:
        moment = datetime.fromtimestamp(secs).astimezone()
    except (OverflowError, OSError, ValueError):
        moment = datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    if minutes == 0:
        zone = "Z"
    else:
        sign = "+" if minutes > 0 else "-"
        zone = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + _fraction(ns) + zone


async def send_response(
    send: Send,
    status: int,
    body: bytes,
    content_type: str | None,
    *,
    head: bool = False,
    extra: Mapping[str, str] | None = None,
) -> None:
    headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in (extra or {}).items()]
    if content_type is not None:
        headers.append((b"content-type", content_type.encode("latin-1")))
    headers.append((b"content-length", str(len(body)).encode("ascii")))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if head else body})


class RawResponse(Response):
    """A finished response: status, body and content type exactly as given, nothing added."""

    def __init__(
        self, status: int, body: bytes = b"", content_type: str | None = None, extra: Mapping[str, str] | None = None
    ) -> None:
        self.status_code = status
        self.body = body
        self.content_type = content_type
        self.extra = extra
        self.background = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        head = scope.get("method") == "HEAD"
        await send_response(send, self.status_code, bytes(self.body), self.content_type, head=head, extra=self.extra)


def json_response(value: Any, status: int = 200, content_type: str = JSON) -> RawResponse:
    return RawResponse(status, encode(value), content_type)


def error_response(status: int, message: str, content_type: str = JSON) -> RawResponse:
    return RawResponse(status, encode({"error": message}), content_type)


def plain_response(status: int, text: str, extra: Mapping[str, str] | None = None) -> RawResponse:
    return RawResponse(status, text.encode("utf-8"), TEXT, extra)


Event = dict[str, Any] | Failure
"""One item of a response stream: a line to send, or the failure that ends it."""


class NDJSONResponse(Response):
    """Ollama's streamResponse: NDJSON lines, or a plain JSON error if nothing was sent yet.

    Lines produced without waiting are coalesced into larger writes; a client cannot tell, and it
    is what lets a Python server stream tens of thousands of lines a second. `flush_each` writes
    every line as it comes instead, for streams that take real time. A client that goes away
    ends the stream, so an endless answer stops when nobody reads it.
    """

    flush_bytes = 16 * 1024

    def __init__(self, events: AsyncIterator[Event], *, flush_each: bool = False) -> None:
        self.events = guarded(events)
        self.status_code = 200
        self.background = None
        if flush_each:
            self.flush_bytes = 1

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        events = self.events
        watcher = asyncio.ensure_future(_disconnected(receive))
        try:
            first = await _next(events)
            if isinstance(first, Failure):
                await send_response(send, first.status, encode({"error": first.message}), JSON_NO_CHARSET)
                return
            await send(
                {"type": "http.response.start", "status": 200, "headers": [(b"content-type", NDJSON.encode("ascii"))]}
            )
            buf = bytearray()
            event: Event | None = first
            while event is not None:
                if isinstance(event, Failure):  # after the 200, a failure is the stream's last line
                    buf += encode({"error": event.message}) + b"\n"
                    break
                buf += encode(event) + b"\n"
                if len(buf) >= self.flush_bytes:
                    await send({"type": "http.response.body", "body": bytes(buf), "more_body": True})
                    buf.clear()
                if watcher.done():
                    return
                event = await _next(events)
            await _close(events)
            await send({"type": "http.response.body", "body": bytes(buf), "more_body": False})
        finally:
            watcher.cancel()
            await _close(events)


class DeferredJSONResponse(Response):
    """A JSON answer that takes real time to make, given up if the client leaves meanwhile."""

    def __init__(self, make: Callable[[], Awaitable[Any]]) -> None:
        self.make = make
        self.status_code = 200
        self.background = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        work = asyncio.ensure_future(self.make())
        watcher = asyncio.ensure_future(_disconnected(receive))
        try:
            await asyncio.wait({work, watcher}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            watcher.cancel()
            if not work.done():
                work.cancel()
        if work.cancelled():
            return
        await json_response(work.result())(scope, receive, send)


async def _disconnected(receive: Receive) -> None:
    """Return when the client has gone (the request's body must already have been read)."""
    while (await receive())["type"] != "http.disconnect":
        pass


async def _next(events: AsyncIterator[Event]) -> Event | None:
    try:
        return await anext(events)
    except StopAsyncIteration:
        return None


async def _close(events: AsyncIterator[Event]) -> None:
    aclose = getattr(events, "aclose", None)
    if aclose is not None:
        await aclose()


async def guarded(events: AsyncIterator[Event]) -> AsyncIterator[Event]:
    """The events, with an unexpected exception turned into a 500 Failure.

    A bug in a handler then ends the stream as Ollama ends a failed one (an error line, or a JSON
    error when nothing was sent yet) instead of cutting the connection mid-chunk.
    """
    try:
        async for event in events:
            yield event
    except Exception as exc:
        yield Failure(str(exc) or type(exc).__name__, 500)
    finally:
        await _close(events)


async def progress_response(events: AsyncIterator[Event], stream: bool) -> RawResponse | NDJSONResponse:
    """Ollama's waitForStream / streamResponse pair, for create, pull and push."""
    if stream:
        return NDJSONResponse(events, flush_each=True)
    last: dict[str, Any] = {"status": ""}
    events = guarded(events)
    async for event in events:
        if isinstance(event, Failure):
            await _close(events)
            return error_response(event.status, event.message, JSON_NO_CHARSET)
        last = event
    return json_response(last, 200, JSON_NO_CHARSET)
