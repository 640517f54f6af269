"""httpx event hooks: how validation and typed errors attach to the generated functions.

They exist only for the generated functions (`generate.sync(client=...)`, `sync_stream`...),
which take a generated `Client` and call its httpx client themselves: httpx's hooks are the one
place where this package can stand between them and the wire. This package's own calls (the
client object, `stream`/`astream`) never rely on them: they walk the stages themselves
(`_request`, `_transport`, `_judge`, `_ndjson`) through an httpx client without hooks. Nor does
anything read the checker back from the hooks: the client that `create_client` builds carries it
(`ContractClient.checker`), and gives it to the hooks it builds.

A client made by `create_client` carries one `ContractHooks` object in its `httpx_args`:

- **request**: the JSON body is validated before anything is sent (strict: ContractViolation, and
  nothing leaves). A request that matches no operation of the spec is a violation too.
- **response**: the status and content type must be documented; a JSON body is read, parsed once
  and validated, and the generated code's later `response.json()` returns that same parsed object
  instead of parsing the body again (a 256 x 1024 embed response, 3.5 MB, costs about 15 ms to
  parse and 1 ms to validate: parsing it twice would cost fifteen times what validating it does).
  An NDJSON body is not read: the response's byte stream is wrapped so that each line is validated
  as it passes on to the generated `sync_stream` / `asyncio_stream`, which are never buffered.
  A status >= 400 raises this package's error for it (`error_for_status`), in every mode; a HEAD
  is answered by its status alone (blob_exists: 404 means "no such blob") and never raises.

Mode `off` turns off the schema checks only, not the protocol: a stream still raises StreamError
on an error line and IncompleteStreamError when its final line is missing (each line is parsed
for that, about 1 µs), a broken connection still raises APIConnectionError, and an error status
its APIStatusError. Only a successful JSON body is left entirely to the generated code.

Hooks rather than a transport, because every request of an httpx client passes its hooks, while
a transport can be bypassed (httpx mounts its own transports for proxies found in the environment).

**One object for both clients.** The generated `Client` passes the same `httpx_args` to the
`httpx.Client` and the `httpx.AsyncClient` it makes (lazily, and again after `with_headers()` or
`with_timeout()`, which copy the client), so the hooks must suit both: a sync client calls a hook
and ignores its result, an async one awaits it. Checking a request is CPU work done at once, the
result an already-finished awaitable. A response tells which client it came from by its stream
(httpx binds it in a `BoundSyncStream` or a `BoundAsyncStream`): for a sync client the work is
done at once; for an async one the hook returns a coroutine that reads the body with `aread()`.

Requests sent by this package's own streams and by the client object (`Ollama`) through a user's
own httpx client (which then carries the hooks too) are marked (`_config.EXTENSION`) and left
alone: they validate their request and their response (or lines) themselves, once.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator
from typing import Any, cast

import httpx
from ollama_api.api.inference.generate import PARSED_LINES

from ._config import EXTENSION
from ._errors import Violation, cut, error_for_status
from ._judge import expected_schema, is_json, judge_read, media_of
from ._ndjson import LineDecoder, LineSplitter, facts_for, lines_holding
from ._request import check_request
from ._spec import NDJSON, Operation, operation_for
from ._transport import translating
from ._validation import Checker

__all__ = ["ContractHooks", "attach", "event_hooks"]


def on_request(checker: Checker, request: httpx.Request) -> None:
    if not checker.active or request.extensions.get(EXTENSION) is not None:
        return  # a stream, or the client object, checked this body already
    op = operation_for(request.method, request.url.path)
    if op is None:
        where = f"request {request.method} {request.url.path}"
        checker.report(
            None,
            [
                Violation(
                    where, "", "operation", "no operation of the spec has this method and path", cut(request.url.path)
                )
            ],
        )
        return
    if op.request_schema is None or op.request_media_type != "application/json":
        return
    try:
        body = json.loads(request.content)
    except ValueError as exc:
        checker.report(op.operation_id, [Violation("request", "", "json", f"not JSON: {exc}", cut(request.content))])
        return
    checker.report(op.operation_id, check_request(op, body, checker.profile))


def _plan(checker: Checker, response: httpx.Response) -> tuple[str, Operation | None]:
    """What the response hook must do: `skip`, `status` (judge the status only), `lines` (check each
    NDJSON line as it passes), `read` (read, check, raise typed errors) or `guard` (only turn a
    broken connection into APIConnectionError while the generated code reads the body)."""
    request = response.request
    if request.extensions.get(EXTENSION) is not None or (response.is_redirect and response.has_redirect_location):
        return "skip", None  # a stream or the client object: it judges its response itself
    op = operation_for(request.method, request.url.path)
    if request.method == "HEAD":
        return "status", op
    if (
        op is not None
        and op.streams
        and response.is_success
        and not is_json(media_of(response.headers.get("content-type")))
    ):
        # NDJSON, or a body under some other label that only lines can make sense of (as the typed
        # streams do): checked line by line in every mode, since an error line or a missing final
        # line is a matter of protocol, not of schema.
        return "lines", op
    if response.status_code < 400 and not checker.active:
        return "guard", op  # nothing to check: the generated code reads the body itself, parsed once
    return "read", op


def _judged(checker: Checker, response: httpx.Response) -> Any:
    """Judge a read response and act on the verdict in the checker's mode; the parsed body.

    A route the spec does not know is left alone here: the request hook has reported it already.
    A body the generated code cannot read at all (not JSON under a JSON promise, or no model can
    hold it) is a ContractViolation in warn mode too, rather than a bare error from generated code.
    """
    verdict = judge_read(response, schemas=checker.active, profile=checker.profile)
    if verdict.operation is not None:
        checker.settle(verdict.operation_id, verdict.violations, response.status_code, unreadable=verdict.unreadable)
    return verdict.parsed


def _after_read(checker: Checker, response: httpx.Response, op: Operation | None) -> None:
    parsed = _judged(checker, response)
    if parsed is not None:
        _reuse(response, parsed)
    if response.status_code >= 400:
        raise error_for_status(op.operation_id if op else None, response.status_code, parsed)


class _ParsedJson:
    """Stands in for `response.json` once the hook has parsed the body: the same object, no second parse."""

    __slots__ = ("_content", "_parsed")

    def __init__(self, parsed: Any, content: bytes) -> None:
        self._parsed = parsed
        self._content = content

    def __call__(self, **kwargs: Any) -> Any:
        return json.loads(self._content, **kwargs) if kwargs else self._parsed


def _reuse(response: httpx.Response, parsed: Any) -> None:
    vars(response)["json"] = _ParsedJson(parsed, response.content)


def _line_checker(checker: Checker, op: Operation) -> LineDecoder[Any]:
    return LineDecoder(facts_for(op.operation_id), checker, typed=False)


def _checked(decoder: LineDecoder[Any], lines: list[str | bytes], newline: bytes = b"\n") -> Iterator[bytes]:
    """The bytes of some complete lines, once all of them are checked, in one piece: httpx then
    splits them again for the generated code at the cost of one chunk, not one per line.

    A line that raises (an error line, a violation in strict mode) stops the rest: the lines
    before it still go on first, so the generated code yields every item the server sent before
    it failed, and then the error is raised.
    """
    if not lines:
        return
    passed = 0
    try:
        for _ in decoder.items(lines):
            passed += 1
    except Exception:
        # Every item that came out before the raise is a line that passed.
        held = lines_holding(lines, passed)
        if held:
            yield _encode(lines[:held], b"\n")
        raise
    yield _encode(lines, newline)


def _encode(lines: list[str | bytes], newline: bytes) -> bytes:
    # Only lines that passed the decoder get here, and a line that is not UTF-8 (kept as bytes)
    # never passes: it is not JSON.
    return "\n".join(cast("list[str]", lines)).encode("utf-8") + newline


def _check_all(decoder: LineDecoder[Any], content: bytes) -> None:
    splitter = LineSplitter()
    for lines in (splitter.feed(content), splitter.flush()):
        for _ in _checked(decoder, lines):
            pass
    decoder.finish()


class _CheckedLines(httpx.SyncByteStream):
    """Passes a response's bytes on line by line, each line checked before it goes: an error line
    raises StreamError before the generated code sees it, and the end of the body without the final
    line raises IncompleteStreamError. Memory is one line, whatever the length of the stream."""

    def __init__(self, inner: httpx.SyncByteStream, decoder: LineDecoder[Any]) -> None:
        self._inner = inner
        self._decoder = decoder

    def __iter__(self) -> Iterator[bytes]:
        splitter, decoder = LineSplitter(), self._decoder
        with translating(decoder.operation):
            for chunk in self._inner:
                yield from _checked(decoder, splitter.feed(chunk))
        yield from _checked(decoder, splitter.flush(), b"")
        decoder.finish()

    def values(self) -> Iterator[Any]:
        """The parsed value of each line, once checked: what the generated `sync_stream` builds its
        items from (`PARSED_LINES`), so that it neither splits nor parses the lines a second time."""
        splitter, decoder = LineSplitter(), self._decoder
        with translating(decoder.operation):
            for chunk in self._inner:
                yield from decoder.items(splitter.feed(chunk))
        yield from decoder.items(splitter.flush())
        decoder.finish()

    def close(self) -> None:
        self._inner.close()


class _AsyncCheckedLines(httpx.AsyncByteStream):
    """The async twin of _CheckedLines."""

    def __init__(self, inner: httpx.AsyncByteStream, decoder: LineDecoder[Any]) -> None:
        self._inner = inner
        self._decoder = decoder

    async def __aiter__(self) -> AsyncIterator[bytes]:
        splitter, decoder = LineSplitter(), self._decoder
        with translating(decoder.operation):
            async for chunk in self._inner:
                for piece in _checked(decoder, splitter.feed(chunk)):
                    yield piece
        for piece in _checked(decoder, splitter.flush(), b""):
            yield piece
        decoder.finish()

    async def values(self) -> AsyncIterator[Any]:
        """The async twin of _CheckedLines.values."""
        splitter, decoder = LineSplitter(), self._decoder
        with translating(decoder.operation):
            async for chunk in self._inner:
                for value in decoder.items(splitter.feed(chunk)):
                    yield value
        for value in decoder.items(splitter.flush()):
            yield value
        decoder.finish()

    async def aclose(self) -> None:
        await self._inner.aclose()


class _Guarded(httpx.SyncByteStream):
    """Passes a body on untouched, but a connection that breaks while it is read raises APIConnectionError."""

    def __init__(self, inner: httpx.SyncByteStream, operation: str | None) -> None:
        self._inner = inner
        self._operation = operation

    def __iter__(self) -> Iterator[bytes]:
        with translating(self._operation):
            yield from self._inner

    def close(self) -> None:
        self._inner.close()


class _AsyncGuarded(httpx.AsyncByteStream):
    """The async twin of _Guarded."""

    def __init__(self, inner: httpx.AsyncByteStream, operation: str | None) -> None:
        self._inner = inner
        self._operation = operation

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with translating(self._operation):
            async for chunk in self._inner:
                yield chunk

    async def aclose(self) -> None:
        await self._inner.aclose()


class _Done:
    """An awaitable that is already finished: what a hook returns when its work is done."""

    __slots__ = ()

    def __await__(self) -> Generator[None, None, None]:
        return
        yield


_DONE = _Done()


class ContractHooks:
    """The event hooks of both httpx clients of a generated client; `checker` holds its validation mode."""

    def __init__(self, checker: Checker) -> None:
        self.checker = checker

    def request(self, request: httpx.Request) -> Awaitable[None]:
        on_request(self.checker, request)
        return _DONE

    def response(self, response: httpx.Response) -> Awaitable[None]:
        action, op = _plan(self.checker, response)
        if action == "skip":
            return _DONE
        if action == "status":
            _judged(self.checker, response)
            return _DONE
        stream = response.stream
        if action == "guard":  # (an in-memory body, already consumed, has nothing left to break)
            operation = op.operation_id if op else None
            if isinstance(stream, httpx.SyncByteStream) and not response.is_stream_consumed:
                response.stream = _Guarded(stream, operation)
            elif isinstance(stream, httpx.AsyncByteStream) and not response.is_stream_consumed:
                response.stream = _AsyncGuarded(stream, operation)
            return _DONE
        if action == "lines" and op is not None:
            media = media_of(response.headers.get("content-type"))
            if media != NDJSON and self.checker.active:
                _, violations = expected_schema(op, response.request.method, response.status_code, media, False)
                self.checker.report(op.operation_id, violations, response.status_code)
            decoder = _line_checker(self.checker, op)
            if response.is_stream_consumed:  # an in-memory body (a test transport): already all here
                _check_all(decoder, response.content)
            elif isinstance(stream, httpx.SyncByteStream):
                response.stream = checked = _CheckedLines(stream, decoder)
                response.extensions[PARSED_LINES] = checked.values
            elif isinstance(stream, httpx.AsyncByteStream):
                response.stream = achecked = _AsyncCheckedLines(stream, decoder)
                response.extensions[PARSED_LINES] = achecked.values
            return _DONE
        if isinstance(stream, httpx.SyncByteStream):
            with translating(op.operation_id if op else None):
                response.read()
            _after_read(self.checker, response, op)
            return _DONE
        return self._aread(response, op)

    async def _aread(self, response: httpx.Response, op: Operation | None) -> None:
        with translating(op.operation_id if op else None):
            await response.aread()
        _after_read(self.checker, response, op)

    def __repr__(self) -> str:
        return f"ContractHooks({self.checker!r})"


def event_hooks(checker: Checker) -> dict[str, list[Callable[[Any], Awaitable[None]]]]:
    """`event_hooks` for httpx clients, sync or async, checked by `checker`."""
    hooks = ContractHooks(checker)
    return {"request": [hooks.request], "response": [hooks.response]}


def attach(http: httpx.Client | httpx.AsyncClient, checker: Checker) -> None:
    """Add this package's hooks to an httpx client, first in line (replacing any attached before)."""
    ours = event_hooks(checker)
    current = http.event_hooks
    http.event_hooks = {
        kind: ours[kind]
        + [h for h in current.get(kind, []) if not isinstance(getattr(h, "__self__", None), ContractHooks)]
        for kind in ("request", "response")
    }
