"""Calling any operation generically: a valid request for it, built from the spec's own examples."""

from __future__ import annotations

import inspect
import io
from typing import Any

from helpers import iter_examples
from ollama_api.types import File

from ollama_contract._spec import load_spec, model_for, module_for, operations

DIGEST = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def request_example(operation_id: str) -> dict[str, Any] | None:
    op = operations()[operation_id]
    for where, _, value in iter_examples(load_spec()):
        if op.request_schema and where.startswith(op.request_schema.rsplit("/schema", 1)[0] + "/example"):
            return dict(value)
    return None


def body_for(operation_id: str, **overrides: Any) -> Any:
    op = operations()[operation_id]
    if op.request_media_type == "application/octet-stream":
        return File(payload=io.BytesIO(b"blob bytes"))
    cls = model_for(op.request_schema)
    if cls is None:
        return None
    example = request_example(operation_id) or {}
    example.pop("stream", None)
    return cls.from_dict({**example, **overrides})


def arguments(operation_id: str, **overrides: Any) -> tuple[list[Any], dict[str, Any]]:
    """Positional and keyword arguments (but `client`) of the generated functions of an operation."""
    params = inspect.signature(module_for(operation_id).sync_detailed).parameters
    args = [DIGEST for name, p in params.items() if p.kind is p.POSITIONAL_OR_KEYWORD]
    kwargs = {"body": body_for(operation_id, **overrides)} if "body" in params else {}
    return args, kwargs
