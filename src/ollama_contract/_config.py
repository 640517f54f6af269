"""Configuration: where the server is, how to authenticate, how long to wait, how hard to check.

Environment variables, read when a client is made (arguments win over them):

- `OLLAMA_HOST`: the server, parsed by the same rules as the official Python client (bare host,
  host:port, scheme, IPv6 in brackets, path prefix); default `http://127.0.0.1:11434`.
- `OLLAMA_API_KEY`: sent as `Authorization: Bearer <key>` (ollama.com needs one).
- `OLLAMA_CONTRACT_VALIDATION`: `strict` (default), `warn` or `off`.
"""

from __future__ import annotations

import ipaddress
import os
import random
import urllib.parse
from collections.abc import Generator
from dataclasses import dataclass, field
from typing import Literal, get_args

import httpx

__all__ = [
    "CHECKED",
    "DEFAULT_HOST",
    "DEFAULT_TIMEOUT",
    "STREAM",
    "ApiKey",
    "Mode",
    "Retries",
    "parse_host",
    "resolve_mode",
]

DEFAULT_HOST = "http://127.0.0.1:11434"
DEFAULT_PORT = 11434

DEFAULT_TIMEOUT = httpx.Timeout(None, connect=10.0)
"""Fail fast when the server cannot be reached, but never cut a slow, healthy stream: a model can
think for minutes before its first token, and a pull can wait long between progress lines. Pass
`timeout=` to bound reads too."""

Mode = Literal["strict", "warn", "off"]
MODES: tuple[str, ...] = get_args(Mode)
MODE_ENV = "OLLAMA_CONTRACT_VALIDATION"


def resolve_mode(mode: str | None = None) -> Mode:
    """The validation mode: the argument, else `OLLAMA_CONTRACT_VALIDATION`, else `strict`."""
    chosen = mode if mode is not None else os.environ.get(MODE_ENV, "").strip().lower() or "strict"
    if chosen == "strict":
        return "strict"
    if chosen == "warn":
        return "warn"
    if chosen == "off":
        return "off"
    source = "validation" if mode is not None else MODE_ENV
    raise ValueError(f"{source} must be one of {', '.join(MODES)}, not {chosen!r}")


def parse_host(host: str | None) -> str:
    """Turn an `OLLAMA_HOST` value into a base URL, by the official client's rules.

    >>> parse_host(None)
    'http://127.0.0.1:11434'
    >>> parse_host('example.com:56789/path/')
    'http://example.com:56789/path'
    >>> parse_host('https://[::1]')
    'https://[::1]:443'

    No scheme means http and port 11434; `http://` alone means port 80, `https://` 443. A trailing
    slash is dropped; a path is kept as a prefix of every request.
    """
    host = host or ""
    scheme, sep, rest = host.partition("://")
    port = DEFAULT_PORT
    if not sep:
        scheme, rest = "http", host
    elif scheme == "http":
        port = 80
    elif scheme == "https":
        port = 443
    split = urllib.parse.urlsplit(f"{scheme}://{rest}")
    hostname = split.hostname or "127.0.0.1"
    port = split.port or port
    try:
        if isinstance(ipaddress.ip_address(hostname), ipaddress.IPv6Address):
            hostname = f"[{hostname}]"  # urlsplit drops the brackets
    except ValueError:
        pass
    path = split.path.strip("/")
    return f"{scheme}://{hostname}:{port}/{path}" if path else f"{scheme}://{hostname}:{port}"


class ApiKey(httpx.Auth):
    """An API key, sent as `Authorization: Bearer <key>` and shown to nobody.

    The header value lives in one private attribute; repr and str print `ApiKey('***')`, so it
    cannot reach a log line or an exception through this object. Clients carry it as their httpx
    `auth` rather than as a default header, so it is not part of any client's repr either. An
    `Authorization` header given among a client's headers (as the official client's docs show
    for ollama.com) is carried the same way, through `ApiKey.header`.
    """

    __slots__ = ("_value",)

    def __init__(self, key: str) -> None:
        if not key:
            raise ValueError("an API key cannot be empty")
        self._value = f"Bearer {key}"

    @classmethod
    def header(cls, value: str) -> ApiKey:
        """A whole `Authorization` header value (`Bearer ...`, `Basic ...`), kept as secret as a key."""
        if not value:
            raise ValueError("an Authorization header cannot be empty")
        secret = cls.__new__(cls)
        secret._value = value
        return secret

    def __repr__(self) -> str:
        return "ApiKey('***')"

    __str__ = __repr__

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        # A header the caller set on purpose wins, as in the official client.
        if "authorization" not in request.headers:
            request.headers["Authorization"] = self._value
        yield request

    @classmethod
    def from_env(cls) -> ApiKey | None:
        key = os.environ.get("OLLAMA_API_KEY", "")
        return cls(key) if key else None


@dataclass(frozen=True)
class Retries:
    """Retry policy for idempotent requests (GET and HEAD); streams and POSTs are never retried.

    A request is tried again after a connection error, a timeout, or one of `statuses`, at most
    `attempts - 1` more times, after `backoff * 2**n` seconds (times a random factor in [0.5, 1],
    so that many clients do not retry in step), never more than `max_backoff`.
    """

    attempts: int = 3
    backoff: float = 0.25
    max_backoff: float = 8.0
    statuses: frozenset[int] = field(default=frozenset({429, 502, 503, 504}))
    methods: frozenset[str] = field(default=frozenset({"GET", "HEAD"}))

    def __post_init__(self) -> None:
        if self.attempts < 1:
            raise ValueError("attempts must be at least 1 (1 means no retry)")

    def next_delay(
        self, request: httpx.Request, attempt: int, *, status: int | None = None, error: Exception | None = None
    ) -> float | None:
        """Seconds to wait before trying `request` again after try number `attempt` (from 1) ended
        with `status` or `error`; None when it must not be retried."""
        if attempt >= self.attempts or request.method not in self.methods or is_stream_request(request):
            return None
        if error is not None and not isinstance(error, httpx.TransportError):
            return None
        if error is None and status not in self.statuses:
            return None
        delay: float = min(self.max_backoff, self.backoff * 2 ** (attempt - 1))
        return delay * random.uniform(0.5, 1.0)


EXTENSION = "ollama_contract"
"""httpx request extension set on this package's own requests (`_request.prepare`): they validate
their own request and response or lines, so the hooks, where a client carries them, leave them
alone."""

STREAM = "stream"
"""The extension's value for a stream, which the transport never retries."""

CHECKED = "object"
"""The extension's value for an exchange of the client object, retried when idempotent."""


def is_stream_request(request: httpx.Request) -> bool:
    return request.extensions.get(EXTENSION) == STREAM
