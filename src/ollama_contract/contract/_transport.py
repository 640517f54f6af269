"""Every request of a run has a deadline for its whole answer, not for each read.

A read timeout alone never fires on a stream that keeps sending: a real Ollama that generated
without end kept a run waiting for 20 minutes, one token at a time. So the answer is read
chunk by chunk, the time left is given to the socket before every read, and a request that has
not finished by its deadline is abandoned with `NoAnswer` (the run records it as a failure and
goes on).

schemathesis sends its cases with `requests`, so its cases get a `requests.Session` whose adapter
does this; the scenario steps use httpx, through `httpx_within`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx
import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ProtocolError, ReadTimeoutError

__all__ = ["NoAnswer", "deadline_session", "filled", "httpx_within"]

CONNECT_SECONDS = 10.0
"""Connecting takes no time on a live server; a longer wait means nothing sensible is there."""


class NoAnswer(requests.exceptions.Timeout):
    """The server did not finish its answer within the request's deadline."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"no answer within {seconds:g} s")
        self.seconds = seconds


class _DeadlineAdapter(HTTPAdapter):
    def __init__(self, seconds: Callable[[], float]) -> None:
        super().__init__()
        self.seconds = seconds

    def send(self, request: requests.PreparedRequest, stream: bool = False, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        seconds = self.seconds()
        deadline = time.monotonic() + seconds
        kwargs["timeout"] = (min(CONNECT_SECONDS, seconds), seconds)
        try:
            response = super().send(request, stream=True, **kwargs)
        except requests.exceptions.Timeout as exc:
            raise NoAnswer(seconds) from exc
        body = bytearray()
        try:
            for chunk in response.raw.stream(65536, decode_content=True):
                body += chunk
                left = deadline - time.monotonic()
                if left <= 0:
                    raise NoAnswer(seconds)
                sock = getattr(response.raw.connection, "sock", None)
                if sock is not None:
                    sock.settimeout(left)  # the next read may wait only for what is left
        except (ReadTimeoutError, TimeoutError) as exc:
            response.close()
            raise NoAnswer(seconds) from exc
        except NoAnswer:
            response.close()
            raise
        except ProtocolError as exc:
            response.close()
            raise requests.exceptions.ConnectionError(exc, request=request) from exc
        response.raw.release_conn()
        return filled(response, bytes(body))


def filled(response: requests.Response, body: bytes) -> requests.Response:
    """`response` with `body` as its content, already read, as `requests` keeps it after a read.

    The one use of a private name of `requests` (`_content`, `_content_consumed`): it has no public
    way to hand a response a body read some other way (here, chunk by chunk under a deadline).
    tests/contract/test_deadline.py fails if `requests` keeps a read body differently, and
    pyproject.toml bounds `requests` to the versions it was checked on.
    """
    response._content = body
    response._content_consumed = True
    return response


def deadline_session(seconds: Callable[[], float]) -> requests.Session:
    """A requests session whose every request must be answered within `seconds()`."""
    session = requests.Session()
    adapter = _DeadlineAdapter(seconds)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def httpx_within(client: httpx.Client, method: str, url: str, seconds: float, **kwargs: Any) -> httpx.Response:
    """One httpx request, read completely within `seconds`, or NoAnswer."""
    deadline = time.monotonic() + seconds
    timeout = httpx.Timeout(seconds, connect=min(CONNECT_SECONDS, seconds))
    try:
        with client.stream(method, url, timeout=timeout, **kwargs) as response:
            chunks = []
            for chunk in response.iter_bytes():
                chunks.append(chunk)
                if time.monotonic() > deadline:
                    raise NoAnswer(seconds)
            headers = [(k, v) for k, v in response.headers.multi_items() if k.lower() != "content-encoding"]
            return httpx.Response(
                response.status_code, headers=headers, content=b"".join(chunks), request=response.request
            )
    except httpx.TimeoutException as exc:
        raise NoAnswer(seconds) from exc
