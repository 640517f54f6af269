"""The contract of one Ollama version, derived from the all-versions spec.

The spec's response schemas require only what every server of every version sends, so that a
client never rejects an old server. Its component schemas also record, per property, what
`scripts/mine_versions` read from the history of Ollama's `api/types.go`:

- `x-always-since: V` (and `x-always-until: W`): servers from V (up to, not including, W)
  always write the field whenever they write the object around it;
- `x-removed-in: V`: servers from V on no longer have the field.

`profile(doc, version)` turns those facts into plain JSON Schema for one version: every field
that version always sends becomes required, a removed field is forbidden in responses and no
longer described in requests (the server ignores it like any unknown field, so a wrong value
there must not be expected to fail). A schema that requests share with responses (`Message`,
`ToolCall`...) is copied for the responses (`Message__sent`), so requests are not made stricter.
`profile(doc, "all")` is the spec as it is.
"""

from __future__ import annotations

import copy
import json
import re
from functools import cache
from typing import Any

__all__ = ["ALL", "normalise", "parse_version", "profile", "profile_for", "profiled_spec"]

ALL = "all"
"""The all-versions contract: what every server of every version sends."""

_SENT = "__sent"
_VERSION = re.compile(r"^v?(\d+)\.(\d+)(?:\.(\d+))?")
_REF = re.compile(r'"#/components/schemas/([^"/]+)"')
_MAPS = ("properties", "patternProperties", "$defs", "dependentSchemas")
_ONE = ("additionalProperties", "items", "not", "if", "then", "else", "contains", "unevaluatedProperties")
_MANY = ("allOf", "anyOf", "oneOf", "prefixItems")

Version = tuple[int, int, int]


def parse_version(text: str) -> Version:
    """`0.33.0`, `v0.5.7`, `0.12.3-rc1`, `0.6` -> a comparable tuple; anything else is a ValueError."""
    m = _VERSION.match(text.strip())
    if not m:
        raise ValueError(f"not an Ollama version: {text!r} (expected `all` or a version such as 0.33.0)")
    return int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)


def normalise(profile: str) -> str:
    """`all`, or a version spelled `X.Y.Z`; a ValueError for anything else (one clear error at
    the start rather than a KeyError at the first response)."""
    if profile == ALL:
        return ALL
    if not isinstance(profile, str):
        raise ValueError(f"a profile is `all` or a version such as 0.33.0, not {profile!r}")
    return ".".join(map(str, parse_version(profile)))


def profile_for(version: str | None) -> str:
    """The profile to hold a server reporting `version` to: the version itself, or `all` when it
    reports none that can be read (a development build reports `0.0.0`, which is held to the
    contract of 0.0.0: nearly nothing beyond the all-versions one)."""
    if not version:
        return ALL
    try:
        return ".".join(map(str, parse_version(version)))
    except ValueError:
        return ALL


def _children(node: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[Any] = []
    for key in _MAPS:
        if isinstance(node.get(key), dict):
            out += node[key].values()
    out += [node[key] for key in _ONE if key in node]
    for key in _MANY:
        if isinstance(node.get(key), list):
            out += node[key]
    return [n for n in out if isinstance(n, dict)]


def _refs(node: Any) -> set[str]:
    return set(_REF.findall(json.dumps(node)))


def _closure(doc: dict[str, Any], names: set[str]) -> set[str]:
    schemas = doc["components"]["schemas"]
    found: set[str] = set()
    todo = set(names)
    while todo:
        name = todo.pop()
        if name in found or name not in schemas:
            continue
        found.add(name)
        todo |= _refs(schemas[name])
    return found


def _response_roots(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The schema nodes of every response body (in paths and in components/responses)."""
    responses = [r for item in doc.get("paths", {}).values() for op in item.values() if isinstance(op, dict)
                 for r in op.get("responses", {}).values()]  # fmt: skip
    responses += list(doc.get("components", {}).get("responses", {}).values())
    return [body["schema"] for r in responses for body in r.get("content", {}).values() if "schema" in body]


def _request_names(doc: dict[str, Any]) -> set[str]:
    # Path items hold their operations and, as a list, the parameters they share.
    requests: list[Any] = [{k: v for k, v in op.items() if k in {"requestBody", "parameters"}} if isinstance(op, dict)
                           else op for item in doc.get("paths", {}).values() for op in item.values()]  # fmt: skip
    requests += list(doc.get("components", {}).get("parameters", {}).values())
    return _closure(doc, _refs(requests))


def _relink(node: Any, shared: set[str]) -> None:
    """Point every `$ref` to a shared schema at its response copy, in place."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            name = ref.rsplit("/", 1)[1]
            if name in shared:
                node["$ref"] = f"#/components/schemas/{name}{_SENT}"
        for value in node.values():
            _relink(value, shared)
    elif isinstance(node, list):
        for value in node:
            _relink(value, shared)


def _holds(version: Version, prop: dict[str, Any]) -> bool:
    since = prop.get("x-always-since")
    until = prop.get("x-always-until")
    return since is not None and parse_version(since) <= version and (until is None or version < parse_version(until))


def _gone(version: Version, prop: Any) -> bool:
    return isinstance(prop, dict) and "x-removed-in" in prop and parse_version(prop["x-removed-in"]) <= version


def _strengthen(node: dict[str, Any], version: Version) -> None:
    """A response schema: require what the version always sends, forbid what it no longer has."""
    props = node.get("properties")
    if isinstance(props, dict):
        required = list(node.get("required", []))
        for name, prop in props.items():
            if isinstance(prop, dict) and _holds(version, prop) and name not in required:
                required.append(name)
        if required:
            node["required"] = required
        for name in [n for n, p in props.items() if _gone(version, p)]:
            props[name] = False
    for child in _children(node):
        _strengthen(child, version)


def _forget(node: dict[str, Any], version: Version) -> None:
    """A request schema: a field the version no longer has is one it ignores, like any unknown one."""
    props = node.get("properties")
    if isinstance(props, dict):
        for name in [n for n, p in props.items() if _gone(version, p)]:
            del props[name]
    for child in _children(node):
        _forget(child, version)


def profile(doc: dict[str, Any], version: str) -> dict[str, Any]:
    """The spec `doc` as the contract of Ollama `version` (or `all`: `doc` itself, unchanged).

    Pure: `doc` is not modified. Every JSON pointer of `doc` still exists in the result (the
    response copies of shared schemas are new names beside the old ones), so validators keyed by
    the operations' pointers work on either.
    """
    if version == ALL:
        return doc
    v = parse_version(version)
    out = copy.deepcopy(doc)
    schemas: dict[str, Any] = out["components"]["schemas"]
    roots = _response_roots(out)
    requests = _request_names(out)
    sent = _closure(out, set().union(*(_refs(r) for r in roots)) if roots else set())
    shared = sent & requests
    for name in sorted(shared):
        schemas[name + _SENT] = copy.deepcopy(schemas[name])
    response_side = [schemas[n] for n in sorted(sent - shared)] + [schemas[n + _SENT] for n in sorted(shared)]
    for node in [*roots, *response_side]:
        _relink(node, shared)
    for node in [*roots, *response_side]:
        if isinstance(node, dict):
            _strengthen(node, v)
    for name in sorted(requests):
        _forget(schemas[name], v)
    out.setdefault("info", {})["x-profile"] = ".".join(map(str, v))
    return out


@cache
def profiled_spec(version: str = ALL) -> dict[str, Any]:
    """The shipped spec under a profile, derived once per process and version."""
    from ._spec import load_spec

    return profile(load_spec(), normalise(version))
