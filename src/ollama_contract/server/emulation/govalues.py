"""A chat request's tools and tool calls as the Go values that Ollama's templates print.

Ollama decodes a request into the structs of its api/types.go, and a template that prints a
tool, a function, its parameters or a call's arguments whole prints them through
`json.Marshal`. What reaches the prompt is then Go's form, not the request's text: struct fields
in declaration order, `omitempty` fields left out when empty, fields Go does not know dropped,
values typed `any` as Go maps (keys sorted), and 0.33's ordered maps (a function's
`properties`, a call's `arguments`) in the request's order. Two requests that say the same in
another key order render the same prompt, on Ollama and here, so they get the same answer.

The field types come from the spec (the schemas named by `x-go-type`, and the schemas they
refer to). What the spec does not carry is Go's declaration order, `omitempty` and which fields
are pointers: `GO_TAGS` holds that, as the JSON tags of api/types.go read, and
tests/server/test_server_govalues.py checks it against that file, field by field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ... import _spec

__all__ = ["GO_TAGS", "go_tool_calls", "go_tools"]

GO_TAGS: dict[str, tuple[str, ...]] = {
    "Tool": ("type", "items,omitempty", "function"),
    "ToolFunction": ("name", "description,omitempty", "parameters"),
    "ToolFunctionParameters": ("type", "$defs,omitempty", "items,omitempty", "required,omitempty", "*properties"),
    "ToolProperty": (
        "anyOf,omitempty",
        "type,omitempty",
        "items,omitempty",
        "description,omitempty",
        "enum,omitempty",
        "*properties,omitempty",
        "required,omitempty",
    ),
    "ToolCall": ("id,omitempty", "function"),
    "ToolCallFunction": ("index", "name", "arguments"),
}
"""Per Go struct, in declaration order: each field's JSON tag, `*` before a pointer's."""


@dataclass(eq=False)  # recursive schemas (a property's `properties`) make cycles: compare by identity
class _Node:
    kind: str  # struct list ordered any string number bool types
    fields: list[_Field] = field(default_factory=list)
    item: _Node | None = None


@dataclass(frozen=True)
class _Field:
    name: str
    omitempty: bool
    pointer: bool
    node: _Node


def _go_name(doc: dict[str, Any], name: str) -> str:
    schema = doc["components"]["schemas"].get(name, {})
    return str(schema.get("x-go-type", name))


def _is_types(branches: list[Any]) -> bool:
    """Go's PropertyType: a JSON type name or several (`string`, or an array of strings)."""
    kinds = sorted(str(b.get("type")) for b in branches if isinstance(b, dict))
    arrays = [b for b in branches if isinstance(b, dict) and b.get("type") == "array"]
    return kinds == ["array", "string"] and (arrays[0].get("items") or {}).get("type") == "string"


def _node(doc: dict[str, Any], schema: Any, named: dict[str, _Node]) -> _Node:
    if not isinstance(schema, dict):
        return _Node("any")
    ref = schema.get("$ref")
    if isinstance(ref, str):
        target = _spec.resolve(doc, ref)
        go = _go_name(doc, ref.rsplit("/", 1)[-1])
        if go not in GO_TAGS:
            return _node(doc, target, named)
        if go not in named:
            named[go] = node = _Node("struct")
            props = target.get("properties") or {}
            for tag in GO_TAGS[go]:
                name, _, options = tag.lstrip("*").partition(",")
                if name not in props:
                    raise KeyError(f"the spec's {go} has no property {name!r}, which Go's has")
                node.fields.append(
                    _Field(name, "omitempty" in options.split(","), tag.startswith("*"), _node(doc, props[name], named))
                )
        return named[go]
    branches = schema.get("anyOf", schema.get("oneOf"))
    if isinstance(branches, list):
        typed = [b for b in branches if not (isinstance(b, dict) and b.get("type") == "null")]
        if len(typed) == 1:
            return _node(doc, typed[0], named)
        return _Node("types") if _is_types(typed) else _Node("any")
    kind = schema.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        kind = kinds[0] if len(kinds) == 1 else None
    if kind in ("string", "boolean"):
        return _Node("string" if kind == "string" else "bool")
    if kind in ("integer", "number"):
        return _Node("number")
    if kind == "array":
        return _Node("list", item=_node(doc, schema.get("items"), named))
    extra = schema.get("additionalProperties")
    if kind == "object" and not schema.get("properties") and (extra is True or isinstance(extra, dict)):
        # The typed maps of tools and calls are 0.33's ordered maps (ToolPropertiesMap,
        # ToolCallFunctionArguments); only `any` values decode to Go maps.
        return _Node("ordered", item=_node(doc, extra, named) if isinstance(extra, dict) else _Node("any"))
    return _Node("any")


@cache
def _struct(go: str) -> _Node:
    doc = _spec.load_spec()
    name = next(n for n, s in doc["components"]["schemas"].items() if s.get("x-go-type", n) == go)
    return _node(doc, {"$ref": f"#/components/schemas/{name}"}, {})


def _go_map(value: Any) -> Any:
    """An `any` as Go holds it after decoding: objects are map[string]any, marshalled with sorted keys."""
    if isinstance(value, dict):
        return {k: _go_map(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        return [_go_map(v) for v in value]
    return value


def _empty(f: _Field, value: Any) -> bool:
    """What `omitempty` drops: "", 0, false, an empty slice, a nil pointer or interface; never a struct."""
    kind = f.node.kind
    if kind in ("struct", "ordered"):
        return False  # a struct, or a non-nil pointer (a present map, even `{}`)
    if kind in ("list", "types"):
        return isinstance(value, list) and not value
    if kind == "string":
        return isinstance(value, str) and not value
    if kind == "number":
        return not isinstance(value, bool) and bool(value == 0)
    if kind == "bool":
        return value is False
    return value is None


def _zero(f: _Field) -> Any:
    """What Go writes for a field the request left out (or sent as null)."""
    kind = f.node.kind
    if kind == "struct":
        return _encode(f.node, {})
    if kind == "ordered":
        return None if f.pointer else {}  # a nil *ToolPropertiesMap; an empty ToolCallFunctionArguments
    return {"string": "", "number": 0, "bool": False}.get(kind)  # nil slices and interfaces: null


def _encode(node: _Node, value: Any) -> Any:
    kind = node.kind
    if kind == "struct":
        if not isinstance(value, dict):
            return value
        out: dict[str, Any] = {}
        for f in node.fields:
            raw = value.get(f.name)
            if raw is None:
                if not f.omitempty:
                    out[f.name] = _zero(f)
                continue
            if f.node.kind == "types" and isinstance(raw, str):
                raw = [raw]
            if f.omitempty and _empty(f, raw):
                continue
            out[f.name] = _encode(f.node, raw)
        return out
    if kind == "list" and isinstance(value, list):
        assert node.item is not None
        return [_encode(node.item, v) for v in value]
    if kind == "ordered" and isinstance(value, dict):
        assert node.item is not None
        return {k: _encode(node.item, v) for k, v in value.items()}
    if kind == "types":
        # PropertyType marshals one name as a string, several (or none) as an array.
        names = [value] if isinstance(value, str) else value
        return names[0] if isinstance(names, list) and len(names) == 1 else names
    if kind == "any":
        return _go_map(value)
    return value


def go_tools(tools: list[Any]) -> list[Any]:
    """A request's `tools` (already decoded as Go decodes them) as Go marshals them back."""
    node = _struct("Tool")
    return [_encode(node, tool) for tool in tools]


def go_tool_calls(calls: list[Any]) -> list[Any]:
    """A message's `tool_calls` as Go marshals them back."""
    node = _struct("ToolCall")
    return [_encode(node, call) for call in calls]
