"""Hypothesis strategies that draw JSON instances from the spec's schemas, near misses included.

Not a full JSON Schema generator: it covers the keywords the spec uses ($ref, allOf, anyOf,
if/then/else, type, properties, required, additionalProperties, items, enum, pattern, minLength,
minimum, maximum). With `noise`, any value may be replaced by arbitrary JSON and required keys may
be dropped, so that the instances sit on both sides of the schema's boundary.
"""

from __future__ import annotations

import datetime
from typing import Any

from hypothesis import strategies as st

from ollama_contract._spec import resolve

JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
)
ANY_JSON = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


def _go_time(moment: datetime.datetime, nanos: int, offset: int) -> str:
    """RFC 3339 as Go writes it: 0 to 9 fractional digits, trailing zeros cut; `Z` or `+hh:mm`."""
    fraction = f".{nanos:09d}".rstrip("0") if nanos else ""
    zone = "Z" if offset == 0 else f"{'+' if offset > 0 else '-'}{abs(offset) // 60:02d}:{abs(offset) % 60:02d}"
    return f"{moment.year:04d}-{moment:%m-%dT%H:%M:%S}{fraction}{zone}"


GO_TIMES = st.builds(
    _go_time,
    st.datetimes(datetime.datetime(1, 1, 1), datetime.datetime(9999, 12, 31)),
    st.integers(0, 999_999_999) | st.just(0),
    st.integers(-14 * 60, 14 * 60) | st.just(0),
)
"""Timestamps (`format: date-time`) as Go's RFC3339Nano writes them, zone offsets and Go's zero time included."""


def instances(doc: dict[str, Any], schema: Any, *, noise: bool = True, depth: int = 0) -> st.SearchStrategy[Any]:
    exact = _exact(doc, schema, noise, depth)
    return st.one_of(exact, exact, exact, ANY_JSON) if noise else exact


def _merge(doc: dict[str, Any], schemas: list[Any]) -> dict[str, Any]:
    """allOf members flattened into one object schema (enough for generation)."""
    merged: dict[str, Any] = {"type": "object", "properties": {}, "required": []}
    for member in schemas:
        while isinstance(member, dict) and "$ref" in member:
            member = resolve(doc, member["$ref"])
        if isinstance(member, dict) and "allOf" in member:
            member = _merge(doc, member["allOf"])
        if isinstance(member, dict):
            merged["properties"].update(member.get("properties", {}))
            merged["required"] += member.get("required", [])
    return merged


def _exact(doc: dict[str, Any], schema: Any, noise: bool, depth: int) -> st.SearchStrategy[Any]:
    if schema is True or schema == {} or not isinstance(schema, dict):
        return ANY_JSON
    if "$ref" in schema:
        target = resolve(doc, schema["$ref"])
        return st.deferred(lambda: instances(doc, target, noise=noise, depth=depth + 1))
    if "allOf" in schema:
        return _exact(doc, _merge(doc, schema["allOf"]), noise, depth)
    if "anyOf" in schema or "oneOf" in schema:
        return st.one_of(
            [instances(doc, m, noise=noise, depth=depth) for m in schema.get("anyOf", schema.get("oneOf"))]
        )
    if "if" in schema and "else" in schema:  # a stream line: one branch or the other
        return st.one_of(
            instances(doc, schema["then"], noise=noise, depth=depth),
            instances(doc, schema["else"], noise=noise, depth=depth),
        )
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kinds = schema.get("type")
    if isinstance(kinds, list):
        return st.one_of([_exact(doc, {**schema, "type": k}, noise, depth) for k in kinds])
    if kinds == "object" or "properties" in schema:
        return _object(doc, schema, noise, depth)
    if kinds == "array":
        items = schema.get("items", {})
        return st.lists(instances(doc, items, noise=noise, depth=depth + 1), max_size=0 if depth > 6 else 3)
    if kinds == "string":
        if schema.get("format") == "date-time":
            return GO_TIMES
        if "pattern" in schema:
            return st.from_regex(schema["pattern"], fullmatch=True) | st.text(max_size=12)
        return st.text(min_size=schema.get("minLength", 0), max_size=12) | st.just("")
    if kinds == "integer":
        return st.integers(schema.get("minimum", -(2**40)), schema.get("maximum", 2**40)) | st.integers(-300, 300)
    if kinds == "number":
        return st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(2**40), 2**40)
    if kinds == "boolean":
        return st.booleans()
    if kinds == "null":
        return st.none()
    return ANY_JSON


def _object(doc: dict[str, Any], schema: dict[str, Any], noise: bool, depth: int) -> st.SearchStrategy[Any]:
    props: dict[str, Any] = schema.get("properties", {})
    required = [k for k in schema.get("required", []) if k in props]
    optional = {k: v for k, v in props.items() if k not in required}
    if depth > 6:
        optional = {}
    strategy = st.fixed_dictionaries(
        {k: instances(doc, props[k], noise=noise, depth=depth + 1) for k in required},
        optional={k: instances(doc, v, noise=noise, depth=depth + 1) for k, v in optional.items()},
    )
    extra = schema.get("additionalProperties")
    if isinstance(extra, dict) and extra:
        strategy = st.builds(
            lambda d, more: {**more, **d},
            strategy,
            st.dictionaries(st.text(max_size=5), instances(doc, extra, noise=noise, depth=depth + 1), max_size=2),
        )
    if not noise:
        return strategy

    def disturb(value: dict[str, Any], drop: list[str], more: dict[str, Any]) -> dict[str, Any]:
        return {**more, **{k: v for k, v in value.items() if k not in drop}}

    return st.builds(
        disturb,
        strategy,
        st.lists(st.sampled_from(required), max_size=1) if required else st.just([]),
        st.dictionaries(st.text(max_size=5), ANY_JSON, max_size=2),
    )
