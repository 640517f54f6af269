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

A stream sends its request when it is entered or first iterated. Before that, the body is
validated (strict: ContractViolation, nothing sent). Then, in order: a non-2xx status raises its
APIStatusError; each line is parsed, checked and built (`_ndjson.LineDecoder`); an error line
raises StreamError; the end of the body without the final line raises IncompleteStreamError; a
broken connection raises APIConnectionError. Leaving the `with` block, breaking out of a loop over
a stream nobody else holds, or `close()` closes the response (in a `finally`).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Generator, Iterator
from typing import Any, Generic, Protocol, TypeVar

import httpx
from ollama_api.client import AuthenticatedClient, Client
from ollama_api.models import ErrorResponse
from ollama_api.streaming import AsyncStream, Stream

from ._config import EXTENSION
from ._errors import error_for_status
from ._hooks import checker_of
from ._ndjson import LineDecoder, LineSplitter, StreamResult, facts_for
from ._spec import module_for
from ._transport import translating
from ._validation import Checker, check_request, expected_schema, is_json, judge_response, media_of

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


class _Exchange(Generic[T]):
    """What the sync and async shells share: the request, its checks, and the decoder of its lines."""

    def __init__(self, operation_id: str, kwargs: dict[str, Any], checker: Checker | None) -> None:
        """`kwargs` are httpx's `request` arguments, with the JSON body under `json`."""
        self.facts = facts_for(operation_id)
        self.operation = operation_id
        self.checker = checker if checker is not None else Checker()
        kwargs["json"]["stream"] = True
        if self.checker.active:
            self.checker.report(operation_id, check_request(self.facts.operation, kwargs["json"], self.checker.profile))
        kwargs["extensions"] = {EXTENSION: "stream"}
        self.kwargs = kwargs
        self.decoder: LineDecoder[T] = LineDecoder(self.facts, self.checker)
        self.response: httpx.Response | None = None

    def route(self, response: httpx.Response) -> str:
        """`lines` to decode NDJSON, else `whole` once the body has been read (then: `judge`)."""
        self.response = response
        media = media_of(response.headers.get("content-type"))
        if response.is_success and not is_json(media):
            if self.checker.active:
                _, violations = expected_schema(
                    self.facts.operation, response.request.method, response.status_code, media, False
                )
                self.checker.report(self.operation, violations, response.status_code)
            return "lines"
        return "whole"

    def judge(self, response: httpx.Response) -> T:
        """A read, non-NDJSON response: raise its status error, or return its single item."""
        request = response.request
        parsed = judge_response(
            self.checker,
            request.method,
            request.url.path,
            response.status_code,
            response.headers.get("content-type"),
            response.content,
        )
        if not response.is_success:
            raise error_for_status(self.operation, response.status_code, parsed)
        return self.decoder.whole(parsed)

    def result(self) -> StreamResult[T]:
        last = self.decoder.last
        assert last is not None and self.decoder.done  # finish() raised otherwise
        return StreamResult(final=last, text=self.decoder.text, thinking=self.decoder.thinking)


class _Progress(Generic[T]):
    """What a stream has read so far; shared by the sync and async streams."""

    _base = "Stream"

    _exchange: _Exchange[T]

    @property
    def response(self) -> httpx.Response | None:
        """The httpx response, once the request has been sent."""
        return self._exchange.response

    @property
    def text(self) -> str:
        """The streamed text so far (`response` of generate, `message.content` of chat)."""
        return self._exchange.decoder.text

    @property
    def thinking(self) -> str:
        return self._exchange.decoder.thinking

    @property
    def operation(self) -> str:
        return self._exchange.operation

    def __repr__(self) -> str:
        return f"<{self._base} {self.operation}: {self._exchange.decoder.count} lines read>"


class ContractStream(_Progress[T], Stream[T]):
    """The sync `Stream`: reads the lines of one response, checked by the contract."""

    def __init__(self, http: httpx.Client, exchange: _Exchange[T]) -> None:
        self._http = http
        self._exchange = exchange
        self._iterator = _read(http, exchange)

    def __iter__(self) -> Iterator[T]:
        return self._iterator

    def __next__(self) -> T:
        return next(self._iterator)

    def close(self) -> None:
        """Stop reading and close the response (runs the generator's `finally`)."""
        self._iterator.close()

    def result(self) -> StreamResult[T]:
        """Read to the end; the final item and the text of all items, those already read included."""
        for _ in self._iterator:
            pass
        return self._exchange.result()


class AsyncContractStream(_Progress[T], AsyncStream[T]):
    """The async `AsyncStream`: reads the lines of one response, checked by the contract."""

    _base = "AsyncStream"

    def __init__(self, http: httpx.AsyncClient, exchange: _Exchange[T]) -> None:
        self._http = http
        self._exchange = exchange
        self._iterator = _aread(http, exchange)

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
        return self._exchange.result()


# The readers are module functions, not methods: a generator made from a bound method holds the
# stream that holds the generator, a reference cycle that only the garbage collector can free. The
# response of a stream left behind (`for chunk in stream(...): break`) would then be closed whenever
# the collector happens to run: once inside httpcore's pool lock, which closing needs too (a
# freeze), and for the async stream by two finalizers racing to close the same generators
# ("aclose(): asynchronous generator is already running"). Without the cycle, dropping the
# iterator closes the sync response at once, and asyncio's finalizer hook schedules the async one.


def _read(http: httpx.Client, exchange: _Exchange[T]) -> Generator[T, None, None]:
    with translating(exchange.operation), http.stream(**exchange.kwargs) as response:
        if exchange.route(response) == "whole":
            response.read()
            yield exchange.judge(response)
            return
        splitter, items = LineSplitter(), exchange.decoder.items
        for chunk in response.iter_bytes():
            yield from items(splitter.feed(chunk))
        yield from items(splitter.flush())
        exchange.decoder.finish()


async def _aread(http: httpx.AsyncClient, exchange: _Exchange[T]) -> AsyncGenerator[T, None]:
    with translating(exchange.operation):
        async with http.stream(**exchange.kwargs) as response:
            if exchange.route(response) == "whole":
                await response.aread()
                yield exchange.judge(response)
                return
            splitter, items = LineSplitter(), exchange.decoder.items
            async for chunk in response.aiter_bytes():
                for item in items(splitter.feed(chunk)):
                    yield item
            for item in items(splitter.flush()):
                yield item
            exchange.decoder.finish()


def stream(client: AuthenticatedClient | Client, operation: StreamingOperation[B, T], body: B) -> Stream[T]:
    """Stream `operation` (a generated module such as `generate`) with `body`, one typed item per line.

    The client's validation mode is the one `create_client` attached to it; a generated client made
    some other way gets `OLLAMA_CONTRACT_VALIDATION` (default strict). Raises ContractViolation at
    once if the body breaks the spec in strict mode.
    """
    http = client.get_httpx_client()
    return ContractStream(http, _Exchange(_name(operation), _kwargs(operation, body), checker_of(http)))


def astream(client: AuthenticatedClient | Client, operation: StreamingOperation[B, T], body: B) -> AsyncStream[T]:
    """The async `stream`: `async with astream(client, chat, body) as s: async for item in s: ...`."""
    http = client.get_async_httpx_client()
    return AsyncContractStream(http, _Exchange(_name(operation), _kwargs(operation, body), checker_of(http)))


def _name(operation: StreamingOperation[Any, Any]) -> str:
    return operation.__name__.rsplit(".", 1)[-1]


def _kwargs(operation: StreamingOperation[Any, Any], body: Any) -> dict[str, Any]:
    """The generated module's own request arguments for a body model (its method, path and JSON)."""
    name = _name(operation)
    facts_for(name)  # raises ValueError for an operation that does not stream
    kwargs: dict[str, Any] = module_for(name)._request_kwargs(body=body)
    return kwargs
