"""The contract as data: the spec shipped inside the generated package, indexed by operation.

Everything hand-written that needs a path, a status or a schema asks this module, so that no
field list, path or status code is written twice.
"""

from __future__ import annotations

import importlib
import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from types import ModuleType
from typing import Any

__all__ = [
    "NDJSON",
    "NO_CONTENT",
    "Operation",
    "follow",
    "load_spec",
    "model_for",
    "module_for",
    "operation_for",
    "operations",
    "pointer",
    "resolve",
]

NDJSON = "application/x-ndjson"

NO_CONTENT = ""
"""Media-type key used in Operation.responses for a response that declares no body."""


def pointer(*parts: str) -> str:
    """Build a JSON pointer fragment such as `#/paths/~1api~1tags/get`."""
    return "#/" + "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


@cache
def load_spec() -> dict[str, Any]:
    """The spec the generated client was made from, as the installed package ships it."""
    text = resources.files("ollama_api").joinpath("openapi.json").read_text(encoding="utf-8")
    doc: dict[str, Any] = json.loads(text)
    return doc


def resolve(doc: dict[str, Any], ref: str) -> Any:
    """Follow a local `#/...` reference."""
    node: Any = doc
    for part in ref.removeprefix("#/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


@dataclass(frozen=True)
class Operation:
    """One operation of the spec, with the pointers to its schemas."""

    operation_id: str
    method: str
    path: str
    tags: tuple[str, ...]
    request_media_type: str | None
    request_schema: str | None
    """Pointer to the request body's schema, or None when the operation takes no body."""
    responses: dict[int, dict[str, str | None]] = field(default_factory=dict)
    """status -> media type (or NO_CONTENT) -> pointer to the schema, or None for no schema."""

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"

    @property
    def streams(self) -> bool:
        """True when the 200 can be an NDJSON stream."""
        return NDJSON in self.responses.get(200, {})


def _responses(doc: dict[str, Any], path: str, method: str, op: dict[str, Any]) -> dict[int, dict[str, str | None]]:
    out: dict[int, dict[str, str | None]] = {}
    for status, response in op.get("responses", {}).items():
        base = pointer("paths", path, method, "responses", status)
        if "$ref" in response:
            base = response["$ref"]
            response = resolve(doc, base)
        content = response.get("content")
        if not content:
            out[int(status)] = {NO_CONTENT: None}
            continue
        out[int(status)] = {
            media: (f"{base}/content/{media.replace('/', '~1')}/schema" if "schema" in body else None)
            for media, body in content.items()
        }
    return out


@cache
def operations() -> dict[str, Operation]:
    """Every operation of the shipped spec, keyed by operationId."""
    return index(load_spec())


def index(doc: dict[str, Any]) -> dict[str, Operation]:
    """Index any OpenAPI document the way operations() indexes the shipped one."""
    ops: dict[str, Operation] = {}
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if method not in {"get", "head", "post", "put", "patch", "delete"}:
                continue
            media = schema = None
            body = op.get("requestBody", {}).get("content", {})
            if body:
                media = next(iter(body))
                schema = pointer("paths", path, method, "requestBody", "content", media, "schema")
            ops[op["operationId"]] = Operation(
                operation_id=op["operationId"],
                method=method,
                path=path,
                tags=tuple(op.get("tags", ())),
                request_media_type=media,
                request_schema=schema,
                responses=_responses(doc, path, method, op),
            )
    return ops


def follow(doc: dict[str, Any], ptr: str) -> dict[str, Any]:
    """The schema at `ptr`, with `$ref`s followed until one is not a bare reference."""
    node: dict[str, Any] = resolve(doc, ptr)
    while set(node) == {"$ref"}:
        node = resolve(doc, node["$ref"])
    return node


@cache
def _routes() -> tuple[tuple[re.Pattern[str], str, Operation], ...]:
    routes = []
    for op in operations().values():
        parts = re.split(r"(\{[^}]+\})", op.path)
        body = "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts)
        routes.append((re.compile(f"(?:^|/){body.lstrip('/')}$" if body != "/" else "/$"), op.method.upper(), op))
    # The most specific template first: `/api/tags` must win over `/` for a prefixed base URL.
    routes.sort(key=lambda r: -len(r[2].path))
    return tuple(routes)


def operation_for(method: str, path: str) -> Operation | None:
    """The operation a request is for, from its method and URL path.

    The path may carry a prefix (a base URL such as `http://host/ollama`), so templates are
    matched against the end of the path, most specific first.
    """
    method = method.upper()
    for regex, op_method, op in _routes():
        if op_method == method and regex.search(path):
            return op
    return None


@cache
def module_for(operation_id: str) -> ModuleType:
    """The generated module of an operation, `ollama_api.api.<first tag>.<operationId>`."""
    op = operations()[operation_id]
    return importlib.import_module(f"ollama_api.api.{op.tags[0]}.{op.operation_id}")


@cache
def model_for(ptr: str | None) -> type[Any] | None:
    """The generated attrs class for the component schema that `ptr` references, if there is one."""
    if ptr is None:
        return None
    import ollama_api.models

    node = resolve(load_spec(), ptr)
    ref = node.get("$ref", "") if isinstance(node, dict) else ""
    if not ref.startswith("#/components/schemas/"):
        return None
    cls = getattr(ollama_api.models, ref.rsplit("/", 1)[1], None)
    return cls if isinstance(cls, type) else None
