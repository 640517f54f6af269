"""codegen/answers.py: which answer fields the generated models type without Unset, from x-go-absent."""

from __future__ import annotations

import runpy
from pathlib import Path
from typing import Any

import ollama_api.models as models
from ollama_api.types import Unset

answer_view = runpy.run_path(str(Path(__file__).parents[2] / "codegen" / "answers.py"))["answer_view"]


def doc(properties: dict[str, Any]) -> dict[str, Any]:
    extra = {"Inner": {"type": "object", "properties": {"n": {"type": "integer", "x-go-absent": "zero"}}}}
    return {"components": {"schemas": {"Answer": {"type": "object", "properties": properties}, **extra}}}


def test_zero_fields_become_required_and_lose_null() -> None:
    view = answer_view(
        doc(
            {
                "count": {"type": "integer", "x-go-absent": "zero"},
                "tags": {
                    "anyOf": [{"type": "array", "items": {"type": "string"}}, {"type": "null"}],
                    "x-go-absent": "zero",
                },
                "inner": {"$ref": "#/components/schemas/Inner", "x-go-absent": "zero"},
                "when": {"type": "string", "format": "date-time", "x-go-absent": "zero", "x-always-since": "0.1.0"},
                "debug": {"$ref": "#/components/schemas/Inner", "x-go-absent": "nil", "description": "Debug."},
                "either": {"anyOf": [{"type": "string"}, {"type": "integer"}], "x-go-absent": "zero"},
                "plain": {"type": "string"},
            }
        )
    )
    schema = view["components"]["schemas"]["Answer"]
    assert schema["required"] == ["count", "tags", "inner", "when"]
    assert schema["properties"]["tags"]["type"] == "array"  # the null alternative is gone
    assert schema["x-answer"] == {
        "zero": {"count": "int", "tags": "list", "inner": "model", "when": "time"},
        "omit": ["count", "tags"],  # not always sent, and not a struct or a time: Go's omitempty
        "nulls": ["tags"],
        "times": ["when"],
    }
    assert "UNSET" in schema["properties"]["debug"]["description"]  # a pointer: says it may be absent
    assert "either" not in schema["required"] and "plain" not in schema["required"]


def test_the_generated_models_follow_the_spec() -> None:
    """On the real spec: the fields every program reads are typed without Unset; a pointer's is not."""
    chunk = models.GenerateResponse.from_dict({"model": "m", "created_at": "2025-01-01T00:00:00Z"})
    assert chunk.done is False and chunk.response == "" and chunk.context == []
    assert isinstance(chunk.field_debug_info, Unset)
    listed = models.ListResponse.from_dict({})
    assert listed.models == []
    call = models.ToolCall.from_dict({"function": {"name": "f"}})
    assert call.function.arguments == {} and isinstance(call.function.arguments, dict)
