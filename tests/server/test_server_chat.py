"""`/api/chat`: conversations, tools, thinking, images and structured output, deterministic as generate is."""

from __future__ import annotations

import base64
import json
import re
from typing import Any

import jsonschema
import pytest
from kit import Wire, error_of, lines
from ollama_api import Client
from ollama_api.api.inference import chat
from ollama_api.models import ChatRequest, ChatResponse

import ollama_contract as oc

WEATHER = {
    "type": "function",
    "function": {
        "name": "get_current_weather",
        "description": "Get the current weather for a location",
        "parameters": {
            "type": "object",
            "properties": {
                "location": {
                    "type": "string",
                    "description": "The location to get the weather for, e.g. San Francisco, CA",
                },
                "format": {"type": "string", "description": "celsius or fahrenheit", "enum": ["celsius", "fahrenheit"]},
                "days": {"type": "integer", "minimum": 1, "maximum": 7},
            },
            "required": ["location", "format"],
        },
    },
}
ADD = {
    "type": "function",
    "function": {
        "name": "add_numbers",
        "description": "Add two numbers together",
        "parameters": {
            "type": "object",
            "properties": {"a": {"type": "number"}, "b": {"type": "number"}},
            "required": ["a", "b"],
        },
    },
}
ASK_WEATHER = [{"role": "user", "content": "What is the weather today in Paris?"}]
PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n tiny").decode()


def talk(client: Client, **body: Any) -> ChatResponse:
    answer = chat.sync(client=client, body=ChatRequest.from_dict(body))
    assert isinstance(answer, ChatResponse)
    return answer


def say(text: str) -> list[dict[str, str]]:
    return [{"role": "user", "content": text}]


def test_conversation_is_deterministic(client: Client, wire: Wire) -> None:
    body = {"model": "llama3.2", "messages": say("Why is the sky blue?"), "options": {"seed": 42}}
    answer = talk(client, **body)
    assert answer.message.role == "assistant" and answer.message.content and answer.done_reason == "stop"
    assert talk(client, **body).message.content == answer.message.content
    streamed = oc.stream(client, chat, ChatRequest.from_dict(body)).result()
    assert streamed.text == answer.message.content and streamed.final.message.content == ""
    assert talk(client, **{**body, "options": {"seed": 43}}).message.content != answer.message.content
    history = [
        *say("Why is the sky blue?"),
        {"role": "assistant", "content": answer.message.content},
        *say("And at night?"),
    ]
    assert talk(client, **{**body, "messages": history}).message.content != answer.message.content
    raw = lines(wire.post("/api/chat", body))
    assert all(set(c) == {"model", "created_at", "message", "done"} for c in raw[:-1])
    assert raw[-1]["message"] == {"role": "assistant", "content": ""} and raw[-1]["eval_count"] == len(raw) - 1


def test_roles_are_lower_cased(wire: Wire) -> None:
    body = {"model": "llama3.2", "messages": [{"role": "USER", "content": "Hi"}], "_debug_render_only": True}
    rendered = wire.post("/api/chat", body).json()["_debug_info"]["rendered_template"]
    assert "<|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>" in rendered


def test_tool_calls_fit_the_parameters_schema(client: Client) -> None:
    for model in ("llama3.1", "qwen3", "mistral"):
        for seed in range(3):
            answer = talk(client, model=model, messages=ASK_WEATHER, tools=[ADD, WEATHER], options={"seed": seed})
            (call,) = answer.message.tool_calls
            assert call.function.name == "get_current_weather" and call.function.index == 0
            assert re.fullmatch(r"call_[a-z0-9]{8}", call.id)
            arguments = call.function.arguments.to_dict()
            jsonschema.validate(arguments, WEATHER["function"]["parameters"])
            assert arguments["location"] == "Paris"
            assert answer.message.content == "" and answer.done_reason == "stop"
    summed = talk(client, model="llama3.1", messages=say("Add 2 and 3"), tools=[WEATHER, ADD])
    assert summed.message.tool_calls[0].function.name == "add_numbers"
    jsonschema.validate(summed.message.tool_calls[0].function.arguments.to_dict(), ADD["function"]["parameters"])


def test_streamed_tool_calls_and_the_tool_result(client: Client, wire: Wire) -> None:
    chunks = lines(wire.post("/api/chat", {"model": "llama3.1", "messages": ASK_WEATHER, "tools": [WEATHER]}))
    calls = [c for c in chunks if c["message"].get("tool_calls")]
    assert len(calls) == 1 and calls[0]["message"]["content"] == "" and chunks[-1]["done"] is True
    call = calls[0]["message"]["tool_calls"][0]
    history = [
        *ASK_WEATHER,
        {"role": "assistant", "content": "", "tool_calls": [call]},
        {"role": "tool", "content": "22 degrees and sunny", "tool_name": "get_current_weather"},
    ]
    answer = talk(client, model="llama3.1", messages=history, tools=[WEATHER])
    assert "tool_calls" not in answer.message and answer.message.tool_calls == []
    assert "22 degrees and sunny" in answer.message.content
    # Arguments must be a JSON object, not a string as OpenAI sends them.
    bad = [
        *ASK_WEATHER,
        {"role": "assistant", "content": "", "tool_calls": [{"function": {"name": "f", "arguments": "{}"}}]},
    ]
    message = error_of(wire.post("/api/chat", {"model": "llama3.1", "messages": bad}), 400)
    assert message.startswith("json: cannot unmarshal string into Go struct field")


def test_tools_need_the_capability(wire: Wire) -> None:
    for model in ("llava", "codellama:code"):
        response = wire.post("/api/chat", {"model": model, "messages": ASK_WEATHER, "tools": [WEATHER]})
        name = model if ":" in model else f"{model}:latest"
        assert error_of(response, 400) == f"registry.ollama.ai/library/{name} does not support tools"


def test_thinking(client: Client, wire: Wire) -> None:
    answer = talk(client, model="qwen3", messages=say("Why is the sky blue?"))
    assert answer.message.thinking and answer.message.content
    assert "thinking" not in talk(client, model="qwen3", messages=say("Hi"), think=False).message
    streamed = oc.stream(client, chat, ChatRequest.from_dict({"model": "deepseek-r1", "messages": say("Hi")}))
    with pytest.raises(oc.ModelNotFoundError):
        streamed.result()  # not installed by default
    result = oc.stream(client, chat, ChatRequest.from_dict({"model": "qwen3", "messages": say("Hi")})).result()
    assert result.thinking and result.text
    message = error_of(wire.post("/api/chat", {"model": "mistral", "messages": say("x"), "think": "low"}), 400)
    assert message == '"mistral" does not support thinking'


def test_images(client: Client, wire: Wire) -> None:
    seen = talk(client, model="llava", messages=[{"role": "user", "content": "What is this?", "images": [PNG]}])
    assert seen.message.content
    refused = wire.post(
        "/api/chat", {"model": "llama3.2", "messages": [{"role": "user", "content": "x", "images": [PNG]}]}
    )
    assert "does not support multimodal" in error_of(refused, 400)
    padded = wire.post(
        "/api/chat", {"model": "llava", "messages": [{"role": "user", "content": "x", "images": ["abc"]}]}
    )
    assert error_of(padded, 400) == "illegal base64 data at input byte 0"


def test_structured_output(client: Client) -> None:
    schema = {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "capital": {"type": "string"},
            "languages": {"type": "array", "items": {"type": "string"}},
        },
        "required": ["name", "capital", "languages"],
    }
    answer = talk(client, model="llama3.2", messages=say("Tell me about Canada."), format=schema)
    jsonschema.validate(json.loads(answer.message.content), schema)
    assert isinstance(
        json.loads(talk(client, model="llama3.2", messages=say("Hi"), format="json").message.content), dict
    )


def test_logprobs_and_limits(client: Client) -> None:
    body = {"model": "llama3.2", "messages": say("Tell me about llamas"), "options": {"seed": 1, "num_predict": 5}}
    answer = talk(client, **body, logprobs=True, top_logprobs=2)
    assert answer.done_reason == "length" and answer.eval_count == 5
    assert "".join(lp.token for lp in answer.logprobs) == answer.message.content
    assert all(len(lp.top_logprobs) == 2 for lp in answer.logprobs)


def test_load_and_unload(wire: Wire) -> None:
    loaded = wire.post("/api/chat", {"model": "qwen3", "messages": []})
    assert loaded.json()["message"] == {"role": "assistant", "content": ""} and loaded.json()["done_reason"] == "load"
    assert "qwen3:latest" in [m["name"] for m in wire.get("/api/ps").json()["models"]]
    unloaded = wire.post("/api/chat", {"model": "qwen3", "keep_alive": "0s"})
    assert unloaded.json()["done_reason"] == "unload"
    assert "qwen3:latest" not in [m["name"] for m in wire.get("/api/ps").json()["models"]]


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"messages": say("x")}, 400, "model is required"),
        ({"model": "", "messages": say("x")}, 400, "model is required"),
        ({"model": "nope", "messages": say("x")}, 404, "model 'nope' not found"),
        ({"model": "bad/name/x/y", "messages": say("x")}, 400, "invalid model name"),
        ({"model": "nomic-embed-text", "messages": say("x")}, 400, '"nomic-embed-text" does not support chat'),
        ({"model": "mistral", "messages": say("x"), "top_logprobs": 30}, 400, "top_logprobs must be between 0 and 20"),
        ({"model": "mistral", "messages": say("x"), "keep_alive": True}, 400, "Unsupported type: 'bool'"),
        (
            {"model": "mistral", "messages": "hi"},
            400,
            "json: cannot unmarshal string into Go struct field ChatRequest.messages of type []api.Message",
        ),
    ],
)
def test_errors(wire: Wire, body: dict[str, Any], status: int, message: str) -> None:
    assert error_of(wire.post("/api/chat", body), status) == message
