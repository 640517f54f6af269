"""How the contract-breaking faults break a body: a field of the wrong type, a required field gone.

`missing-field` asks the spec which fields are required where (following `$ref`, `allOf`, the
`if`/`then`/`else` of stream lines and the branch of a `oneOf`/`anyOf` the body fits), so it keeps
breaking the contract when the spec's `required` lists change; only a body whose schema requires
nothing falls back to a field the spec has required in the past.
"""

from __future__ import annotations

from typing import Any

from ... import _spec
from ..._validation import validator

__all__ = ["missing_field", "missing_version_field", "response_schema", "wrong_type"]


def response_schema(method: str, path: str, status: int, media: str) -> str | None:
    """The pointer to the schema of a response (for NDJSON: of one line), if the spec has one."""
    op = _spec.operation_for(method, path)
    if op is None:
        return None
    return op.responses.get(status, {}).get(media)


def _other_types(old: Any) -> list[Any]:
    """Values of JSON types other than `old`'s, the likeliest to be refused first."""
    if isinstance(old, bool):
        return ["true" if old else "false", 1]
    candidates: list[Any] = [str(old) if isinstance(old, int | float) else "none", 1, [], {}]
    return [c for c in candidates if type(c) is not type(old)]


def wrong_type(value: Any, schema: str | None = None) -> Any:
    """Give one documented field a JSON type the schema at `schema` (a pointer into the spec) refuses.

    The first field, in the body's order, whose change the schema's validator refuses is changed;
    no field list is kept here, so the fault follows the spec wherever its fields go.
    """
    if not isinstance(value, dict) or schema is None:
        return value
    is_valid = validator(schema).is_valid
    for key, old in list(value.items()):
        for new in _other_types(old):
            value[key] = new
            if not is_valid(value):
                return value
        value[key] = old
    return value


def missing_field(value: Any, schema: str | None = None) -> Any:
    """Leave out one field that the schema at `schema` (a pointer into the spec) marks required."""
    if schema is not None and _remove_required(_spec.load_spec(), {"$ref": schema}, value, 0):
        return value
    if not isinstance(value, dict):
        return value
    for key in ("model", "embeddings", "embedding", "status", "version", "cloud", "error"):
        if key in value and (key != "model" or "done" in value or "embeddings" in value):
            del value[key]
            return value
    if isinstance(value.get("models"), list):
        del value["models"]
    return value


def _resolve(doc: dict[str, Any], schema: Any) -> Any:
    seen = 0
    while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and seen < 32:
        schema = _spec.resolve(doc, schema["$ref"])
        seen += 1
    return schema


def _fits(doc: dict[str, Any], schema: Any, value: dict[str, Any]) -> bool:
    """A cheap guess that an object fits a branch: it holds every key the branch requires."""
    schema = _resolve(doc, schema)
    return isinstance(schema, dict) and all(k in value for k in schema.get("required", []))


def _parts(doc: dict[str, Any], schema: Any, value: dict[str, Any], depth: int) -> list[dict[str, Any]]:
    """The schema and every subschema that applies to this object alongside it."""
    schema = _resolve(doc, schema)
    if not isinstance(schema, dict) or depth > 8:
        return []
    out = [schema]
    for member in schema.get("allOf", []):
        out += _parts(doc, member, value, depth + 1)
    if "if" in schema:
        branch = schema.get("then") if _fits(doc, schema["if"], value) else schema.get("else")
        if branch is not None:
            out += _parts(doc, branch, value, depth + 1)
    for key in ("oneOf", "anyOf"):
        choices = [c for c in schema.get(key, []) if isinstance(_resolve(doc, c), dict)]
        chosen = next(
            (c for c in choices if _fits(doc, c, value) and _resolve(doc, c).get("type") in (None, "object")), None
        )
        if chosen is not None:
            out += _parts(doc, chosen, value, depth + 1)
    return out


def _remove_required(doc: dict[str, Any], schema: Any, value: Any, depth: int) -> bool:
    if depth > 12:
        return False
    if isinstance(value, list):
        node = _resolve(doc, schema)
        items = node.get("items") if isinstance(node, dict) else None
        return bool(value) and items is not None and _remove_required(doc, items, value[0], depth + 1)
    if not isinstance(value, dict):
        return False
    parts = _parts(doc, schema, value, 0)
    for part in parts:
        for key in part.get("required", []):
            if key in value:
                del value[key]
                return True
    for part in parts:
        for key, sub in (part.get("properties") or {}).items():
            if key in value and _remove_required(doc, sub, value[key], depth + 1):
                return True
    return False


def missing_version_field(value: Any, schema: str | None, version: str) -> Any:
    """Leave out one field that `version` always sends but the all-versions contract does not require
    (tags' `name`, a generate line's `response`...): only a check that holds the server to its own
    version's profile can see it go."""
    if schema is not None:
        from ..._profiles import profiled_spec

        _remove_versioned(profiled_spec(version), _spec.load_spec(), {"$ref": schema}, {"$ref": schema}, value, 0)
    return value


def _remove_versioned(
    strict: dict[str, Any], loose: dict[str, Any], strict_at: Any, loose_at: Any, value: Any, depth: int
) -> bool:
    if depth > 12:
        return False
    if isinstance(value, list):
        s_node, l_node = _resolve(strict, strict_at), _resolve(loose, loose_at)
        if not value or not isinstance(s_node, dict) or not isinstance(l_node, dict):
            return False
        items = s_node.get("items"), l_node.get("items")
        return None not in items and _remove_versioned(strict, loose, items[0], items[1], value[0], depth + 1)
    if not isinstance(value, dict):
        return False
    s_parts, l_parts = _parts(strict, strict_at, value, 0), _parts(loose, loose_at, value, 0)
    anyway = {key for part in l_parts for key in part.get("required", [])}
    for part in s_parts:
        for key in part.get("required", []):
            if key in value and key not in anyway:
                del value[key]
                return True
    for key in list(value):
        s_sub = next((p["properties"][key] for p in s_parts if key in (p.get("properties") or {})), None)
        l_sub = next((p["properties"][key] for p in l_parts if key in (p.get("properties") or {})), None)
        if (
            s_sub is not None
            and l_sub is not None
            and _remove_versioned(strict, loose, s_sub, l_sub, value[key], depth + 1)
        ):
            return True
    return False
