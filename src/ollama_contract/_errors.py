"""Every error this package raises, and the one place that maps HTTP statuses to them.

```
OllamaError                      operation, status, message
├── APIConnectionError           the server could not be reached, or the connection dropped
│   └── APITimeoutError          a connect, read, write or pool timeout
├── APIStatusError               a non-2xx status; message is the server's `error`
│   ├── BadRequestError          400
│   ├── AuthenticationError      401 (signin_url when the server sends one)
│   ├── PermissionDeniedError    403
│   ├── ModelNotFoundError       404
│   ├── RateLimitError           429
│   └── ServerError              5xx
├── StreamError                  an {"error": ...} line arrived after the 200
├── IncompleteStreamError        the stream ended before its final line
└── ContractViolation            a request or a response broke the spec
```

Every error carries `operation` (the spec's operationId, or None when the request matched no
operation), `status` (the HTTP status, or None when no response arrived) and `message` (the
server's `error` text when it sent one). The stream errors also carry what had arrived:
`text`, `thinking` and `last` (the last item).

Errors hold values taken from bodies, never request headers, so an API key cannot leak into them.
"""

from __future__ import annotations

import reprlib
from dataclasses import dataclass
from typing import Any

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ContractViolation",
    "IncompleteStreamError",
    "ModelNotFoundError",
    "OllamaError",
    "PermissionDeniedError",
    "RateLimitError",
    "ServerError",
    "StreamError",
    "Violation",
    "error_for_status",
    "server_message",
]

_short = reprlib.Repr()
_short.maxstring = 60
_short.maxother = 60
_short.maxlist = 6
_short.maxdict = 4
_short.maxlevel = 2


def cut(value: Any) -> str:
    """A repr of `value` that stays short enough for a log line or an exception message."""
    return _short.repr(value)


class OllamaError(Exception):
    """Base of every error raised by ollama_contract."""

    def __init__(
        self, text: str, *, operation: str | None = None, status: int | None = None, message: str | None = None
    ):
        super().__init__(text)
        self.operation = operation
        self.status = status
        self.message = message


class APIConnectionError(OllamaError):
    """The request could not be sent, or the connection broke before the response was complete."""


class APITimeoutError(APIConnectionError):
    """A timeout: connecting, waiting for a read, writing, or waiting for a pooled connection."""


class APIStatusError(OllamaError):
    """The server answered with a non-2xx status. `message` is its `error` text, `body` its parsed body."""

    def __init__(self, text: str, *, operation: str | None, status: int, message: str | None, body: Any = None):
        super().__init__(text, operation=operation, status=status, message=message)
        self.body = body


class BadRequestError(APIStatusError):
    """400: the server refused the request (bad body, invalid name, missing capability...)."""


class AuthenticationError(APIStatusError):
    """401: a cloud model or a registry refused the credentials."""

    @property
    def signin_url(self) -> str | None:
        """Where to connect this machine to ollama.com, when the server says."""
        url = self.body.get("signin_url") if isinstance(self.body, dict) else None
        return url if isinstance(url, str) else None


class PermissionDeniedError(APIStatusError):
    """403: cloud models are disabled, or the Host header was refused."""


class ModelNotFoundError(APIStatusError):
    """404: the model (or the source model of a copy) does not exist on the server."""


class RateLimitError(APIStatusError):
    """429: a rate limit was hit before the response started."""


class ServerError(APIStatusError):
    """5xx: the server (or the cloud service it proxies to) failed."""


class _PartialStream(OllamaError):
    def __init__(
        self, text: str, *, operation: str, message: str | None, partial_text: str, thinking: str, last: Any
    ) -> None:
        super().__init__(text, operation=operation, status=200, message=message)
        self.text = partial_text
        self.thinking = thinking
        self.last = last


class StreamError(_PartialStream):
    """The server wrote an `{"error": ...}` line after the 200: it failed mid-stream."""


class IncompleteStreamError(_PartialStream):
    """The stream ended without its final line (`done: true`, or `status: success`)."""


@dataclass(frozen=True)
class Violation:
    """One way a body broke its schema."""

    where: str
    """`request`, `response 200 application/json`, `response 200 application/x-ndjson line 3`..."""
    pointer: str
    """JSON pointer of the offending field inside the body (or the line), `` for the whole body."""
    rule: str
    """The rule broken: a JSON Schema keyword (`type`, `required`, `pattern`...), or `status`,
    `content-type`, `json`, `operation`, `construct` for what no schema keyword names."""
    detail: str
    """What the validator said."""
    value: str
    """The offending value, cut short."""

    def describe(self) -> str:
        at = self.pointer or "(root)"
        return f"{self.where}: {at} breaks `{self.rule}`: {self.detail} (value: {self.value})"


class ContractViolation(OllamaError):
    """A request or response that breaks the contract. In strict mode nothing invalid is sent or returned.

    `pointer`, `rule` and `value` describe the first violation; `violations` lists them all.
    """

    def __init__(self, operation: str | None, violations: list[Violation], *, status: int | None = None) -> None:
        first = violations[0]
        more = f" (and {len(violations) - 1} more)" if len(violations) > 1 else ""
        super().__init__(
            f"{operation or 'unknown operation'}: {first.describe()}{more}", operation=operation, status=status
        )
        self.violations = violations
        self.where = first.where
        self.pointer = first.pointer
        self.rule = first.rule
        self.value = first.value


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: ModelNotFoundError,
    429: RateLimitError,
}


def server_message(body: Any) -> str | None:
    """The server's `error` text from a parsed error body, if it has one."""
    message = body.get("error") if isinstance(body, dict) else None
    return message if isinstance(message, str) else None


def error_for_status(operation: str | None, status: int, body: Any) -> APIStatusError:
    """The exception for a non-2xx status: the one place that maps statuses to classes."""
    cls = ServerError if status >= 500 else _BY_STATUS.get(status, APIStatusError)
    message = server_message(body)
    shown = message if message is not None else cut(body) if body not in (None, b"", "") else "(empty body)"
    return cls(
        f"{operation or 'request'}: HTTP {status}: {shown}",
        operation=operation,
        status=status,
        message=message,
        body=body,
    )
