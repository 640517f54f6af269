"""`format=` from classes and schema dicts, and answers parsed back into them."""

from __future__ import annotations

import dataclasses
import json
from typing import Literal, TypedDict

import attrs
import pydantic
import pytest
from ollama_api.models import ChatResponse, GenerateResponse

from ollama_contract.helpers import FormatError, format_schema, parse_as


class Pet(pydantic.BaseModel):
    name: str
    species: Literal["cat", "dog"]


@dataclasses.dataclass
class Owner:
    name: str
    pets: list[Pet]


class Point(TypedDict):
    x: int
    y: int


@attrs.define
class Inner:
    size: int


@attrs.define
class Outer:
    label: str
    inner: Inner
    extras: list[Inner] = attrs.Factory(list)


def chat_answer(content: str) -> ChatResponse:
    return ChatResponse.from_dict(
        {
            "model": "m",
            "created_at": "2024-01-01T00:00:00Z",
            "message": {"role": "assistant", "content": content},
            "done": True,
        }
    )


def test_pydantic_model_schema_is_pydantics_own_without_refs() -> None:
    schema = format_schema(Owner)
    assert schema["required"] == ["name", "pets"]
    assert schema["properties"]["pets"]["items"]["properties"]["species"] == {"type": "string", "enum": ["cat", "dog"]}
    assert "$ref" not in json.dumps(schema)


@pytest.mark.parametrize(
    ("shape", "text", "expected"),
    [
        (Pet, '{"name": "Luna", "species": "cat"}', Pet(name="Luna", species="cat")),
        (
            Owner,
            '{"name": "Ann", "pets": [{"name": "Max", "species": "dog"}]}',
            Owner("Ann", [Pet(name="Max", species="dog")]),
        ),
        (Point, '{"x": 1, "y": "2"}', {"x": 1, "y": 2}),
        (Outer, '{"label": "a", "inner": {"size": 1}, "extras": [{"size": 2}]}', Outer("a", Inner(1), [Inner(2)])),
        (list[int], "[1, 2]", [1, 2]),
    ],
)
def test_the_answer_comes_back_as_the_type(shape: object, text: str, expected: object) -> None:
    assert parse_as(shape, chat_answer(text)) == expected  # type: ignore[call-overload]


def test_attrs_classes_get_a_schema_and_are_built_back() -> None:
    schema = format_schema(Outer)
    assert schema["properties"]["inner"] == {
        "type": "object",
        "properties": {"size": {"type": "integer"}},
        "required": ["size"],
    }
    assert schema["required"] == ["label", "inner"]
    value = parse_as(Outer, '{"label": "a", "inner": {"size": 1}}')
    assert type(value) is Outer and type(value.inner) is Inner


def test_answers_of_every_kind_are_read() -> None:
    text = '{"name": "Luna", "species": "cat"}'
    generate = GenerateResponse.from_dict(
        {"model": "m", "created_at": "2024-01-01T00:00:00Z", "response": text, "done": True}
    )
    for answer in (
        text,
        text.encode(),
        chat_answer(text),
        chat_answer(text).message,
        generate,
        {"message": {"content": text}},
    ):
        assert parse_as(Pet, answer).name == "Luna"


def test_a_wrong_answer_raises_with_the_text() -> None:
    with pytest.raises(FormatError, match="not a valid Pet") as caught:
        parse_as(Pet, chat_answer('{"name": "Luna", "species": "fish"}'))
    assert "fish" in caught.value.text


def test_schema_dicts_are_checked_then_used() -> None:
    schema = {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]}
    assert format_schema(schema) == schema
    assert parse_as(schema, '{"n": 3}') == {"n": 3}
    with pytest.raises(FormatError, match="breaks the format at n"):
        parse_as(schema, '{"n": "three"}')
    with pytest.raises(FormatError, match="not JSON"):
        parse_as(schema, "three")
    with pytest.raises(Exception, match=r"is not valid under any of the given schemas|is not of type"):
        format_schema({"type": "objekt"})
