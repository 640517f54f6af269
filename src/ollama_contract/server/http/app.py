"""The Starlette application: Ollama's routes, its 404/405 answers, and the middleware around them.

Paths and methods come from the spec's operations, and each operation's handler is
`routes.<tag>.<operationId>`, so a route the spec adds without a handler fails at start-up rather
than answering 404 in production. The dispatcher reads and decodes the JSON body once, for every
operation that takes one, before the handler runs. `../README.md` maps where a status is decided.
"""

from __future__ import annotations

import ipaddress
import socket
import tempfile
from collections.abc import Awaitable, Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ... import _spec
from ..._spec import Operation
from .._state import Settings, State, resolve_models, state_of
from ..emulation.account import ACCOUNTS
from ..emulation.pace import Pace
from ..routes import Handler, handler_for
from .cors import CORSMiddleware
from .decode import decode_body
from .faults import FaultMiddleware, parse_faults
from .logs import AccessLog
from .versions import ReleaseMiddleware, release
from .wire import JSON_NO_CHARSET, HTTPError, RawResponse, error_response, plain_response

__all__ = ["create_app"]


def _routes() -> list[Route]:
    by_path: dict[str, dict[str, tuple[Operation, Handler]]] = {}
    for op in _spec.operations().values():
        handler = handler_for(op)
        methods = by_path.setdefault(op.path, {})
        methods[op.method.upper()] = (op, handler)
    routes = []
    for path, methods in by_path.items():
        routes.append(Route(path, _dispatch(methods), methods=list(methods)))
        # Starlette adds HEAD to every GET route; Ollama only where the spec has a HEAD operation.
        if "HEAD" not in methods and routes[-1].methods is not None:
            routes[-1].methods.discard("HEAD")
    return routes


def _dispatch(methods: dict[str, tuple[Operation, Handler]]) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        op, handler = methods[request.method]
        body: dict[str, Any] = {}
        # A proxied operation's body goes on unread (its handler reads it), as Ollama passes it on.
        if op.request_media_type == JSON_NO_CHARSET and request.method != "HEAD" and not op.proxied:
            state = state_of(request)
            body = decode_body(op.operation_id, await read_body(request, state.settings.max_body_bytes))
        return await handler(request, body)

    return endpoint


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, refusing more than `limit` bytes as Go's MaxBytesReader would."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPError(400, "http: request body too large")
        chunks.append(chunk)
    return b"".join(chunks)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPError)
    return error_response(exc.status, exc.message, exc.content_type)


async def _unexpected(request: Request, exc: Exception) -> Response:
    """A bug answers as Ollama answers any unexpected failure: 500 with an `{"error": ...}` body."""
    return error_response(500, str(exc) or type(exc).__name__)


async def _starlette_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 405:
        # gin names the path's other methods in Allow, as RFC 9110 asks of a 405.
        return plain_response(405, "405 method not allowed", exc.headers)
    if exc.status_code == 404:
        return plain_response(404, "404 page not found")
    return error_response(exc.status_code, str(exc.detail))


def _local_names() -> set[str]:
    names = {"localhost", socket.gethostname().lower()}
    return names


def _allowed_host(host: str) -> bool:
    """Ollama's allowedHostsMiddleware, for a server that listens on loopback."""
    host = host.strip().lower()
    if host.startswith("["):
        host = host[1 : host.find("]")] if "]" in host else host
    elif host.count(":") == 1:
        host = host.rsplit(":", 1)[0]
    if not host or host in _local_names():
        return True
    if host.endswith((".localhost", ".local", ".internal")):
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    return ip.is_loopback or ip.is_private or ip.is_unspecified or ip.is_link_local


class _HostCheck:
    def __init__(self, app: Any, loopback_only: bool) -> None:
        self.app = app
        self.loopback_only = loopback_only

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and self.loopback_only:
            host = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"host"), "")
            if host and not _allowed_host(host):
                await RawResponse(403)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_app(
    *,
    data_dir: str | Path | None = None,
    models: str | Iterable[str] | None = None,
    faults: Sequence[str] = (),
    loopback_only: bool = True,
    max_body_bytes: int | None = None,
    max_blob_bytes: int | None = None,
    origins: Sequence[str] | None = None,
    pace: str | Pace = "instant",
    token_rate: float | None = None,
    prompt_rate: float | None = None,
    load_time: float | None = None,
    account: str = "offline",
    ollama_version: str | None = None,
    leave_out: str = "zero",
    seed: int = 0,
) -> Starlette:
    """Build the ASGI app of an offline Ollama.

    `data_dir` holds the model store (a new temporary folder when None; the caller owns it then
    only through `app.state.data_dir`). `models` picks the catalogue models installed at start:
    None for the defaults, "all", "none", or names. `faults` are fault specs applied to every
    request (see the package docstring). `origins` are the browser origins allowed besides
    Ollama's defaults (None: those of `OLLAMA_ORIGINS`). `pace` is "instant" (answers take no
    time) or "real" (loads, prompt evaluation and tokens take the time the answers report);
    `token_rate` (tokens/s), `prompt_rate` (prompt tokens/s) and `load_time` (seconds) tune it.
    `app.state.ollama.runtime.loads` lists every model load, with its reason. `account` is how
    ollama.com looks from here: "offline" (Ollama's answers without a network), "signed-in" (an
    account, deterministic web search) or "signed-out". `ollama_version` makes it answer as that
    release did as far as the spec's version facts go (`versions`): its routes only, without the
    fields it does not always send (`leave_out`: "zero" valued ones, as its omitempty did; "always";
    or "random" from `seed`), and reporting
    it at /api/version.
    """
    parsed_faults = parse_faults(list(faults))
    folder = Path(data_dir) if data_dir is not None else Path(tempfile.mkdtemp(prefix="ollama-contract-"))
    if not isinstance(pace, Pace):
        pace = Pace.named(pace, token_rate=token_rate, prompt_rate=prompt_rate, load_seconds=load_time)
    if account not in ACCOUNTS:
        raise ValueError(f"account must be one of {', '.join(ACCOUNTS)}, not {account!r}")
    imitated = release(ollama_version, leave_out, seed) if ollama_version is not None else None
    settings = Settings(data_dir=folder, faults=[str(f) for f in parsed_faults], pace=pace, account=account)
    if imitated is not None:
        settings.version = imitated.text
    if max_body_bytes is not None:
        settings.max_body_bytes = max_body_bytes
    if max_blob_bytes is not None:
        settings.max_blob_bytes = max_blob_bytes
    state = State(settings)
    state.install(resolve_models(models))
    app = Starlette(
        routes=_routes(),
        middleware=[
            Middleware(AccessLog),
            Middleware(CORSMiddleware, origins=origins),
            Middleware(_HostCheck, loopback_only=loopback_only),
            Middleware(FaultMiddleware, faults=parsed_faults, version=settings.version),
            Middleware(ReleaseMiddleware, release=imitated),
        ],
        exception_handlers={HTTPError: _http_error, HTTPException: _starlette_error, Exception: _unexpected},
    )
    app.state.ollama = state
    app.state.data_dir = folder
    return app
