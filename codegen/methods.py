"""Generator step: the client object's methods, written from openapi.yaml into the generated package.

Called by scripts/regenerate once openapi-python-client has written the package:

    write(package_dir, spec)

It writes three modules into `ollama_api`, each a pure function of the spec and of
`codegen/client_object/`:

- `params.py`: a TypedDict for every object schema a request can carry (messages, options,
  tools, tool calls...), so that plain dicts are typed as well as the generated attrs models;
- `streaming.py`: the typed streams' interface (`Stream[T]`, `AsyncStream[T]`, `StreamResult[T]`),
  copied from `codegen/client_object/streaming.py`;
- `_methods.py`: `SyncMethods` and `AsyncMethods`, one method per operation, named by the
  operation's `x-python-method`, whose keyword arguments are the request schema's properties with
  their types and descriptions; `stream=` overloads for the operations that stream; and
  `DefaultClient`, whose bound methods are the module-level shortcuts.

The methods only shape a call: they hand the operation id, the JSON body (with the spec's names)
and the path parameters to an abstract `_call`, which the hand-written client implements. So the
generated code imports nothing hand-written, and nothing hand-written restates a field list.
"""

import keyword
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent / "client_object"
HEADER = "# Generated from openapi.yaml by codegen/methods.py (scripts/regenerate). Do not edit.\n"
NDJSON = "application/x-ndjson"
JSON = "application/json"


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


# What `ollama_contract.helpers.prepare` (run on every body by the client object's `_call`) turns
# into a value of these schemas, so a method takes it as well. Keyed by the component schema a
# field refers to, not by field names: every field that is an image, a tool or a format gets it
# (generate's and a message's `images`, chat's `tools`, `format`), and a new one would too. The
# spec cannot say this itself: it describes the wire, and these are Python-side inputs.
PREPARED = {
    "Base64Image": "bytes | os.PathLike[str] | IO[bytes]",  # encode_images: bytes, a path, a file object
    "Tool": "Callable[..., Any]",  # function_tool: a Python function
    "Format": "type[Any]",  # format_schema: a pydantic model, dataclass, attrs class, TypedDict
}


# The stream item of the operations that report transfer progress (pull, push, create): their
# methods take `progress=True`, which draws bars (the client's `_progress`) and answers the last item.
PROGRESS = "ProgressResponse"


def _is_model(schema: dict[str, Any]) -> bool:
    return isinstance(schema, dict) and "properties" in schema


class Types:
    """JSON Schema to the annotation of a value a user passes in (dicts and models alike)."""

    def __init__(self, doc: dict[str, Any], models: set[str]) -> None:
        self.schemas: dict[str, Any] = doc["components"]["schemas"]
        self.models = models  # the attrs classes openapi-python-client generated
        self.dicts: list[str] = []  # object schemas that get a TypedDict, in order of first use
        self.used_models: set[str] = set()

    def of(self, schema: Any) -> str:
        if isinstance(schema, dict) and "$ref" in schema:
            extra = PREPARED.get(_ref_name(schema["$ref"]))
            if extra is not None:
                return _union([self._of(schema), extra])
        return self._of(schema)

    def _of(self, schema: Any) -> str:
        if not isinstance(schema, dict) or not schema:
            return "Any"
        if "$ref" in schema:
            name = _ref_name(schema["$ref"])
            target = self.schemas[name]
            if _is_model(target):
                self._want(name)
                return f"{name} | {name}Dict"
            if target.get("type") == "object":
                if name in self.models:
                    self.used_models.add(name)
                    return f"Mapping[str, Any] | {name}"
                return "Mapping[str, Any]"
            return self.of(target)
        for key in ("anyOf", "oneOf"):
            if key in schema:
                return _union(self.of(member) for member in schema[key])
        if "enum" in schema:
            return "Literal[" + ", ".join(repr(v) for v in schema["enum"]) + "]"
        kind = schema.get("type")
        if isinstance(kind, list):
            return _union(self.of({**schema, "type": k}) for k in kind)
        if kind == "string":
            return "bytes" if schema.get("format") == "binary" else "str"
        if kind == "integer":
            return "int"
        if kind == "number":
            return "float"
        if kind == "boolean":
            return "bool"
        if kind == "null":
            return "None"
        if kind == "array":
            return f"Sequence[{self.of(schema.get('items'))}]"
        if kind == "object":
            extra = schema.get("additionalProperties")
            return f"Mapping[str, {self.of(extra) if isinstance(extra, dict) else 'Any'}]"
        return "Any"

    def _want(self, name: str) -> None:
        if name in self.dicts:
            return
        self.dicts.append(name)
        self.used_models.add(name)
        for prop in self.schemas[name]["properties"].values():
            self.of(prop)


def _union(parts: Any) -> str:
    seen: list[str] = []
    for part in parts:
        for piece in part.split(" | "):
            if piece not in seen:
                seen.append(piece)
    none = [p for p in seen if p == "None"]
    return " | ".join([p for p in seen if p != "None"] + none)


def _python_name(name: str) -> str:
    return f"{name}_" if keyword.iskeyword(name) else name


def _text(schema: Any, doc: dict[str, Any]) -> str:
    """The description of a property, following a bare `$ref` to its schema's own."""
    if not isinstance(schema, dict):
        return ""
    text = schema.get("description")
    if text is None and "$ref" in schema:
        text = doc["components"]["schemas"][_ref_name(schema["$ref"])].get("description")
    text = " ".join((text or "").split())
    if schema.get("deprecated"):
        text = f"Deprecated. {text}".strip()
    if "default" in schema:
        text = f"{text} Server default: `{schema['default']!r}`.".strip()
    return text


@dataclass
class Param:
    name: str  # the Python name
    wire: str  # the JSON name, or the path parameter's name
    annotation: str
    required: bool
    doc: str
    where: str = "body"  # body, path


@dataclass
class Method:
    name: str
    operation: str
    summary: str
    description: str
    params: list[Param]
    returns: str
    item: str | None  # the stream's item type, for an operation that streams
    upload: bool = False  # a raw (octet-stream) body
    positional: int = 0
    has_body: bool = True
    extra: dict[str, str] = field(default_factory=dict)


def _response_type(op: dict[str, Any], method: str, types: Types) -> str:
    if method == "head":
        return "bool"
    for status, response in sorted(op.get("responses", {}).items()):
        if not str(status).startswith("2"):
            continue
        content = response.get("content") or {}
        if JSON in content and "$ref" in content[JSON].get("schema", {}):
            name = _ref_name(content[JSON]["schema"]["$ref"])
            types.used_models.add(name)
            return name
        if "text/plain" in content:
            return "str"
    return "None"


def _resolve(doc: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = doc
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def methods(doc: dict[str, Any], types: Types) -> list[Method]:
    out: list[Method] = []
    for path_item in doc["paths"].values():
        shared = path_item.get("parameters", [])
        for http_method, op in path_item.items():
            if not isinstance(op, dict) or "operationId" not in op:
                continue
            name = op.get("x-python-method")
            if not name:
                raise SystemExit(f"codegen/methods.py: {op['operationId']} has no x-python-method")
            params: list[Param] = []
            for raw in [*shared, *op.get("parameters", [])]:
                p = _resolve(doc, raw)
                if p.get("in") == "path":
                    params.append(Param(_python_name(p["name"]), p["name"], "str", True, _text(p, doc), "path"))
            body = op.get("requestBody", {}).get("content", {})
            streams = NDJSON in op.get("responses", {}).get("200", {}).get("content", {})
            method = Method(
                name=name,
                operation=op["operationId"],
                summary=op.get("summary", ""),
                description=op.get("description", ""),
                params=params,
                returns=_response_type(op, http_method, types),
                item=None,
                has_body=JSON in body,
            )
            if streams:
                method.item = method.returns
            if JSON in body:
                schema = _resolve(doc, body[JSON]["schema"])
                required = set(schema.get("required", []))
                for wire, prop in schema.get("properties", {}).items():
                    if wire == "stream" and streams:
                        continue
                    params.append(Param(_python_name(wire), wire, types.of(prop), wire in required, _text(prop, doc)))
                positional = 0
                for p in params:
                    deprecated = p.doc.startswith("Deprecated.")
                    if positional >= 2 or deprecated or keyword.iskeyword(p.wire):
                        break
                    positional += 1
                method.positional = positional
            elif body:
                method.upload = True
                method.returns = "str"
                for p in params:
                    p.required = False
            else:
                method.positional = len(params)
            out.append(method)
    return out


def _wrap(text: str, indent: str, width: int = 100, hang: str = "") -> list[str]:
    lines: list[str] = []
    for paragraph in text.strip().split("\n\n"):
        joined = " ".join(paragraph.split())
        if joined:
            wrapped = textwrap.wrap(joined, width, initial_indent=indent, subsequent_indent=indent + hang)
            lines.extend(wrapped or [indent])
            lines.append("")
    return lines[:-1] if lines else []


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


def _docstring(m: Method, indent: str) -> str:
    lines = [f"{indent}{m.summary}", ""]
    if m.description:
        lines += [*_wrap(m.description, indent), ""]
    documented = [p for p in m.params if p.doc]
    if documented or m.item or m.upload:
        lines.append(f"{indent}Args:")
        if m.upload:
            lines += _wrap("data: the file's bytes, an open binary file, or a path to read.", indent + "    ")
        for p in documented:
            extra = "" if p.where == "body" else " (in the path)"
            text = p.doc
            if m.upload and p.where == "path":
                text = f"{text} Computed from `data` when left out."
            lines += _wrap(f"{p.name}: {text}{extra}", indent + "    ", hang="    ")
        if m.item:
            lines += _wrap(
                "stream: False (the default) answers one object; True returns a stream of typed items, "
                "one per NDJSON line, read as they arrive.",
                indent + "    ",
                hang="    ",
            )
        if m.item == PROGRESS:
            lines += _wrap(
                "progress: True draws a progress bar per layer on stderr (tqdm) while the stream is read, "
                "and answers its last item (normally `status: success`).",
                indent + "    ",
                hang="    ",
            )
        lines.append("")
    if m.upload:
        lines.append(f"{indent}Returns the digest of the blob, which `create(files=...)` names.")
    lines = [line.rstrip() for line in lines]
    while lines and not lines[-1]:
        lines.pop()
    return indent + '"""' + _escape("\n".join(lines).lstrip()) + f"\n{indent}" + '"""'


def _signature(m: Method, stream: str | None) -> str:
    parts = ["self"]
    for i, p in enumerate(m.params):
        if i == m.positional:
            parts.append("*")
        if p.required:
            parts.append(f"{p.name}: {p.annotation}")
        else:
            annotation = p.annotation if p.annotation.endswith("None") else f"{p.annotation} | None"
            parts.append(f"{p.name}: {annotation} = None")
    if m.upload:
        parts.insert(1, "data: bytes | IO[bytes] | str | os.PathLike[str]")
    if stream is not None:
        if len(parts) == 1 + m.positional:
            parts.append("*")
        parts.append(stream)
    return ", ".join(parts)


def _call(m: Method, stream_arg: str, awaited: bool) -> str:
    body = "{" + ", ".join(f"{p.wire!r}: {p.name}" for p in m.params if p.where == "body") + "}"
    path = "{" + ", ".join(f"{p.wire!r}: {p.name}" for p in m.params if p.where == "path") + "}"
    if not m.has_body:
        body = "None"
    content = ", content=data" if m.upload else ""
    call = f"self._call({m.operation!r}, {body}, stream={stream_arg}, path={path}{content})"
    return f"await {call}" if awaited else call


def _method(m: Method, sync: bool) -> str:
    define = "def" if sync else "async def"
    stream_cls = "Stream" if sync else "AsyncStream"
    lines: list[str] = []
    returns = m.returns
    if m.item:
        streamed = f"{stream_cls}[{m.item}]"
        both = f"{returns} | {streamed}"
        bars = m.item == PROGRESS
        # With bars, `progress=True` streams and answers the last item, so only `stream=True`
        # without it gives a stream.
        tail = ", progress: bool = False" if bars else ""
        variants = [
            (f"stream: Literal[False] = False{tail}", returns),
            ("stream: Literal[True]" + (", progress: Literal[False] = False" if bars else ""), streamed),
            (f"stream: bool{tail}", both),
        ]
        for stream, result in variants:
            lines += ["    @overload", f"    {define} {m.name}({_signature(m, stream)}) -> {result}: ..."]
        lines.append(f"    {define} {m.name}({_signature(m, 'stream: bool = False' + tail)}) -> {both}:")
        lines.append(_docstring(m, "        "))
        if bars:
            shown = _call(m, "True", not sync)
            shown = f"await self._progress({shown})" if not sync else f"self._progress({shown})"
            lines += [
                "        if progress:",
                "            if stream:",
                '                raise ValueError("progress=True draws the stream itself: leave stream= out")',
                f"            return cast({returns!r}, {shown})",
            ]
        lines.append(f"        return cast({both!r}, {_call(m, 'stream', not sync)})")
    else:
        lines.append(f"    {define} {m.name}({_signature(m, None)}) -> {returns}:")
        lines.append(_docstring(m, "        "))
        lines.append(f"        return cast({returns!r}, {_call(m, 'False', not sync)})")
    return "\n".join(lines)


def _params_module(types: Types, doc: dict[str, Any]) -> str:
    schemas = doc["components"]["schemas"]
    out = [
        HEADER,
        '"""TypedDicts of the objects a request carries: pass plain dicts, typed, where a model is taken."""',
        "",
        "from __future__ import annotations",
        "",
        "import os",
        "from collections.abc import Callable, Mapping, Sequence",
        "from typing import IO, Any, Literal, Required, TypedDict",
        "",
    ]
    models = sorted(n for n in types.used_models if n in types.models)
    out.append("from .models import " + ", ".join(models))
    out += ["", f"__all__ = {sorted(f'{n}Dict' for n in types.dicts)!r}", ""]
    for name in types.dicts:
        schema = schemas[name]
        required = set(schema.get("required", []))
        fields = []
        for wire, prop in schema["properties"].items():
            annotation = types.of(prop)
            fields.append((wire, f"Required[{annotation}]" if wire in required else annotation, _text(prop, doc)))
        summary = " ".join((schema.get("description") or f"The {name} object.").split())
        if all(w.isidentifier() and not keyword.iskeyword(w) for w, _, _ in fields):
            out += ["", f"class {name}Dict(TypedDict, total=False):", f'    """{_escape(summary)}"""', ""]
            for wire, annotation, text in fields:
                out += [line.replace("    ", "    # ", 1) for line in _wrap(text, "    ", 96)] if text else []
                out.append(f"    {wire}: {annotation}")
            out.append("")
        else:
            items = ", ".join(f"{wire!r}: {annotation!r}" for wire, annotation, _ in fields)
            out += ["", f"# {summary}", f"{name}Dict = TypedDict({name + 'Dict'!r}, {{{items}}}, total=False)", ""]
    return "\n".join(out) + "\n"


def _methods_module(ms: list[Method], types: Types) -> str:
    models = sorted(n for n in types.used_models if n in types.models)
    dicts = sorted(f"{n}Dict" for n in types.dicts)
    out = [
        HEADER,
        '"""The client object\'s methods, one per operation of the spec; the transport is left abstract.',
        "",
        "`SyncMethods` and `AsyncMethods` shape each call (the keyword arguments are the request",
        "schema's properties) and hand it to `_call(operation, body, stream=, path=, content=)`, which",
        "the client that sends requests implements. `DefaultClient` forwards every call to a client",
        "built on first use by the factory given to `set_default`: its bound methods are the",
        'module-level shortcuts of this module\'s `__all__`."""',
        "",
        "from __future__ import annotations",
        "",
        "import builtins",
        "import os",
        "import threading",
        "from abc import ABC, abstractmethod",
        "from collections.abc import Callable, Mapping, Sequence",
        "from typing import IO, Any, Literal, cast, overload",
        "",
        "from .models import " + ", ".join(models),
        "from .params import " + ", ".join(dicts),
        "from .streaming import AsyncStream, Stream",
        "",
        f"__all__ = {sorted(m.name for m in ms)!r}",
        "",
        "",
        "class SyncMethods(ABC):",
        '    """One method per operation of the spec, sync; subclasses send the requests."""',
        "",
        "    @abstractmethod",
        "    def _call(",
        "        self,",
        "        operation: str,",
        "        body: builtins.dict[str, Any] | None,",
        "        *,",
        "        stream: bool,",
        "        path: builtins.dict[str, Any],",
        "        content: Any = None,",
        "    ) -> Any:",
        '        """Send one operation; `body` maps the spec\'s field names to values, None for unset."""',
        "",
        "    def _progress(self, stream: Any) -> Any:",
        '        """Read a progress stream to its end, drawing bars; answer its last item."""',
        "        raise NotImplementedError",
        "",
    ]
    out += [_method(m, True) + "\n" for m in ms]
    out += [
        "",
        "class AsyncMethods(ABC):",
        '    """One method per operation of the spec, async; subclasses send the requests."""',
        "",
        "    @abstractmethod",
        "    async def _call(",
        "        self,",
        "        operation: str,",
        "        body: builtins.dict[str, Any] | None,",
        "        *,",
        "        stream: bool,",
        "        path: builtins.dict[str, Any],",
        "        content: Any = None,",
        "    ) -> Any:",
        '        """Send one operation; `body` maps the spec\'s field names to values, None for unset."""',
        "",
        "    async def _progress(self, stream: Any) -> Any:",
        '        """Read a progress stream to its end, drawing bars; answer its last item."""',
        "        raise NotImplementedError",
        "",
    ]
    out += [_method(m, False) + "\n" for m in ms]
    out += [
        "",
        "class DefaultClient(SyncMethods):",
        '    """Forwards every call to one client, built on first use by the factory given to `set_default`."""',
        "",
        "    def __init__(self) -> None:",
        "        self._factory: Callable[[], SyncMethods] | None = None",
        "        self._client: SyncMethods | None = None",
        "        self._lock = threading.Lock()",
        "",
        "    def set_default(self, factory: Callable[[], SyncMethods]) -> None:",
        '        """Build the client from `factory` on the next call (and drop the one built before)."""',
        "        with self._lock:",
        "            self._factory, self._client = factory, None",
        "",
        "    def client(self) -> SyncMethods:",
        '        """The client the shortcuts use, built now if it was not yet."""',
        "        with self._lock:",
        "            if self._client is None:",
        "                if self._factory is None:",
        '                    raise RuntimeError("no default client: import ollama_contract first")',
        "                self._client = self._factory()",
        "            return self._client",
        "",
        "    def _call(",
        "        self,",
        "        operation: str,",
        "        body: builtins.dict[str, Any] | None,",
        "        *,",
        "        stream: bool,",
        "        path: builtins.dict[str, Any],",
        "        content: Any = None,",
        "    ) -> Any:",
        "        return self.client()._call(operation, body, stream=stream, path=path, content=content)",
        "",
        "    def _progress(self, stream: Any) -> Any:",
        "        return self.client()._progress(stream)",
        "",
        "",
        "default = DefaultClient()",
        '"""The client behind the module-level shortcuts."""',
        "",
    ]
    out += [f"{m.name} = default.{m.name}" for m in ms]
    return "\n".join(out) + "\n"


def _model_names(package: Path) -> set[str]:
    text = (package / "models" / "__init__.py").read_text(encoding="utf-8")
    start = text.index("__all__")
    return {part.strip().strip("\"'") for part in text[start:].split("(", 1)[1].split(")", 1)[0].split(",")} - {""}


def write(package: Path, doc: dict[str, Any]) -> None:
    """Write params.py, streaming.py and _methods.py into the generated package, formatted."""
    types = Types(doc, _model_names(package))
    ms = methods(doc, types)
    files = {
        "_methods.py": _methods_module(ms, types),
        "params.py": _params_module(types, doc),
        "streaming.py": HEADER + (HERE / "streaming.py").read_text(encoding="utf-8"),
    }
    for name, text in files.items():
        (package / name).write_text(text, encoding="utf-8")
    paths = [str(package / name) for name in files]
    ruff = [sys.executable, "-m", "ruff"]
    for cmd in (
        ["check", "--isolated", "--fix-only", "--extend-select=I", "--quiet"],
        ["format", "--isolated", "--quiet"],
    ):
        subprocess.run([*ruff, *cmd, *paths], check=True)
