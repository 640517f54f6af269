"""The contract as data: the spec shipped inside the generated package, indexed by operation.

Everything hand-written that needs a path, a status, a schema or a fact about an operation asks
this module, so that no field list, path, status code or operation table is written twice. The
facts come from each operation's `x-ollama` mapping (see `_facts.py`); an operation that lacks one
the code needs is refused when the spec is indexed, not discovered later as a silent default.
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

from ._facts import ModelField, StreamShape, facts_of

__all__ = [
    "NDJSON",
    "NO_CONTENT",
    "ModelField",
    "Operation",
    "SpecError",
    "StreamShape",
    "escape",
    "follow",
    "index",
    "load_spec",
    "load_time_options",
    "model_for",
    "module_for",
    "operation_for",
    "operations",
    "pointer",
    "resolve",
    "split_pointer",
    "unescape",
]

NDJSON = "application/x-ndjson"

NO_CONTENT = ""
"""Media-type key used in Operation.responses for a response that declares no body."""


class SpecError(ValueError):
    """The spec lacks something the code needs (a fact of an operation, a schema)."""


def escape(part: object) -> str:
    """One JSON-pointer reference token (RFC 6901): `~` becomes `~0`, `/` becomes `~1`."""
    return str(part).replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    """The inverse of `escape`."""
    return token.replace("~1", "/").replace("~0", "~")


def pointer(*parts: object) -> str:
    """Build a JSON pointer fragment such as `#/paths/~1api~1tags/get`."""
    return "#/" + "/".join(escape(p) for p in parts)


def split_pointer(ptr: str) -> tuple[str, ...]:
    """The unescaped tokens of `#/a/b`, `/a/b` or `` (the whole document: no tokens)."""
    body = ptr.removeprefix("#")
    if not body:
        return ()
    return tuple(unescape(t) for t in body.removeprefix("/").split("/"))


@cache
def load_spec() -> dict[str, Any]:
    """The spec the generated client was made from, as the installed package ships it."""
    text = resources.files("ollama_api").joinpath("openapi.json").read_text(encoding="utf-8")
    doc: dict[str, Any] = json.loads(text)
    return doc


def resolve(doc: dict[str, Any], ref: str) -> Any:
    """Follow a local `#/...` reference."""
    node: Any = doc
    for part in split_pointer(ref):
        node = node[part]
    return node


@dataclass(frozen=True)
class Operation:
    """One operation of the spec: its route, the pointers to its schemas, and its facts."""

    operation_id: str
    method: str
    path: str
    tags: tuple[str, ...]
    request_media_type: str | None
    request_schema: str | None
    """Pointer to the request body's schema, or None when the operation takes no body."""
    responses: dict[int, dict[str, str | None]] = field(default_factory=dict)
    """status -> media type (or NO_CONTENT) -> pointer to the schema, or None for no schema."""
    since: str | None = None
    """The first Ollama release whose router has it (`X.Y.Z`); None for ollama.com's own operations."""
    writes: bool = False
    """It changes what the server holds (models, blobs, the signed-in account)."""
    network: bool = False
    """It may reach ollama.com or a registry, so a 5xx can be the network's failure, not a bug."""
    proxied: bool = False
    """The server passes the body on to ollama.com unread: only an empty body is refused locally."""
    runs: str | None = None
    """`generate` or `embed` when it runs a model (and so loads it); None otherwise."""
    models: tuple[ModelField, ...] = ()
    """The request fields that name the models it reads or changes."""
    stream: StreamShape | None = None
    """How its NDJSON stream ends and which text it accumulates; None when it does not stream."""
    late_checked: frozenset[str] = frozenset()
    """Top-level request fields the server checks only once the model is loaded (refusal: a 500)."""
    free_maps: frozenset[str] = frozenset()
    """Top-level request fields the server keeps as a free map, never refusing what is inside."""
    servers: tuple[str, ...] = ()
    """Operation-level server URLs (a hosted operation such as ollama.com's web search)."""

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"

    @property
    def streams(self) -> bool:
        """True when the 200 can be an NDJSON stream."""
        return NDJSON in self.responses.get(200, {})

    def model_field(self, *roles: str) -> ModelField | None:
        """The first request field naming a model in one of `roles` (any role when none given)."""
        return next((m for m in self.models if not roles or m.role in roles), None)

    @property
    def target(self) -> ModelField | None:
        """The field naming the model the operation changes, else the one it reads."""
        return self.model_field("create", "delete", "pull", "push") or self.model_field("read")

    @property
    def legacy_name(self) -> str | None:
        """The legacy field (`name`) the server reads only when the target field is empty."""
        target = self.target
        return target.legacy if target is not None else None


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
            media: (f"{base}/content/{escape(media)}/schema" if "schema" in body else None)
            for media, body in content.items()
        }
    return out


@cache
def operations() -> dict[str, Operation]:
    """Every operation of the shipped spec, keyed by operationId."""
    return index(load_spec())


def index(doc: dict[str, Any], *, facts: bool = True) -> dict[str, Operation]:
    """Index any OpenAPI document the way operations() indexes the shipped one.

    With `facts` (the default), every operation must carry the `x-ollama` facts the code needs,
    or SpecError names the operation and the missing fact; `facts=False` indexes a document of
    someone else's (an older spec, Ollama's own docs) by routes and schemas alone.
    """
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
            responses = _responses(doc, path, method, op)
            found: dict[str, Any] = {}
            if facts:
                try:
                    found = facts_of(op, streams=NDJSON in responses.get(200, {}))
                except ValueError as exc:
                    raise SpecError(f"{method.upper()} {path} ({op.get('operationId')}): {exc}") from None
            ops[op["operationId"]] = Operation(
                operation_id=op["operationId"],
                method=method,
                path=path,
                tags=tuple(op.get("tags", ())),
                request_media_type=media,
                request_schema=schema,
                responses=responses,
                servers=tuple(s["url"] for s in op.get("servers", ())),
                **found,
            )
    return ops


@cache
def load_time_options() -> frozenset[str]:
    """The options that take effect only when a model is loaded (`x-load-time` on `Options`):
    a request that changes one makes a loaded model reload, as Ollama's scheduler decides."""
    props = load_spec()["components"]["schemas"]["Options"]["properties"]
    return frozenset(name for name, schema in props.items() if schema.get("x-load-time") is True)


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
