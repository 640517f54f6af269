"""`prepare`: paths, functions and classes in a request body become what the wire takes."""

from __future__ import annotations

import base64
from pathlib import Path

import pydantic
from ollama_api.models import Message

from ollama_contract.helpers import format_schema, function_tool, prepare

PNG = b"\x89PNG\r\n\x1a\n not really"


class Pet(pydantic.BaseModel):
    name: str


def add(a: int, b: int) -> int:
    """Add two numbers."""
    return a + b


def test_images_tools_and_format_are_made_plain(tmp_path: Path) -> None:
    path = tmp_path / "cat.png"
    path.write_bytes(PNG)
    encoded = base64.b64encode(PNG).decode()
    schema = {"type": "function", "function": {"name": "sub", "parameters": {"type": "object", "properties": {}}}}
    body = {
        "model": "m",
        "images": str(path),
        "messages": [{"role": "user", "content": "hi", "images": [path, PNG]}, {"role": "assistant", "content": "x"}],
        "tools": [add, schema],
        "format": Pet,
    }
    out = prepare(body)
    assert out["images"] == [encoded]
    assert out["messages"][0]["images"] == [encoded, encoded]
    assert out["messages"][1] is body["messages"][1]  # type: ignore[index]
    assert out["tools"] == [function_tool(add), schema]
    assert out["format"] == format_schema(Pet)
    assert body["images"] == str(path)  # the caller's body is left as it was


def test_a_generated_message_is_copied_not_changed(tmp_path: Path) -> None:
    path = tmp_path / "cat.png"
    path.write_bytes(PNG)
    message = Message(role="user", content="look", images=[str(path)])
    [sent] = prepare({"messages": [message]})["messages"]
    assert sent == {"role": "user", "content": "look", "images": [base64.b64encode(PNG).decode()]}
    assert message.images == [str(path)]


def test_plain_values_pass_unchanged() -> None:
    body = {"model": "m", "format": "json", "messages": [{"role": "user", "content": "hi"}]}
    assert prepare(body) == body
    assert prepare({"format": {"type": "object"}})["format"] == {"type": "object"}
