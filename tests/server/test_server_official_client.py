"""The official `ollama` Python client against the reference server: every call it offers works.

Each response it receives is also checked against the spec, by an httpx response hook.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import ollama
import pytest
from kit import check, make_gguf

from ollama_contract.server import running_server


def _checked(response: httpx.Response) -> None:
    response.read()
    check(response)


def _achecked(response: httpx.Response) -> Any:
    async def run() -> None:
        await response.aread()
        check(response)

    return run()


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with running_server(models=["mistral", "qwen3", "llava", "all-minilm", "codellama:code"]) as base:
        yield base


@pytest.fixture(scope="module")
def api(url: str) -> Iterator[ollama.Client]:
    client = ollama.Client(host=url, event_hooks={"response": [_checked]})
    yield client
    client.close()


def test_generate(api: ollama.Client) -> None:
    answer = api.generate(model="mistral", prompt="Why is the sky blue?", options={"seed": 123})
    assert answer.done and answer.done_reason == "stop" and answer.response
    assert answer.eval_count and answer.total_duration and answer.context
    chunks = list(api.generate(model="mistral", prompt="Why is the sky blue?", options={"seed": 123}, stream=True))
    assert "".join(c.response for c in chunks) == answer.response and chunks[-1].done
    assert api.generate(model="qwen3", prompt="Hi", think=True).thinking
    code = api.generate(model="codellama:code", prompt="def gcd(a, b):", suffix="    return a")
    assert code.response
    looked = api.generate(model="llava", prompt="What is this?", images=[b"\x89PNG not really"])
    assert looked.response
    structured = api.generate(
        model="mistral",
        prompt="Paris?",
        format={"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    )
    jsonschema.validate(json.loads(structured.response), {"required": ["city"]})
    probed = api.generate(model="mistral", prompt="Hi", logprobs=True, top_logprobs=2)
    assert probed.logprobs and len(probed.logprobs[0].top_logprobs) == 2
    assert api.generate(model="mistral").done_reason == "load"
    assert api.generate(model="mistral", keep_alive=0).done_reason == "unload"


def test_chat(api: ollama.Client) -> None:
    messages = [{"role": "user", "content": "What is the weather in Paris?"}]
    answer = api.chat(model="mistral", messages=messages, options={"seed": 2})
    assert answer.message.role == "assistant" and answer.message.content
    streamed = list(api.chat(model="mistral", messages=messages, options={"seed": 2}, stream=True))
    assert "".join(c.message.content or "" for c in streamed) == answer.message.content

    def get_weather(city: str) -> str:
        """Get the current weather for a city.

        Args:
          city: The name of the city
        """
        return "sunny"

    called = api.chat(model="qwen3", messages=messages, tools=[get_weather])
    (call,) = called.message.tool_calls or []
    assert call.function.name == "get_weather" and call.function.arguments == {"city": "Paris"}
    assert called.message.thinking
    with pytest.raises(ollama.ResponseError) as caught:
        api.chat(model="llava", messages=messages, tools=[get_weather])
    assert caught.value.status_code == 400 and caught.value.error.endswith("does not support tools")


def test_embed_and_embeddings(api: ollama.Client) -> None:
    answer = api.embed(model="all-minilm", input=["first", "second"], dimensions=32)
    assert len(answer.embeddings) == 2 and all(len(v) == 32 for v in answer.embeddings)
    legacy = api.embeddings(model="all-minilm", prompt="first")
    assert len(legacy.embedding) == 384


def test_the_model_store(api: ollama.Client, tmp_path: Path) -> None:
    assert "mistral:latest" in [m.model for m in api.list().models]
    shown = api.show("mistral")
    assert shown.modelinfo and shown.modelinfo["general.architecture"] == "llama"
    assert shown.details and shown.details.family == "llama" and "tools" in (shown.capabilities or [])
    assert api.copy("mistral", "mistral-copy").status == "success"
    assert api.delete("mistral-copy").status == "success"
    with pytest.raises(ollama.ResponseError) as caught:
        api.delete("mistral-copy")
    assert caught.value.status_code == 404
    api.generate(model="mistral", keep_alive="5m")
    assert "mistral:latest" in [m.model for m in api.ps().models]


def test_pull_push_create(api: ollama.Client, tmp_path: Path) -> None:
    assert api.pull("tinyllama").status == "success"
    progress = list(api.pull("tinyllama", stream=True))
    assert progress[0].status == "pulling manifest" and progress[-1].status == "success"
    created = api.create(
        model="me/pirate", from_="mistral", system="Talk like a pirate.", parameters={"temperature": 0.1}
    )
    assert created.status == "success" and "\nSYSTEM Talk like a pirate.\n" in (api.show("me/pirate").modelfile or "")
    assert [p.status for p in api.push("me/pirate", stream=True)][-1] == "success"
    assert api.push("me/pirate").status == "success"
    path = tmp_path / "tiny.gguf"
    # Every key llama.cpp's loader requires: Ollama refuses a file llama-quantize cannot load.
    kv = [("llama.context_length", 1024), ("llama.embedding_length", 32), ("llama.block_count", 1)]
    make_gguf(path, "llama", [*kv, ("llama.attention.layer_norm_rms_epsilon", 1e-5)])
    digest = api.create_blob(path)
    assert digest.startswith("sha256:") and api.create_blob(path) == digest  # the second upload is a 200
    made = list(api.create(model="from-file", files={"tiny.gguf": digest}, stream=True))
    assert made[0].status == "parsing GGUF" and made[-1].status == "success"
    assert api.show("from-file").modelinfo["llama.context_length"] == 1024
    with pytest.raises(ollama.ResponseError) as caught:
        api.pull("no-such-model")
    assert caught.value.status_code == 500 and "file does not exist" in caught.value.error


def test_errors_arrive_as_response_errors(api: ollama.Client) -> None:
    with pytest.raises(ollama.ResponseError) as caught:
        api.generate(model="nope", prompt="x")
    assert (caught.value.status_code, caught.value.error) == (404, "model 'nope' not found")
    with pytest.raises(ollama.ResponseError) as caught:
        list(api.generate(model="nope", prompt="x", stream=True))
    assert caught.value.status_code == 404
    with pytest.raises(ollama.ResponseError) as caught:
        api.show("nope")
    assert caught.value.error == "model 'nope:latest' not found"


@pytest.mark.anyio
async def test_async_client(url: str) -> None:
    api = ollama.AsyncClient(host=url, event_hooks={"response": [_achecked]})
    answer = await api.generate(model="mistral", prompt="Why is the sky blue?", options={"seed": 123})
    parts = [
        c.response
        async for c in await api.generate(
            model="mistral", prompt="Why is the sky blue?", options={"seed": 123}, stream=True
        )
    ]
    assert "".join(parts) == answer.response
    chat = await api.chat(model="mistral", messages=[{"role": "user", "content": "Hi"}])
    assert chat.message.content
    assert (await api.embed(model="all-minilm", input="hi")).embeddings
    assert [m.model for m in (await api.list()).models]
    await api.close()


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
