"""Typed streams over MockTransport, sync and async: every path a stream can take."""

from __future__ import annotations

import gc
import json
from typing import Any

import httpx
import pytest
from ollama_api.api.inference import chat, generate
from ollama_api.api.models import create_model, pull_model, push_model
from ollama_api.models import ChatRequest, CreateRequest, GenerateRequest, Message, PullRequest, PushRequest
from wire import Server, fixture, ndjson

import ollama_contract as oc

GEN = GenerateRequest(model="llama3.2", prompt="Why is the sky blue?")
CHUNK = {"model": "llama3.2", "created_at": "2025-10-02T09:14:51.302147Z", "done": False}
FINAL = {
    "model": "llama3.2",
    "created_at": "2025-10-02T09:14:51.36Z",
    "response": "",
    "done": True,
    "done_reason": "stop",
}
TEXTS = ["Le ciel ", "est bleu ", "à cause ", "de 🦙 ", "中文."]
LINES = [{**CHUNK, "response": t} for t in TEXTS] + [FINAL]


def client(server: Server, **kwargs: Any) -> Any:
    return oc.create_client(transport=server.transport(), **kwargs)


def route(
    server: Server,
    path: str,
    pieces: list[bytes],
    *,
    status: int = 200,
    ctype: str = "application/x-ndjson",
    fail: Exception | None = None,
) -> None:
    exchange = {"status": status, "content_type": ctype, "body": None}
    server.routes[path] = (exchange, pieces, fail)


def consume_sync(c: Any, op: Any, body: Any) -> list[Any]:
    with oc.stream(c, op, body) as items:
        return list(items)


async def consume_async(c: Any, op: Any, body: Any) -> list[Any]:
    async with oc.astream(c, op, body) as items:
        return [item async for item in items]


# --------------------------------------------------------------------------------- happy paths, chunking


@pytest.mark.parametrize("size", [1, 2, 3, 5, 17, 100, 10_000])
def test_chunks_split_mid_line_and_mid_character(server: Server, size: int) -> None:
    body = ndjson(LINES)
    route(server, "/api/generate", [body[i : i + size] for i in range(0, len(body), size)])
    items = consume_sync(client(server), generate, GEN)
    assert [i.response for i in items] == [*TEXTS, ""]
    assert items[-1].done is True and items[-1].done_reason == "stop"


@pytest.mark.anyio
@pytest.mark.parametrize("size", [1, 3, 64])
async def test_async_chunks_split_mid_line_and_mid_character(server: Server, size: int) -> None:
    body = ndjson(LINES)
    route(server, "/api/generate", [body[i : i + size] for i in range(0, len(body), size)])
    items = await consume_async(client(server), generate, GEN)
    assert [i.response for i in items] == [*TEXTS, ""]


def test_request_is_streamed_and_marked(server: Server) -> None:
    route(server, "/api/generate", [ndjson(LINES)])
    consume_sync(client(server), generate, GEN)
    request = server.requests[-1]
    assert json.loads(request.content) == {"model": "llama3.2", "prompt": "Why is the sky blue?", "stream": True}
    assert request.method == "POST" and request.url.path == "/api/generate"


def test_result_joins_text_and_thinking(server: Server) -> None:
    route(server, "/api/generate", [ndjson([{**CHUNK, "response": "", "thinking": "hm"}, *LINES])])
    s = oc.stream(client(server), generate, GEN)
    first = next(s)
    assert first.thinking == "hm" and s.text == "" and s.response is not None
    result = s.result()
    assert result.text == "".join(TEXTS) and result.thinking == "hm" and result.final.done is True
    assert server.streams[-1].closed


def test_chat_result(server: Server) -> None:
    lines = fixture("chat", "stream")["lines"]
    route(server, "/api/chat", [ndjson(lines)])
    result = oc.stream(
        client(server), chat, ChatRequest(model="m", messages=[Message(role="user", content="hi")])
    ).result()
    assert result.text == "".join(line["message"]["content"] for line in lines)


@pytest.mark.anyio
async def test_async_result(server: Server) -> None:
    route(server, "/api/generate", [ndjson(LINES)])
    result = await oc.astream(client(server), generate, GEN).result()
    assert result.text == "".join(TEXTS)


@pytest.mark.parametrize(
    ("op", "path", "body", "name"),
    [
        (pull_model, "/api/pull", PullRequest(model="llama3.2"), "stream"),
        (push_model, "/api/push", PushRequest(model="me/m:latest"), "stream"),
        (create_model, "/api/create", CreateRequest(model="m", from_="llama3.2"), "gguf_stream"),
    ],
)
def test_progress_streams(server: Server, op: Any, path: str, body: Any, name: str) -> None:
    lines = fixture(op.__name__.rsplit(".", 1)[1], name)["lines"]
    route(server, path, [ndjson(lines)])
    result = oc.stream(client(server), op, body).result()
    assert result.final.status == "success" and result.text == ""


def test_a_json_answer_to_a_streamed_request_is_one_final_item(server: Server) -> None:
    server.routes["/api/generate"] = fixture("generate", "load")
    items = consume_sync(client(server), generate, GenerateRequest(model="llama3.2"))
    assert len(items) == 1 and items[0].done_reason == "load"


# --------------------------------------------------------------------------------- error paths


@pytest.mark.parametrize("consume", ["sync", "async"])
@pytest.mark.anyio
async def test_error_line_raises_stream_error(server: Server, consume: str) -> None:
    route(
        server,
        "/api/generate",
        [ndjson([LINES[0], {"error": "an error was encountered while running the model: unexpected EOF"}])],
    )
    seen: list[Any] = []
    with pytest.raises(oc.StreamError) as caught:
        if consume == "sync":
            with oc.stream(client(server), generate, GEN) as items:
                seen.extend(items)
        else:
            async with oc.astream(client(server), generate, GEN) as aitems:
                seen.extend([item async for item in aitems])
    error = caught.value
    assert error.message == "an error was encountered while running the model: unexpected EOF"
    assert (error.operation, error.status, error.text) == ("generate", 200, TEXTS[0])
    assert server.streams[-1].closed


@pytest.mark.parametrize("consume", ["sync", "async"])
@pytest.mark.anyio
async def test_truncated_stream_raises_incomplete(server: Server, consume: str) -> None:
    route(server, "/api/generate", [ndjson(LINES[:3])])
    with pytest.raises(oc.IncompleteStreamError) as caught:
        if consume == "sync":
            consume_sync(client(server), generate, GEN)
        else:
            await consume_async(client(server), generate, GEN)
    assert caught.value.text == "".join(TEXTS[:3]) and caught.value.operation == "generate"


def test_truncated_mid_line_is_not_silently_dropped(server: Server) -> None:
    body = ndjson(LINES)
    route(server, "/api/generate", [body[:-30]])
    with pytest.raises(oc.ContractViolation) as caught:  # the cut last line is not JSON
        consume_sync(client(server), generate, GEN)
    assert caught.value.rule == "json"


@pytest.mark.parametrize(
    "error",
    [
        httpx.ReadError("connection reset"),
        httpx.RemoteProtocolError("peer closed connection without sending complete message body"),
    ],
)
@pytest.mark.parametrize("consume", ["sync", "async"])
@pytest.mark.anyio
async def test_dropped_connection_raises_connection_error(server: Server, consume: str, error: Exception) -> None:
    route(server, "/api/generate", [ndjson(LINES[:2])], fail=error)
    with pytest.raises(oc.APIConnectionError) as caught:
        if consume == "sync":
            consume_sync(client(server), generate, GEN)
        else:
            await consume_async(client(server), generate, GEN)
    assert not isinstance(caught.value, oc.APITimeoutError)
    assert caught.value.operation == "generate" and type(error).__name__ in str(caught.value)
    assert server.streams[-1].closed


def test_read_timeout_raises_timeout_error(server: Server) -> None:
    route(server, "/api/generate", [ndjson(LINES[:2])], fail=httpx.ReadTimeout("timed out"))
    with pytest.raises(oc.APITimeoutError):
        consume_sync(client(server), generate, GEN)


def test_connect_error_raises_connection_error(server: Server) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)

    server.routes["/api/generate"] = refuse
    with pytest.raises(oc.APIConnectionError) as caught:
        consume_sync(client(server), generate, GEN)
    assert "Connection refused" in str(caught.value) and caught.value.status is None
    assert len(server.requests) == 1  # a POST is never retried


@pytest.mark.parametrize(
    ("name", "cls"),
    [
        ("not_found", oc.ModelNotFoundError),
        ("no_insert", oc.BadRequestError),
        ("rate_limited", oc.RateLimitError),
        ("busy", oc.ServerError),
        ("cloud_unauthorized", oc.AuthenticationError),
    ],
)
def test_error_statuses_raise_their_class(server: Server, name: str, cls: type[oc.APIStatusError]) -> None:
    exchange = fixture("generate", name)
    server.routes["/api/generate"] = exchange
    with pytest.raises(cls) as caught:
        consume_sync(client(server), generate, GEN)
    assert (caught.value.status, caught.value.message) == (exchange["status"], exchange["body"]["error"])


@pytest.mark.parametrize("mode", ["strict", "warn", "off"])
def test_undocumented_status(server: Server, mode: str, caplog: pytest.LogCaptureFixture) -> None:
    server.routes["/api/generate"] = {"status": 418, "content_type": "application/json", "body": {"error": "teapot"}}
    expected = oc.ContractViolation if mode == "strict" else oc.APIStatusError
    with pytest.raises(expected) as caught:
        consume_sync(client(server, validation=mode), generate, GEN)
    assert caught.value.status == 418
    if mode == "strict":
        assert caught.value.rule == "status"  # type: ignore[attr-defined]
    assert ("status 418 is not documented" in caplog.text) == (mode == "warn")


def test_undocumented_content_type(server: Server) -> None:
    route(server, "/api/generate", [ndjson(LINES)], ctype="text/plain")
    with pytest.raises(oc.ContractViolation) as caught:
        consume_sync(client(server), generate, GEN)
    assert caught.value.rule == "content-type" and "text/plain" in str(caught.value)


def test_an_error_body_that_breaks_the_schema(server: Server) -> None:
    server.routes["/api/generate"] = {
        "status": 404,
        "content_type": "application/json",
        "body": {"message": "not found"},
    }
    with pytest.raises(oc.ContractViolation) as caught:
        consume_sync(client(server), generate, GEN)
    assert (caught.value.pointer, caught.value.rule, caught.value.status) == ("/error", "required", 404)


@pytest.mark.parametrize(
    ("body", "pointer", "rule"),
    [
        (GenerateRequest(model=""), "/model", "minLength"),
        (GenerateRequest(model="m", keep_alive="10"), "/keep_alive", "anyOf"),
        (GenerateRequest(model="m", top_logprobs=21), "/top_logprobs", "maximum"),
        (GenerateRequest(model="m", images=["data:image/png;base64,AAAA"]), "/images/0", "pattern"),
    ],
)
@pytest.mark.anyio
async def test_invalid_request_is_never_sent(server: Server, body: GenerateRequest, pointer: str, rule: str) -> None:
    for make in (oc.stream, oc.astream):
        with pytest.raises(oc.ContractViolation) as caught:
            make(client(server), generate, body)  # type: ignore[operator]
        assert (caught.value.operation, caught.value.pointer, caught.value.rule) == ("generate", pointer, rule)
    assert server.requests == []


def test_invalid_request_is_sent_in_warn_and_off(server: Server, caplog: pytest.LogCaptureFixture) -> None:
    route(server, "/api/generate", [ndjson(LINES)])
    consume_sync(client(server, validation="warn"), generate, GenerateRequest(model=""))
    consume_sync(client(server, validation="off"), generate, GenerateRequest(model=""))
    assert len(server.requests) == 2 and caplog.text.count("minLength") == 1


# --------------------------------------------------------------------------------- closing


def test_breaking_out_of_a_with_block_closes_the_response(server: Server) -> None:
    route(server, "/api/generate", [ndjson([line]) for line in LINES])
    with oc.stream(client(server), generate, GEN) as items:
        for _ in items:
            break
        assert not server.streams[-1].closed
    assert server.streams[-1].closed and server.streams[-1].served == 1


def test_breaking_out_of_a_loop_over_a_temporary_stream_closes_it(server: Server) -> None:
    route(server, "/api/generate", [ndjson([line]) for line in LINES])
    for _ in oc.stream(client(server), generate, GEN):
        break
    # Closed by the break itself, with the collector off: no reference cycle waits for it.
    assert server.streams[-1].closed and server.streams[-1].served == 1


def test_a_dropped_stream_closes_its_response_without_the_collector(server: Server) -> None:
    route(server, "/api/generate", [ndjson([line]) for line in LINES])
    gc.disable()
    try:
        s = oc.stream(client(server), generate, GEN)
        next(s)
        del s
        assert server.streams[-1].closed
    finally:
        gc.enable()


@pytest.mark.anyio
async def test_async_break_without_with_closes_soon_after(server: Server) -> None:
    import asyncio

    route(server, "/api/generate", [ndjson([line]) for line in LINES])
    gc.disable()
    try:
        async for _ in oc.astream(client(server), generate, GEN):
            break
        for _ in range(3):  # the loop's finalizer hook scheduled the close as a task: let it run
            await asyncio.sleep(0)
        assert server.streams[-1].closed and server.streams[-1].served == 1
    finally:
        gc.enable()


@pytest.mark.anyio
async def test_async_break_closes_the_response(server: Server) -> None:
    route(server, "/api/generate", [ndjson([line]) for line in LINES])
    async with oc.astream(client(server), generate, GEN) as items:
        async for _ in items:
            break
    assert server.streams[-1].closed and server.streams[-1].served == 1


def test_close_before_start_sends_nothing(server: Server) -> None:
    s = oc.stream(client(server), generate, GEN)
    s.close()
    assert server.requests == [] and s.response is None
    assert "generate" in repr(s)


@pytest.mark.anyio
async def test_async_next_and_close(server: Server) -> None:
    route(server, "/api/generate", [ndjson([line]) for line in LINES])
    s = oc.astream(client(server), generate, GEN)
    first = await s.__anext__()
    assert first.response == TEXTS[0] and s.text == TEXTS[0] and s.operation == "generate"
    await s.aclose()
    assert server.streams[-1].closed and "AsyncStream" in repr(s)


def test_plain_generated_client_gets_the_default_mode(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    from ollama_api import Client

    plain = Client(base_url="http://h", httpx_args={"transport": server.transport()})
    with pytest.raises(oc.ContractViolation):
        oc.stream(plain, generate, GenerateRequest(model=""))
    monkeypatch.setenv("OLLAMA_CONTRACT_VALIDATION", "off")
    route(server, "/api/generate", [ndjson(LINES)])
    assert len(list(oc.stream(plain, generate, GenerateRequest(model="")))) == len(LINES)


def test_operations_that_do_not_stream_are_refused(server: Server) -> None:
    from ollama_api.api.inference import embed
    from ollama_api.models import EmbedRequest

    with pytest.raises(ValueError, match="does not stream"):
        oc.stream(client(server), embed, EmbedRequest(model="m"))  # type: ignore[arg-type]
