"""The official client's two errors, as subclasses of this package's own, and the translation to them.

Code written for the official `ollama` client catches `ResponseError` (and reads `error` and
`status_code`), `RequestError`, and the built-in `ConnectionError` when the server is down. The
client object raises this package's typed errors instead. The two classes here subclass the
official ones, so `except ollama.ResponseError` with the official package imported catches them
too. `translated()` turns each into a class that is both: a 404 becomes a `ModelNotFoundError`
that is also a `ResponseError`, so `except ollama.ResponseError` and `except ModelNotFoundError`
both catch it, with every attribute kept.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import ollama

from .._errors import (
    APIConnectionError,
    APIStatusError,
    ContractViolation,
    IncompleteStreamError,
    OllamaError,
    StreamError,
)
from ._official import CONNECTION_ERROR_MESSAGE

__all__ = ["RequestError", "ResponseError", "translate", "translated"]


class ResponseError(OllamaError, ollama.ResponseError):
    """The server refused the request, or failed: the official client's `ResponseError` (a subclass of it).

    `error` is the server's message, `status_code` the HTTP status (-1 for an error that arrived
    inside a stream, as in the official client).
    """

    error: str
    status_code: int

    def __init__(self, error: str, status_code: int = -1) -> None:
        super().__init__(error, status=status_code if status_code >= 0 else None, message=error)
        self.error = error
        self.status_code = status_code

    def __str__(self) -> str:
        return f"{self.error} (status code: {self.status_code})"


class RequestError(OllamaError, ollama.RequestError):
    """Refused before it was sent: the official client's `RequestError` (a subclass); `error` says why."""

    error: str

    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


_TWINS: dict[tuple[type[BaseException], ...], type[BaseException]] = {}


def _twin(*bases: type[BaseException]) -> type[BaseException]:
    """One class per combination, made once: `except` matches by class, so the twin must be stable."""
    cls = _TWINS.get(bases)
    if cls is None:
        ours = bases[-1] if bases[-1] is not builtins.ConnectionError else bases[0]
        cls = _TWINS[bases] = type(ours.__name__, bases, {"__module__": __name__, "__doc__": ours.__doc__})
    return cls


def translate(error: OllamaError) -> BaseException:
    """The same error, as an instance of a class that is also the official client's."""
    if isinstance(error, ResponseError | RequestError):
        return error
    extra: dict[str, Any]
    if isinstance(error, APIStatusError):
        cls = _twin(ResponseError, type(error))
        extra = {"error": error.message if error.message is not None else str(error), "status_code": error.status}
    elif isinstance(error, StreamError | IncompleteStreamError):
        cls = _twin(ResponseError, type(error))
        extra = {"error": error.message if error.message is not None else str(error), "status_code": -1}
    elif isinstance(error, ContractViolation) and error.where == "request":
        # Refused before sending. The official client would have sent it and got the server's
        # refusal, so it is a ResponseError too (400, what it is), and a RequestError as the
        # official client names the requests it refuses itself.
        cls = _twin(ResponseError, RequestError, type(error))
        extra = {"error": str(error), "status_code": 400}
    elif isinstance(error, APIConnectionError):
        # Printed as the official client's: the URL and httpx's reason stay in its attributes.
        cls = _twin(type(error), builtins.ConnectionError)
        extra = {}
        args: tuple[Any, ...] = (CONNECTION_ERROR_MESSAGE,)
    else:
        return error
    twin = cls.__new__(cls)
    twin.__dict__.update(error.__dict__)
    twin.__dict__.update(extra)
    twin.args = args if isinstance(error, APIConnectionError) else error.args
    twin.__traceback__ = error.__traceback__
    return twin


@contextmanager
def translated() -> Iterator[None]:
    """Raise this package's errors as their official-client twins."""
    try:
        yield
    except OllamaError as error:
        twin = translate(error)
        if twin is error:
            raise
        raise twin from None
