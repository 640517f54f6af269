"""The server's log: a line per request as gin writes it, and Ollama's key=value lines (slog's).

The emulation logs through the standard `logging` module under `ollama_contract.server`, so a
program embedding the server (or a test, through pytest's `caplog`) sees the lines only if it
asks; the `serve` command sends them to stderr. One line per model load:

    time=2026-12-01T17:00:00.123Z level=INFO msg="load model" model=llama3.2:latest reason=new num_ctx=4096

`reason` is `new` (the model was not in memory) or `changed:<options>` (a load-time option
differs from the loaded runner's, so Ollama would reload it).
"""

from __future__ import annotations

import logging
import sys
import time

from .wire import ASGIApp, Message, Receive, Scope, Send, go_quote

__all__ = ["LOGGER", "REQUESTS", "AccessLog", "go_duration", "log_to_stderr"]

LOGGER = "ollama_contract.server"
REQUESTS = "ollama_contract.server.requests"


class _Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        if record.name == REQUESTS:
            return record.getMessage()  # gin's own layout, as Ollama prints it
        ns = int(record.created * 1e9)
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ns // 1_000_000_000))
        return f"time={stamp}.{ns // 1_000_000 % 1000:03d}Z level={record.levelname} {record.getMessage()}"


def log_to_stderr(*, requests: bool = True) -> None:
    """Send the server's log lines to stderr; `requests=False` leaves out the one per request."""
    logger = logging.getLogger(LOGGER)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logging.getLogger(REQUESTS).setLevel(logging.INFO if requests else logging.WARNING)


def go_duration(ns: int) -> str:
    """Go's `time.Duration.String`: `512ns`, `1.5µs`, `12.345678ms`, `1.2s`, `2m3.5s`, `1h0m0s`."""
    if ns == 0:
        return "0s"
    sign = "-" if ns < 0 else ""
    ns = abs(ns)
    if ns < 1_000:
        return f"{sign}{ns}ns"
    if ns < 1_000_000:
        return sign + _fraction(ns, 1_000, 3) + "µs"
    if ns < 1_000_000_000:
        return sign + _fraction(ns, 1_000_000, 6) + "ms"
    hours, rest = divmod(ns, 3_600_000_000_000)
    minutes, rest = divmod(rest, 60_000_000_000)
    seconds = _fraction(rest, 1_000_000_000, 9) + "s"
    if hours:
        return f"{sign}{hours}h{minutes}m{seconds}"
    if minutes:
        return f"{sign}{minutes}m{seconds}"
    return sign + seconds


def _fraction(value: int, unit: int, digits: int) -> str:
    whole, part = divmod(value, unit)
    frac = f"{part:0{digits}d}".rstrip("0")
    return f"{whole}.{frac}" if frac else str(whole)


class AccessLog:
    """One line per request once it is answered, as gin's default logger writes it in Ollama:

        [GIN] 2026/12/01 - 17:00:00 | 200 |   12.345678ms |       127.0.0.1 | POST     "/api/chat"

    (time, status, latency, client address, method, quoted path with its query). The line goes to
    the `ollama_contract.server.requests` logger at INFO, so it shows only where logging is set
    up: on stderr for `serve` unless `--quiet`, nowhere for an embedded server unless asked.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.log = logging.getLogger(REQUESTS)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.log.isEnabledFor(logging.INFO):
            await self.app(scope, receive, send)
            return
        started = time.perf_counter_ns()
        status = 200  # gin's writer reports 200 for a request that never wrote a status

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        except Exception:
            status = 500 if status == 200 else status  # answered outside, by the error handler
            raise
        finally:
            latency = time.perf_counter_ns() - started
            if latency > 60_000_000_000:
                latency -= latency % 1_000_000_000
            client = scope.get("client") or ("", 0)
            path = scope.get("path", "")
            query = scope.get("query_string", b"")
            if query:
                path += "?" + query.decode("latin-1")
            stamp = time.strftime("%Y/%m/%d - %H:%M:%S", time.localtime())
            method = str(scope.get("method", ""))
            self.log.info(
                "[GIN] %s | %3d | %13s | %15s | %-7s %s",
                stamp,
                status,
                go_duration(latency),
                client[0],
                method,
                go_quote(path),
            )
