"""The client object against the reference server on loopback: every method, sync and async.

`call` runs a method on `Ollama` or, in the async case, awaits it on `AsyncOllama` (a stream is
read to the end there, so both give lists of items): each test runs both ways.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from ollama_api._methods import default
from ollama_api.models import (
    ChatResponse,
    EmbeddingsResponse,
    EmbedResponse,
    GenerateResponse,
    ListResponse,
    Message,
    Options,
    ProgressResponse,
    PsResponse,
    ShowResponse,
    StatusResponse,
    VersionResponse,
)

import ollama_contract as oc
from ollama_contract.server import running_server

Call = Callable[..., Any]


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with running_server() as base:
        yield base


@pytest.fixture(params=["sync", "async"])
def call(request: pytest.FixtureRequest, url: str) -> Call:
    def sync(method: str, *args: Any, **kwargs: Any) -> Any:
        with oc.Ollama(url) as client:
            answer = getattr(client, method)(*args, **kwargs)
            return list(answer) if isinstance(answer, oc.Stream) else answer

    def in_loop(method: str, *args: Any, **kwargs: Any) -> Any:
        async def go() -> Any:
            async with oc.AsyncOllama(url) as client:
                answer = await getattr(client, method)(*args, **kwargs)
                return [item async for item in answer] if isinstance(answer, oc.AsyncStream) else answer

        return asyncio.run(go())

    return sync if request.param == "sync" else in_loop


SEED = {"model": "mistral", "prompt": "Why is the sky blue?", "options": {"seed": 123}}


def test_server_facts(call: Call) -> None:
    assert call("heartbeat") == "Ollama is running"
    version = call("version")
    assert type(version) is VersionResponse and version.version
    assert type(call("status")) is StatusResponse


def test_generate_is_reproducible_with_a_seed_and_options_as_dict_or_model(call: Call) -> None:
    first = call("generate", **SEED)
    again = call("generate", "mistral", "Why is the sky blue?", options=Options(seed=123))
    other = call("generate", "mistral", "Why is the sky blue?", options={"seed": 124})
    assert type(first) is GenerateResponse and first.done is True
    assert first.text == first.response == again.response != other.response


def test_generate_streams_typed_chunks_whose_text_joins_to_the_answer(call: Call) -> None:
    chunks = call("generate", **SEED, stream=True)
    assert all(type(c) is GenerateResponse for c in chunks) and len(chunks) > 2
    assert chunks[-1].done is True and not any(c.done for c in chunks[:-1])
    assert "".join(c.text for c in chunks) == call("generate", **SEED).response


def test_chat_takes_dicts_and_models_mixed_and_answers_a_chat_response(call: Call) -> None:
    history: list[Any] = [
        {"role": "system", "content": "Be brief."},
        Message(role="user", content="Why is the sky blue?"),
    ]
    answer = call("chat", "llama3.2", history, options={"seed": 1})
    assert type(answer) is ChatResponse and answer.message.role == "assistant" and answer.text
    streamed = call("chat", "llama3.2", history, options={"seed": 1}, stream=True)
    assert all(type(c) is ChatResponse for c in streamed)
    assert "".join(c.text for c in streamed) == answer.text


def test_a_tool_call_and_its_result_sent_back_as_dicts(call: Call) -> None:
    tool = {
        "type": "function",
        "function": {
            "name": "get_weather",
            "description": "The weather in a city.",
            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
        },
    }
    question = {"role": "user", "content": "What is the weather in Paris?"}
    answer = call("chat", "llama3.2", [question], tools=[tool])
    calls = answer.message.tool_calls
    assert calls and calls[0].function.name == "get_weather"
    assert set(calls[0].function.arguments.additional_properties) == {"city"}
    result = {"role": "tool", "tool_name": "get_weather", "content": "sunny"}
    follow = call("chat", "llama3.2", [question, answer.message, result], tools=[tool])
    assert type(follow) is ChatResponse and follow.done


def test_embed_and_the_legacy_embeddings(call: Call) -> None:
    answer = call("embed", "all-minilm", ["the sky is blue", "the sea is blue", "a cat"])
    assert type(answer) is EmbedResponse and len(answer.embeddings) == 3 and len(answer.embeddings[0]) == 384
    legacy = call("embeddings", "all-minilm", "the sky is blue")
    assert type(legacy) is EmbeddingsResponse and len(legacy.embedding) == 384


def test_list_show_copy_delete_ps(call: Call, request: pytest.FixtureRequest) -> None:
    name = f"copy-{request.node.callspec.id}"
    models = call("list")
    assert type(models) is ListResponse and "mistral:latest" in {m.name for m in models.models}
    shown = call("show", "mistral")
    assert type(shown) is ShowResponse and shown.details.family == "llama"
    assert call("copy", "mistral", name) is None
    assert f"{name}:latest" in {m.name for m in call("list").models}
    assert call("delete", name) is None
    with pytest.raises(oc.ModelNotFoundError):
        call("show", name)
    call("generate", "mistral")  # an empty prompt loads the model
    running = call("ps")
    assert type(running) is PsResponse and "mistral:latest" in {m.name for m in running.models}


def test_create_pull_push_with_and_without_progress(call: Call, request: pytest.FixtureRequest) -> None:
    name = f"mario-{request.node.callspec.id}"
    done = call("create", name, from_="llama3.2", system="You are Mario.")
    assert type(done) is ProgressResponse and done.status == "success"
    steps = call("create", f"{name}-2", from_="llama3.2", stream=True)
    assert all(type(s) is ProgressResponse for s in steps) and steps[-1].status == "success"
    pulled = call("pull", "tinyllama", stream=True)
    assert pulled[-1].status == "success" and any(s.total for s in pulled)
    assert call("pull", "tinyllama").status == "success"
    assert call("push", name).status == "success"
    for model in (name, f"{name}-2"):
        call("delete", model)


def test_create_blob_from_bytes_a_path_or_a_file_and_blob_exists(call: Call, tmp_path: Path) -> None:
    data = b"a blob of the client object test " + tmp_path.name.encode()
    digest = f"sha256:{hashlib.sha256(data).hexdigest()}"
    assert call("blob_exists", digest) is False
    assert call("create_blob", data) == digest
    assert call("blob_exists", digest) is True
    path = tmp_path / "blob.bin"
    path.write_bytes(data + b" again")
    again = f"sha256:{hashlib.sha256(data + b' again').hexdigest()}"
    assert call("create_blob", str(path)) == again
    assert call("create_blob", path) == again  # already there: HEAD says so, nothing is sent
    assert call("create_blob", io.BytesIO(data + b" third")) == f"sha256:{hashlib.sha256(data + b' third').hexdigest()}"


def test_errors_are_typed(call: Call) -> None:
    with pytest.raises(oc.ModelNotFoundError) as caught:
        call("generate", "no-such-model", "Hi")
    assert caught.value.status == 404 and "not found" in (caught.value.message or "")
    with pytest.raises(oc.ModelNotFoundError):
        call("chat", "no-such-model", [{"role": "user", "content": "Hi"}], stream=True)
    with pytest.raises(oc.ContractViolation) as violation:
        call("generate", "", "Hi")  # strict: refused before anything is sent
    assert violation.value.pointer == "/model"
    with pytest.raises(oc.BadRequestError):
        call("generate", "mistral", "Hi", think=True)  # mistral does not think
    with pytest.raises(oc.ContractViolation):
        call("embed", "all-minilm", 42)  # not a string nor a list of strings


def test_an_unreachable_server_is_a_connection_error() -> None:
    with pytest.raises(oc.APIConnectionError), oc.Ollama("http://127.0.0.1:9", retries=0) as client:
        client.list()


def test_module_level_shortcuts_use_one_default_client(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OLLAMA_HOST", url)
    default.set_default(oc.Ollama)  # built again, now that OLLAMA_HOST is set
    try:
        assert oc.generate(**SEED).response == oc.generate(**SEED).response
        built = default.client()
        assert built is default.client() and isinstance(built, oc.Ollama) and built.base_url == url
        assert oc.list().models and oc.heartbeat() == "Ollama is running"
        assert oc.chat("llama3.2", [{"role": "user", "content": "Hi"}], stream=True).result().final.done
    finally:
        client = default.client()
        assert isinstance(client, oc.Ollama)
        client.close()
        default.set_default(oc.Ollama)


def test_validation_off_and_warn_still_answer_typed(url: str) -> None:
    for mode in ("off", "warn"):
        with oc.Ollama(url, validation=mode) as client:
            assert type(client.generate(**SEED)) is GenerateResponse
            with pytest.raises(oc.ModelNotFoundError):
                client.show("no-such-model")


def test_the_generated_client_underneath_is_shared(url: str) -> None:
    from ollama_api.api.models import list_models

    with oc.Ollama(url) as client:
        assert list_models.sync(client=client.client) == client.list()
        assert repr(client) == f"Ollama({url!r})"
