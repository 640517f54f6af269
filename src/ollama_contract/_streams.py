"""Typed streams: `stream(client, generate, body)` and `astream(...)`, for the five streaming operations.

```python
with stream(client, generate, GenerateRequest(model="llama3.2", prompt="Why?")) as chunks:
    for chunk in chunks:              # GenerateResponse, one per NDJSON line, as it arrives
        print(chunk.response, end="")
result = stream(client, chat, body).result()   # the final chunk, and all the text joined
```

The operation is the generated module itself (`ollama_api.api.inference.generate`): its name
is the operationId, from which the spec gives the rest, and its `sync_stream` signature lets a
type checker infer `Stream[GenerateResponse]` and check the body's type. No method is written
per operation.

A stream is one call walked stage by stage, each stage a module that this shell calls in turn
and that calls none of the others: `stream()` prepares the request (`_request`: the body checked
by the checker the client carries; strict: ContractViolation, nothing sent); when the stream is
first iterated it is sent (`_transport`), its head is judged (`_judge`: a non-2xx status raises
its APIStatusError once its body is read), and the response's bytes are handed to the line
decoder (`_ndjson.LineDecoder.read`), whose generator then *is* the sync stream's iterator: each
line is parsed, checked and built there, an error line raises StreamError, the end of the body
without the final line raises IncompleteStreamError, and a broken connection APIConnectionError.
Leaving the `with` block, breaking out of a loop over a stream nobody else holds, or `close()`
closes the response (in the decoder's `finally`). An async stream awaits each read here and
decodes it with the same decoder.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Callable, Iterator
from functools import partial
from typing import Any, Generic, Protocol, TypeVar

import httpx
from ollama_api.client import AuthenticatedClient, Client
from ollama_api.models import ErrorResponse
from ollama_api.streaming import AsyncStream, Stream

from ._client import ContractClient
from ._errors import error_for_status
from ._judge import judge_head, judge_read
from ._ndjson import LineDecoder, StreamFacts, StreamResult, facts_for
from ._request import prepare_stream
from ._transport import aopen_stream, aread, open_stream, read, translate
from ._validation import Checker

__all__ = ["AsyncContractStream", "AsyncStream", "ContractStream", "Stream", "StreamingOperation", "astream", "stream"]

T = TypeVar("T")
B = TypeVar("B")
T_co = TypeVar("T_co", covariant=True)
B_contra = TypeVar("B_contra", contravariant=True)


class StreamingOperation(Protocol[B_contra, T_co]):
    """A generated module that streams (generate, chat, create_model, pull_model, push_model)."""

    __name__: str

    def sync_stream(
        self, *, client: AuthenticatedClient | Client, body: B_contra
    ) -> Iterator[T_co | ErrorResponse]: ...


class Call(Generic[T]):
    """One streamed call as it walks the stages: its facts, its checker, its prepared request
    (httpx `request` arguments, set by the first stage), its response and its decoder once sent."""

    __slots__ = ("build", "checker", "decoder", "facts", "kwargs", "operation", "response")

    def __init__(self, operation: str, checker: Checker, build: Callable[[Any], T] | None = None) -> None:
        self.operation = operation
        self.build = build  # None: the generated model's from_dict
        self.facts: StreamFacts = facts_for(operation)  # ValueError for an operation that does not stream
        self.checker = checker
        self.kwargs: dict[str, Any] = {}
        self.response: httpx.Response | None = None
        self.decoder: LineDecoder[T] | None = None

    def result(self) -> StreamResult[T]:
        decoder = self.decoder
        assert decoder is not None and decoder.last is not None and decoder.done  # finish() raised otherwise
        return StreamResult(final=decoder.last, text=decoder.text, thinking=decoder.thinking)


# The stages are called inline below, in order, and never through a helper of this module: the
# walk of a call then enters each stage's module once and does not come back here in between
# (tests/client/test_pipeline.py records it). The sync and async drivers differ only in awaiting.


def _start(http: httpx.Client, call: Call[T]) -> Iterator[T]:
    """Send (second stage), judge the head (third), and hand the bytes to the decoder (fourth)."""
    checker, operation = call.checker, call.operation
    response = call.response = open_stream(http, call.kwargs, operation)
    try:
        status = response.status_code
        lines, violations = judge_head(
            call.facts.operation,
            response.request.method,
            status,
            response.headers.get("content-type"),
            schemas=checker.active,
        )
        if violations:
            checker.report(operation, violations, status)
    except BaseException:
        response.close()
        raise
    decoder: LineDecoder[T]
    if lines:
        decoder = call.decoder = LineDecoder(call.facts, checker, build=call.build)
        return decoder.read(
            response.iter_bytes(), response.close, httpx.RequestError, partial(translate, operation=operation)
        )
    read(response, operation)
    verdict = judge_read(response, schemas=checker.active, profile=checker.profile)
    if verdict.violations and verdict.operation is not None:
        checker.settle(operation, verdict.violations, status, unreadable=verdict.unreadable)
    if not response.is_success:
        raise error_for_status(operation, status, verdict.parsed)
    decoder = call.decoder = LineDecoder(call.facts, checker, build=call.build)
    return iter((decoder.whole(verdict.parsed),))


async def _astart(http: httpx.AsyncClient, call: Call[T]) -> AsyncGenerator[T, None]:
    """The async `_start`, as the stream's iterator: each read is awaited here and decoded by the
    decoder (`LineDecoder.aread`)."""
    checker, operation = call.checker, call.operation
    response = call.response = await aopen_stream(http, call.kwargs, operation)
    try:
        status = response.status_code
        lines, violations = judge_head(
            call.facts.operation,
            response.request.method,
            status,
            response.headers.get("content-type"),
            schemas=checker.active,
        )
        if violations:
            checker.report(operation, violations, status)
    except BaseException:
        await response.aclose()
        raise
    decoder: LineDecoder[T]
    if lines:
        decoder = call.decoder = LineDecoder(call.facts, checker, build=call.build)
        items = decoder.aread(
            response.aiter_bytes(), response.aclose, httpx.RequestError, partial(translate, operation=operation)
        )
        try:
            async for item in items:
                yield item
        finally:
            await items.aclose()
        return
    await aread(response, operation)
    verdict = judge_read(response, schemas=checker.active, profile=checker.profile)
    if verdict.violations and verdict.operation is not None:
        checker.settle(operation, verdict.violations, status, unreadable=verdict.unreadable)
    if not response.is_success:
        raise error_for_status(operation, status, verdict.parsed)
    decoder = call.decoder = LineDecoder(call.facts, checker, build=call.build)
    yield decoder.whole(verdict.parsed)


def _raising(exc: Exception) -> Iterator[Any]:
    raise exc
    yield  # a generator: the error comes out of next(), where code written for a lazy stream looks


class _Progress(Generic[T]):
    """What a stream has read so far; shared by the sync and async streams."""

    _base = "Stream"

    _call: Call[T]

    @property
    def response(self) -> httpx.Response | None:
        """The httpx response, once the request has been sent."""
        return self._call.response

    @property
    def text(self) -> str:
        """The streamed text so far (`response` of generate, `message.content` of chat)."""
        decoder = self._call.decoder
        return decoder.text if decoder is not None else ""

    @property
    def thinking(self) -> str:
        decoder = self._call.decoder
        return decoder.thinking if decoder is not None else ""

    @property
    def operation(self) -> str:
        return self._call.operation

    def __repr__(self) -> str:
        decoder = self._call.decoder
        return f"<{self._base} {self.operation}: {decoder.count if decoder is not None else 0} lines read>"


class ContractStream(_Progress[T], Stream[T]):
    """The sync `Stream`: reads the lines of one response, checked by the contract.

    Its iterator is the decoder's generator itself (`_ndjson.LineDecoder.read`): between one item
    and the next no frame of this module runs. It holds the generator, and the generator holds
    the response and the decoder, none of which holds the stream: no reference cycle, so dropping
    a stream left behind (`for chunk in stream(...): break`) closes its response at once, never
    later from the garbage collector (inside httpcore's pool lock, which closing needs too)."""

    def __init__(self, http: httpx.Client, call: Call[T]) -> None:
        self._http = http
        self._call = call
        self._items: Iterator[T] | None = None

    def __iter__(self) -> Iterator[T]:
        if self._items is None:
            try:
                self._items = _start(self._http, self._call)
            except Exception as exc:  # raised by the first next(), as by a stream that sends there
                self._items = _raising(exc)
        return self._items

    def __next__(self) -> T:
        return next(self.__iter__())

    def close(self) -> None:
        """Stop reading and close the response (runs the decoder's `finally`)."""
        close = getattr(self._items, "close", None)
        if close is not None:
            close()

    def result(self) -> StreamResult[T]:
        """Read to the end; the final item and the text of all items, those already read included."""
        for _ in self.__iter__():
            pass
        return self._call.result()


class AsyncContractStream(_Progress[T], AsyncStream[T]):
    """The async `AsyncStream`: reads the lines of one response, checked by the contract."""

    _base = "AsyncStream"

    def __init__(self, http: httpx.AsyncClient, call: Call[T]) -> None:
        self._http = http
        self._call = call
        # A module function, not a method: a generator of a bound method would hold the stream
        # that holds it, a cycle freed only by the collector, whose finalizers then race to close
        # the same generators ("aclose(): asynchronous generator is already running").
        self._iterator = _astart(http, call)

    def __aiter__(self) -> AsyncGenerator[T, None]:
        return self._iterator

    async def __anext__(self) -> T:
        return await self._iterator.__anext__()

    async def aclose(self) -> None:
        """Stop reading and close the response."""
        await self._iterator.aclose()

    async def result(self) -> StreamResult[T]:
        """Read to the end; the final item and the text of all items, those already read included."""
        async for _ in self._iterator:
            pass
        return self._call.result()


def carried(client: AuthenticatedClient | Client) -> Checker:
    """The checker a client carries: a `ContractClient`'s own; a generated client made some other
    way gets `OLLAMA_CONTRACT_VALIDATION` (default strict)."""
    return client.checker if isinstance(client, ContractClient) else Checker()


def stream(client: AuthenticatedClient | Client, operation: StreamingOperation[B, T], body: B) -> Stream[T]:
    """Stream `operation` (a generated module such as `generate`) with `body`, one typed item per line.

    The validation mode is the one the client carries (`create_client`'s); a generated client made
    some other way gets `OLLAMA_CONTRACT_VALIDATION` (default strict). Raises ContractViolation at
    once if the body breaks the spec in strict mode.
    """
    http = client.http() if isinstance(client, ContractClient) else client.get_httpx_client()
    call: Call[T] = Call(_name(operation), carried(client))
    handle = ContractStream(http, call)
    call.kwargs = prepare_stream(call.operation, body, call.checker)
    return handle


def astream(client: AuthenticatedClient | Client, operation: StreamingOperation[B, T], body: B) -> AsyncStream[T]:
    """The async `stream`: `async with astream(client, chat, body) as s: async for item in s: ...`."""
    http = client.async_http() if isinstance(client, ContractClient) else client.get_async_httpx_client()
    call: Call[T] = Call(_name(operation), carried(client))
    call.kwargs = prepare_stream(call.operation, body, call.checker)
    return AsyncContractStream(http, call)


def _name(operation: StreamingOperation[Any, Any]) -> str:
    return operation.__name__.rsplit(".", 1)[-1]
