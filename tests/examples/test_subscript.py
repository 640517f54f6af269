"""Dict-style access on the generated models, as code written for the official client uses it, typed for mypy."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from ollama_api.models import ChatResponse, Message, ToolParameters

ANSWER = {
    "model": "m",
    "created_at": "2024-01-01T00:00:00Z",
    "message": {
        "role": "assistant",
        "content": "hi",
        "tool_calls": [{"function": {"name": "f", "arguments": {"a": 1}}}],
    },
    "done": True,
    "surprise": "kept",
}


def test_subscripts_read_what_attributes_read() -> None:
    answer = ChatResponse.from_dict(ANSWER)
    assert answer["message"]["content"] == answer.message.content == "hi"
    assert answer["message"]["tool_calls"][0]["function"]["arguments"]["a"] == 1
    assert answer["surprise"] == "kept"  # an additional property, reachable the same way


def test_unset_is_missing_as_in_the_official_client() -> None:
    answer = ChatResponse.from_dict(ANSWER)
    assert "done_reason" not in answer and "message" in answer
    with pytest.raises(KeyError, match="done_reason"):
        answer["done_reason"]
    assert answer.get("done_reason", "none") == "none"
    assert answer["message"].get("thinking") is None
    assert set(answer.keys()) == {"model", "created_at", "message", "done", "surprise"}
    assert dict(Message(role="user", content="x")) == {"role": "user", "content": "x"}


def test_keys_are_wire_names_and_assignment_works() -> None:
    params = ToolParameters.from_dict({"type": "object", "$defs": {"A": {}}})
    assert params["type"] == "object" and params["$defs"] == {"A": {}}
    message = Message(role="user")
    message["content"] = "set"
    assert message.content == "set"
    message["no_such_field"] = 1  # Message allows additional properties, so this is one
    assert message.additional_properties == {"no_such_field": 1}


def test_mypy_knows_the_type_of_each_key(tmp_path: Path) -> None:
    program = tmp_path / "typed.py"
    program.write_text(
        textwrap.dedent(
            """
            from ollama_api.models import ChatResponse

            def content(answer: ChatResponse) -> str:
                return answer["message"]["content"]

            def wrong(answer: ChatResponse) -> int:
                return answer["message"]["content"]

            def deep(answer: ChatResponse) -> str:
                return answer["message"]["tool_calls"][0]["function"]["name"]
            """
        )
    )
    root = Path(__file__).parents[2]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--config-file",
            str(root / "pyproject.toml"),
            str(program),
        ],
        capture_output=True,
        text=True,
        cwd=root,
    )
    lines = [line for line in result.stdout.splitlines() if "error:" in line]
    assert len(lines) == 1, result.stdout
    assert 'typed.py:8: error: Incompatible return value type (got "str", expected "int")' in lines[0]
