"""`/api/generate`: a deterministic model, Ollama's options and checks, and the shape of its answers."""

from __future__ import annotations

import base64
import json
import re
from typing import Any

import jsonschema
import pytest
from kit import Wire, error_of, lines
from ollama_api import Client
from ollama_api.api.inference import generate
from ollama_api.models import GenerateRequest, GenerateResponse

import ollama_contract as oc
from ollama_contract.server import running_server

SEED_EXAMPLE = {"model": "mistral", "prompt": "Why is the sky blue?", "options": {"seed": 123}}
CREATED = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d*[1-9])?Z$")
PNG = base64.b64encode(bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108020000009077")).decode()


def ask(client: Client, **body: Any) -> GenerateResponse:
    answer = generate.sync(client=client, body=GenerateRequest.from_dict(body))
    assert isinstance(answer, GenerateResponse)
    return answer


def text(client: Client, **body: Any) -> str:
    return ask(client, **body).response


def test_the_docs_seed_example_is_reproducible(url: str, client: Client, wire: Wire) -> None:
    first = oc.stream(client, generate, GenerateRequest.from_dict(SEED_EXAMPLE)).result()
    again = oc.stream(client, generate, GenerateRequest.from_dict(SEED_EXAMPLE)).result()
    assert first.text == again.text and len(first.text.split()) > 5
    assert first.final.done and first.final.done_reason == "stop"
    # Streamed or not, raw JSON or the typed client, on this server or a fresh one: the same text.
    assert text(client, **SEED_EXAMPLE) == first.text
    streamed = lines(wire.post("/api/generate", SEED_EXAMPLE))
    assert "".join(line["response"] for line in streamed) == first.text
    with running_server(models=["mistral"]) as other, oc.create_client(other, retries=0) as fresh:
        assert text(fresh, **SEED_EXAMPLE) == first.text


def test_seed_and_temperature(client: Client) -> None:
    prompt = "Why is the sky blue?"
    a = text(client, model="llama3.2", prompt=prompt, options={"seed": 1})
    b = text(client, model="llama3.2", prompt=prompt, options={"seed": 2})
    assert a != b
    assert text(client, model="llama3.2", prompt=prompt, options={"seed": 1}) == a
    cold = [text(client, model="llama3.2", prompt=prompt, options={"seed": s, "temperature": 0}) for s in (1, 2, 99)]
    assert cold[0] == cold[1] == cold[2]
    # Another prompt or another model is another answer.
    assert text(client, model="llama3.2", prompt="Why is grass green?", options={"seed": 1}) != a
    assert text(client, model="mistral", prompt=prompt, options={"seed": 1}) != a


def test_the_model_name_is_echoed_as_spelled(client: Client) -> None:
    for spelled in ("MISTRAL", "mistral:latest", "registry.ollama.ai/library/Mistral"):
        assert ask(client, model=spelled, prompt="Hi", options={"num_predict": 2}).model == spelled


def test_streamed_chunks(wire: Wire) -> None:
    response = wire.post("/api/generate", {"model": "llama3.2", "prompt": "Hello", "options": {"seed": 5}})
    assert response.headers["content-type"] == "application/x-ndjson"
    chunks = lines(response)
    *pieces, final = chunks
    assert pieces and all(c["done"] is False and c["model"] == "llama3.2" for c in pieces)
    assert all(set(c) == {"model", "created_at", "response", "done"} for c in pieces)
    assert final["done"] is True and final["response"] == "" and final["done_reason"] == "stop"
    assert all(CREATED.match(c["created_at"]) for c in chunks)
    for key in ("total_duration", "load_duration", "prompt_eval_duration", "eval_duration"):
        assert isinstance(final[key], int) and final[key] > 0
    assert final["total_duration"] >= final["load_duration"] + final["prompt_eval_duration"] + final["eval_duration"]
    assert final["eval_count"] == len(pieces) and final["prompt_eval_count"] > 0
    assert isinstance(final["context"], list) and all(isinstance(t, int) for t in final["context"])


def test_num_predict_and_stop(client: Client) -> None:
    base = {"model": "llama3.2", "prompt": "Tell me about llamas", "options": {"seed": 3}}
    full = ask(client, **base)
    short = ask(client, **{**base, "options": {"seed": 3, "num_predict": 4}})
    assert short.done_reason == "length" and short.eval_count == 4
    assert full.response.startswith(short.response) and len(short.response) < len(full.response)
    stream = oc.stream(client, generate, GenerateRequest.from_dict({**base, "options": {"seed": 3, "num_predict": 4}}))
    assert len([c for c in stream if not c.done]) == 4
    words = full.response.split()
    stop = " " + words[len(words) // 2]
    cut = ask(client, **{**base, "options": {"seed": 3, "stop": [stop, "never-said"]}})
    assert cut.done_reason == "stop" and cut.response == full.response[: full.response.index(stop)]
    at_once = ask(client, **{**base, "options": {"seed": 3, "stop": [full.response[:3]]}})
    assert (at_once.response, at_once.done_reason) == ("", "stop")
    # Ollama reads 0 (and a fraction Go cuts to 0) as "no limit": the model's own length.
    assert ask(client, **{**base, "options": {"seed": 3, "num_predict": 0}}).response == full.response


def test_format_json_and_schema(client: Client) -> None:
    value = json.loads(text(client, model="llama3.2", prompt="Describe the sky as JSON", format="json"))
    assert isinstance(value, dict) and value
    schema = {
        "type": "object",
        "properties": {
            "city": {"type": "string", "minLength": 2},
            "population": {"type": "integer", "minimum": 1, "maximum": 50},
            "kind": {"enum": ["capital", "village"]},
            "sights": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}}}},
            "ratio": {"type": "number", "minimum": 0, "maximum": 1},
            "coastal": {"type": "boolean"},
        },
        "required": ["city", "population", "kind", "sights"],
    }
    seen = set()
    for seed in range(6):
        answer = text(client, model="llama3.2", prompt="Tell me about Paris", format=schema, options={"seed": seed})
        instance = json.loads(answer)
        jsonschema.validate(instance, schema)
        seen.add(json.dumps(instance, sort_keys=True))
    assert len(seen) > 1  # the seed still matters


def test_thinking(client: Client, wire: Wire) -> None:
    thought = ask(client, model="qwen3", prompt="Why is the sky blue?", think=True)
    assert thought.thinking and thought.response
    assert ask(client, model="qwen3", prompt="Why is the sky blue?").thinking  # the default for a thinking model
    assert ask(client, model="qwen3", prompt="Why is the sky blue?", think="high").thinking
    quiet = ask(client, model="qwen3", prompt="Why is the sky blue?", think=False)
    assert "thinking" not in quiet and quiet.response
    streamed = oc.stream(client, generate, GenerateRequest.from_dict({"model": "qwen3", "prompt": "Hi", "think": True}))
    assert streamed.result().thinking
    assert error_of(wire.post("/api/generate", {"model": "mistral", "prompt": "x", "think": True}), 400) == (
        '"mistral" does not support thinking'
    )
    assert ask(client, model="mistral", prompt="x", think=False).response
    message = error_of(wire.post("/api/generate", {"model": "qwen3", "prompt": "x", "think": "deep"}), 400)
    assert message == 'invalid think value: "deep" (must be "high", "medium", "low", "max", true, or false)'


def test_images(client: Client, wire: Wire) -> None:
    seen = ask(client, model="llava", prompt="What is in this picture?", images=[PNG])
    assert "image" in seen.response.lower() or "picture" in seen.response.lower()
    refused = error_of(wire.post("/api/generate", {"model": "mistral", "prompt": "x", "images": [PNG]}), 400)
    assert json.loads(refused)["error"]["message"].startswith("Multimodal data provided")
    for bad, where in (("data:image/png;base64," + PNG, 4), ("aGk", 0), ("aGVsbG8", 4), ("a-b_", 1)):
        message = error_of(wire.post("/api/generate", {"model": "llava", "prompt": "x", "images": [bad]}), 400)
        assert message == f"illegal base64 data at input byte {where}"


def test_suffix_needs_insert(client: Client, wire: Wire) -> None:
    code = ask(client, model="codellama:code", prompt="def gcd(a, b):", suffix="    return a")
    assert code.response and code.done_reason in ("stop", "length")
    message = error_of(wire.post("/api/generate", {"model": "mistral", "prompt": "x", "suffix": "y"}), 400)
    assert message == "registry.ollama.ai/library/mistral:latest does not support insert"


def test_raw_and_templates(client: Client, wire: Wire) -> None:
    raw = ask(client, model="mistral", prompt="[INST] hi [/INST]", raw=True)
    assert raw.response and "context" not in raw  # raw mode returns no context
    for extra in ({"system": "s"}, {"template": "{{ .Prompt }}"}, {"context": [1, 2]}):
        body = {"model": "mistral", "prompt": "x", "raw": True, **extra}
        assert (
            error_of(wire.post("/api/generate", body), 400) == "raw mode does not support template, system, or context"
        )
    debug = wire.post(
        "/api/generate", {"model": "mistral", "prompt": "hi", "system": "Be kind.", "_debug_render_only": True}
    )
    assert debug.json()["_debug_info"]["rendered_template"] == "[INST] Be kind.\n\nhi[/INST]"
    custom = {"model": "mistral", "prompt": "hi", "template": "Q: {{ .Prompt }} A:", "_debug_render_only": True}
    assert wire.post("/api/generate", custom).json()["_debug_info"]["rendered_template"] == "Q: hi A:"
    broken = wire.post("/api/generate", {"model": "mistral", "prompt": "hi", "template": "{{ .Prompt "})
    assert broken.status_code == 500


def test_context_round_trip(client: Client, wire: Wire) -> None:
    first = ask(client, model="mistral", prompt="Why is the sky blue?", options={"seed": 1})
    assert first.context
    body = {"model": "mistral", "prompt": "And at sunset?", "context": first.context, "_debug_render_only": True}
    rendered = wire.post("/api/generate", body).json()["_debug_info"]["rendered_template"]
    assert rendered.startswith("[INST] Why is the sky blue?[/INST]" + first.response)
    assert rendered.endswith("[INST] And at sunset?[/INST]")
    follow = ask(client, model="mistral", prompt="And at sunset?", context=first.context, options={"seed": 1})
    alone = ask(client, model="mistral", prompt="And at sunset?", options={"seed": 1})
    assert follow.response != alone.response and len(follow.context) > len(first.context)


def test_logprobs(client: Client, wire: Wire) -> None:
    body = {"model": "llama3.2", "prompt": "Why is the sky blue?", "options": {"seed": 8}}
    plain = ask(client, **body)
    answer = ask(client, **body, logprobs=True, top_logprobs=3)
    assert answer.response == plain.response  # asking for logprobs never changes the text
    assert "".join(lp.token for lp in answer.logprobs) == answer.response
    assert len(answer.logprobs) == answer.eval_count
    for lp in answer.logprobs:
        assert lp.logprob <= 0 and bytes(lp.bytes_) == lp.token.encode()
        tops = lp.top_logprobs
        assert len(tops) == 3 and tops[0].token == lp.token
        assert [t.logprob for t in tops] == sorted((t.logprob for t in tops), reverse=True)
    streamed = lines(wire.post("/api/generate", {**body, "logprobs": True}))
    assert all(len(c["logprobs"]) == 1 and c["logprobs"][0]["token"] == c["response"] for c in streamed[:-1])
    assert "top_logprobs" not in streamed[0]["logprobs"][0]
    assert (
        error_of(wire.post("/api/generate", {**body, "top_logprobs": 21}), 400)
        == "top_logprobs must be between 0 and 20"
    )
    assert (
        error_of(wire.post("/api/generate", {"model": "nope", "top_logprobs": -1}), 400)
        == "top_logprobs must be between 0 and 20"
    )


def test_load_and_unload_answer_one_object(wire: Wire) -> None:
    for body, reason in (({"model": "mistral"}, "load"), ({"model": "mistral", "keep_alive": 0}, "unload")):
        response = wire.post("/api/generate", body)  # streaming was asked for (the default)
        assert response.headers["content-type"] == "application/json; charset=utf-8"
        answer = response.json()
        assert set(answer) == {"model", "created_at", "response", "done", "done_reason"}
        assert (answer["response"], answer["done"], answer["done_reason"]) == ("", True, reason)
    assert wire.post("/api/generate", {"model": "mistral", "keep_alive": "10"}).status_code == 400


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"model": "nope", "prompt": "x"}, 404, "model 'nope' not found"),
        ({"model": "", "prompt": "x"}, 404, "model '' not found"),
        ({"prompt": "x"}, 404, "model '' not found"),
        ({"model": "bad name", "prompt": "x"}, 400, "invalid model name"),
        ({"model": "all-minilm", "prompt": "x"}, 400, '"all-minilm" does not support generate'),
        (
            {"model": "mistral", "prompt": "x", "options": {"temperature": "hot"}},
            500,
            'option "temperature" must be of type float32',
        ),
        ({"model": "mistral", "prompt": "x", "options": {"stop": "\n"}}, 500, 'option "stop" must be of type array'),
        (
            {"model": "mistral", "prompt": "x", "format": "yaml"},
            500,
            'invalid format: "\\"yaml\\""; expected "json" or a valid JSON Schema object',
        ),
        (
            {"model": "mistral", "prompt": 3},
            400,
            "json: cannot unmarshal number into Go struct field GenerateRequest.prompt of type string",
        ),
    ],
)
def test_errors(wire: Wire, body: dict[str, Any], status: int, message: str) -> None:
    for stream in (True, False):
        assert error_of(wire.post("/api/generate", {**body, "stream": stream}), status) == message


def test_unknown_fields_and_options_are_ignored(client: Client, wire: Wire) -> None:
    body = {"model": "mistral", "prompt": "Hi", "options": {"seed": 4}, "stream": False}
    plain = wire.post("/api/generate", body).json()["response"]
    noisy = {**body, "options": {"seed": 4, "mirostat": 2, "penalize_newline": True}, "colour": "blue"}
    assert wire.post("/api/generate", noisy).json()["response"] == plain
