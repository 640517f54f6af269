"""Test doubles that serve bytes we control: MockTransport handlers and a real loopback HTTP server."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
from helpers import load_wire_fixtures

FIXTURES = load_wire_fixtures()


def fixture(operation: str, name: str) -> dict[str, Any]:
    return next(f for f in FIXTURES if f["operation"] == operation and f["name"] == name)


def ndjson(lines: Iterable[Any]) -> bytes:
    return b"".join(json.dumps(line, ensure_ascii=False).encode() + b"\n" for line in lines)


def body_of(exchange: dict[str, Any]) -> bytes:
    if "lines" in exchange:
        return ndjson(exchange["lines"])
    body = exchange.get("body")
    if body is None:
        return b""
    return body.encode() if isinstance(body, str) else json.dumps(body).encode()


def chunked(data: bytes, size: int) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)] or [b""]


class Chunks(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body served in given pieces, then optionally a transport error (a dropped connection)."""

    def __init__(self, pieces: list[bytes], fail: Exception | None = None) -> None:
        self.pieces = pieces
        self.fail = fail
        self.closed = False
        self.served = 0

    def __iter__(self) -> Iterator[bytes]:
        for piece in self.pieces:
            self.served += 1
            yield piece
        if self.fail is not None:
            raise self.fail

    async def __aiter__(self) -> Any:
        for piece in self.pieces:
            self.served += 1
            yield piece
        if self.fail is not None:
            raise self.fail

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


@dataclass
class Server:
    """Routes for a MockTransport: path -> exchange, recording every request it receives."""

    routes: dict[str, Any] = field(default_factory=dict)
    requests: list[httpx.Request] = field(default_factory=list)
    streams: list[Chunks] = field(default_factory=list)
    chunk_size: int | None = None

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        route = self.routes[request.url.path]
        if callable(route):
            response: httpx.Response = route(request)
            return response
        exchange, pieces, fail = route if isinstance(route, tuple) else (route, None, None)
        data = body_of(exchange)
        pieces = pieces if pieces is not None else chunked(data, self.chunk_size or max(len(data), 1))
        stream = Chunks(pieces, fail)
        self.streams.append(stream)
        headers = {"content-type": exchange["content_type"]} if exchange.get("content_type") else {}
        return httpx.Response(exchange["status"], headers=headers, stream=stream)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)


# ---------------------------------------------------------------------------------------------- loopback


@dataclass
class Script:
    """What the loopback server answers: a status line and headers, then body pieces written one by
    one (with a pause, so that each arrives in its own read), then a clean end or a dropped connection."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/x-ndjson"})
    pieces: list[bytes] = field(default_factory=list)
    chunked: bool = True
    drop: bool = False
    pause: float = 0.002
    delay_headers: float = 0.0


class Loopback:
    """A real HTTP/1.1 server on 127.0.0.1 that answers each request with the Script a handler returns."""

    def __init__(self, handler: Callable[[str, str, bytes], Script]) -> None:
        self.handler = handler
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.received: list[tuple[str, str, dict[str, str], bytes]] = []
        self._stop = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with conn:
            try:
                data = b""
                while b"\r\n\r\n" not in data:
                    got = conn.recv(65536)
                    if not got:
                        return
                    data += got
                head, _, body = data.partition(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                method, path, _ = lines[0].split(" ", 2)
                headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}
                length = int(headers.get("content-length", "0"))
                while len(body) < length:
                    body += conn.recv(65536)
                self.received.append((method, path, headers, body))
                script = self.handler(method, path, body)
                time.sleep(script.delay_headers)
                out = [f"HTTP/1.1 {script.status} X"]
                out += [f"{k}: {v}" for k, v in script.headers.items()]
                if script.chunked:
                    out.append("Transfer-Encoding: chunked")
                else:
                    out.append(f"Content-Length: {sum(map(len, script.pieces)) + (64 if script.drop else 0)}")
                out.append("Connection: close")
                conn.sendall(("\r\n".join(out) + "\r\n\r\n").encode())
                for piece in script.pieces:
                    conn.sendall(b"%x\r\n%s\r\n" % (len(piece), piece) if script.chunked else piece)
                    time.sleep(script.pause)
                if script.drop:
                    conn.shutdown(socket.SHUT_RDWR)
                    return
                if script.chunked:
                    conn.sendall(b"0\r\n\r\n")
            except OSError:
                return

    def close(self) -> None:
        self._stop = True
        self.sock.close()
