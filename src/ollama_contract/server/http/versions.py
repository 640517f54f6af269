"""`serve --ollama-version X`: the reference server answering as Ollama X did, as far as the spec knows.

The spec records since which release each route is in Ollama's router (`x-ollama: since`), and,
per response property, since when servers always send it (`x-always-since`, `x-always-until`) or
when it was removed (`x-removed-in`); `_profiles` turns the same facts into the contract of X.
A server imitating X, put around the handlers of the newest one, therefore:

- answers an operation whose route X did not register yet with gin's own 404 page, as the router
  of X would (before any handler runs, so no body is read and no model is touched);
- leaves out of every answer (JSON body or NDJSON line) fields X does not always send: by default
  (`zero`) those holding their Go zero value (`""`, `0`, `false`, an empty list or object, `null`),
  as X's `omitempty` did; with `always` every one of them (the sparsest server X's contract allows,
  sparser than X itself: X sent a non-empty `model_info`); with `random` each one by a coin from a
  seeded generator (a different but repeatable mix). A field the all-versions contract requires
  is never left out, and a removed one always is;
- reports X at `/api/version` (through `Settings.version`, which `..routes.server` answers).

Only the version facts the spec has are imitated: statuses, messages and behaviours stay the newest
release's. A version is refused when it is not one the spec can speak for (newer than its newest,
older than its oldest fact), with the versions it knows in the message.
"""

from __future__ import annotations

import json
import random
import threading
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from ... import _spec
from ..._profiles import Version, parse_version
from .breakers import _parts, response_schema
from .wire import ASGIApp, Message, Receive, Scope, Send, encode, plain_response

__all__ = ["LEAVE_OUT", "Release", "ReleaseMiddleware", "known_versions", "leave_out", "missing_routes", "release"]

LeaveOut = Literal["zero", "always", "random"]
LEAVE_OUT: tuple[LeaveOut, ...] = ("zero", "always", "random")
_FACTS = ("x-always-since", "x-always-until", "x-removed-in")


def _text(version: Version) -> str:
    return ".".join(map(str, version))


@cache
def known_versions() -> tuple[str, ...]:
    """Every release the shipped spec's version facts name, oldest first, its own version last."""
    doc = _spec.load_spec()
    found: set[Version] = {parse_version(str(doc["info"]["version"]))}

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            for key in _FACTS:
                if isinstance(node.get(key), str):
                    found.add(parse_version(node[key]))
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(doc["components"])
    found |= {parse_version(op.since) for op in _spec.operations().values() if op.since}
    return tuple(_text(v) for v in sorted(found))


def _check(text: str) -> Version:
    known = known_versions()
    try:
        version = parse_version(text)
    except ValueError:
        version = None
    if version is None or not parse_version(known[0]) <= version <= parse_version(known[-1]):
        raise ValueError(
            f"--ollama-version {text!r}: the spec knows Ollama {known[0]} to {known[-1]}, X.Y.Z; "
            f"its version facts change at {', '.join(known)}"
        )
    return version


@dataclass
class Release:
    """The Ollama release a server imitates, and how it leaves out what that release may leave out."""

    version: Version
    mode: LeaveOut = "zero"
    seed: int = 0
    _rng: random.Random = field(init=False, repr=False)
    _lock: threading.Lock = field(init=False, repr=False, default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)

    @property
    def text(self) -> str:
        return _text(self.version)

    def leaves_out(self, value: Any, pointer: bool) -> bool:
        """Whether this field, which the release may leave out, is left out (`pointer`: Go holds it
        behind a pointer, whose `omitempty` leaves out only nil)."""
        if self.mode == "zero":
            return value is None or (not pointer and value in ("", 0, False, [], {}) and value is not True)
        if self.mode == "always":
            return True
        with self._lock:
            return self._rng.random() < 0.5


def release(version: str, mode: str = "zero", seed: int = 0) -> Release:
    """A checked `Release`; ValueError (naming the versions the spec knows, or the modes) otherwise."""
    if mode not in LEAVE_OUT:
        raise ValueError(f"--leave-out must be one of {', '.join(LEAVE_OUT)}, not {mode!r}")
    return Release(_check(version), mode, seed)


@cache
def missing_routes(version: Version) -> frozenset[tuple[str, str]]:
    """(METHOD, templated path) of every operation whose route `version`'s router did not have yet."""
    return frozenset(
        (op.method.upper(), op.path)
        for op in _spec.operations().values()
        if op.since is not None and parse_version(op.since) > version
    )


def _optional(prop: Any, version: Version) -> bool | None:
    """True: `version` need not send it; None: it must be left out (removed); False: keep."""
    if not isinstance(prop, dict):
        return False
    removed = prop.get("x-removed-in")
    if isinstance(removed, str) and parse_version(removed) <= version:
        return None
    since, until = prop.get("x-always-since"), prop.get("x-always-until")
    if not isinstance(since, str):
        return False  # never always sent: the newest server's choice to send it stands
    return parse_version(since) > version or (isinstance(until, str) and parse_version(until) <= version)


def leave_out(value: Any, schema: str | None, release: Release) -> bool:
    """Take out of `value` (a response body or line fitting the schema at pointer `schema`), in
    place, what `release` leaves out; True when anything went."""
    return schema is not None and _walk(_spec.load_spec(), {"$ref": schema}, value, release, 0)


def _walk(doc: dict[str, Any], schema: Any, value: Any, release: Release, depth: int) -> bool:
    if depth > 12:
        return False
    if isinstance(value, list):
        node = _parts(doc, schema, {}, 0)
        items = next((p["items"] for p in node if isinstance(p.get("items"), dict)), None)
        return items is not None and any([_walk(doc, items, item, release, depth + 1) for item in value])
    if not isinstance(value, dict):
        return False
    parts = _parts(doc, schema, value, 0)
    required = {key for part in parts for key in part.get("required", [])}
    changed = False
    for key in list(value):
        props = [p["properties"][key] for p in parts if key in (p.get("properties") or {})]
        verdicts = [_optional(prop, release.version) for prop in props]
        pointer = any(isinstance(prop, dict) and prop.get("x-go-absent") == "nil" for prop in props)
        if None in verdicts or (
            key not in required and any(verdicts) and all(verdicts) and release.leaves_out(value[key], pointer)
        ):
            del value[key]
            changed = True
        elif props:
            changed = _walk(doc, props[0], value[key], release, depth + 1) or changed
    return changed


class ReleaseMiddleware:
    """Around the app: the 404 of a route not there yet, and every answer as the release sends it."""

    def __init__(self, app: ASGIApp, release: Release | None) -> None:
        self.app = app
        self.release = release

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.release is None:
            await self.app(scope, receive, send)
            return
        method, path = scope.get("method", "GET"), scope.get("path", "/")
        op = _spec.operation_for(method, path)
        if op is not None and (op.method.upper(), op.path) in missing_routes(self.release.version):
            await plain_response(404, "404 page not found")(scope, receive, send)
            return
        await self.app(scope, receive, _Answer(self.release, method, path, send).send)


class _Answer:
    """One answer on its way out: a JSON body whole, an NDJSON stream line by line."""

    def __init__(self, release: Release, method: str, path: str, send: Send) -> None:
        self.release = release
        self.method = method
        self.path = path
        self.downstream = send
        self.start: Message | None = None
        self.kind = ""
        self.schema: str | None = None
        self.body = bytearray()
        self.partial = b""

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = {k.lower(): v for k, v in message.get("headers", [])}
            media = headers.get(b"content-type", b"").decode("latin-1").split(";", 1)[0].strip()
            self.schema = response_schema(self.method, self.path, message["status"], media)
            # A HEAD answer has no body to change, and keeps the GET's Content-Length.
            if self.schema is not None and self.method != "HEAD":
                self.kind = "ndjson" if media == _spec.NDJSON else "json"
            self.start = message
            if self.kind != "json":
                await self.downstream(message)
            return
        if message["type"] != "http.response.body" or not self.kind:
            await self.downstream(message)
            return
        chunk, more = message.get("body", b""), bool(message.get("more_body", False))
        if self.kind == "json":
            self.body += chunk
            if not more:
                await self._send_json()
            return
        data = self.partial + chunk
        *lines, self.partial = data.split(b"\n")
        if not more and self.partial:
            lines, self.partial = [*lines, self.partial], b""
        out = b"".join(self._line(line) + b"\n" for line in lines if line.strip())
        await self.downstream({"type": "http.response.body", "body": out, "more_body": more})

    def _line(self, raw: bytes) -> bytes:
        try:
            value = json.loads(raw)
        except ValueError:
            return raw
        return encode(value) if leave_out(value, self.schema, self.release) else raw

    async def _send_json(self) -> None:
        assert self.start is not None
        body = bytes(self.body)
        if body:
            body = self._line(body)
        headers = [(k, v) for k, v in self.start.get("headers", []) if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(body)).encode("ascii")))
        await self.downstream({**self.start, "headers": headers})
        await self.downstream({"type": "http.response.body", "body": body})
