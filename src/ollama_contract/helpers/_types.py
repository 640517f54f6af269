"""Python types to JSON Schema and back, with pydantic as the engine.

pydantic already knows dataclasses, TypedDicts, its own models, `Literal`, `Enum`, `Optional`,
containers and defaults. It does not know attrs classes, so `adapt` rewrites a type, recursively,
replacing each attrs class by a pydantic model of the same fields whose validated value is turned
back into the attrs instance. Everything else passes through unchanged.

Ollama keeps only part of JSON Schema in a tool's parameters (`type`, `description`, `enum`,
`items`, `properties`, `required`, `anyOf`; see ToolProperty in Ollama's api/types.go) and has no
`$ref`, so `inline` replaces every `$ref` by its definition: a nested class arrives as nested
`properties` the model can read, not as a pointer the server throws away.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Callable, Mapping
from typing import Annotated, Any

import attrs
import pydantic
import typing_extensions

__all__ = ["adapt", "clean", "inline", "type_schema"]

_NOISE = frozenset({"title"})


def adapt(tp: Any) -> Any:
    """`tp` with every attrs class inside it replaced by a pydantic stand-in that builds the attrs class."""
    if isinstance(tp, type) and attrs.has(tp):
        return _attrs_stand_in(tp)
    if typing.is_typeddict(tp):
        return _typeddict_stand_in(tp)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is None or not args:
        return tp
    if origin is Annotated:
        return Annotated[(adapt(args[0]), *tp.__metadata__)]
    if origin is typing.Literal:
        return tp
    new_args = tuple(adapt(arg) for arg in args)
    if new_args == args:
        return tp
    if origin in (typing.Union, types.UnionType):
        return functools.reduce(lambda left, right: left | right, new_args)
    return origin[new_args if len(new_args) > 1 else new_args[0]]


@functools.cache
def _attrs_stand_in(cls: type) -> Any:
    attrs.resolve_types(cls)
    fields: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if not field.init:
            continue
        annotation = adapt(field.type if field.type is not None else Any)
        if field.default is attrs.NOTHING:
            fields[field.alias] = (annotation, ...)
        elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            factory: Callable[[], Any] = field.default.factory
            fields[field.alias] = (annotation, pydantic.Field(default_factory=factory))
        else:
            fields[field.alias] = (annotation, field.default)
    model = pydantic.create_model(cls.__name__, __doc__=cls.__doc__, **fields)

    def build(value: pydantic.BaseModel) -> Any:
        return cls(**{name: getattr(value, name) for name in fields})

    return Annotated[model, pydantic.AfterValidator(build)]


@functools.cache
def _typeddict_stand_in(cls: Any) -> Any:
    """The same TypedDict from typing_extensions, which pydantic needs before Python 3.12, its fields adapted."""
    hints = typing.get_type_hints(cls, include_extras=True)
    fields = {
        name: (typing_extensions.Required if name in cls.__required_keys__ else typing_extensions.NotRequired)[
            adapt(_strip_required(hint))
        ]
        for name, hint in hints.items()
    }
    stand_in: Any = typing_extensions.TypedDict(cls.__name__, fields)  # type: ignore[misc]
    stand_in.__doc__ = cls.__doc__
    return stand_in


def _strip_required(hint: Any) -> Any:
    while typing.get_origin(hint) in (typing.Required, typing.NotRequired, typing_extensions.Required,
                                      typing_extensions.NotRequired):  # fmt: skip
        hint = typing.get_args(hint)[0]
    return hint


def type_schema(tp: Any) -> dict[str, Any]:
    """The JSON Schema of a Python type, `$ref`s inlined and titles left out."""
    schema: dict[str, Any] = clean(inline(pydantic.TypeAdapter(adapt(tp)).json_schema()))
    return schema


def inline(schema: dict[str, Any]) -> dict[str, Any]:
    """Replace each `$ref` to `#/$defs/...` by the definition; a recursive type keeps its `$defs`."""
    defs: dict[str, Any] = schema.get("$defs", {})
    recursive: set[str] = set()

    def resolve(node: Any, seen: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [resolve(item, seen) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            name = ref.removeprefix("#/$defs/")
            if name in seen:
                recursive.add(name)
                return node
            rest = {key: value for key, value in node.items() if key != "$ref"}
            return {**resolve(defs[name], (*seen, name)), **resolve(rest, seen)}
        return {key: resolve(value, seen) for key, value in node.items() if key != "$defs"}

    result: dict[str, Any] = resolve(schema, ())
    if recursive:
        result["$defs"] = {name: resolve(defs[name], (name,)) for name in sorted(recursive)}
    return result


def clean(node: Any) -> Any:
    """Drop titles; write a `Literal` of one value as `enum`, and `X | None` of plain types as a type list.

    Ollama reads `enum` and lists of types; it has no `const`, and a model reads
    `"type": ["integer", "null"]` more easily than an `anyOf` of two one-key schemas.
    """
    if isinstance(node, list):
        return [clean(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: clean(value) for key, value in node.items() if key not in _NOISE or not isinstance(value, str)}
    if "const" in out and "enum" not in out:
        out["enum"] = [out.pop("const")]
    options = out.get("anyOf")
    if isinstance(options, list) and all(_plain_type(option) for option in options):
        names: list[str] = []
        for option in options:
            name = option["type"]
            if name not in names:
                names.append(name)
        del out["anyOf"]
        out["type"] = names[0] if len(names) == 1 else names
    elif isinstance(options, list) and len(options) == 2 and {"type": "null"} in options:
        # `list[int] | None`: one schema whose type list admits null, keeping `items` and the rest.
        other = options[0] if options[1] == {"type": "null"} else options[1]
        if isinstance(other, dict) and isinstance(other.get("type"), str) and not set(other) & set(out) - {"anyOf"}:
            del out["anyOf"]
            out = {**other, **out, "type": [other["type"], "null"]}
    return out


def _plain_type(schema: Any) -> bool:
    return isinstance(schema, Mapping) and set(schema) == {"type"} and isinstance(schema["type"], str)
