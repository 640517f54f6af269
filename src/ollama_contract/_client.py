"""`create_client`: a generated `ollama_api.Client`, configured, checked and typed-error raising.

The result is a `ContractClient`, a subclass of the generated client, so every generated
function works with it (`generate.sync(client=client, body=...)`) and so do this package's
`stream`/`astream` and `Ollama(client=...)`. It carries its `checker` (validation mode and
profile): whoever is handed the client is handed the checker with it, and nothing has to find it
again. The rest travels in the client's `httpx_args`, which the generated client hands to the
`httpx.Client` and `httpx.AsyncClient` it makes on first use, and again after `with_headers()` or
`with_timeout()` (which copy the client):

- `event_hooks`: validation and typed status errors for the generated functions, which can only
  be reached through httpx's hooks (`_hooks.ContractHooks`);
- `transport`: retries of GET/HEAD and typed connection errors (`_transport.RetryTransport`);
- `auth`: the API key (`_config.ApiKey`), kept out of every repr.

This package's own calls (the client object, the typed streams) prepare, send, judge and decode
each exchange themselves, stage by stage, so they go through `ContractClient.http()`: an httpx
client with the same settings and the same transport (one connection pool), but no hooks.

A user's own httpx client (`http_client=`, `async_http_client=`) is used as given (its transport,
proxies, limits), with the hooks added to it; its base URL is set only if it has none. It serves
this package's calls too (the hooks leave their marked requests alone). Retries and the
translation of connection errors then belong to that client, since its transport is not ours to
wrap. The generated client's `with_headers()` copies do not keep a client set this way.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, TypeVar

import httpx
from attrs import define, field
from ollama_api import Client

from ._config import DEFAULT_TIMEOUT, ApiKey, Retries, parse_host
from ._hooks import attach, event_hooks
from ._transport import RetryTransport
from ._validation import Checker
from ._version import __version__

__all__ = ["ContractClient", "create_client"]

H = TypeVar("H", httpx.Client, httpx.AsyncClient)


class _Default:
    def __repr__(self) -> str:
        return "DEFAULT"


_DEFAULT: Any = _Default()


_HOOKS = "event_hooks"


@define
class ContractClient(Client):
    """The generated `Client`, carrying the checker its calls are held to (`checker`), and an httpx
    client without hooks for this package's own calls (`http()`, `async_http()`)."""

    checker: Checker = field(factory=Checker, kw_only=True)
    """Validation mode and profile; `stream`, `astream` and `Ollama(client=...)` use it."""
    _bare: httpx.Client | None = field(default=None, init=False, repr=False)
    _abare: httpx.AsyncClient | None = field(default=None, init=False, repr=False)
    _given: bool = field(default=False, init=False, repr=False)
    _agiven: bool = field(default=False, init=False, repr=False)

    def _settings(self) -> dict[str, Any]:
        args = {key: value for key, value in self._httpx_args.items() if key != _HOOKS}
        return {
            "base_url": self._base_url,
            "cookies": self._cookies,
            "headers": self._headers,
            "timeout": self._timeout,
            "verify": self._verify_ssl,
            "follow_redirects": self._follow_redirects,
            **args,
        }

    def http(self) -> httpx.Client:
        """The httpx client this package's own sync calls go through: the generated client's
        settings and transport without the hooks; a client given with `set_httpx_client` as it is."""
        if self._given:
            return self.get_httpx_client()
        if self._bare is None:
            self._bare = httpx.Client(**self._settings())
        return self._bare

    def async_http(self) -> httpx.AsyncClient:
        """The async `http()`."""
        if self._agiven:
            return self.get_async_httpx_client()
        if self._abare is None:
            self._abare = httpx.AsyncClient(**self._settings())
        return self._abare

    def set_httpx_client(self, client: httpx.Client) -> ContractClient:
        self._given = True
        super().set_httpx_client(client)
        return self

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> ContractClient:
        self._agiven = True
        super().set_async_httpx_client(async_client)
        return self

    def __exit__(self, *args: object, **kwargs: Any) -> None:
        """Leaving `with client:` closes both httpx clients (they share one transport)."""
        if self._bare is not None:
            self._bare.close()
        super().__exit__(*args, **kwargs)

    async def __aexit__(self, *args: object, **kwargs: Any) -> None:
        if self._abare is not None:
            await self._abare.aclose()
        await super().__aexit__(*args, **kwargs)

    def with_headers(self, headers: dict[str, str]) -> ContractClient:
        for http in (self._bare, self._abare):
            if http is not None:
                http.headers.update(headers)
        copy = super().with_headers(headers)
        assert isinstance(copy, ContractClient)
        return copy

    def with_cookies(self, cookies: dict[str, str]) -> ContractClient:
        for http in (self._bare, self._abare):
            if http is not None:
                http.cookies.update(cookies)
        copy = super().with_cookies(cookies)
        assert isinstance(copy, ContractClient)
        return copy

    def with_timeout(self, timeout: httpx.Timeout) -> ContractClient:
        for http in (self._bare, self._abare):
            if http is not None:
                http.timeout = timeout
        copy = super().with_timeout(timeout)
        assert isinstance(copy, ContractClient)
        return copy


def create_client(
    host: str | None = None,
    *,
    api_key: str | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: httpx.Timeout | float | None = _DEFAULT,
    retries: Retries | int = _DEFAULT,
    validation: str | None = None,
    profile: str = "all",
    transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None,
    http_client: httpx.Client | None = None,
    async_http_client: httpx.AsyncClient | None = None,
    follow_redirects: bool = False,
) -> ContractClient:
    """A generated `ollama_api.Client` for an Ollama server, with this package attached.

    Args:
        host: the server, as `OLLAMA_HOST` spells it (`localhost`, `host:port`, `https://host/prefix`,
            `[::1]:11434`...); default `OLLAMA_HOST`, else `http://127.0.0.1:11434`.
        api_key: sent as `Authorization: Bearer`; default `OLLAMA_API_KEY`. Never shown in a repr.
        headers: extra headers for every request. An `Authorization` header among them wins over
            the key and is kept out of every repr the same way.
        timeout: default: 10 s to connect and no limit on reads, so a slow, healthy stream is never
            cut; a number or an `httpx.Timeout` bounds everything; None waits forever.
        retries: how GET and HEAD requests are retried (`Retries`, or a number of retries);
            default 2 retries with backoff. POSTs and streams are never retried.
        validation: `strict`, `warn` or `off`; default `OLLAMA_CONTRACT_VALIDATION`, else `strict`.
        profile: the contract responses are held to: `all` (the default: what servers of every
            version send, so an app never breaks on an old server) or an Ollama version such as
            `0.33.0`, which also requires every field that version always sends.
        transport: the httpx transport to send through (an `httpx.MockTransport` in tests).
        http_client, async_http_client: your own httpx clients, used instead of new ones.
        follow_redirects: whether to follow redirects.
    """
    base_url = parse_host(host if host is not None else _env("OLLAMA_HOST"))
    headers = dict(headers or {})
    # An Authorization header wins over the key (as in the official client), and is kept as secret.
    authorization = next((name for name in headers if name.lower() == "authorization"), None)
    if authorization is not None:
        key: ApiKey | None = ApiKey.header(headers.pop(authorization))
    else:
        key = ApiKey(api_key) if api_key else ApiKey.from_env()
    checker = Checker(validation, profile)
    if timeout is _DEFAULT:
        timeout = DEFAULT_TIMEOUT
    elif timeout is not None and not isinstance(timeout, httpx.Timeout):
        timeout = httpx.Timeout(timeout)
    if retries is _DEFAULT:
        retries = Retries()
    elif isinstance(retries, int):
        retries = Retries(attempts=retries + 1)
    all_headers = {"User-Agent": f"ollama-contract/{__version__} (python-httpx)", **headers}
    httpx_args: dict[str, Any] = {_HOOKS: event_hooks(checker), "transport": RetryTransport(retries, transport)}
    if key is not None:
        httpx_args["auth"] = key
    client = ContractClient(
        base_url=base_url,
        headers=all_headers,
        timeout=timeout,
        follow_redirects=follow_redirects,
        httpx_args=httpx_args,
        checker=checker,
    )
    if http_client is not None:
        client.set_httpx_client(_adopt(http_client, base_url, all_headers, key, checker))
    if async_http_client is not None:
        client.set_async_httpx_client(_adopt(async_http_client, base_url, all_headers, key, checker))
    return client


def _adopt(http: H, base_url: str, headers: dict[str, str], key: ApiKey | None, checker: Checker) -> H:
    if not str(http.base_url):
        http.base_url = httpx.URL(base_url)
    for name, value in headers.items():
        http.headers.setdefault(name, value)
    if key is not None and http.auth is None:
        http.auth = key
    attach(http, checker)
    return http


def _env(name: str) -> str | None:
    return os.environ.get(name) or None
