"""Schema checks for the contract suite, with jsonschema, the reference implementation.

The suite validates a few thousand bodies per run, so the reference validator's speed does not
matter here, and its verdict is the one the project defines as correct.
"""

from __future__ import annotations

from functools import cache
from typing import Any
from urllib.parse import unquote

from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from .._profiles import ALL, profiled_spec
from .._spec import Operation, load_spec, operations, pointer, resolve
from ._policy import BodyError

__all__ = ["current_profile", "operation_for", "request_errors", "validator"]

_URN = "urn:ollama-contract"


@cache
def _registry(profile: str) -> Registry[Any]:
    resource = DRAFT202012.create_resource(profiled_spec(profile))
    registry: Registry[Any] = Registry().with_resource(_URN, resource)
    return registry


def current_profile() -> str:
    """The run's profile (see `_profiles`); the all-versions contract outside a run."""
    from . import _session

    return _session._current.profile if _session._current is not None else ALL


def validator(pointer: str) -> Draft202012Validator:
    """A validator for the schema at a `#/...` pointer of the shipped spec, under the run's profile."""
    return _validator(pointer, current_profile())


@cache
def _validator(pointer: str, profile: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": _URN + pointer}, registry=_registry(profile))


@cache
def _by_route() -> dict[tuple[str, str], Operation]:
    return {(op.method, op.path): op for op in operations().values()}


def operation_for(method: str, path: str) -> Operation:
    return _by_route()[(method.lower(), path)]


def _errors(pointer: str, instance: Any, prefix: str = "") -> list[BodyError]:
    return [
        BodyError(
            pointer=prefix + "".join(f"/{part}" for part in e.absolute_path),
            rule=str(e.validator),
            message=e.message[:200],
            instance=e.instance,
        )
        for e in validator(pointer).iter_errors(instance)
    ]


def request_errors(op: Operation, body: Any, path_parameters: dict[str, Any]) -> list[BodyError]:
    """Every way a request breaks the spec: its JSON body, then its path parameters."""
    found = []
    if op.request_schema and op.request_media_type == "application/json":
        found += _errors(op.request_schema, body)
    item = load_spec()["paths"][op.path]
    declared = [(pointer("paths", op.path, "parameters", i), p) for i, p in enumerate(item.get("parameters", []))]
    declared += [
        (pointer("paths", op.path, op.method, "parameters", i), p)
        for i, p in enumerate(item[op.method].get("parameters", []))
    ]
    for where, param in declared:
        if "$ref" in param:
            where, param = param["$ref"], resolve(load_spec(), param["$ref"])
        name = param["name"]
        if param.get("in") == "path" and name in path_parameters:
            value = path_parameters[name]
            # The server matches routes on the decoded path: `sha256%3A...` arrives as `sha256:...`.
            value = unquote(value) if isinstance(value, str) else value
            found += _errors(f"{where}/schema", value, prefix=f"path:{name}")
    return found
