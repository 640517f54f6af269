"""The first stage of a call: the request, made wire values and checked, before anything is sent.

A call walks one way through the runtime layer, one module a stage, each called by the shell
that drives it (`_object`, `_streams`) and none calling back into an earlier one:

1. **prepare**: the helpers' inputs made wire values (`helpers.prepare`: images from paths, tools
   from functions, `format` from classes), then (this module) the body made plain JSON, checked
   against the request schema by the checker the client carries (strict: ContractViolation,
   nothing sent); the result is httpx's `request` arguments;
2. **send** (`_transport`): retries of idempotent requests, typed connection errors;
3. **judge** (`_judge`, pure): status, content type and the JSON body as a whole;
4. **decode** (`_ndjson`, pure): the lines of a stream, each parsed and checked;
5. **build**: the generated models' `from_dict` (`_answer` for a whole answer, `_ndjson` per line).

The request is marked (`_config.EXTENSION`) so that the hooks, which a user's own httpx client
may carry for the generated functions, leave it alone, and so that a stream is never retried.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping, Sequence
from typing import IO, Any
from urllib.parse import quote

import httpx

from ._config import CHECKED, EXTENSION, STREAM
from ._errors import Violation
from ._spec import Operation, module_for, operations
from ._validation import Checker, check_value

__all__ = ["CHECKED", "HOSTED_URL", "STREAM", "blob", "check_request", "join", "plain", "prepare", "prepare_stream"]

HOSTED_URL = "OLLAMA_CONTRACT_HOSTED_URL"
"""Where operations the spec gives servers of their own (ollama.com's web search and fetch) are
sent instead of their first server: a loopback stand-in, for tests that never leave the machine."""

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


def check_request(op: Operation, body: Any, profile: str) -> list[Violation]:
    """Violations of a request body against the operation's request schema."""
    if op.request_schema is None:
        return []
    return check_value(op.request_schema, body, "request", profile=profile)


def _check(op: Operation, payload: Any, checker: Checker) -> None:
    if checker.active and op.request_schema is not None:
        found = check_request(op, payload, checker.profile)
        if found:
            checker.report(op.operation_id, found)


def _url(op: Operation, path: Mapping[str, Any]) -> str:
    url = op.path
    for name, value in path.items():
        url = url.replace("{" + name + "}", quote(str(value), safe=":"))
    if op.servers:  # a hosted operation: ollama.com, whatever the client's own host
        url = os.environ.get(HOSTED_URL, op.servers[0]).rstrip("/") + url
    return url


def prepare(
    operation_id: str,
    checker: Checker,
    body: dict[str, Any] | None,
    path: Mapping[str, Any],
    stream: bool,
    urls: dict[str, httpx.URL] | None = None,
    base: httpx.URL | None = None,
) -> dict[str, Any]:
    """httpx `request` arguments for one call of the client object, its body checked once.

    `body` is keyed by the spec's field names, None for a field left out, its helpers' inputs
    already made wire values (`helpers.prepare`, which the caller runs first); `stream` is the
    value of the body's `stream` field, sent when the operation can stream. With `urls` and
    `base`, a URL without path parameters is joined to `base` once and kept in `urls`."""
    op = operations()[operation_id]
    url = _url(op, path)
    kwargs: dict[str, Any] = {"method": op.method.upper(), "url": url}
    if urls is not None and base is not None and not path:
        joined = urls.get(url)
        if joined is None:
            joined = urls[url] = join(base, url)
        kwargs["url"] = joined
    if body is not None:
        payload = {key: plain(value) for key, value in body.items() if value is not None}
        if op.streams:
            payload["stream"] = stream
        _check(op, payload, checker)
        kwargs["json"] = payload
        kwargs["extensions"] = {EXTENSION: STREAM if stream else CHECKED}
    return kwargs


def prepare_stream(operation_id: str, body: Any, checker: Checker) -> dict[str, Any]:
    """httpx `request` arguments for a stream of a generated module's body model: the generated
    module's own method, path and JSON (`_request_kwargs`), with `stream: true`, checked once."""
    op = operations()[operation_id]
    kwargs: dict[str, Any] = module_for(operation_id)._request_kwargs(body=body)
    kwargs["json"]["stream"] = True
    _check(op, kwargs["json"], checker)
    kwargs["extensions"] = {EXTENSION: STREAM}
    return kwargs


def join(base: httpx.URL, url: str) -> httpx.URL:
    """A relative request URL joined to an httpx client's base URL, as httpx joins it on every
    request (its base URL always ends in `/`), done once per operation by the client object:
    two URL parses a call, about a tenth of a small call's cost. An absolute URL (a hosted
    operation) is kept. Public API only; a test holds it to httpx's own join."""
    target = httpx.URL(url)
    if not target.is_relative_url:
        return target
    return base.copy_with(raw_path=base.raw_path + target.raw_path.lstrip(b"/"))


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
