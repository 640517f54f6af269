"""`Ollama` and `AsyncOllama`: one object with a method per operation, plain Python in, typed answers out.

```python
from ollama_contract import Ollama

client = Ollama()                                   # OLLAMA_HOST, OLLAMA_API_KEY, strict validation
answer = client.generate("mistral", "Why is the sky blue?", options={"seed": 123})
print(answer.response)
for chunk in client.chat("llama3.2", [{"role": "user", "content": "Hi"}], stream=True):
    print(chunk.message.content, end="")
```

The methods, their keyword arguments, types and docstrings are generated from the spec
(`ollama_api._methods`, by `codegen/methods.py`); this module walks what they hand over through
the stages, in order: the helpers and the request check (`helpers.prepare`, `_request`), the
send (`_transport`), the judge (`_judge`) and the typed answer (`_answer`), or for `stream=True`
a typed stream (`_streams`). The client underneath is made by `create_client` and carries the
checker, so configuration, validation modes, retries and typed errors are the same as for the
generated functions. Images may be paths, bytes or file objects,
tools Python functions and `format` a class: `helpers.prepare` makes them wire values first.
What a method answers is the response model itself, never None nor an ErrorResponse: every error
status raises its `APIStatusError`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from types import TracebackType
from typing import Any

import httpx
from ollama_api import Client
from ollama_api._methods import AsyncMethods, SyncMethods

from ._answer import build, plan_for
from ._client import _DEFAULT, ContractClient, create_client
from ._config import Retries
from ._judge import judge_read
from ._ndjson import facts_for
from ._request import blob, prepare
from ._streams import AsyncContractStream, Call, ContractStream
from ._transport import asend, send, translating
from ._validation import Checker
from .helpers import _prepare as helpers

__all__ = ["AsyncOllama", "Ollama"]


class _Base:
    _client: Client
    _checker: Checker
    _urls: dict[str, httpx.URL]
    """Each operation's URL joined to the base URL once (`_request.join`), as httpx would join it on
    every call (two URL parses a request, about a tenth of a small call's cost). Paths with
    parameters (a blob's digest) are left to httpx."""
    _base_url: str

    def _setup(self, host: str | None, client: Client | None, options: dict[str, Any]) -> Checker:
        """The client underneath, and the checker it carries (a generated client made some other
        way: a checker made from `validation` and `profile`)."""
        self._client = client if client is not None else create_client(host, **options)
        self._urls = {}
        if isinstance(self._client, ContractClient):
            return self._client.checker
        return Checker(options["validation"], options["profile"])

    @property
    def client(self) -> Client:
        """The generated `ollama_api.Client` underneath: the generated functions work with it too."""
        return self._client

    @property
    def base_url(self) -> str:
        return self._base_url

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.base_url!r})"

    def _builder(self, model: str) -> Callable[[Any], Any] | None:
        """What builds an answer, or a streamed item, of the generated model named `model` from its
        checked JSON: None, that model's `from_dict`. The drop-in builds the official client's
        classes instead."""
        return None


class Ollama(_Base, SyncMethods):
    """A sync client for one Ollama server: `generate`, `chat`, `embed`, `pull`, `list`... (see the methods).

    Takes `create_client`'s arguments (`host`, `api_key`, `headers`, `timeout`, `retries`,
    `validation`, `profile`, `transport`, `follow_redirects`) and `http_client=` (your own `httpx.Client`), or
    `client=` (a client made by `create_client`). A context manager: leaving it closes the
    connections.
    """

    def __init__(
        self,
        host: str | None = None,
        *,
        api_key: str | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = _DEFAULT,
        retries: Retries | int = _DEFAULT,
        validation: str | None = None,
        profile: str = "all",
        transport: httpx.BaseTransport | None = None,
        http_client: httpx.Client | None = None,
        follow_redirects: bool = False,
        client: Client | None = None,
    ) -> None:
        options = {
            "api_key": api_key,
            "headers": headers,
            "timeout": timeout,
            "retries": retries,
            "validation": validation,
            "profile": profile,
            "transport": transport,
            "http_client": http_client,
            "follow_redirects": follow_redirects,
        }
        self._checker = self._setup(host, client, options)
        c = self._client
        self._http = c.http() if isinstance(c, ContractClient) else c.get_httpx_client()
        self._base_url = str(self._http.base_url).rstrip("/")

    def _call(
        self, operation: str, body: dict[str, Any] | None, *, stream: bool, path: dict[str, Any], content: Any = None
    ) -> Any:
        if content is not None:
            return self._upload(operation, content, path)
        checker = self._checker
        call: Call[Any] | None = None
        if stream:
            call = Call(operation, checker, self._builder(facts_for(operation).item.__name__))
        if body is not None and helpers.FIELDS.intersection(body):
            body = helpers.prepare(body)
        kwargs = prepare(operation, checker, body, path, stream, self._urls, self._http.base_url)
        if call is not None:
            call.kwargs = kwargs
            return ContractStream(self._http, call)
        response = send(self._http, kwargs, operation)
        verdict = judge_read(response, schemas=checker.active, profile=checker.profile)
        if verdict.violations and verdict.operation is not None:
            checker.settle(operation, verdict.violations, response.status_code, unreadable=verdict.unreadable)
        plan = plan_for(operation)
        return build(plan, checker, verdict, response, self._builder(plan.model) if plan.model else None)

    def _progress(self, stream: Any) -> Any:
        """`pull(..., progress=True)`: the stream drawn as tqdm bars (`helpers.progress_bars`), read to
        its end and closed; the answer is its last item, as `stream=False` would give."""
        from .helpers import progress_bars  # tqdm, only when bars are asked for

        last = None
        try:
            for step in progress_bars(stream):
                last = step.item
        finally:
            stream.close()
        return last

    def _upload(self, operation: str, data: Any, path: dict[str, Any]) -> str:
        digest, chunks = blob(data, path.get("digest"))
        if self.blob_exists(digest):
            return digest
        kwargs = prepare(operation, self._checker, None, {**path, "digest": digest}, False)
        with translating(operation):
            self._http.request(**kwargs, content=chunks())
        return digest

    def close(self) -> None:
        """Close the connections."""
        self._http.close()

    def __enter__(self) -> Ollama:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


class AsyncOllama(_Base, AsyncMethods):
    """The async `Ollama`: the same methods, awaited; `stream=True` gives an `AsyncStream`.

    `http_client=` is your own `httpx.AsyncClient`.
    """

    def __init__(
        self,
        host: str | None = None,
        *,
        api_key: str | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = _DEFAULT,
        retries: Retries | int = _DEFAULT,
        validation: str | None = None,
        profile: str = "all",
        transport: httpx.AsyncBaseTransport | None = None,
        http_client: httpx.AsyncClient | None = None,
        follow_redirects: bool = False,
        client: Client | None = None,
    ) -> None:
        options = {
            "api_key": api_key,
            "headers": headers,
            "timeout": timeout,
            "retries": retries,
            "validation": validation,
            "profile": profile,
            "transport": transport,
            "async_http_client": http_client,
            "follow_redirects": follow_redirects,
        }
        self._checker = self._setup(host, client, options)
        c = self._client
        self._http = c.async_http() if isinstance(c, ContractClient) else c.get_async_httpx_client()
        self._base_url = str(self._http.base_url).rstrip("/")

    async def _call(
        self, operation: str, body: dict[str, Any] | None, *, stream: bool, path: dict[str, Any], content: Any = None
    ) -> Any:
        if content is not None:
            return await self._upload(operation, content, path)
        checker = self._checker
        call: Call[Any] | None = None
        if stream:
            call = Call(operation, checker, self._builder(facts_for(operation).item.__name__))
        if body is not None and helpers.FIELDS.intersection(body):
            body = helpers.prepare(body)
        kwargs = prepare(operation, checker, body, path, stream, self._urls, self._http.base_url)
        if call is not None:
            call.kwargs = kwargs
            return AsyncContractStream(self._http, call)
        response = await asend(self._http, kwargs, operation)
        verdict = judge_read(response, schemas=checker.active, profile=checker.profile)
        if verdict.violations and verdict.operation is not None:
            checker.settle(operation, verdict.violations, response.status_code, unreadable=verdict.unreadable)
        plan = plan_for(operation)
        return build(plan, checker, verdict, response, self._builder(plan.model) if plan.model else None)

    async def _progress(self, stream: Any) -> Any:
        """The async `Ollama._progress`."""
        from .helpers import aprogress_bars

        last = None
        try:
            async for step in aprogress_bars(stream):
                last = step.item
        finally:
            await stream.aclose()
        return last

    async def _upload(self, operation: str, data: Any, path: dict[str, Any]) -> str:
        digest, chunks = blob(data, path.get("digest"))
        if await self.blob_exists(digest):
            return digest
        kwargs = prepare(operation, self._checker, None, {**path, "digest": digest}, False)
        with translating(operation):
            await self._http.request(**kwargs, content=_async(chunks()))
        return digest

    async def close(self) -> None:
        """Close the connections."""
        await self._http.aclose()

    async def __aenter__(self) -> AsyncOllama:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()


async def _async(chunks: Iterator[bytes] | bytes) -> AsyncIterator[bytes]:
    if isinstance(chunks, bytes):
        yield chunks
        return
    for chunk in chunks:
        yield chunk
