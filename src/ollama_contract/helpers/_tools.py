"""Tools from Python functions: the schema the model reads, and the call it sends back, run.

```python
def get_weather(city: str, unit: Literal["celsius", "fahrenheit"] = "celsius") -> str:
    '''The current weather in a city.

    Args:
        city: The city's name.
        unit: The unit of the temperature.
    '''

tools = Tools(get_weather)
answer = client.chat(model="qwen3", messages=messages, tools=tools)
messages += [answer.message, *tools.results(answer.message)]   # each call run, its result a tool message
```

The signature gives the types and the defaults; the docstring (Google, NumPy or reST, read by
docstring_parser) gives the descriptions. Both go through one pydantic model per function, which
gives the JSON Schema (with `enum`, `items`, nested classes, defaults: nothing is dropped) and
later checks and converts the arguments the model sends (`"3"` for an `int`, a dict for a
dataclass) before the function runs.
"""

from __future__ import annotations

import inspect
import json
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, overload

import docstring_parser
import pydantic
from ollama_api.models import Message, Tool

from ._types import adapt, clean, inline

__all__ = ["ToolCallError", "Tools", "function_tool", "tool_message"]


class ToolCallError(ValueError):
    """A tool call that cannot run: an unknown function, or arguments its schema refuses.

    `name` is the function the model asked for; `arguments` what it sent.
    """

    def __init__(self, text: str, *, name: str, arguments: Mapping[str, Any]) -> None:
        super().__init__(text)
        self.name = name
        self.arguments = dict(arguments)


class _Function:
    """One function, its argument model and its tool schema, made once."""

    def __init__(self, func: Callable[..., Any]) -> None:
        if not callable(func):
            raise TypeError(f"a tool must be a function, not {type(func).__name__}")
        self.func = func
        self.name: str = getattr(func, "__name__", type(func).__name__)
        doc = docstring_parser.parse(inspect.getdoc(func) or "")
        described = {param.arg_name: param.description for param in doc.params if param.description}
        hints = typing.get_type_hints(func, include_extras=True)
        fields: dict[str, Any] = {}
        self.nullable: set[str] = set()
        for name, param in inspect.signature(func).parameters.items():
            if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
                raise TypeError(f"tool {self.name}: *{name} cannot be described to a model; name each argument")
            annotation = adapt(hints.get(name, str))
            default = param.default
            if default is param.empty and _accepts_none(annotation):
                # As in the official client: an argument that may be None is one the model may leave out.
                default = None
                self.nullable.add(name)
            description = described.get(name)
            if default is param.empty:
                fields[name] = (annotation, pydantic.Field(description=description))
            else:
                fields[name] = (annotation, pydantic.Field(default, description=description))
        config = pydantic.ConfigDict(extra="forbid", arbitrary_types_allowed=True)
        self.arguments: type[pydantic.BaseModel] = pydantic.create_model(self.name, __config__=config, **fields)
        description = "\n\n".join(part for part in (doc.short_description, doc.long_description) if part)
        parameters = clean(inline(self.arguments.model_json_schema()))
        parameters.pop("additionalProperties", None)
        parameters.pop("description", None)
        parameters.setdefault("properties", {})
        self.schema: dict[str, Any] = {
            "type": "function",
            "function": {"name": self.name, "description": description, "parameters": parameters},
        }

    def call(self, arguments: Mapping[str, Any]) -> Any:
        try:
            checked = self.arguments.model_validate(dict(arguments))
        except pydantic.ValidationError as error:
            problems = "; ".join(
                f"{'.'.join(str(part) for part in e['loc']) or '(arguments)'}: {e['msg']}" for e in error.errors()
            )
            raise ToolCallError(
                f"tool {self.name}: bad arguments {arguments!r}: {problems}", name=self.name, arguments=arguments
            ) from None
        return self.func(**{name: getattr(checked, name) for name in type(checked).model_fields})


def _accepts_none(annotation: Any) -> bool:
    try:
        pydantic.TypeAdapter(annotation).validate_python(None)
    except (pydantic.ValidationError, pydantic.PydanticSchemaGenerationError):
        return False
    return True


def function_tool(func: Callable[..., Any]) -> dict[str, Any]:
    """The tool schema (a plain dict, as sent on the wire) of a Python function."""
    return _Function(func).schema


def tool_message(name: str, result: Any, *, call_id: str | None = None) -> Message:
    """The `tool` message that gives a call's result back to the model.

    A string is sent as it is; anything else as JSON (pydantic serialises dataclasses, models,
    dates...), so the model reads `{"temp": 21}` rather than a Python repr.
    """
    content = result if isinstance(result, str) else pydantic.TypeAdapter(Any).dump_json(result).decode()
    message = Message(role="tool", content=content, tool_name=name)
    if call_id is not None:
        message.tool_call_id = call_id
    return message


class Tools(Sequence[Tool]):
    """Some Python functions as tools: pass it as `tools=`, then run what the model asks for.

    It is a sequence of the generated `Tool` models, so it goes wherever tools go.
    """

    def __init__(self, *functions: Callable[..., Any]) -> None:
        self._functions = {entry.name: entry for entry in map(_Function, functions)}
        if len(self._functions) != len(functions):
            raise ValueError("two tools have the same name")
        self._tools = [Tool.from_dict(entry.schema) for entry in self._functions.values()]

    @overload
    def __getitem__(self, index: int) -> Tool: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Tool]: ...
    def __getitem__(self, index: int | slice) -> Tool | Sequence[Tool]:
        return self._tools[index]

    def __len__(self) -> int:
        return len(self._tools)

    def __iter__(self) -> Iterator[Tool]:
        return iter(self._tools)

    def __repr__(self) -> str:
        return f"Tools({', '.join(self._functions)})"

    @property
    def schemas(self) -> list[dict[str, Any]]:
        """The tools as plain dicts, the way they go on the wire."""
        return [entry.schema for entry in self._functions.values()]

    def call(self, tool_call: Any) -> Any:
        """Run one tool call (a generated `ToolCall`, a dict, or the official client's) and return its result.

        Raises ToolCallError for a function not among these tools or arguments its schema refuses;
        nothing runs then.
        """
        name, arguments, _ = _unpack(tool_call)
        entry = self._functions.get(name)
        if entry is None:
            known = ", ".join(self._functions) or "none"
            raise ToolCallError(f"the model called {name!r}, which is not a tool here (tools: {known})", name=name,
                                arguments=arguments)  # fmt: skip
        return entry.call(arguments)

    def run(self, tool_call: Any) -> Message:
        """Run one tool call and return the `tool` message with its result."""
        name, _, call_id = _unpack(tool_call)
        return tool_message(name, self.call(tool_call), call_id=call_id)

    def results(self, message: Any) -> list[Message]:
        """Run every tool call of an assistant message (none is fine) and return their `tool` messages."""
        calls = _plain(message).get("tool_calls") or []
        return [self.run(call) for call in calls]


def _plain(value: Any) -> dict[str, Any]:
    """A generated model, a pydantic model (the official client's) or a mapping, as a plain dict."""
    if hasattr(value, "to_dict"):
        plain: dict[str, Any] = value.to_dict()
        return plain
    if hasattr(value, "model_dump"):
        dumped: dict[str, Any] = value.model_dump(exclude_none=True)
        return dumped
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(f"expected a tool call or a message, not {type(value).__name__}")


def _unpack(tool_call: Any) -> tuple[str, dict[str, Any], str | None]:
    plain = _plain(tool_call)
    function = plain.get("function") or {}
    name = function.get("name")
    if not isinstance(name, str):
        raise TypeError(f"a tool call needs function.name, got {plain!r}")
    arguments = function.get("arguments") or {}
    if isinstance(arguments, str):  # some servers and the OpenAI shape send the arguments as JSON text
        arguments = json.loads(arguments)
    call_id = plain.get("id")
    return name, dict(arguments), call_id if isinstance(call_id, str) else None
