"""Serving the app with uvicorn: in a background thread for tests, or in the foreground for the CLI."""

from __future__ import annotations

import ipaddress
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["listen", "running_server", "serve", "serving"]


def _config(app: Any, host: str, port: int) -> Any:
    import uvicorn

    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        server_header=False,
        lifespan="off",
        timeout_graceful_shutdown=2,
    )


def listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket; OSError (e.g. the port is in use) before anything is announced."""
    # The protocol must be named: asyncio turns Nagle's algorithm off only on sockets whose
    # `proto` is IPPROTO_TCP, and without that every response waits 40 ms for a delayed ACK.
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    return sock


@contextmanager
def running_server(
    *,
    data_dir: str | Path | None = None,
    models: str | Iterable[str] | None = None,
    faults: Sequence[str] = (),
    host: str = "127.0.0.1",
    port: int = 0,
    startup_timeout: float = 20.0,
    **app_options: Any,
) -> Iterator[str]:
    """Run an offline Ollama on a free loopback port; yields its base URL, stops it on exit.

    With no `data_dir`, the models live in a fresh temporary folder that is removed afterwards.
    """
    from .app import create_app

    owned = data_dir is None
    folder = Path(tempfile.mkdtemp(prefix="ollama-contract-")) if owned else Path(str(data_dir))
    try:
        app = create_app(data_dir=folder, models=models, faults=faults, **app_options)
        with serving(app, host=host, port=port, startup_timeout=startup_timeout) as url:
            yield url
    finally:
        if owned:
            shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def serving(app: Any, *, host: str = "127.0.0.1", port: int = 0, startup_timeout: float = 20.0) -> Iterator[str]:
    """Serve an app in a background thread; yields its base URL, stops it on exit."""
    import uvicorn

    sock = listen(host, port)
    bound = sock.getsockname()[1]
    server = uvicorn.Server(_config(app, host, bound))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="ollama-contract", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + startup_timeout
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the reference server did not start")
            time.sleep(0.005)
        shown = f"[{host}]" if ":" in host else host
        yield f"http://{shown}:{bound}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def serve(
    sock: socket.socket,
    *,
    data_dir: str | Path | None,
    models: str | None,
    faults: Sequence[str],
    **app_options: Any,
) -> None:
    """Serve on a listening socket in the foreground until interrupted (the `serve` command)."""
    import uvicorn

    from .app import create_app

    host, port = sock.getsockname()[:2]
    owned = data_dir is None
    folder = Path(tempfile.mkdtemp(prefix="ollama-contract-")) if owned else Path(str(data_dir))
    try:
        loopback = ipaddress.ip_address(host).is_loopback
        app = create_app(data_dir=folder, models=models, faults=faults, loopback_only=loopback, **app_options)
        uvicorn.Server(_config(app, host, port)).run(sockets=[sock])
    finally:
        sock.close()
        if owned:
            shutil.rmtree(folder, ignore_errors=True)
