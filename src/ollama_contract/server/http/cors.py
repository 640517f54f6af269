"""Cross-origin requests, answered as Ollama's gin-contrib/cors configuration answers them.

A browser page may call the server only from an allowed origin: Ollama's defaults (localhost,
127.0.0.1 and 0.0.0.0 on any port, and the app://, file://, tauri:// and VS Code webview schemes)
plus those in `OLLAMA_ORIGINS`. A request from any other origin gets 403 with an empty body; a
preflight (`OPTIONS`) from an allowed one gets 204 with the allowed methods and headers; other
requests pass and their answer names the origin. A request without `Origin`, or whose origin is
the server itself, is not a cross-origin request and passes untouched.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from .wire import ASGIApp, Message, Receive, Scope, Send

__all__ = ["CORSMiddleware", "allowed_origins"]


_METHODS = "GET,POST,PUT,PATCH,DELETE,HEAD,OPTIONS"
# Ollama's list (after gin's canonical spelling), plus this server's fault header, so that a page
# under test can ask for faults too.
_HEADERS = (
    "Authorization,Content-Type,User-Agent,Accept,X-Requested-With,Openai-Beta,X-Stainless-Arch,"
    "X-Stainless-Async,X-Stainless-Custom-Poll-Interval,X-Stainless-Helper-Method,X-Stainless-Lang,"
    "X-Stainless-Os,X-Stainless-Package-Version,X-Stainless-Poll-Helper,X-Stainless-Retry-Count,"
    "X-Stainless-Runtime,X-Stainless-Runtime-Version,X-Stainless-Timeout,X-Ollama-Fault"
)
_MAX_AGE = str(12 * 3600)


def allowed_origins(extra: Sequence[str] | None = None) -> list[str]:
    """Ollama's envconfig.AllowedOrigins: `OLLAMA_ORIGINS` (or `extra`) first, then the defaults."""
    given = list(extra) if extra is not None else [o for o in os.environ.get("OLLAMA_ORIGINS", "").split(",") if o]
    out = [o.strip().lower() for o in given if o.strip()]
    for host in ("localhost", "127.0.0.1", "0.0.0.0"):
        out += [f"http://{host}", f"https://{host}", f"http://{host}:*", f"https://{host}:*"]
    out += ["app://*", "file://*", "tauri://*", "vscode-webview://*", "vscode-file://*"]
    return list(dict.fromkeys(out))


def _matches(pattern: str, origin: str) -> bool:
    """An exact origin, or one `*` standing for any text (gin-contrib/cors' wildcard rule)."""
    if "*" not in pattern:
        return pattern == origin
    head, _, tail = pattern.partition("*")
    return origin.startswith(head) and origin.endswith(tail)


class CORSMiddleware:
    def __init__(self, app: ASGIApp, origins: Sequence[str] | None = None) -> None:
        self.app = app
        self.origins = allowed_origins(origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        origin = headers.get(b"origin", "")
        host = headers.get(b"host", "")
        if not origin or origin in (f"http://{host}", f"https://{host}"):
            await self.app(scope, receive, send)
            return
        if not any(_matches(p, origin.lower()) for p in self.origins):
            await _bare(send, 403, [])
            return
        echo = (b"access-control-allow-origin", origin.encode("latin-1"))
        if scope.get("method") == "OPTIONS":
            await _bare(
                send,
                204,
                [
                    (b"access-control-allow-headers", _HEADERS.encode()),
                    (b"access-control-allow-methods", _METHODS.encode()),
                    (b"access-control-max-age", _MAX_AGE.encode()),
                    (b"vary", b"Origin"),
                    (b"vary", b"Access-Control-Request-Method"),
                    (b"vary", b"Access-Control-Request-Headers"),
                    echo,
                ],
            )
            return

        async def send_with_origin(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), (b"vary", b"Origin"), echo]}
            await send(message)

        await self.app(scope, receive, send_with_origin)


async def _bare(send: Send, status: int, headers: list[tuple[bytes, bytes]]) -> None:
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b""})
