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
- `copy` and `delete` answer `ProgressResponse(status="success")`, as the official client does.

Everything goes through the one method every generated method calls, `_call`, so no operation
is written twice.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from types import TracebackType
from typing import Any, Generic, TypeVar

import httpx
from ollama_api import models
from ollama_api.models import ProgressResponse
from ollama_api.types import Unset

from .._object import AsyncOllama, Ollama
from ._errors import translated

__all__ = ["AsyncClient", "Client", "ShowResponse"]

T = TypeVar("T")

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


class ShowResponse(models.ShowResponse):
    """`ShowResponse` with the official client's spelling of `model_info` too (`modelinfo`)."""

    __slots__ = ()

    @property
    def modelinfo(self) -> models.ShowResponseModelInfo | None:
        info = self.model_info
        return None if isinstance(info, Unset) else info


def _official(operation: str, result: Any) -> Any:
    """What the official client answers where it differs in shape: `status: success` for copy and
    delete, and a show answer that also answers to `modelinfo`."""
    if operation in _SUCCESS:
        return ProgressResponse(status="success")
    if operation == "show_model" and type(result) is models.ShowResponse:
        result.__class__ = ShowResponse  # the same fields: a view, not a copy
    return result


class Client(Ollama):
    """The official `ollama.Client`, on this package's client object. `Client(host=None, **httpx_kwargs)`."""

    def __init__(self, host: str | None = None, **kwargs: Any) -> None:
        super().__init__(host, **_split(kwargs, httpx.Client))

    def _call(
        self, operation: str, body: dict[str, Any] | None, *, stream: bool, path: dict[str, Any], content: Any = None
    ) -> Any:
        with translated():
            result = super()._call(operation, body, stream=stream, path=path, content=content)
        if stream:
            return _Stream(result)
        return _official(operation, result)

    def copy(self, source: str, destination: str) -> ProgressResponse:  # type: ignore[override]
        """Copy a model under a new name; answers `status: success` as the official client does."""
        return super().copy(source, destination)  # type: ignore[return-value]

    def delete(self, model: str | None = None, *, name: str | None = None) -> ProgressResponse:  # type: ignore[override]
        """Delete a model; answers `status: success` as the official client does."""
        return super().delete(model, name=name)  # type: ignore[return-value]


class AsyncClient(AsyncOllama):
    """The official `ollama.AsyncClient`, on this package's async client object."""

    def __init__(self, host: str | None = None, **kwargs: Any) -> None:
        super().__init__(host, **_split(kwargs, httpx.AsyncClient))

    async def _call(
        self, operation: str, body: dict[str, Any] | None, *, stream: bool, path: dict[str, Any], content: Any = None
    ) -> Any:
        with translated():
            result = await super()._call(operation, body, stream=stream, path=path, content=content)
        if stream:
            return _AsyncStream(result)
        return _official(operation, result)

    async def copy(self, source: str, destination: str) -> ProgressResponse:  # type: ignore[override]
        return await super().copy(source, destination)  # type: ignore[func-returns-value, return-value]

    async def delete(self, model: str | None = None, *, name: str | None = None) -> ProgressResponse:  # type: ignore[override]
        return await super().delete(model, name=name)  # type: ignore[func-returns-value, return-value]


class _Stream(Generic[T]):
    """A stream whose errors are the official client's. Holds the stream; nothing holds it back,
    so breaking out of a loop frees both at once and the response is closed."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self._iterator: Iterator[T] = iter(inner)

    def __iter__(self) -> _Stream[T]:
        return self

    def __next__(self) -> T:
        with translated():
            return next(self._iterator)

    def __enter__(self) -> _Stream[T]:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._inner.close()

    def result(self) -> Any:
        with translated():
            return self._inner.result()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class _AsyncStream(Generic[T]):
    """The async `_Stream`."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self._iterator: AsyncIterator[T] = inner.__aiter__()

    def __aiter__(self) -> _AsyncStream[T]:
        return self

    async def __anext__(self) -> T:
        with translated():
            return await self._iterator.__anext__()

    async def __aenter__(self) -> _AsyncStream[T]:
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
