"""The official client's own types, on both sides of a call.

Answers: the client object checks the JSON, and `builder()` builds from it, in place of the
generated model, the official package's class of the same name (`ollama.ChatResponse`...). So an
answer has every attribute, key, value type (`datetime`, mappings, `None` where a field was not
sent), `repr` and `str` that code written for the official client reads, and a type checker sees
the official signatures (the package's `__init__` re-exports them for it).

Inputs: the official models a program passes (`ollama.Message`, `ollama.Options`, `ollama.Tool`,
`ollama.Image`) become the plain JSON they serialise to, and Python functions given as tools the
schema the official client makes of them (not the richer one of `helpers.Tools`: the same program
must send the same request, or the model answers differently).

Two things come from the official package's private modules, since it offers them nowhere else:
its conversion of a function to a tool, and the message of the `ConnectionError` it raises. This
module is the one place that reads them; `tests/examples/test_compat.py` fails if either moves
or changes, and pyproject.toml's `compat` extra pins the releases it was checked on (0.6.x).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import ollama
from pydantic import BaseModel

__all__ = ["CONNECTION_ERROR_MESSAGE", "builder", "function_tool", "inputs", "official_class"]

_convert: Callable[[Callable[..., Any]], BaseModel] = importlib.import_module("ollama._utils").convert_function_to_tool
CONNECTION_ERROR_MESSAGE: str = importlib.import_module("ollama._client").CONNECTION_ERROR_MESSAGE
"""What the official client's `ConnectionError` says when the server cannot be reached."""

_RENAMED = {"PsResponse": "ProcessResponse"}
"""The generated models whose official class has another name; every other one has the same."""


def official_class(model: str) -> type[BaseModel] | None:
    """The official class for the generated model named `model`, if there is one."""
    cls = getattr(ollama, _RENAMED.get(model, model), None)
    return cls if isinstance(cls, type) and issubclass(cls, BaseModel) else None


def builder(model: str) -> Callable[[Any], Any] | None:
    """What builds the official answer from the checked JSON of the generated model `model`."""
    cls = official_class(model)
    return None if cls is None else cls.model_validate


def function_tool(function: Callable[..., Any]) -> dict[str, Any]:
    """The tool schema the official client sends for a Python function."""
    return _convert(function).model_dump(exclude_none=True)


def inputs(body: dict[str, Any] | None) -> dict[str, Any] | None:
    """A request body as the official client would send it: its models as JSON, its function tools
    as the official schemas."""
    if body is None:
        return None
    plain: dict[str, Any] = _json(body)
    if body.get("tools"):
        plain["tools"] = [function_tool(tool) if callable(tool) else _json(tool) for tool in body["tools"]]
    return plain


def _json(value: Any) -> Any:
    """`value` with the official models in it turned into their JSON (an `Image` into base64)."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_none=True, by_alias=True)
    if isinstance(value, dict):
        return {key: _json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json(item) for item in value]
    return value
