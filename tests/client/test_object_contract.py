"""The client object holds answers to the contract itself (the hooks leave its exchanges alone).

A planted violation in a response must fail in strict mode, be logged once in warn mode, and pass
in off mode; what cannot be built raises in every mode; statuses raise their typed errors; the
request is checked before it is sent. Against a MockTransport, so that each fault is exact.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest
from wire import Server

import ollama_contract as oc

GOOD = {"model": "llama3.2", "created_at": "2025-10-02T09:14:51.36Z", "response": "Hi.", "done": True}


def route(
    server: Server, path: str, body: Any, status: int = 200, ctype: str = "application/json; charset=utf-8"
) -> None:
    server.routes[path] = {"status": status, "content_type": ctype, "body": body}


def client(server: Server, mode: str = "strict") -> oc.Ollama:
    return oc.Ollama("http://h", transport=server.transport(), validation=mode)


def test_a_good_answer_is_built_and_sent_once(server: Server) -> None:
    route(server, "/api/generate", GOOD)
    answer = client(server).generate("llama3.2", "Hi", options={"seed": 1})
    assert answer.text == "Hi." and answer.done is True
    assert len(server.requests) == 1


def test_a_wrong_type_in_the_answer_is_a_violation_in_strict_logged_in_warn_ignored_off(
    server: Server, caplog: pytest.LogCaptureFixture
) -> None:
    route(server, "/api/generate", {**GOOD, "eval_count": "many"})
    with pytest.raises(oc.ContractViolation) as caught:
        client(server).generate("llama3.2", "Hi")
    assert caught.value.pointer == "/eval_count" and caught.value.operation == "generate"
    with caplog.at_level(logging.WARNING, logger="ollama_contract"):
        warned = client(server, "warn")
        assert warned.generate("llama3.2", "Hi").eval_count == "many"
        warned.generate("llama3.2", "Hi")
    assert caplog.text.count("/eval_count") == 1
    assert client(server, "off").generate("llama3.2", "Hi").eval_count == "many"


def test_what_cannot_be_built_raises_in_every_mode(server: Server) -> None:
    route(server, "/api/generate", {"response": "logprobs are not a list", "logprobs": 7})
    for mode in ("strict", "warn", "off"):
        with pytest.raises(oc.ContractViolation):
            client(server, mode).generate("llama3.2", "Hi")
    route(server, "/api/generate", "<html>proxy login</html>", ctype="text/html")
    for mode in ("strict", "warn", "off"):
        with pytest.raises(oc.ContractViolation):
            client(server, mode).generate("llama3.2", "Hi")


@pytest.mark.parametrize(
    ("status", "error"),
    [(400, oc.BadRequestError), (404, oc.ModelNotFoundError), (429, oc.RateLimitError), (500, oc.ServerError)],
)
def test_statuses_raise_typed_errors_in_every_mode(server: Server, status: int, error: type[Exception]) -> None:
    route(server, "/api/chat", {"error": "boom"}, status=status)
    for mode in ("strict", "warn", "off"):
        with pytest.raises(error) as caught:
            client(server, mode).chat("llama3.2", [{"role": "user", "content": "Hi"}])
        assert caught.value.message == "boom" and caught.value.status == status  # type: ignore[attr-defined]


def test_an_invalid_request_is_refused_before_it_is_sent_in_strict(server: Server) -> None:
    route(server, "/api/chat", GOOD)
    with pytest.raises(oc.ContractViolation) as caught:
        client(server).chat("llama3.2", [{"role": "user", "content": 42}])  # type: ignore[typeddict-item]
    assert caught.value.pointer == "/messages/0/content" and server.requests == []


def test_blob_exists_answers_by_status(server: Server) -> None:
    digest = "sha256:" + "0" * 64
    route(server, f"/api/blobs/{digest}", None, status=404)
    assert client(server).blob_exists(digest) is False
    route(server, f"/api/blobs/{digest}", None, status=200)
    assert client(server).blob_exists(digest) is True
    route(server, f"/api/blobs/{digest}", None, status=400)
    with pytest.raises(oc.BadRequestError):
        client(server).blob_exists(digest)


def test_async_answers_are_judged_the_same_way(server: Server) -> None:
    route(server, "/api/generate", {**GOOD, "eval_count": "many"})

    async def go() -> None:
        async with oc.AsyncOllama("http://h", transport=server.transport()) as c:
            with pytest.raises(oc.ContractViolation):
                await c.generate("llama3.2", "Hi")

    asyncio.run(go())


def test_reprs_leave_unsent_fields_out(server: Server) -> None:
    route(server, "/api/generate", GOOD)
    answer = client(server).generate("llama3.2", "Hi")
    assert (
        repr(answer)
        == "GenerateResponse(model='llama3.2', created_at=datetime.datetime(2025, 10, 2, 9, 14, 51, 360000,"
        " tzinfo=datetime.timezone.utc), response='Hi.', done=True)"
    )
    assert answer.eval_count == 0 and repr(answer.image) == "UNSET"  # a Go zero value, and a field with none


def test_text_reads_the_fields_the_streams_join() -> None:
    """`.text` comes from the model template, the streams' joined text from the spec's
    `x-ollama.stream.text`: the two must name the same field of every streaming operation's item."""
    from ollama_contract._ndjson import facts_for
    from ollama_contract._spec import operations

    streaming = [name for name, op in operations().items() if op.streams]
    assert {"generate", "chat"} <= set(streaming)
    for operation in streaming:
        facts = facts_for(operation)
        cls, pointer = facts.item, facts.shape.text
        assert hasattr(cls, "text") == (pointer is not None), operation
        if pointer is None:
            continue
        data: dict[str, Any] = {"model": "m", "created_at": "2025-10-02T09:14:51Z", "done": False}
        keys = pointer.lstrip("/").split("/")
        node = data
        for key in keys[:-1]:
            node = node.setdefault(key, {"role": "assistant"})
        node[keys[-1]] = "the streamed text"
        assert cls.from_dict(data).text == "the streamed text", operation
        assert cls.from_dict({"model": "m", "created_at": "2025-10-02T09:14:51Z", "done": True}).text == ""
