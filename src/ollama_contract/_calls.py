"""What the client object does around one HTTP exchange, as plain functions shared by sync and async.

The generated methods (`ollama_api._methods`) hand over an operation id, the JSON body keyed by
the spec's field names (None for a field left out) and the path parameters. From the spec this
module derives, once per operation, how to send it and what to give back:

- `request()`: the body made plain JSON (dicts, lists and scalars, from dicts or generated models
  alike), checked against the request schema here, once, and marked so that the hooks do not check
  it a second time; then httpx's `request` arguments;
- `answer()`: the typed answer of a response, judged here as the hooks judge the generated
  functions' (status, content type, schema, parsed once; typed errors raised): the generated model
  of the JSON body (built by its `from_dict`), the text of a `text/plain` body, None for an
  empty one, and for a HEAD whether the status was 200. The hooks leave these exchanges alone.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import IO, Any
from urllib.parse import quote

import httpx

from ._config import EXTENSION
from ._errors import Violation, cut, error_for_status
from ._spec import Operation, model_for, operations
from ._validation import Checker, check_request, judge_response

__all__ = ["CHECKED", "HOSTED_URL", "Plan", "answer", "blob", "plain", "plan_for", "request"]

CHECKED = "object"
"""The request extension's value for an exchange of the client object: it checks the request and
the response itself (once, here), so the hooks leave both alone; the transport still retries it."""

_SCALARS = (str, int, float, bool, type(None))


def plain(value: Any) -> Any:
    """JSON-ready data from what a user passes: dicts, lists, tuples, scalars and generated models.

    Only a keyword argument left at None means "not sent" (the caller drops those); inside a value a
    None is the user's own JSON null and is kept, since a format schema or a tool's parameters say
    `"default": null` on purpose (the official client sends it too)."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is dict:
        return {key: plain(item) for key, item in value.items()}
    if kind is list or kind is tuple:
        return [plain(item) for item in value]
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, Sequence) and not isinstance(value, str | bytes | bytearray):
        return [plain(item) for item in value]
    return value


@dataclass(frozen=True)
class Plan:
    """How one operation is sent and answered, derived from the spec once."""

    operation: Operation
    build: Callable[[Any], Any] | None  # the 2xx JSON model's builder, if the operation answers JSON
    model: str | None
    text: bool  # a text/plain answer (heartbeat)

    @property
    def name(self) -> str:
        return self.operation.operation_id


@cache
def plan_for(operation_id: str) -> Plan:
    op = operations()[operation_id]
    build: Callable[[Any], Any] | None = None
    model: str | None = None
    text = False
    for status in sorted(op.responses):
        if not 200 <= status < 300:
            continue
        media = op.responses[status]
        cls = model_for(media.get("application/json"))
        if cls is not None:
            build, model = cls.from_dict, cls.__name__
            break
        if "text/plain" in media:
            text = True
            break
    return Plan(op, build, model, text)


HOSTED_URL = "OLLAMA_CONTRACT_HOSTED_URL"
"""Where operations the spec gives servers of their own (ollama.com's web search and fetch) are
sent instead of their first server: a loopback stand-in, for tests that never leave the machine."""


def _url(plan: Plan, path: dict[str, Any]) -> str:
    url = plan.operation.path
    for name, value in path.items():
        url = url.replace("{" + name + "}", quote(str(value), safe=":"))
    if plan.operation.servers:  # a hosted operation: ollama.com, whatever the client's own host
        url = os.environ.get(HOSTED_URL, plan.operation.servers[0]).rstrip("/") + url
    return url


def request(
    plan: Plan, checker: Checker | None, body: dict[str, Any] | None, path: dict[str, Any], stream: bool | None
) -> dict[str, Any]:
    """httpx `request` arguments for one call: the plain body, checked once (strict: raises, nothing sent).

    With no checker the body is left for the caller to check (a stream checks its own request).
    """
    kwargs: dict[str, Any] = {"method": plan.operation.method.upper(), "url": _url(plan, path)}
    if body is not None:
        payload = {key: plain(value) for key, value in body.items() if value is not None}
        if stream is not None:
            payload["stream"] = stream
        if checker is not None and checker.active:
            checker.report(plan.name, check_request(plan.operation, payload, profile=checker.profile))
        kwargs["json"] = payload
        kwargs["extensions"] = {EXTENSION: CHECKED}
    return kwargs


def answer(plan: Plan, checker: Checker, response: httpx.Response) -> Any:
    """The typed answer of a read response: judged (status, content type, schema: `judge_response`,
    parsed once), its status error raised, then its model built."""
    request = response.request
    head = request.method == "HEAD"
    status = response.status_code
    content_type = None if head else response.headers.get("content-type")
    parsed = judge_response(
        checker, request.method, request.url.path, status, content_type, b"" if head else response.content
    )
    if head:
        if status == 404:
            return False
        if status >= 400:
            raise error_for_status(plan.name, status, None)
        return True
    if status >= 400:
        raise error_for_status(plan.name, status, parsed)
    if plan.build is not None:
        if parsed is None:
            where = f"response {status} {content_type}"
            checker.fail(
                plan.name,
                [Violation(where, "", "json", "no JSON body to build the answer from", cut(response.content))],
                status,
            )
        try:
            return plan.build(parsed)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            detail = f"cannot build {plan.model}: {type(exc).__name__}: {exc}"
            where = f"response {status} application/json"
            checker.fail(plan.name, [Violation(where, "", "construct", detail, cut(parsed))], status)
    if plan.text:
        return response.text
    return None


_CHUNK = 1 << 20


def blob(data: bytes | IO[bytes] | str | os.PathLike[str], digest: str | None) -> tuple[str, Callable[[], Any]]:
    """The digest of a blob (computed, streaming, when not given) and a way to read it again for the upload.

    A `str` is always a path (never base64 text, never iterated per character); bytes are the blob.
    """
    if isinstance(data, bytes | bytearray | memoryview):
        content = bytes(data)
        return digest or f"sha256:{hashlib.sha256(content).hexdigest()}", lambda: content
    if isinstance(data, str | os.PathLike):
        path = os.fspath(data)
        if digest is None:
            sha = hashlib.sha256()
            with open(path, "rb") as f:
                while chunk := f.read(_CHUNK):
                    sha.update(chunk)
            digest = f"sha256:{sha.hexdigest()}"
        return digest, lambda: _chunks_of_path(path)
    start = data.tell() if data.seekable() else None
    if digest is None:
        if start is None:
            content = data.read()
            return f"sha256:{hashlib.sha256(content).hexdigest()}", lambda: content
        sha = hashlib.sha256()
        while chunk := data.read(_CHUNK):
            sha.update(chunk)
        digest = f"sha256:{sha.hexdigest()}"

    def again() -> Any:
        if start is not None:
            data.seek(start)
        return _chunks_of_file(data)

    return digest, again


def _chunks_of_path(path: str) -> Any:
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            yield chunk


def _chunks_of_file(f: IO[bytes]) -> Any:
    while chunk := f.read(_CHUNK):
        yield chunk
