"""The official client's own types, on both sides of a call.

Answers: the client object checks and builds its generated model; `official()` hands the
program the official package's class of the same name (`ollama.ChatResponse`...), validated from
the same JSON, so it has every attribute, key, value type (`datetime`, mappings, `None` where a
field was not sent), `repr` and `str` that code written for the official client reads, and a type
checker sees the official signatures (the package's `__init__` re-exports them for it).

Inputs: the official models a program passes (`ollama.Message`, `ollama.Options`, `ollama.Tool`,
`ollama.Image`) become the plain JSON they serialise to, as the official client sends them.
"""

from __future__ import annotations

from typing import Any

import ollama
from pydantic import BaseModel

__all__ = ["inputs", "official"]

_RENAMED = {"PsResponse": "ProcessResponse"}
"""The generated models whose official class has another name; every other one has the same."""


def official(answer: Any) -> Any:
    """The official class's instance for a generated model (unchanged: any other answer)."""
    name = type(answer).__name__
    cls = getattr(ollama, _RENAMED.get(name, name), None)
    if not (isinstance(cls, type) and issubclass(cls, BaseModel)):
        return answer
    return cls.model_validate(answer.to_dict())


def inputs(value: Any) -> Any:
    """`value` with the official models in it turned into their JSON (an `Image` into base64)."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_none=True, by_alias=True)
    if isinstance(value, dict):
        return {key: inputs(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [inputs(item) for item in value]
    return value
