"""Request bodies decoded the way gin's `ShouldBindJSON` (Go's encoding/json) decodes them.

The field types come from the spec's request schemas, not from a list kept here: a request
schema is turned into a "Go shape" once, and a body is checked against it. Go's quirks follow:
an empty body is `missing request body`; only the first JSON value is read; unknown fields are
ignored; field names match case-insensitively; `null` leaves a field at its zero value; a wrong
type is a 400 with Go's `json: cannot unmarshal ...` text. A handful of Ollama fields have their
own decoders in Go (`think`, `keep_alive`, `format`, images, tool-call arguments); those
schemas are recognised by name.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ... import _spec
from ..emulation.options import parse_keep_alive
from .wire import HTTPError, go_quote

__all__ = ["decode_body"]

# Go struct names that differ from the spec's schema names.
_GO_STRUCT = {"EmbeddingsRequest": "EmbeddingRequest"}
# Schemas decoded by a custom UnmarshalJSON in Go (or kept raw).
_CUSTOM = {
    "KeepAlive": "keep_alive",
    "Think": "think",
    "Format": "raw",
    "Base64Image": "base64",
    "PropertyType": "property_type",
}


def _think_levels() -> tuple[str, ...]:
    """The effort levels of the spec's `Think` schema (the enum of its string branch)."""
    think = _spec.load_spec()["components"]["schemas"]["Think"]
    return tuple(next(branch["enum"] for branch in think["anyOf"] if branch.get("type") == "string"))


_THINK_LEVELS = _think_levels()
_THINK_CHOICES = ", ".join(f'"{level}"' for level in _THINK_LEVELS) + ", true, or false"


@dataclass(eq=False)  # shapes of recursive schemas are cycles: compare by identity
class Shape:
    kind: str  # string bool int float any array map struct keep_alive think raw base64 property_type
    go: str = ""
    item: Shape | None = None
    fields: dict[str, Shape] = field(default_factory=dict)


def _shape(doc: dict[str, Any], schema: Any, named: dict[str, Shape]) -> Shape:
    """The Go shape of a schema; `named` holds the shapes of `$ref`s already seen, so that a
    recursive schema (a tool property's `properties`) becomes a cycle rather than a cut-off."""
    if not isinstance(schema, dict):
        return Shape("any", "interface {}")
    ref = schema.get("$ref")
    if isinstance(ref, str):
        name = ref.rsplit("/", 1)[-1]
        if name == "Options":
            # Go keeps options as map[string]any; their types are checked later, as a 500.
            return Shape("map", "map[string]interface {}", item=Shape("any", "interface {}"))
        if name in _CUSTOM:
            kind = _CUSTOM[name]
            return Shape(kind, {"base64": "api.ImageData", "think": "api.ThinkValue"}.get(kind, "interface {}"))
        if name in named:
            return named[name]
        shape = named[name] = Shape("any")
        built = _shape(doc, _spec.resolve(doc, ref), named)
        shape.kind, shape.go, shape.item, shape.fields = built.kind, built.go, built.item, built.fields
        if shape.kind == "struct":
            shape.go = "api." + _GO_STRUCT.get(name, name)
        elif shape.kind == "map" and name == "ToolCallArguments":
            shape.go = "api.ToolCallFunctionArguments"
        return shape
    alternatives = schema.get("anyOf", schema.get("oneOf"))
    if isinstance(alternatives, list):
        # `X or null` is Go's X: null decodes to the zero value anyway.
        typed = [a for a in alternatives if not (isinstance(a, dict) and a.get("type") == "null")]
        if len(typed) == 1:
            return _shape(doc, typed[0], named)
    if "allOf" in schema and "type" not in schema:
        merged = Shape("struct")
        for member in schema["allOf"]:
            sub = _shape(doc, member, named)
            if sub.kind == "struct":
                merged.fields.update(sub.fields)
        return merged
    types = schema.get("type")
    if isinstance(types, list):
        types = [t for t in types if t != "null"]
        types = types[0] if len(types) == 1 else None
    if types == "string":
        return Shape("string", "string")
    if types == "boolean":
        return Shape("bool", "bool")
    if types == "integer":
        return Shape("int", "int")
    if types == "number":
        return Shape("float", "float64")
    if types == "array":
        item = _shape(doc, schema.get("items", {}), named)
        return Shape("array", "[]" + (item.go or "interface {}"), item=item)
    if types == "object":
        props = schema.get("properties")
        if props:
            return Shape("struct", "struct", fields={k: _shape(doc, v, named) for k, v in props.items()})
        extra = schema.get("additionalProperties")
        value = _shape(doc, extra, named) if isinstance(extra, dict) else Shape("any", "interface {}")
        return Shape("map", f"map[string]{value.go or 'interface {}'}", item=value)
    return Shape("any", "interface {}")


@cache
def _request_shape(operation_id: str) -> Shape:
    op = _spec.operations()[operation_id]
    doc = _spec.load_spec()
    if op.request_schema is None:
        return Shape("struct", "struct")
    return _shape(doc, _spec.resolve(doc, op.request_schema), {})


def _json_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


class _TypeError(Exception):
    pass


def _zero(shape: Shape) -> Any:
    return {"string": "", "bool": False, "int": 0, "float": 0.0, "array": [], "map": {}, "struct": {}}.get(shape.kind)


class _Checker:
    def __init__(self) -> None:
        self.struct = ""
        self.path: list[str] = []

    def fail(self, value: Any, go: str, detail: str = "") -> _TypeError:
        what = _json_kind(value) + (f" {detail}" if detail else "")
        where = ".".join(self.path)
        if not where:
            return _TypeError(f"json: cannot unmarshal {what} into Go value of type {go}")
        return _TypeError(f"json: cannot unmarshal {what} into Go struct field {self.struct}.{where} of type {go}")

    def check(self, shape: Shape, value: Any) -> Any:
        kind = shape.kind
        if value is None:
            return _zero(shape)
        if kind == "any" or kind == "raw":
            return value
        if kind == "string":
            if not isinstance(value, str):
                raise self.fail(value, "string")
            return value
        if kind == "bool":
            if not isinstance(value, bool):
                raise self.fail(value, "bool")
            return value
        if kind == "int":
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise self.fail(value, "int")
            if isinstance(value, float):
                raise self.fail(value, "int", _go_number(value))
            return value
        if kind == "float":
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise self.fail(value, "float64")
            return value
        if kind == "think":
            if isinstance(value, bool):
                return value
            if isinstance(value, str):
                if value not in _THINK_LEVELS:
                    levels = _THINK_CHOICES
                    raise _TypeError(f"invalid think value: {go_quote(value)} (must be {levels})")
                return value
            raise _TypeError(f"think must be a boolean or string ({_THINK_CHOICES})")
        if kind == "keep_alive":
            try:
                parse_keep_alive(value)
            except ValueError as exc:
                raise _TypeError(str(exc)) from None
            return value
        if kind == "property_type":
            # Go's PropertyType reads a string, else a []string; the second attempt's error stands.
            if isinstance(value, str):
                return value
            if not isinstance(value, list):
                raise _TypeError(f"json: cannot unmarshal {_json_kind(value)} into Go value of type []string")
            for item in value:
                if not isinstance(item, str):
                    raise _TypeError(f"json: cannot unmarshal {_json_kind(item)} into Go value of type string")
            return value
        if kind == "base64":
            if not isinstance(value, str):
                raise self.fail(value, "[]uint8")
            _check_base64(value)
            return value
        if kind == "array":
            if not isinstance(value, list):
                raise self.fail(value, shape.go)
            assert shape.item is not None
            return [self.check(shape.item, v) for v in value]
        if kind == "map":
            if not isinstance(value, dict):
                raise self.fail(value, shape.go)
            if shape.item is None or shape.item.kind in ("any", "raw"):
                return value
            return {key: self.element(key, shape.item, item) for key, item in value.items()}
        if kind == "struct":
            if not isinstance(value, dict):
                raise self.fail(value, shape.go)
            return self.struct_fields(shape, value)
        return value

    def element(self, key: str, shape: Shape, value: Any) -> Any:
        """A map value, checked like a field (Go decodes map[string]T values as T)."""
        self.path.append(key)
        checked = self.check(shape, value)
        self.path.pop()
        return checked

    def struct_fields(self, shape: Shape, value: dict[str, Any]) -> dict[str, Any]:
        outer = self.struct
        self.struct = shape.go.removeprefix("api.") or outer
        folded = {k.casefold(): k for k in shape.fields}
        out: dict[str, Any] = {}
        for key, raw in value.items():
            name = key if key in shape.fields else folded.get(key.casefold())
            if name is None:
                out.setdefault(key, raw)
                continue
            self.path.append(name)
            checked = self.check(shape.fields[name], raw)
            self.path.pop()
            if raw is None:
                out.pop(name, None)
            else:
                out[name] = checked
        self.struct = outer
        return out


def _go_number(value: float) -> str:
    """Go quotes the number as sent; Python's repr is the closest text left after parsing."""
    return repr(value)


def _check_base64(text: str) -> None:
    """Go's StdEncoding: padded standard alphabet; newlines are skipped."""
    stripped = text.replace("\r", "").replace("\n", "")
    for i, ch in enumerate(text):
        if not (ch.isascii() and (ch.isalnum() or ch in "+/=\r\n")):
            raise _TypeError(f"illegal base64 data at input byte {_go_offset(text, i)}")
    try:
        base64.b64decode(stripped, validate=True)
    except (binascii.Error, ValueError):
        pad = stripped.find("=")
        where = pad if pad >= 0 else (len(stripped) // 4) * 4
        raise _TypeError(f"illegal base64 data at input byte {min(where, max(len(stripped) - 1, 0))}") from None


def _go_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def _syntax_message(exc: json.JSONDecodeError, text: str) -> str:
    pos = exc.pos
    if pos >= len(text) or exc.msg.startswith("Unterminated string"):
        return "unexpected EOF"
    ch = text[pos]
    shown = "'\\''" if ch == "'" else f"'{ch}'"
    if ch in "\n\t\r" or ord(ch) < 0x20:
        shown = "'" + {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(ch, f"\\x{ord(ch):02x}") + "'"
    msg = exc.msg
    if msg.startswith("Invalid control character"):
        return f"invalid character {shown} in string literal"
    if msg.startswith("Expecting ':'"):
        return f"invalid character {shown} after object key"
    if msg.startswith("Expecting ',' delimiter"):
        context = _enclosing(text, pos)
        after = "object key:value pair" if context == "{" else "array element"
        return f"invalid character {shown} after {after}"
    if msg.startswith("Expecting property name"):
        return f"invalid character {shown} looking for beginning of object key string"
    if msg.startswith("Invalid \\escape"):
        return f"invalid character {shown} in string escape code"
    return f"invalid character {shown} looking for beginning of value"


def _enclosing(text: str, pos: int) -> str:
    depth: list[str] = []
    in_string = escape = False
    for ch in text[:pos]:
        if in_string:
            if escape:
                escape = False
            elif ch == "\\":
                escape = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth.append(ch)
        elif ch in "]}" and depth:
            depth.pop()
    return depth[-1] if depth else ""


def _reject_constant(name: str) -> Any:
    raise ValueError(name)


_DECODER = json.JSONDecoder(parse_constant=_reject_constant)


def decode_body(operation_id: str, body: bytes) -> dict[str, Any]:
    """Decode a JSON request body for an operation, or raise HTTPError(400) as Ollama would."""
    text = body.decode("utf-8", "replace")
    start = len(text) - len(text.lstrip(" \t\r\n"))
    if start == len(text):
        raise HTTPError(400, "missing request body")
    try:
        value, _ = _DECODER.raw_decode(text, start)
    except json.JSONDecodeError as exc:
        raise HTTPError(400, _syntax_message(exc, text)) from None
    except ValueError as exc:
        ch = str(exc)[:1] or "N"
        raise HTTPError(400, f"invalid character '{ch}' looking for beginning of value") from None
    if isinstance(value, float) and not math.isfinite(value):
        raise HTTPError(400, "invalid character 'I' looking for beginning of value")
    if value is None:
        return {}
    shape = _request_shape(operation_id)
    checker = _Checker()
    try:
        if not isinstance(value, dict):
            raise checker.fail(value, shape.go if shape.go != "struct" else "api.Request")
        result: dict[str, Any] = checker.struct_fields(shape, value)
    except _TypeError as exc:
        raise HTTPError(400, str(exc)) from None
    return result
