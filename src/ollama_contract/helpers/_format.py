"""Structured output: a Python type as the `format` schema, and the answer parsed back into it.

```python
class Pet(BaseModel):          # or a dataclass, an attrs class, a TypedDict
    name: str
    species: Literal["cat", "dog"]

answer = client.chat(model="qwen3", messages=messages, format=format_schema(Pet))
pet = parse_as(Pet, answer)    # a Pet, checked: a wrong answer raises, it is never half-read
```
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TypeVar, overload

import jsonschema
import pydantic

from ._types import adapt, type_schema

__all__ = ["FormatError", "format_schema", "parse_as"]

T = TypeVar("T")


class FormatError(ValueError):
    """The model's answer is not valid JSON of the requested shape. `text` is the answer."""

    def __init__(self, message: str, text: str) -> None:
        super().__init__(message)
        self.text = text


def format_schema(shape: Any) -> dict[str, Any]:
    """The `format` JSON Schema for a pydantic model, attrs class, dataclass, TypedDict, any type, or a schema dict.

    A dict is taken as a JSON Schema already, checked against the JSON Schema meta-schema so that a
    typo fails here, with its path, rather than as a confusing answer.
    """
    if isinstance(shape, Mapping):
        schema = dict(shape)
        jsonschema.validators.validator_for(schema).check_schema(schema)
        return schema
    return type_schema(shape)


@overload
def parse_as(shape: type[T], answer: Any) -> T: ...
@overload
def parse_as(shape: Mapping[str, Any], answer: Any) -> Any: ...
def parse_as(shape: Any, answer: Any) -> Any:
    """Parse an answer (a chat or generate response, a message, or the text) into `shape`.

    `shape` is what was given to `format_schema`: a type gives an instance of it (validated and
    converted by pydantic; attrs classes are built too), a schema dict gives the JSON value,
    checked against it. Raises FormatError with the text when the answer does not fit.
    """
    text = _text_of(answer)
    if isinstance(shape, Mapping):
        try:
            value = json.loads(text)
        except json.JSONDecodeError as error:
            raise FormatError(f"the answer is not JSON ({error}): {text[:200]!r}", text) from None
        errors = sorted(jsonschema.validators.validator_for(shape)(shape).iter_errors(value), key=str)
        if errors:
            where = "/".join(str(part) for part in errors[0].absolute_path) or "(root)"
            raise FormatError(f"the answer breaks the format at {where}: {errors[0].message}", text)
        return value
    try:
        return pydantic.TypeAdapter(adapt(shape)).validate_json(text)
    except pydantic.ValidationError as error:
        name = getattr(shape, "__name__", repr(shape))
        raise FormatError(f"the answer is not a valid {name}: {error}", text) from None


def _text_of(answer: Any) -> str:
    """The text of an answer: `message.content` of a chat, `response` of a generate, or a message's content."""
    if isinstance(answer, str | bytes):
        return answer.decode() if isinstance(answer, bytes) else answer
    for path in (("message", "content"), ("response",), ("content",)):
        value: Any = answer
        for name in path:
            value = getattr(value, name, None)
        if isinstance(value, str):
            return value
    if isinstance(answer, Mapping):
        message = answer.get("message")
        candidates = (message.get("content") if isinstance(message, Mapping) else None, answer.get("response"))
        for candidate in candidates:
            if isinstance(candidate, str):
                return candidate
    raise TypeError(f"no text in {type(answer).__name__}: give a chat or generate response, a message or a str")
