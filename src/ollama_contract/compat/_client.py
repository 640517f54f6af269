"""`Client` and `AsyncClient` as the official client spells them, on top of the client object.

They are `Ollama` and `AsyncOllama` (same methods, same keyword arguments, typed answers, the
contract checked), with what code written for the official client also relies on:

- the constructor takes `host` and httpx's keyword arguments (`headers`, `timeout`,
  `follow_redirects`, `verify`, `proxy`...), with the official defaults where they differ
  (redirects followed);
- images may be paths, bytes or file objects, tools Python functions, `format` a class (the
  client object's `_call` runs `helpers.prepare`, one pass over the body);
- errors are the official `ResponseError` / `RequestError` / built-in `ConnectionError`, each also
  this package's typed error (`_errors.translated`), raised by calls and by streams alike;
- the answers are the official package's own classes (`_official.builder`): `ChatResponse`,
  `ShowResponse` with `modelinfo`, `datetime` timestamps, `None` where a field was not sent;
  `copy` and `delete` answer `StatusResponse(status="success")`, as the official client does;
- the official models a program passes in (`Message`, `Options`, `Tool`, `Image`) are sent as
  the JSON they serialise to;
- `web_search` / `web_fetch` go to ollama.com with the key the official client would send
  (`OLLAMA_API_KEY`, or a `Bearer` header), and without one raise its `ValueError` unsent.

Everything goes through the one method every generated method calls, `_call`, so no operation
is written twice.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from types import TracebackType
from typing import Any

import httpx
import ollama

from .._object import AsyncOllama, Ollama
from ._errors import translated
from ._official import builder, inputs

__all__ = ["AsyncClient", "Client"]

_OURS = frozenset({"api_key", "retries", "validation", "transport", "http_client", "client"})
_SUCCESS = frozenset({"copy_model", "delete_model"})


def _split(kwargs: dict[str, Any], http: type[httpx.Client] | type[httpx.AsyncClient]) -> dict[str, Any]:
    """The client object's arguments from the official client's, which are httpx's."""
    options = {name: kwargs.pop(name) for name in list(kwargs) if name in _OURS}
    for name in ("headers", "timeout"):
        if name in kwargs:
            options[name] = kwargs.pop(name)
    options["follow_redirects"] = kwargs.pop("follow_redirects", True)
    if kwargs:  # verify=, proxy=, cert=, limits=...: an httpx client of the caller's settings
        options["http_client"] = http(**kwargs)
    return options


def _bearer(kwargs: dict[str, Any]) -> bool:
    """Whether the official client would send a bearer token: an `Authorization: Bearer` header
    among `headers`, else an `api_key=` or `OLLAMA_API_KEY`."""
    headers = {str(name).lower(): value for name, value in (kwargs.get("headers") or {}).items()}
    if "authorization" in headers:
        return str(headers["authorization"]).startswith("Bearer ")
    return bool(kwargs.get("api_key") or os.environ.get("OLLAMA_API_KEY"))


def _keyed(bearer: bool, what: str) -> None:
    """The official client's refusal of a web call without a key, before anything is sent."""
    if not bearer:
        raise ValueError(f"Authorization header with Bearer token is required for {what}")


def _answer(operation: str, result: Any) -> Any:
    """`status: success` for copy and delete, as the official client answers them."""
    return ollama.StatusResponse(status="success") if operation in _SUCCESS else result


class Client(Ollama):
    """The official `ollama.Client`, on this package's client object. `Client(host=None, **httpx_kwargs)`."""

    def __init__(self, host: str | None = None, **kwargs: Any) -> None:
        self._bearer = _bearer(kwargs)
        super().__init__(host, **_split(kwargs, httpx.Client))

    _builder = staticmethod(builder)

    def _call(
        self, operation: str, body: dict[str, Any] | None, *, stream: bool, path: dict[str, Any], content: Any = None
    ) -> Any:
        with translated():
            result = super()._call(operation, inputs(body), stream=stream, path=path, content=content)
        if stream:
            return _Stream(result)
        return _answer(operation, result)

    def web_search(self, query: str, max_results: int | None = 3) -> Any:
        """ollama.com's web search, with the official client's default of 3 results and its key check."""
        _keyed(self._bearer, "web search")
        return super().web_search(query, max_results)

    def web_fetch(self, url: str) -> Any:
        """ollama.com's web fetch, with the official client's key check."""
        _keyed(self._bearer, "web fetch")
        return super().web_fetch(url)


class AsyncClient(AsyncOllama):
    """The official `ollama.AsyncClient`, on this package's async client object."""

    def __init__(self, host: str | None = None, **kwargs: Any) -> None:
        self._bearer = _bearer(kwargs)
        super().__init__(host, **_split(kwargs, httpx.AsyncClient))

    _builder = staticmethod(builder)

    async def _call(
        self, operation: str, body: dict[str, Any] | None, *, stream: bool, path: dict[str, Any], content: Any = None
    ) -> Any:
        with translated():
            result = await super()._call(operation, inputs(body), stream=stream, path=path, content=content)
        if stream:
            return _AsyncStream(result)
        return _answer(operation, result)

    async def web_search(self, query: str, max_results: int | None = 3) -> Any:
        _keyed(self._bearer, "web search")
        return await super().web_search(query, max_results)

    async def web_fetch(self, url: str) -> Any:
        _keyed(self._bearer, "web fetch")
        return await super().web_fetch(url)


class _Stream:
    """A stream whose errors are the official client's. Holds the stream; nothing holds it back,
    so breaking out of a loop frees both at once and the response is closed."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self._iterator: Iterator[Any] = iter(inner)

    def __iter__(self) -> _Stream:
        return self

    def __next__(self) -> Any:
        with translated():
            return next(self._iterator)

    def __enter__(self) -> _Stream:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._inner.close()

    def result(self) -> Any:
        with translated():
            return self._inner.result()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class _AsyncStream:
    """The async `_Stream`."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self._iterator: AsyncIterator[Any] = inner.__aiter__()

    def __aiter__(self) -> _AsyncStream:
        return self

    async def __anext__(self) -> Any:
        with translated():
            return await self._iterator.__anext__()

    async def __aenter__(self) -> _AsyncStream:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self._inner.aclose()

    async def result(self) -> Any:
        with translated():
            return await self._inner.result()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)
