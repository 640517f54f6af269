"""Build generated attrs models from parsed JSON, fast, and exactly as their `from_dict` would.

The generated `from_dict` is correct but slow for a stream's hot path (about 7 µs per generate
chunk: it copies the dict, pops every field one by one and imports its nested classes on each
call). Most of what it does is the identity: a `str`, `int`, `float`, `bool`, `None` or a list
of those is stored as it came. So for each generated class this module derives, once, from
`attrs.fields(cls)` and the field's type string:

- the *plain* keys: fields whose type is made only of those (plus `Unset`), and whose JSON name
  is the attribute name (checked against the property names of the class's schema in the spec,
  so `_debug_info`, stored as `field_debug_info`, is not one);
- the *nested* keys: fields holding another generated class, or a list of them, built the same way.

A line whose keys are all plain becomes `cls(**line)` (about 1 µs); one with nested keys is copied
once and its nested values built recursively. Anything else - an unknown key that belongs in
`additional_properties`, an enum, a union of classes, a class without a schema, a missing
required field - goes to the generated `from_dict`. tests/client/test_models.py checks on
hypothesis-generated lines and every fixture that both give equal objects.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import attrs
import ollama_api.models

from ._spec import load_spec, resolve

__all__ = ["Builder", "builder_for"]

T = TypeVar("T")

_SCALARS = frozenset({"str", "int", "float", "bool", "None", "Unset", "Any"})
_LIST = re.compile(r"^list\[(.+)\]$")


def _is_plain(type_string: str) -> bool:
    for part in type_string.split(" | "):
        inner = _LIST.match(part)
        if not (part in _SCALARS or (inner is not None and _is_plain(inner.group(1)))):
            return False
    return True


def _nested(type_string: str) -> tuple[type[Any], bool] | None:
    """(class, is_list) when the type is `Model | Unset`, `Model`, `list[Model] | Unset`..."""
    parts = [p for p in type_string.split(" | ") if p != "Unset"]
    if len(parts) != 1:
        return None
    inner = _LIST.match(parts[0])
    name = inner.group(1) if inner else parts[0]
    cls = getattr(ollama_api.models, name, None)
    return (cls, inner is not None) if isinstance(cls, type) and attrs.has(cls) else None


def _schema_properties(schema: Any, doc: dict[str, Any]) -> set[str]:
    """Property names of a schema, through `$ref` and `allOf`."""
    if not isinstance(schema, dict):
        return set()
    if "$ref" in schema:
        return _schema_properties(resolve(doc, schema["$ref"]), doc)
    names = set(schema.get("properties", {}))
    for member in schema.get("allOf", []):
        names |= _schema_properties(member, doc)
    return names


class Builder(Generic[T]):
    """Turns a parsed JSON object into an instance of one generated class. Call it like `from_dict`."""

    __slots__ = ("_accepted", "_from_dict", "_nested", "_plain", "cls")

    def __init__(self, cls: type[T]) -> None:
        self.cls = cls
        self._from_dict: Callable[[Any], T] = getattr(cls, "from_dict")  # noqa: B009 - attrs classes are not typed with it
        self._plain: frozenset[str] = frozenset()
        self._nested: tuple[tuple[str, Builder[Any], bool], ...] = ()
        self._accepted: frozenset[str] = frozenset()

    def _derive(self) -> None:
        doc = load_spec()
        schema = doc["components"]["schemas"].get(self.cls.__name__)
        if schema is None:
            return  # no schema to tell JSON names from attribute names: always from_dict
        names = _schema_properties(schema, doc)
        plain, nested = set(), []
        for f in attrs.fields(self.cls):  # type: ignore[arg-type]  # a generated attrs class
            if not f.init or f.alias not in names or not isinstance(f.type, str):
                continue
            if _is_plain(f.type):
                plain.add(f.alias)
            elif (found := _nested(f.type)) is not None:
                nested.append((f.alias, builder_for(found[0]), found[1]))
        self._plain = frozenset(plain)
        self._nested = tuple(nested)
        self._accepted = self._plain | {key for key, _, _ in nested}

    def __call__(self, data: Any) -> T:
        if type(data) is dict:
            keys = data.keys()
            if keys <= self._plain:
                try:
                    return self.cls(**data)
                except TypeError:  # a required field is missing: let from_dict say so
                    pass
            elif keys <= self._accepted:
                built = self._build_nested(data)
                if built is not None:
                    return built
        return self._from_dict(data)

    def _build_nested(self, data: dict[str, Any]) -> T | None:
        kwargs = dict(data)
        for key, build, is_list in self._nested:
            if key in kwargs:
                value = kwargs[key]
                if is_list:
                    if type(value) is not list:
                        return None
                    kwargs[key] = [build(item) for item in value]
                else:
                    kwargs[key] = build(value)
        try:
            return self.cls(**kwargs)
        except TypeError:
            return None

    def __repr__(self) -> str:
        return f"Builder({self.cls.__name__})"


_builders: dict[type[Any], Builder[Any]] = {}


def builder_for(cls: type[T]) -> Builder[T]:
    """The builder of a generated class (one per class; nested classes share theirs).

    A builder is registered before its fields are derived, so classes that contain themselves
    (ToolProperty) terminate. Until derived, a builder has no plain keys and defers everything to
    from_dict, so one seen half-built by another thread is slow, never wrong.
    """
    found = _builders.get(cls)
    if found is None:
        found = _builders[cls] = Builder(cls)
        found._derive()
    return found
