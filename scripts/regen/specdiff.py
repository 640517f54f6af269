"""What a spec edit does to the people who call the API: one verdict per change, `breaking` or `compatible`.

Two OpenAPI documents are compared operation by operation (keyed by method and path), then each
schema reached from an operation is compared with its old self. A schema is judged by the side it
sits on, because the same edit means opposite things there:

* **request** (what a caller sends; the server must accept what old callers send):
  narrowing is breaking, widening is compatible. A field removed, a field newly required, a type
  narrowed (`number` to `integer`, `string | null` to `string`), an enum value removed, a new or
  tighter constraint (`maximum`, `pattern`, ...), `additionalProperties` closed, an alternative of
  an `anyOf` removed, a new required parameter or request body: breaking. A new optional field, a
  type widened, an enum value added, a constraint removed or loosened: compatible.
* **response** (what a caller reads; old readers must understand what the server sends):
  widening is breaking, narrowing is compatible. A field removed or no longer required, a type
  widened (`integer` to `number`, a new `null`), an enum value added (an exhaustive reader, or a
  `Literal` type, meets a value it does not know), a constraint removed or loosened, a new
  success status, or a new media type of a success status: breaking. A new field (optional or required: readers keep
  unknown keys), a type narrowed, an enum value removed, a tighter constraint: compatible.
* **operations**: an operation, path, method, status of a request or media type removed, or an
  operationId renamed (the generated function's name): breaking. An operation added: compatible.
  A new error status (>= 400) is compatible: errors are raised, never returned as models.
* **documentation** (`description`, `summary`, `title`, `examples`, `deprecated`): compatible,
  one line per place. A changed server `default` of a request field is breaking (a caller who
  leaves the field out gets other behaviour); of a response field, compatible.
* Vendor extensions (`x-...`) are facts for this project's tools, not for callers: ignored here
  (what they change in the Python API shows in the API report). A changed `if`/`then`/`else`/`not`
  rule is reported as breaking on either side, since its effect cannot be judged in general.

`$ref`s are followed. A schema of `components/schemas` reached under the same name in both
documents is compared once per side it is used on, and reported by its name (`GenerateResponse.done`),
so a change to a shared schema is one line, not one per operation; when a `$ref` points elsewhere
than before, the two targets are compared in place.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Change", "compare_specs"]

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
DOC_KEYS = ("description", "summary", "title", "examples", "example", "deprecated")
ALL_TYPES = frozenset({"null", "boolean", "object", "array", "string", "integer", "number"})
# Constraints that tighten what a schema accepts when they grow (MIN) or shrink (MAX).
MIN_KEYS = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")
MAX_KEYS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")
# Constraints that tighten when added or changed, and loosen when removed.
OTHER_KEYS = ("pattern", "format", "const", "multipleOf", "uniqueItems", "contentEncoding", "contentMediaType")
RULE_KEYS = ("if", "then", "else", "not")
SCHEMA_PREFIX = "#/components/schemas/"


@dataclass(frozen=True, order=True)
class Change:
    """One line of the report: `breaking: <where>: <what>`."""

    breaking: bool
    where: str
    what: str

    def __str__(self) -> str:
        return f"{'breaking' if self.breaking else 'compatible'}: {self.where}: {self.what}"


def _verdict(side: str, narrows: bool) -> bool:
    """Breaking when a request narrows or a response widens."""
    return narrows if side == "request" else not narrows


def _resolve(doc: dict[str, Any], schema: Any) -> Any:
    seen = 0
    while isinstance(schema, dict) and "$ref" in schema and seen < 64:
        ref = schema["$ref"]
        if not isinstance(ref, str) or not ref.startswith("#/"):
            return schema
        node: Any = doc
        for part in ref[2:].split("/"):
            node = node.get(part.replace("~1", "/").replace("~0", "~"), {}) if isinstance(node, dict) else {}
        schema = node
        seen += 1
    return schema


def _types(doc: dict[str, Any], schema: Any, depth: int = 0) -> frozenset[str]:
    """The JSON types a schema accepts (`number` includes `integer`); all of them when it says nothing."""
    schema = _resolve(doc, schema)
    if schema is True or not isinstance(schema, dict) or depth > 20:
        return ALL_TYPES
    if schema is False:  # pragma: no cover - a dict test above already excludes it
        return frozenset()
    found: set[str] | None = None
    declared = schema.get("type")
    if declared is not None:
        names = [declared] if isinstance(declared, str) else list(declared)
        found = set(names) | ({"integer"} if "number" in names else set())
    for key in ("anyOf", "oneOf"):
        if key in schema:
            union: set[str] = set()
            for alt in schema[key]:
                union |= _types(doc, alt, depth + 1)
            found = union if found is None else found & union
    for alt in schema.get("allOf", []):
        inner = _types(doc, alt, depth + 1)
        found = set(inner) if found is None else found & inner
    values = schema["enum"] if "enum" in schema else [schema["const"]] if "const" in schema else None
    if values is not None:
        kinds = {_json_type(v) for v in values}
        found = kinds if found is None else found & (kinds | ({"integer"} if "number" in kinds else set()))
    if schema.get("nullable") is True and found is not None:
        found.add("null")
    return ALL_TYPES if found is None else frozenset(found)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _show(types: frozenset[str]) -> str:
    shown = set(types) - ({"integer"} if "number" in types else set())
    return " | ".join(sorted(shown)) or "nothing"


def _flatten(doc: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """Fold `allOf` members into one schema: their properties and required lists together."""
    if "allOf" not in schema:
        return schema
    merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
    props = dict(merged.get("properties", {}))
    required = list(merged.get("required", []))
    for member in schema["allOf"]:
        member = _resolve(doc, member)
        if not isinstance(member, dict):
            continue
        member = _flatten(doc, member)
        props.update(member.get("properties", {}))
        required += [r for r in member.get("required", []) if r not in required]
        for key, value in member.items():
            if key not in ("properties", "required"):
                merged.setdefault(key, value)
    if props:
        merged["properties"] = props
    if required:
        merged["required"] = required
    return merged


def _signature(doc: dict[str, Any], schema: Any) -> str:
    """How to pair up the alternatives of two `anyOf`s: by the schema they name, else by their types."""
    if isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    return _show(_types(doc, schema))


def _component(schema: Any) -> str | None:
    if isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and schema["$ref"].startswith(SCHEMA_PREFIX):
        return str(schema["$ref"])[len(SCHEMA_PREFIX) :]
    return None


@dataclass
class _Differ:
    old: dict[str, Any]
    new: dict[str, Any]
    changes: list[Change] = field(default_factory=list)
    pending: list[tuple[str, str]] = field(default_factory=list)
    done: set[tuple[str, str]] = field(default_factory=set)

    def add(self, breaking: bool, where: str, what: str) -> None:
        self.changes.append(Change(breaking, where, what))

    # -- operations -------------------------------------------------------------------------

    def operations(self) -> None:
        old_ops, new_ops = dict(_operations(self.old)), dict(_operations(self.new))
        for key in sorted(old_ops.keys() - new_ops.keys()):
            self.add(True, _op_name(key, old_ops[key]), "operation removed")
        for key in sorted(new_ops.keys() - old_ops.keys()):
            self.add(False, _op_name(key, new_ops[key]), "operation added")
        for key in sorted(old_ops.keys() & new_ops.keys()):
            self.operation(_op_name(key, new_ops[key]), old_ops[key], new_ops[key])
        while self.pending:
            name, side = self.pending.pop(0)
            old_schema = self.old.get("components", {}).get("schemas", {}).get(name)
            new_schema = self.new.get("components", {}).get("schemas", {}).get(name)
            self.schema(old_schema, new_schema, f"{name} ({side})", side)

    def operation(self, where: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        if old.get("operationId") != new.get("operationId"):
            self.add(True, where, f"operationId renamed from {old.get('operationId')!r} to {new.get('operationId')!r}")
        self.docs(old, new, where)
        self.parameters(where, old.get("parameters", []), new.get("parameters", []))
        self.request_body(where, old.get("requestBody"), new.get("requestBody"))
        self.responses(where, old.get("responses", {}), new.get("responses", {}))

    def parameters(self, where: str, old: list[Any], new: list[Any]) -> None:
        def keyed(doc: dict[str, Any], params: list[Any]) -> dict[tuple[str, str], dict[str, Any]]:
            out = {}
            for p in params:
                p = _resolve(doc, p)
                if isinstance(p, dict):
                    out[(str(p.get("in")), str(p.get("name")))] = p
            return out

        before, after = keyed(self.old, old), keyed(self.new, new)
        for key in sorted(before.keys() - after.keys()):
            self.add(True, where, f"{key[0]} parameter {key[1]!r} removed")
        for key in sorted(after.keys() - before.keys()):
            required = bool(after[key].get("required"))
            self.add(required, where, f"{'required' if required else 'optional'} {key[0]} parameter {key[1]!r} added")
        for key in sorted(before.keys() & after.keys()):
            at = f"{where} {key[0]} parameter {key[1]!r}"
            if after[key].get("required") and not before[key].get("required"):
                self.add(True, at, "now required")
            elif before[key].get("required") and not after[key].get("required"):
                self.add(False, at, "now optional")
            self.docs(before[key], after[key], at)
            self.schema(before[key].get("schema"), after[key].get("schema"), at, "request")

    def request_body(self, where: str, old: Any, new: Any) -> None:
        old, new = _resolve(self.old, old), _resolve(self.new, new)
        at = f"{where} request body"
        if not isinstance(old, dict) and not isinstance(new, dict):
            return
        if not isinstance(new, dict):
            self.add(True, at, "removed")
            return
        if not isinstance(old, dict):
            required = bool(new.get("required"))
            self.add(required, at, f"{'required' if required else 'optional'} request body added")
            old = {}
        elif new.get("required") and not old.get("required"):
            self.add(True, at, "now required")
        elif old.get("required") and not new.get("required"):
            self.add(False, at, "now optional")
        self.docs(old, new, at)
        self.content(at, old.get("content", {}), new.get("content", {}), "request")

    def responses(self, where: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        for status in sorted(set(old) - set(new), key=str):
            self.add(False, where, f"response {status} removed")
        for status in sorted(set(new) - set(old), key=str):
            success = str(status)[:1] in "123" or status == "default"
            self.add(success and str(status) != "default", where, f"response {status} added")
        for status in sorted(set(old) & set(new), key=str):
            at = f"{where} response {status}"
            before, after = _resolve(self.old, old[status]), _resolve(self.new, new[status])
            if isinstance(before, dict) and isinstance(after, dict):
                self.docs(before, after, at)
                error = str(status)[:1] in "45"
                self.content(at, before.get("content", {}), after.get("content", {}), "response", error)

    def content(self, where: str, old: dict[str, Any], new: dict[str, Any], side: str, error: bool = False) -> None:
        for media in sorted(set(old) - set(new)):
            self.add(True, where, f"media type {media} removed")
        for media in sorted(set(new) - set(old)):
            # A new error body is raised as an error like the others; a new success body is not readable.
            self.add(side == "response" and not error, where, f"media type {media} added")
        for media in sorted(set(old) & set(new)):
            before, after = old[media] or {}, new[media] or {}
            self.docs(before, after, f"{where} {media}")
            self.schema(before.get("schema"), after.get("schema"), f"{where} {media}", side)

    # -- schemas ----------------------------------------------------------------------------

    def schema(self, old: Any, new: Any, where: str, side: str, depth: int = 0) -> None:
        if old is None and new is None:
            return
        old_name, new_name = _component(old), _component(new)
        if old_name is not None and old_name == new_name:
            if (old_name, side) not in self.done:
                self.done.add((old_name, side))
                self.pending.append((old_name, side))
            return
        if depth > 40:
            return
        old, new = _resolve(self.old, old), _resolve(self.new, new)
        if old is None or new is None:
            self.add(True, where, "schema removed" if new is None else "schema added")
            return
        if not isinstance(old, dict) or not isinstance(new, dict):
            if old != new:
                self.add(True, where, f"schema changed from {old!r} to {new!r}")
            return
        old, new = _flatten(self.old, old), _flatten(self.new, new)
        self.docs(old, new, where)
        self.default(old, new, where, side)
        self.type(old, new, where, side)
        self.enum(old, new, where, side)
        self.constraints(old, new, where, side)
        self.rules(old, new, where)
        self.properties(old, new, where, side, depth)
        if "items" in old or "items" in new:
            self.schema(old.get("items", True), new.get("items", True), f"{where}[]", side, depth + 1)
        self.additional(old, new, where, side, depth)
        self.alternatives(old, new, where, side, depth)

    def type(self, old: dict[str, Any], new: dict[str, Any], where: str, side: str) -> None:
        before, after = _types(self.old, old), _types(self.new, new)
        if before == after:
            return
        lost, gained = before - after, after - before
        if lost and not gained:
            self.add(_verdict(side, True), where, f"type narrowed from {_show(before)} to {_show(after)}")
        elif gained and not lost:
            self.add(_verdict(side, False), where, f"type widened from {_show(before)} to {_show(after)}")
        else:
            self.add(True, where, f"type changed from {_show(before)} to {_show(after)}")

    def enum(self, old: dict[str, Any], new: dict[str, Any], where: str, side: str) -> None:
        before, after = old.get("enum"), new.get("enum")
        if before == after:
            return
        if before is None:
            self.add(_verdict(side, True), where, f"now limited to the values {after!r}")
            return
        if after is None:
            self.add(_verdict(side, False), where, "no longer limited to a list of values")
            return
        for value in [v for v in before if v not in after]:
            self.add(_verdict(side, True), where, f"enum value {value!r} removed")
        for value in [v for v in after if v not in before]:
            self.add(_verdict(side, False), where, f"enum value {value!r} added")

    def constraints(self, old: dict[str, Any], new: dict[str, Any], where: str, side: str) -> None:
        for key in (*MIN_KEYS, *MAX_KEYS, *OTHER_KEYS):
            before, after = old.get(key), new.get(key)
            if before == after:
                continue
            if after is None:
                tighter = False
            elif before is None:
                tighter = True
            elif key in MIN_KEYS:
                tighter = after > before
            elif key in MAX_KEYS:
                tighter = after < before
            else:
                self.add(True, where, f"{key} changed from {before!r} to {after!r}")
                continue
            shown = f"{key} {before!r} -> {after!r}" if before is not None and after is not None else key
            verb = "tightened" if tighter else "loosened"
            action = f"{key} {after!r} added" if before is None else f"{key} removed" if after is None else shown
            self.add(_verdict(side, tighter), where, f"{action} ({verb})")

    def rules(self, old: dict[str, Any], new: dict[str, Any], where: str) -> None:
        for key in RULE_KEYS:
            if _strip_docs(old.get(key)) != _strip_docs(new.get(key)):
                self.add(True, where, f"conditional rule {key!r} changed")

    def properties(self, old: dict[str, Any], new: dict[str, Any], where: str, side: str, depth: int) -> None:
        before, after = old.get("properties", {}), new.get("properties", {})
        req_before, req_after = set(old.get("required", [])), set(new.get("required", []))
        for name in [n for n in before if n not in after]:
            self.add(True, f"{where}.{name}", "field removed")
        for name in [n for n in after if n not in before]:
            required = name in req_after
            kind = "required" if required else "optional"
            self.add(side == "request" and required, f"{where}.{name}", f"{kind} field added")
        for name in sorted((req_after - req_before) & set(before)):
            self.add(side == "request", f"{where}.{name}", "now required")
        for name in sorted((req_before - req_after) & set(after)):
            self.add(side == "response", f"{where}.{name}", "no longer required")
        for name in [n for n in before if n in after]:
            self.schema(before[name], after[name], f"{where}.{name}", side, depth + 1)

    def additional(self, old: dict[str, Any], new: dict[str, Any], where: str, side: str, depth: int) -> None:
        before, after = old.get("additionalProperties", True), new.get("additionalProperties", True)
        if isinstance(before, dict) and isinstance(after, dict):
            self.schema(before, after, f"{where}{{*}}", side, depth + 1)
        elif before != after:
            closes = after is False or (before is True and isinstance(after, dict))
            # A response that starts sending unknown keys is read fine: generated models keep them.
            self.add(side == "request" and closes, where, f"additionalProperties {before!r} -> {after!r}")

    def alternatives(self, old: dict[str, Any], new: dict[str, Any], where: str, side: str, depth: int) -> None:
        for key in ("anyOf", "oneOf"):
            before, after = old.get(key, []), new.get(key, [])
            if not before and not after:
                continue
            old_by = {_signature(self.old, alt): alt for alt in before}
            new_by = {_signature(self.new, alt): alt for alt in after}
            for sig in old_by.keys() & new_by.keys():
                self.schema(old_by[sig], new_by[sig], f"{where}<{sig}>", side, depth + 1)
            # Removed or added alternatives change the type set, reported by type(); those that keep
            # the types the same (one object schema for another) are reported here.
            if _types(self.old, old) == _types(self.new, new):
                for sig in sorted(old_by.keys() - new_by.keys()):
                    self.add(_verdict(side, True), where, f"{key} alternative {sig} removed")
                for sig in sorted(new_by.keys() - old_by.keys()):
                    self.add(_verdict(side, False), where, f"{key} alternative {sig} added")

    def default(self, old: dict[str, Any], new: dict[str, Any], where: str, side: str) -> None:
        if old.get("default") != new.get("default"):
            before, after = old.get("default"), new.get("default")
            self.add(side == "request", where, f"server default {before!r} -> {after!r}")

    def docs(self, old: dict[str, Any], new: dict[str, Any], where: str) -> None:
        changed = [key for key in DOC_KEYS if old.get(key) != new.get(key)]
        if changed:
            self.add(False, where, f"{', '.join(changed)} changed (documentation)")


def _strip_docs(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {k: _strip_docs(v) for k, v in schema.items() if k not in DOC_KEYS and not k.startswith("x-")}
    if isinstance(schema, list):
        return [_strip_docs(v) for v in schema]
    return schema


def _operations(doc: dict[str, Any]) -> Iterator[tuple[tuple[str, str], dict[str, Any]]]:
    for path, item in (doc.get("paths") or {}).items():
        item = _resolve(doc, item)
        if not isinstance(item, dict):
            continue
        shared = item.get("parameters", [])
        for method in METHODS:
            op = item.get(method)
            if isinstance(op, dict):
                if shared:
                    op = dict(op, parameters=[*shared, *op.get("parameters", [])])
                yield (path, method), op


def _op_name(key: tuple[str, str], op: dict[str, Any]) -> str:
    path, method = key
    op_id = op.get("operationId")
    return f"{method.upper()} {path}" + (f" ({op_id})" if op_id else "")


def compare_specs(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every change from `old` to `new`, breaking ones first, in a stable order."""
    differ = _Differ(old, new)
    differ.operations()
    unique = dict.fromkeys(differ.changes)
    return sorted(unique, key=lambda c: (not c.breaking, c.where, c.what))
