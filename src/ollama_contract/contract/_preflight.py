"""Refuse a target the run cannot check, at once and with one message, before any test runs.

Without this, a URL with nothing behind it ran every test and reported each connection error
as a contract failure; a host name that does not resolve took minutes of DNS retries; a model
that is not installed was accepted and every generation case met a 404. Those are mistakes in
the command, not findings about the server: they end the run with exit status 2.
"""

from __future__ import annotations

import concurrent.futures
import socket
import urllib.parse
from collections.abc import Iterable
from typing import Any

import httpx

from .._spec import operations
from ._safety import listed_name

__all__ = ["PREFLIGHT_SECONDS", "TargetError", "Unreachable", "check_models", "check_target", "version_url"]


def version_url(base_url: str) -> str:
    """Where a server says its version (the spec's `version` operation): every probe asks it."""
    return base_url + operations()["version"].path


PREFLIGHT_SECONDS = 5.0


class TargetError(Exception):
    """The target of the run is unusable; the message says what is wrong and what to do."""


class Unreachable(TargetError):
    """A well-formed target that does not answer: in a fleet, its column fails and the others run."""


def _resolves(host: str, port: int) -> bool:
    """Whether the host name resolves within PREFLIGHT_SECONDS (a resolver can retry for minutes)."""
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    future = pool.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
    try:
        future.result(timeout=PREFLIGHT_SECONDS)
        return True
    except (OSError, concurrent.futures.TimeoutError):
        return False
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def check_target(base_url: str, given: str, headers: dict[str, str]) -> None:
    """Fail unless something at `base_url` answers HTTP (any answer: judging it is the suite's job)."""
    split = urllib.parse.urlsplit(base_url)
    example = "for example --base-url http://127.0.0.1:11434"
    if split.scheme not in {"http", "https"}:
        raise TargetError(f"{given!r} is not an http:// or https:// URL; give the server's URL, {example}")
    host = split.hostname or ""
    if not host or any(c.isspace() for c in host):
        raise TargetError(f"the host {host!r} in {given!r} does not resolve; give the server's URL, {example}")
    if not _resolves(host, split.port or 80):
        raise Unreachable(f"the host {host!r} in {given!r} does not resolve; give the server's URL, {example}")
    try:
        httpx.get(version_url(base_url), headers=headers, timeout=PREFLIGHT_SECONDS)
    except httpx.ConnectError as exc:
        raise Unreachable(
            f"nothing is listening at {base_url} ({exc}); start Ollama there (`ollama serve`) or give the URL of a "
            "running server with --base-url"
        ) from exc
    except httpx.TimeoutException as exc:
        raise Unreachable(
            f"{base_url} did not answer GET /api/version within {PREFLIGHT_SECONDS:g} s; is it an Ollama server, "
            "and is it running?"
        ) from exc
    except httpx.HTTPError as exc:
        raise Unreachable(f"{base_url} cannot be reached: {exc}") from exc


def _names(models: Iterable[dict[str, Any]]) -> list[str]:
    return [name for m in models if (name := listed_name(m))]


def check_models(installed: list[dict[str, Any]], wanted: Iterable[tuple[str, str | None]], base_url: str) -> None:
    """Fail when a model given by option is not among the installed ones (compared as Ollama does)."""
    from ._safety import normalize

    names = _names(installed)
    known = {normalize(n) for n in names}
    for option, model in wanted:
        if model is not None and normalize(model) not in known:
            listed = ", ".join(sorted(names)) or "none"
            raise TargetError(
                f"{option} {model}: no such model on {base_url} (installed: {listed}); choose one of them, or "
                f"install it first (`ollama pull {model}`)"
            )
