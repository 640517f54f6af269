"""The typed streams' interface: what `stream=True` returns, whoever implements the reading.

The client object's generated methods are typed with these classes, so a type checker knows that
`chat(..., stream=True)` gives a `Stream[ChatResponse]`; the package that sends the requests
(ollama_contract) implements them. Nothing here reads a byte.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Iterator
from types import TracebackType
from typing import Generic, Self, TypeVar

import httpx
from attrs import frozen

__all__ = ["AsyncStream", "Stream", "StreamResult"]

T_co = TypeVar("T_co", covariant=True)


@frozen
class StreamResult(Generic[T_co]):
    """A finished stream: the final item, and the text (and thinking) of every item joined."""

    final: T_co
    text: str
    thinking: str


class _Progress(ABC):
    @property
    @abstractmethod
    def operation(self) -> str:
        """The operation streamed (its operationId in the spec)."""

    @property
    @abstractmethod
    def response(self) -> httpx.Response | None:
        """The httpx response, once the request has been sent."""

    @property
    @abstractmethod
    def text(self) -> str:
        """The streamed text so far (`response` of generate, `message.content` of chat)."""

    @property
    @abstractmethod
    def thinking(self) -> str:
        """The streamed thinking so far."""


class Stream(_Progress, Generic[T_co]):
    """A sync stream of typed items, one per NDJSON line: an iterator and a context manager.

    The request is sent when the stream is entered or first iterated; leaving the `with` block,
    breaking out of a loop over a stream nobody else holds, or `close()` closes the response.
    """

    @abstractmethod
    def __iter__(self) -> Iterator[T_co]: ...

    @abstractmethod
    def __next__(self) -> T_co: ...

    @abstractmethod
    def close(self) -> None:
        """Stop reading and close the response."""

    @abstractmethod
    def result(self) -> StreamResult[T_co]:
        """Read to the end; the final item and the text of all items, those already read included."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


class AsyncStream(_Progress, Generic[T_co]):
    """An async stream of typed items: an async iterator and an async context manager."""

    @abstractmethod
    def __aiter__(self) -> AsyncIterator[T_co]: ...

    @abstractmethod
    async def __anext__(self) -> T_co: ...

    @abstractmethod
    async def aclose(self) -> None:
        """Stop reading and close the response."""

    @abstractmethod
    async def result(self) -> StreamResult[T_co]:
        """Read to the end; the final item and the text of all items, those already read included."""

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
