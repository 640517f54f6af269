"""Tools from functions: the schema is lossless where the official client's is not, and calls are checked.

No `from __future__ import annotations` here: the official client cannot read string annotations
(see the last test), and the comparisons need it to produce a schema at all.
"""

import dataclasses
import enum
from typing import Any, Literal, TypedDict

import attrs
import pydantic
import pytest
from ollama._utils import convert_function_to_tool
from ollama_api.models import Message, Tool, ToolCall

from ollama_contract.helpers import ToolCallError, Tools, function_tool, tool_message


class Unit(enum.Enum):
    CELSIUS = "celsius"
    FAHRENHEIT = "fahrenheit"


@dataclasses.dataclass
class Point:
    lat: float
    lon: float


class Window(TypedDict):
    start: str
    end: str


class Filters(pydantic.BaseModel):
    tags: list[str]
    limit: int = 5


@attrs.define
class Box:
    width: int
    height: int = 1


def google(city: str, unit: Literal["celsius", "fahrenheit"] = "celsius", days: list[int] | None = None) -> str:
    """Forecast for a city.

    Args:
        city: The city's name.
        unit: Temperature unit.
        days: Which days ahead.
    """
    return f"{city} {unit} {days}"


def numpy_style(unit: Unit, where: Point, when: Window, filters: Filters, box: Box) -> dict[str, Any]:
    """Look things up.

    Parameters
    ----------
    unit : Unit
        Temperature unit.
    where : Point
        The place.
    when : Window
        The time window.
    filters : Filters
        What to keep.
    box : Box
        A box.
    """
    return {"unit": unit, "where": where, "when": when, "filters": filters, "box": box}


def rest_style(count: int, label: str = "x") -> str:
    """Repeat a label.

    :param count: How many times.
    :param label: What to repeat.
    """
    return label * count


def test_google_docstring_keeps_enum_items_and_defaults_that_the_official_client_drops() -> None:
    ours = function_tool(google)["function"]
    official = convert_function_to_tool(google).model_dump(exclude_none=True)["function"]

    assert ours["name"] == official["name"] == "google"
    assert ours["description"] == "Forecast for a city."
    props = ours["parameters"]["properties"]
    assert ours["parameters"]["required"] == ["city"]
    assert props["city"] == {"type": "string", "description": "The city's name."}
    assert props["unit"] == {
        "type": "string",
        "enum": ["celsius", "fahrenheit"],
        "default": "celsius",
        "description": "Temperature unit.",
    }
    assert props["days"] == {
        "type": ["array", "null"],
        "items": {"type": "integer"},
        "default": None,
        "description": "Which days ahead.",
    }

    # What the official client loses, field by field.
    off = official["parameters"]["properties"]
    assert "enum" not in off["unit"] and "default" not in off["unit"]
    assert "items" not in off["days"]
    assert official["parameters"]["required"] == ["city", "unit"]  # and a defaulted argument is required
    assert off["city"]["description"] == "The city's name."


def test_numpy_docstring_and_nested_classes_become_nested_properties() -> None:
    params = function_tool(numpy_style)["function"]["parameters"]
    props = params["properties"]
    assert "$defs" not in params and "$ref" not in str(params)
    assert props["unit"]["enum"] == ["celsius", "fahrenheit"]
    assert props["unit"]["description"] == "Temperature unit."
    assert props["where"]["properties"] == {"lat": {"type": "number"}, "lon": {"type": "number"}}
    assert props["where"]["required"] == ["lat", "lon"]
    assert set(props["when"]["properties"]) == {"start", "end"}
    assert props["filters"]["properties"]["tags"] == {"type": "array", "items": {"type": "string"}}
    assert props["filters"]["properties"]["limit"]["default"] == 5
    assert props["box"]["properties"]["width"] == {"type": "integer"}
    assert props["box"]["required"] == ["width"]
    assert params["required"] == ["unit", "where", "when", "filters", "box"]

    # The official client cannot read a typing.TypedDict before Python 3.12 at all.
    with pytest.raises(pydantic.PydanticUserError, match="TypedDict"):
        convert_function_to_tool(numpy_style)


def numpy_nested(where: Point, filters: Filters) -> str:
    """Look things up.

    Parameters
    ----------
    where : Point
        The place.
    filters : Filters
        What to keep.
    """
    return f"{where} {filters}"


def test_the_official_client_flattens_nested_classes_and_misses_numpy_descriptions() -> None:
    ours = function_tool(numpy_nested)["function"]["parameters"]["properties"]
    official = convert_function_to_tool(numpy_nested).model_dump(exclude_none=True)["function"]["parameters"]
    assert ours["where"]["description"] == "The place." and "lat" in ours["where"]["properties"]
    # A nested class is a `$ref` without a type, which the official client reads as "string".
    assert official["properties"]["where"] == {"type": "string", "description": ""}
    assert official["properties"]["filters"] == {"type": "string", "description": ""}


def test_rest_docstring() -> None:
    function = function_tool(rest_style)["function"]
    assert function["description"] == "Repeat a label."
    assert function["parameters"]["properties"]["count"] == {"type": "integer", "description": "How many times."}
    assert function["parameters"]["properties"]["label"]["description"] == "What to repeat."


def test_the_schema_is_accepted_by_the_generated_tool_model_unchanged() -> None:
    schema = function_tool(numpy_style)
    assert Tool.from_dict(schema).to_dict() == schema


def test_a_call_is_validated_and_converted_before_the_function_runs() -> None:
    tools = Tools(numpy_style, google)
    call = ToolCall.from_dict(
        {
            "function": {
                "name": "numpy_style",
                "arguments": {
                    "unit": "celsius",
                    "where": {"lat": "1.5", "lon": 2},
                    "when": {"start": "a", "end": "b"},
                    "filters": {"tags": ["x"]},
                    "box": {"width": 3},
                },
            }
        }
    )
    result = tools.call(call)
    assert result["unit"] is Unit.CELSIUS
    assert result["where"] == Point(1.5, 2.0)
    assert result["filters"] == Filters(tags=["x"], limit=5)
    assert result["box"] == Box(width=3, height=1)


def test_bad_arguments_and_unknown_functions_raise_before_anything_runs() -> None:
    ran: list[int] = []

    def add(a: int, b: int) -> int:
        ran.append(1)
        return a + b

    tools = Tools(add)
    with pytest.raises(ToolCallError, match=r"tool add: bad arguments .*b: ") as caught:
        tools.call({"function": {"name": "add", "arguments": {"a": 1, "b": "many"}}})
    assert caught.value.name == "add" and caught.value.arguments == {"a": 1, "b": "many"}
    with pytest.raises(ToolCallError, match="Extra inputs"):
        tools.call({"function": {"name": "add", "arguments": {"a": 1, "b": 2, "c": 3}}})
    with pytest.raises(ToolCallError, match="'sub', which is not a tool here"):
        tools.call({"function": {"name": "sub", "arguments": {}}})
    assert ran == []


def test_results_runs_every_call_and_builds_the_tool_messages() -> None:
    def add(a: int, b: int) -> int:
        return a + b

    tools = Tools(add)
    message = Message.from_dict(
        {
            "role": "assistant",
            "content": "",
            "tool_calls": [
                {"id": "call_1", "function": {"name": "add", "arguments": {"a": 1, "b": 2}}},
                {"function": {"name": "add", "arguments": {"a": "3", "b": 4}}},
            ],
        }
    )
    replies = tools.results(message)
    assert [r.to_dict() for r in replies] == [
        {"role": "tool", "content": "3", "tool_name": "add", "tool_call_id": "call_1"},
        {"role": "tool", "content": "7", "tool_name": "add"},
    ]
    assert tools.results(Message.from_dict({"role": "assistant", "content": "no calls"})) == []


def test_results_accepts_the_official_clients_message() -> None:
    import ollama

    def add(a: int, b: int) -> int:
        return a + b

    message = ollama.Message(
        role="assistant",
        tool_calls=[
            ollama.Message.ToolCall(function=ollama.Message.ToolCall.Function(name="add", arguments={"a": 2, "b": 2}))
        ],
    )
    assert [r.content for r in Tools(add).results(message)] == ["4"]


def test_tool_message_sends_non_text_results_as_json() -> None:
    assert tool_message("f", Point(1, 2)).content == '{"lat":1,"lon":2}'
    assert tool_message("f", "plain").content == "plain"


def test_tools_is_a_sequence_of_generated_tools() -> None:
    tools = Tools(google, rest_style)
    assert len(tools) == 2 and isinstance(tools[0], Tool)
    assert [t.function.name for t in tools] == ["google", "rest_style"]
    assert tools.schemas[1] == function_tool(rest_style)


def test_refuses_what_cannot_be_described() -> None:
    def star(*args: int) -> None: ...

    with pytest.raises(TypeError, match=r"\*args"):
        function_tool(star)
    with pytest.raises(ValueError, match="same name"):
        Tools(google, google)


STRINGLY = """
from __future__ import annotations
from typing import Literal

def pick(colour: Literal["red", "green"], count: int = 1) -> str:
    \"\"\"Pick a colour.

    Args:
        colour: Which colour.
        count: How many.
    \"\"\"
    return colour * count
"""


def test_string_annotations_work_where_the_official_client_raises() -> None:
    namespace: dict[str, Any] = {}
    exec(compile(STRINGLY, "stringly.py", "exec"), namespace)
    pick = namespace["pick"]
    assert function_tool(pick)["function"]["parameters"]["properties"]["colour"]["enum"] == ["red", "green"]
    with pytest.raises(pydantic.PydanticUserError, match="not fully defined"):
        convert_function_to_tool(pick)
