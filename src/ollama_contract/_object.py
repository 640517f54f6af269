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
(`ollama_api._methods`, by `codegen/methods.py`); this module only sends what they hand over,
through a client made by `create_client`, so configuration, validation modes, retries and typed
errors are the same as for the generated functions. Images may be paths, bytes or file objects,
tools Python functions and `format` a class: `helpers.prepare` makes them wire values first.
What a method answers is the response model itself, never None nor an ErrorResponse: every error
status raises its `APIStatusError`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping
from types import TracebackType
from typing import Any

import httpx
from ollama_api import Client
from ollama_api._methods import AsyncMethods, SyncMethods

from ._calls import answer, blob, plan_for, request
from ._client import _DEFAULT, create_client
from ._config import Retries
from ._hooks import checker_of
from ._streams import AsyncContractStream, ContractStream, _Exchange
from ._transport import translating
from ._validation import Checker
from .helpers._prepare import FIELDS, prepare

__all__ = ["AsyncOllama", "Ollama"]


class _Base:
    _client: Client
    _checker: Checker
    _urls: dict[str, httpx.URL]

    def _setup(
        self,
        host: str | None,
        client: Client | None,
        options: dict[str, Any],
    ) -> None:
        self._client = client if client is not None else create_client(host, **options)
        self._urls = {}

    def _absolute(
        self, http: httpx.Client | httpx.AsyncClient, kwargs: dict[str, Any], path: dict[str, Any]
    ) -> dict[str, Any]:
        """The URL joined to the base URL once per operation, as httpx would join it on every call
        (two URL parses a request, about a tenth of a small call's cost). Paths with parameters
        (a blob's digest) are left to httpx."""
        if not path:
            url = kwargs["url"]
            joined = self._urls.get(url)
            if joined is None:
                joined = self._urls[url] = http._merge_url(url)
            kwargs["url"] = joined
        return kwargs

    @property
    def client(self) -> Client:
        """The generated `ollama_api.Client` underneath: the generated functions work with it too."""
        return self._client

    @property
    def base_url(self) -> str:
        return self._client._base_url

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.base_url!r})"


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
        self._setup(host, client, options)
        self._http = self._client.get_httpx_client()
        self._checker = checker_of(self._http) or Checker(validation, profile)

    def _call(
        self, operation: str, body: dict[str, Any] | None, *, stream: bool, path: dict[str, Any], content: Any = None
    ) -> Any:
        plan = plan_for(operation)
        if content is not None:
            return self._upload(operation, content, path)
        body = _plain(body)
        if stream:
            return ContractStream(
                self._http,
                _Exchange(
                    operation, self._absolute(self._http, request(plan, None, body, path, True), path), self._checker
                ),
            )
        kwargs = self._absolute(
            self._http, request(plan, self._checker, body, path, False if plan.operation.streams else None), path
        )
        with translating(operation):
            response = self._http.request(**kwargs)
        return answer(plan, self._checker, response)

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
        kwargs = request(plan_for(operation), self._checker, None, {**path, "digest": digest}, None)
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
        self._setup(host, client, options)
        self._http = self._client.get_async_httpx_client()
        self._checker = checker_of(self._http) or Checker(validation, profile)

    async def _call(
        self, operation: str, body: dict[str, Any] | None, *, stream: bool, path: dict[str, Any], content: Any = None
    ) -> Any:
        plan = plan_for(operation)
        if content is not None:
            return await self._upload(operation, content, path)
        body = _plain(body)
        if stream:
            exchange: _Exchange[Any] = _Exchange(
                operation, self._absolute(self._http, request(plan, None, body, path, True), path), self._checker
            )
            return AsyncContractStream(self._http, exchange)
        kwargs = self._absolute(
            self._http, request(plan, self._checker, body, path, False if plan.operation.streams else None), path
        )
        with translating(operation):
            response = await self._http.request(**kwargs)
        return answer(plan, self._checker, response)

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
        kwargs = request(plan_for(operation), self._checker, None, {**path, "digest": digest}, None)
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


def _plain(body: dict[str, Any] | None) -> dict[str, Any] | None:
    """The body with the helpers' inputs made wire values (`helpers.prepare`): images as paths,
    bytes or file objects, Python functions as tools, classes as `format`. Operations without such
    a field (pull, show, embed...) skip the copy."""
    if body is None or not FIELDS.intersection(body):
        return body
    return prepare(body)


async def _async(chunks: Iterator[bytes] | bytes) -> AsyncIterator[bytes]:
    if isinstance(chunks, bytes):
        yield chunks
        return
    for chunk in chunks:
        yield chunk
