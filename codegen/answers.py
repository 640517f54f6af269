"""Generator step: the answer facts of each model, put where the model template can read them.

openapi-python-client types a property that a schema does not require as `T | Unset`. For an
answer that is wrong wherever Go's rules say more: a field that a server leaves out because Go
writes it `omitempty` *means* its zero value, and a field without `omitempty` is always sent. The
spec records it per response property (`x-go-absent: zero`, mined from api/types.go). This step
turns those facts into the generation view that the generator reads, schema by schema:

- a `zero` property becomes `required`, so that the generator types it `T`, never `T | Unset`
  (the model template gives it its zero value as a keyword default, and its from_dict fills it
  in when a server leaves it out), and loses its `null` alternative (a nil slice that an old
  server wrote as `null` reads as `[]` too);
- the schema gets `x-answer`, which the generated model reads (codegen/templates/model.py.jinja):
  `zero` maps each such property's JSON name to the kind of its zero value, `omit` lists the
  ones that Go leaves out at their zero value (they are not always sent by the newest version),
  `nulls` the ones an old server may send as `null`, `times` every RFC 3339 timestamp (read
  lazily as a `datetime`);
- a property whose absence means "not known" (`x-go-absent: nil`, a pointer in Go) stays
  optional, and its description says so.

A schema made of `allOf` parts gets the facts of all its parts, since the generator merges them
into one class. Only the generation view changes: validation and the contract suite read the spec
as written.
"""

from __future__ import annotations

import copy
from typing import Any

__all__ = ["answer_view"]

_SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
_NIL_NOTE = "Absent when the server does not know it (a pointer in Go), so it may be UNSET."


def _resolve(doc: dict[str, Any], schema: Any) -> Any:
    seen = 0
    while isinstance(schema, dict) and "$ref" in schema and seen < 32:
        schema = doc["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
        seen += 1
    return schema


def _without_null(schema: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """The schema with its `null` alternative taken out, and whether it had one."""
    kind = schema.get("type")
    if isinstance(kind, list) and "null" in kind:
        rest = [k for k in kind if k != "null"]
        return {**schema, "type": rest[0] if len(rest) == 1 else rest}, True
    for combinator in ("anyOf", "oneOf"):
        options = schema.get(combinator)
        if isinstance(options, list) and any(o == {"type": "null"} for o in options):
            rest = [o for o in options if o != {"type": "null"}]
            out = {k: v for k, v in schema.items() if k != combinator}
            if len(rest) == 1:
                out.update(rest[0])  # a sibling description stays beside the $ref (OpenAPI 3.1)
            else:
                out[combinator] = rest
            return out, True
    return schema, False


def _is_time(doc: dict[str, Any], schema: Any) -> bool:
    target = _resolve(doc, schema)
    return isinstance(target, dict) and target.get("format") == "date-time"


def zero_kind(doc: dict[str, Any], schema: dict[str, Any]) -> str | None:
    """The kind of a property's zero value, or None when it has no single one (a union)."""
    target = _resolve(doc, schema)
    if not isinstance(target, dict) or any(k in target for k in ("anyOf", "oneOf", "enum", "const")):
        return None
    if target.get("format") == "date-time":
        return "time"
    kind = target.get("type")
    if kind in _SCALARS:
        return _SCALARS[kind]
    if kind == "array":
        return "list"
    if kind == "object" or "properties" in target:
        if not target.get("properties"):
            return "map" if target.get("additionalProperties") is True else None
        required = set(target.get("required", []))
        zeros = {n for n, p in target["properties"].items() if p.get("x-go-absent") == "zero"}
        return "model" if required <= zeros else None  # its zero value can be made without arguments
    return None


def _always(prop: dict[str, Any]) -> bool:
    """Sent by every server of the newest version: Go writes it whatever its value."""
    return "x-always-since" in prop and "x-always-until" not in prop and "x-removed-in" not in prop


def _schema_facts(doc: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """Rewrite one object schema's properties in place; return its own facts."""
    facts: dict[str, Any] = {"zero": {}, "omit": [], "nulls": [], "times": []}
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return facts
    required = list(schema.get("required", []))
    for name, prop in list(properties.items()):
        if not isinstance(prop, dict):
            continue
        absent = prop.get("x-go-absent")
        if absent == "nil":
            note = prop.get("description", "").rstrip()
            prop["description"] = f"{note} {_NIL_NOTE}" if note else _NIL_NOTE
        elif absent == "zero":
            plain, had_null = _without_null(prop)
            kind = zero_kind(doc, plain)
            if kind is not None:
                properties[name] = prop = plain
                facts["zero"][name] = kind
                if had_null:
                    facts["nulls"].append(name)
                if not _always(prop) and kind not in ("model", "time"):
                    facts["omit"].append(name)  # Go's omitempty: dropped at its zero; a struct never is
                if name not in required:
                    required.append(name)
        if _is_time(doc, prop):
            facts["times"].append(name)
    if required:
        schema["required"] = required
    return facts


def _merge(into: dict[str, Any], facts: dict[str, Any]) -> None:
    for key, value in facts.items():
        if isinstance(value, dict):
            into.setdefault(key, {}).update(value)
        else:
            into.setdefault(key, []).extend(v for v in value if v not in into.get(key, []))


def _walk(doc: dict[str, Any], schema: Any, done: set[int]) -> dict[str, Any]:
    """Annotate `schema` and every inline schema inside it; return the facts of `schema` itself."""
    if not isinstance(schema, dict) or id(schema) in done:
        return {}
    done.add(id(schema))
    facts = _schema_facts(doc, schema)
    for prop in schema.get("properties", {}).values():
        _walk(doc, prop, done)
    for key in ("items", "additionalProperties"):
        _walk(doc, schema.get(key), done)
    for key in ("anyOf", "oneOf"):
        for sub in schema.get(key, []):
            _walk(doc, sub, done)
    for part in schema.get("allOf", []):
        target = _resolve(doc, part)
        if target is not part:  # a $ref'd part: annotated on its own; its facts join this class too
            _walk(doc, target, done)
            _merge(facts, _facts_of(doc, target))
        else:
            _merge(facts, _walk(doc, part, done))
    if any(facts.values()):
        schema["x-answer"] = facts
    return facts


def _facts_of(doc: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    found = copy.deepcopy(schema.get("x-answer", {}))
    for part in schema.get("allOf", []):
        _merge(found, _facts_of(doc, _resolve(doc, part)))
    return found


def answer_view(doc: dict[str, Any]) -> dict[str, Any]:
    """A copy of the (generation view of the) spec with every schema's answer facts in place."""
    view = copy.deepcopy(doc)
    done: set[int] = set()
    for schema in view["components"]["schemas"].values():
        _walk(view, schema, done)
    return view
