"""What the server tests share: raw HTTP whose every answer is checked against the spec, and GGUF makers.

The typed path (a strict `create_client` client and the generated functions) checks itself. Raw
requests exist for what a strict client refuses to send (malformed bodies, bad base64, traversal
names) and for the bytes a client hides (content types, NDJSON lines, empty bodies); `Wire` checks
their answers with the same validation layer, so nothing the server says escapes the contract.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import httpx
import numpy as np
from gguf import GGUFWriter

from ollama_contract._validation import Checker
from ollama_contract.spec import NDJSON, judge

STRICT = Checker("strict")
_UNSET: Any = object()


def check(response: httpx.Response) -> None:
    """Raise ContractViolation unless the status, content type and body (every line) match the spec."""
    request = response.request
    verdict = judge(
        request.method, request.url.path, response.status_code, response.headers.get("content-type"), response.content
    )
    if verdict.operation is not None:  # a route the spec does not know (a 404 page) has nothing to keep
        STRICT.report(verdict.operation.operation_id, verdict.violations, response.status_code)


class Wire:
    """An httpx client for the server whose every response goes through `check`."""

    def __init__(self, url: str, headers: dict[str, str] | None = None) -> None:
        self.url = url
        self.http = httpx.Client(base_url=url, timeout=30, headers=headers or {})

    def request(
        self,
        method: str,
        path: str,
        body: Any = _UNSET,
        *,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
        checked: bool = True,
    ) -> httpx.Response:
        kwargs: dict[str, Any] = {"headers": headers or {}}
        if body is not _UNSET:
            kwargs["json"] = body
        if content is not None:
            kwargs["content"] = content
        response = self.http.request(method, path, **kwargs)
        if checked:
            check(response)
        return response

    def post(self, path: str, body: Any = _UNSET, **kwargs: Any) -> httpx.Response:
        return self.request("POST", path, body, **kwargs)

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def close(self) -> None:
        self.http.close()


def lines(response: httpx.Response) -> list[dict[str, Any]]:
    """The parsed NDJSON lines of a (checked) streamed response."""
    assert response.headers["content-type"] == NDJSON
    assert response.content.endswith(b"\n")
    return [json.loads(line) for line in response.content.splitlines()]


def error_of(response: httpx.Response, status: int) -> str:
    """The `error` text of a JSON error answer, after checking its status."""
    assert response.status_code == status, (response.status_code, response.text)
    body = response.json()
    assert set(body) == {"error"}
    message: str = body["error"]
    return message


def digest_of(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def upload(wire: Wire, data: bytes) -> str:
    """Upload a blob (201 new, 200 known) and return its digest."""
    digest = digest_of(data)
    response = wire.post(f"/api/blobs/{digest}", content=data)
    assert response.status_code in (200, 201), response.text
    return digest


def make_gguf(
    path: Path,
    arch: str,
    kv: Iterable[tuple[str, Any]] = (),
    *,
    chat_template: str | None = None,
    general_type: str = "model",
    tensors: Sequence[tuple[str, Sequence[int]]] = (("token_embd.weight", (4, 32)), ("output_norm.weight", (32,))),
) -> bytes:
    """Write a real GGUF file with the gguf package, as a user's converter would, and return its bytes."""
    writer = GGUFWriter(path, arch)
    writer.add_type(general_type)
    writer.add_name(f"Test {arch}")
    writer.add_file_type(1)
    for key, value in kv:
        if isinstance(value, bool):
            writer.add_bool(key, value)
        elif isinstance(value, int):
            writer.add_uint32(key, value)
        elif isinstance(value, float):
            writer.add_float32(key, value)
        elif isinstance(value, str):
            writer.add_string(key, value)
        else:
            writer.add_array(key, list(value))
    if chat_template is not None:
        writer.add_chat_template(chat_template)
    rng = np.random.default_rng(7)
    for name, shape in tensors:
        writer.add_tensor(name, rng.standard_normal(tuple(shape)).astype(np.float16))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path.read_bytes()


def safetensors_bytes(tensors: dict[str, np.ndarray[Any, Any]]) -> bytes:
    """A .safetensors file: an 8-byte header length, a JSON header, then the raw little-endian data."""
    header: dict[str, Any] = {"__metadata__": {"format": "pt"}}
    data = bytearray()
    for name, array in tensors.items():
        raw = np.ascontiguousarray(array).tobytes()
        dtype = {np.float32: "F32", np.float16: "F16"}[array.dtype.type]
        header[name] = {"dtype": dtype, "shape": list(array.shape), "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    return len(text).to_bytes(8, "little") + text + bytes(data)
