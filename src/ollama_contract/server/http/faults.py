"""Fault injection: a server that misbehaves on purpose, for testing clients and contract suites.

Faults come from the server's options (every request) and from the `X-Ollama-Fault` header of a
request (that request only), as comma-separated specs. They are applied by an ASGI middleware
around the app, which rewrites what the handlers send; only `ghost-model` needs a handler's help.
The spec names are listed in the package docstring.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from dataclasses import dataclass
from http import HTTPStatus

from starlette.requests import Request

from ... import _spec
from ..._judge import is_final
from .._state import VERSION
from .breakers import missing_field, missing_version_field, response_schema, wrong_type
from .wire import JSON, ASGIApp, Message, Receive, Scope, Send, encode, send_response

__all__ = ["FAULT_HEADER", "Fault", "FaultMiddleware", "faults_of", "parse_faults"]

FAULT_HEADER = "x-ollama-fault"
_FAULT_HEADER_KEY = FAULT_HEADER.encode("latin-1")
_VALUED = {"drop-after", "garbage-line", "delay", "status"}
_FLAGS = {
    "wrong-type",
    "missing-field",
    "undocumented-status",
    "bad-ndjson",
    "no-final-line",
    "ghost-model",
    "endless",
    "hang",
    "missing-version-field",  # a field this server's version always sends, beyond the all-versions contract
}
# Faults a handler carries out by itself: nothing for the middleware to rewrite.
_HANDLER_ONLY = {"ghost-model", "endless"}
_STREAM_ONLY = {"drop-after", "garbage-line", "bad-ndjson", "no-final-line"}
_MESSAGES = {
    400: "invalid request",
    401: "unauthorized",
    403: "forbidden",
    404: "model not found",
    429: "rate limit exceeded",
    499: "request canceled",
    500: "an error was encountered while running the model: unexpected EOF",
    502: "bad gateway",
    503: "server busy, please try again.  maximum pending requests exceeded",
}
_UNDOCUMENTED = (418, 422, 451, 402, 409, 410, 412, 417, 426, 431)


class DropConnection(Exception):
    """Raised to make the server close the connection mid-response (drop-after)."""


class _QuietDrops(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        while exc is not None:
            if isinstance(exc, DropConnection):
                return False
            exc = exc.__cause__ or exc.__context__
        return True


@dataclass(frozen=True)
class Fault:
    name: str
    value: int = 0
    nth: int = 0  # 0: every request

    def __str__(self) -> str:
        nth = f"@{self.nth}" if self.nth else ""
        if self.name not in _VALUED:
            return self.name + nth
        return f"{self.name}={self.value}{nth}"


def parse_faults(text: str | list[str] | tuple[str, ...]) -> list[Fault]:
    """Parse `spec[,spec...]` (or a list of them); ValueError names the bad spec."""
    items = text.split(",") if isinstance(text, str) else [p for t in text for p in str(t).split(",")]
    out: list[Fault] = []
    for raw in items:
        spec = raw.strip()
        if not spec:
            continue
        name, _, value = spec.partition("=")
        name = name.strip().lower()
        flag, _, flag_nth = name.partition("@")
        if flag in _FLAGS and not value:
            try:
                nth_of_flag = int(flag_nth) if flag_nth else 0
            except ValueError:
                raise ValueError(f"bad number in fault spec {spec!r}") from None
            if nth_of_flag < 0:
                raise ValueError(f"bad number in fault spec {spec!r}")
            out.append(Fault(flag, 0, nth_of_flag))
            continue
        if name not in _VALUED or not value:
            raise ValueError(f"unknown fault spec {spec!r}")
        amount, _, nth = value.partition("@")
        try:
            fault = Fault(name, int(amount), int(nth) if nth else 0)
        except ValueError:
            raise ValueError(f"bad number in fault spec {spec!r}") from None
        if fault.value < 0 or fault.nth < 0 or (name == "status" and not 100 <= fault.value <= 599):
            raise ValueError(f"bad number in fault spec {spec!r}")
        out.append(fault)
    return out


def faults_of(request: Request) -> set[str]:
    """Names of the faults active for this request (for handlers that must cooperate)."""
    active: set[str] = request.scope.get("ollama.faults", set())
    return active


def _undocumented_status(method: str, path: str) -> int:
    op = _spec.operation_for(method, path)
    declared = set(op.responses) if op is not None else set()
    return next(code for code in _UNDOCUMENTED if code not in declared)


def _is_final(line: bytes, scope: Scope) -> bool:
    """Is this the final line of its stream, as the operation's `x-ollama` stream facts define it?"""
    op = _spec.operation_for(scope.get("method", ""), scope.get("path", ""))
    if op is None or op.stream is None:
        return False
    try:
        value = json.loads(line)
    except ValueError:
        return False
    return is_final(op.stream, value)


class FaultMiddleware:
    def __init__(self, app: ASGIApp, faults: list[Fault], version: str = VERSION) -> None:
        self.app = app
        self.faults = faults
        self.version = version
        """The version the server reports, whose profile `missing-version-field` breaks."""
        self._lock = threading.Lock()
        self._count = 0
        self._per_header: dict[str, int] = {}
        logging.getLogger("uvicorn.error").addFilter(_QuietDrops())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        header = ""
        for key, val in scope.get("headers", []):
            if key == _FAULT_HEADER_KEY:
                header = val.decode("latin-1")
        with self._lock:
            self._count += 1
            number = self._count
            header_number = 0
            if header:
                header_number = self._per_header.get(header, 0) + 1
                self._per_header[header] = header_number
        if not self.faults and not header:
            scope["ollama.faults"] = set()
            await self.app(scope, receive, send)
            return
        try:
            requested = parse_faults(header) if header else []
        except ValueError as exc:
            await send_response(send, 400, encode({"error": f"X-Ollama-Fault: {exc}"}), JSON)
            return
        active = [f for f in self.faults if not f.nth or f.nth == number]
        active += [f for f in requested if not f.nth or f.nth == header_number]
        scope["ollama.faults"] = {f.name for f in active}
        if all(f.name in _HANDLER_ONLY for f in active):
            await self.app(scope, receive, send)
            return
        await _Run(self.app, active, scope, self.version).run(receive, send)


class _Run:
    """One request under faults."""

    def __init__(self, app: ASGIApp, faults: list[Fault], scope: Scope, version: str = VERSION) -> None:
        self.app = app
        self.scope = scope
        self.version = version
        self.names = {f.name for f in faults}
        self.values = {f.name: f.value for f in faults}
        self.delay = self.values.get("delay", 0) / 1000.0

    async def run(self, receive: Receive, send: Send) -> None:
        if self.delay:
            await asyncio.sleep(self.delay)
        if "hang" in self.names:
            # Read the whole request, then never answer: only the client going away ends it.
            while (await receive())["type"] != "http.disconnect":
                pass
            return
        head = self.scope.get("method") == "HEAD"
        if "status" in self.names:
            code = self.values["status"]
            message = _MESSAGES.get(code) or HTTPStatus(code).phrase.lower()
            await send_response(send, code, encode({"error": message}), JSON, head=head)
            return
        if "undocumented-status" in self.names:
            code = _undocumented_status(self.scope.get("method", "GET"), self.scope.get("path", "/"))
            await send_response(send, code, encode({"error": "I'm a teapot"}), JSON, head=head)
            return
        await self.app(self.scope, receive, _Rewriter(self, send).send)


class _Rewriter:
    def __init__(self, run: _Run, send: Send) -> None:
        self.run = run
        self.downstream = send
        self.start: Message | None = None
        self.kind = ""
        self.body = bytearray()
        self.partial = b""
        self.lines = 0
        self.inserted_garbage = False
        self.inserted_bad = False
        self.schema: str | None = None

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = {k.lower(): v for k, v in message.get("headers", [])}
            ctype = headers.get(b"content-type", b"").decode("latin-1")
            self.kind = "ndjson" if ctype.startswith("application/x-ndjson") else "json" if "json" in ctype else ""
            self.start = message
            if self.run.names & {"wrong-type", "missing-field", "missing-version-field"} and self.kind:
                media = ctype.split(";", 1)[0].strip()
                scope = self.run.scope
                self.schema = response_schema(scope.get("method", ""), scope.get("path", ""), message["status"], media)
            if self.kind != "json":
                await self.downstream(message)
            return
        if message["type"] != "http.response.body":
            await self.downstream(message)
            return
        more = bool(message.get("more_body", False))
        if self.kind == "json":
            self.body += message.get("body", b"")
            if not more:
                await self._send_json()
            return
        if self.kind == "ndjson":
            await self._stream(message.get("body", b""), more)
            return
        await self.downstream(message)

    async def _send_json(self) -> None:
        assert self.start is not None
        body = bytes(self.body)
        names = self.run.names
        if names & {"wrong-type", "missing-field", "missing-version-field"} and body:
            try:
                value = json.loads(body)
            except ValueError:
                value = None
            if value is not None:
                if "wrong-type" in names:
                    value = wrong_type(value, self.schema)
                if "missing-field" in names:
                    value = missing_field(value, self.schema)
                if "missing-version-field" in names:
                    value = missing_version_field(value, self.schema, self.run.version)
                body = encode(value)
        headers = [(k, v) for k, v in self.start.get("headers", []) if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(body)).encode("ascii")))
        await self.downstream({**self.start, "headers": headers})
        head = self.run.scope.get("method") == "HEAD"
        await self.downstream({"type": "http.response.body", "body": b"" if head else body})

    async def _stream(self, chunk: bytes, more: bool) -> None:
        data = self.partial + chunk
        *complete, self.partial = data.split(b"\n")
        if not more and self.partial:
            complete.append(self.partial)
            self.partial = b""
        out: list[bytes] = []
        for line in complete:
            if not line.strip():
                continue
            await self._emit(line, out)
        if out:
            await self.downstream({"type": "http.response.body", "body": b"".join(out), "more_body": True})
        if not more:
            if "drop-after" in self.run.names:
                raise DropConnection
            await self.downstream({"type": "http.response.body", "body": b"", "more_body": False})

    async def _emit(self, line: bytes, out: list[bytes]) -> None:
        run = self.run
        names = run.names
        if "no-final-line" in names and _is_final(line, run.scope):
            return
        if names & {"wrong-type", "missing-field", "missing-version-field"}:
            try:
                value = json.loads(line)
                if "wrong-type" in names:
                    value = wrong_type(value, self.schema)
                if "missing-field" in names:
                    value = missing_field(value, self.schema)
                if "missing-version-field" in names:
                    value = missing_version_field(value, self.schema, self.run.version)
                line = encode(value)
            except ValueError:
                pass
        pending = [line + b"\n"]
        if "garbage-line" in names and not self.inserted_garbage and self.lines + 1 == run.values["garbage-line"]:
            pending.append(b"this line is not JSON\n")
            self.inserted_garbage = True
        if "bad-ndjson" in names and not self.inserted_bad:
            pending.append(b'{"done": fal\n')
            self.inserted_bad = True
        if "garbage-line" in names and run.values["garbage-line"] == 0 and not self.inserted_garbage:
            pending.insert(0, b"this line is not JSON\n")
            self.inserted_garbage = True
        for piece in pending:
            if "drop-after" in names and self.lines >= run.values["drop-after"]:
                if out:
                    await self.downstream({"type": "http.response.body", "body": b"".join(out), "more_body": True})
                    out.clear()
                raise DropConnection
            if run.delay and self.lines:
                if out:
                    await self.downstream({"type": "http.response.body", "body": b"".join(out), "more_body": True})
                    out.clear()
                await asyncio.sleep(run.delay)
            out.append(piece)
            self.lines += 1
