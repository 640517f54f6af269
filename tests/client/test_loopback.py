"""Against a real HTTP server on 127.0.0.1: bytes split anywhere on the wire, dropped connections, timeouts."""

from __future__ import annotations

import json
import logging
import socket
from typing import Any

import httpx
import pytest
from ollama_api.api.inference import generate
from ollama_api.api.models import list_models, pull_model
from ollama_api.models import GenerateRequest, PullRequest
from wire import Loopback, Script, ndjson

import ollama_contract as oc

GEN = GenerateRequest(model="llama3.2", prompt="Pourquoi le ciel est-il bleu ?")
CHUNK = {"model": "llama3.2", "created_at": "2025-10-02T09:14:51.302147Z", "done": False}
FINAL = {
    "model": "llama3.2",
    "created_at": "2025-10-02T09:14:51.36Z",
    "response": "",
    "done": True,
    "done_reason": "stop",
}
TEXTS = ["Le ciel", " est", " bleu 🦙", " — ", "中文"]
BODY = ndjson([{**CHUNK, "response": t} for t in TEXTS] + [FINAL])


def pieces_splitting_characters(body: bytes) -> list[bytes]:
    """Cut the body right after the first byte of every multi-byte character, and in every line."""
    cuts = sorted({i + 1 for i, b in enumerate(body) if b >= 0xC0} | {i + 7 for i, b in enumerate(body) if b == 0x0A})
    out, start = [], 0
    for cut in [*cuts, len(body)]:
        if cut > start:
            out.append(body[start:cut])
            start = cut
    return out


def script(loopback: Loopback, path: str, **kwargs: Any) -> None:
    loopback.scripts[path] = Script(**kwargs)  # type: ignore[attr-defined]


def client(loopback: Loopback, **kwargs: Any) -> Any:
    return oc.create_client(loopback.url, **kwargs)


def test_characters_split_across_tcp_reads(loopback: Loopback) -> None:
    pieces = pieces_splitting_characters(BODY)
    assert any(p[-1] >= 0xC0 for p in pieces)  # some piece really ends inside a character
    script(loopback, "/api/generate", pieces=pieces)
    result = oc.stream(client(loopback), generate, GEN).result()
    assert result.text == "".join(TEXTS) and result.final.done_reason == "stop"
    method, path, _headers, body = loopback.received[-1]
    assert (method, path, json.loads(body)["stream"]) == ("POST", "/api/generate", True)


@pytest.mark.anyio
async def test_async_characters_split_across_tcp_reads(loopback: Loopback) -> None:
    script(loopback, "/api/generate", pieces=pieces_splitting_characters(BODY))
    async with oc.astream(client(loopback), generate, GEN) as items:
        got = [item.response async for item in items]
    assert got == [*TEXTS, ""]


@pytest.mark.parametrize("chunked", [True, False])
@pytest.mark.anyio
async def test_dropped_connection(loopback: Loopback, chunked: bool) -> None:
    script(loopback, "/api/generate", pieces=[BODY[:120]], drop=True, chunked=chunked)
    with pytest.raises(oc.APIConnectionError) as caught:
        list(oc.stream(client(loopback), generate, GEN))
    assert caught.value.operation == "generate"
    with pytest.raises(oc.APIConnectionError):
        async with oc.astream(client(loopback), generate, GEN) as items:
            async for _ in items:
                pass
    with pytest.raises(oc.APIConnectionError):
        list(generate.sync_stream(client=client(loopback), body=GEN))


@pytest.mark.anyio
async def test_clean_end_without_final_line(loopback: Loopback) -> None:
    script(
        loopback, "/api/pull", pieces=[ndjson([{"status": "pulling manifest"}, {"status": "verifying sha256 digest"}])]
    )
    with pytest.raises(oc.IncompleteStreamError) as caught:
        oc.stream(client(loopback), pull_model, PullRequest(model="llama3.2")).result()
    assert caught.value.last is not None and caught.value.last.status == "verifying sha256 digest"
    with pytest.raises(oc.IncompleteStreamError):
        await oc.astream(client(loopback), pull_model, PullRequest(model="llama3.2")).result()


@pytest.mark.anyio
async def test_error_line_after_the_200(loopback: Loopback) -> None:
    script(
        loopback,
        "/api/pull",
        pieces=[
            ndjson([{"status": "pulling manifest"}]),
            ndjson([{"error": "pull model manifest: file does not exist"}]),
        ],
    )
    with pytest.raises(oc.StreamError) as caught:
        list(oc.stream(client(loopback), pull_model, PullRequest(model="nope")))
    assert caught.value.message == "pull model manifest: file does not exist"
    with pytest.raises(oc.StreamError):
        async for _ in pull_model.asyncio_stream(client=client(loopback), body=PullRequest(model="nope")):
            pass


@pytest.mark.anyio
async def test_error_status_before_the_stream(loopback: Loopback) -> None:
    body = json.dumps({"error": "model 'llama9' not found"}).encode()
    script(
        loopback,
        "/api/generate",
        status=404,
        headers={"Content-Type": "application/json; charset=utf-8"},
        pieces=[body],
        chunked=False,
    )
    with pytest.raises(oc.ModelNotFoundError) as caught:
        list(oc.stream(client(loopback), generate, GEN))
    assert caught.value.message == "model 'llama9' not found"
    with pytest.raises(oc.ModelNotFoundError):
        await generate.asyncio(client=client(loopback), body=GEN)


@pytest.mark.anyio
async def test_connection_refused() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the socket is closed
    refused = oc.create_client(f"127.0.0.1:{port}", retries=oc.Retries(attempts=2, backoff=0))
    for call in (lambda: list_models.sync(client=refused), lambda: list(oc.stream(refused, generate, GEN))):
        with pytest.raises(oc.APIConnectionError) as caught:
            call()
        assert not isinstance(caught.value, oc.APITimeoutError) and caught.value.status is None
    with pytest.raises(oc.APIConnectionError):
        await list_models.asyncio(client=refused)


def test_read_timeout_only_when_asked(loopback: Loopback) -> None:
    tags = json.dumps({"models": []}).encode()
    script(
        loopback,
        "/api/tags",
        headers={"Content-Type": "application/json"},
        pieces=[tags],
        chunked=False,
        delay_headers=0.3,
    )
    assert list_models.sync(client=client(loopback)) is not None  # the default waits for a slow server
    with pytest.raises(oc.APITimeoutError):
        list_models.sync(client=client(loopback, timeout=httpx.Timeout(5.0, read=0.05), retries=0))
    script(loopback, "/api/generate", pieces=[BODY], delay_headers=0.3)
    with pytest.raises(oc.APITimeoutError):
        list(oc.stream(client(loopback, timeout=httpx.Timeout(5.0, read=0.05)), generate, GEN))


@pytest.mark.anyio
async def test_the_api_key_stays_out_of_debug_logs_on_the_wire(
    loopback: Loopback, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """httpx and httpcore log every step of a real exchange at DEBUG; none of it may show the key."""
    secret = "sk-ollama-wire-0123456789"
    monkeypatch.setenv("OLLAMA_API_KEY", secret)
    script(
        loopback,
        "/api/tags",
        headers={"Content-Type": "application/json"},
        pieces=[b'{"models": [{"name": "x", "modified_at": "?", "size": "big", "digest": "d"}]}'],
    )
    script(loopback, "/api/generate", pieces=[ndjson([CHUNK, {"error": "boom"}])])
    keyed = client(loopback, validation="warn")
    errors: list[BaseException] = []
    with caplog.at_level(logging.DEBUG):
        list_models.sync(client=keyed)
        await list_models.asyncio(client=keyed)
        for call in (lambda: list_models.sync(client=client(loopback)), lambda: list(oc.stream(keyed, generate, GEN))):
            with pytest.raises(oc.OllamaError) as caught:
                call()
            errors.append(caught.value)
    assert loopback.received[0][2]["authorization"] == f"Bearer {secret}"
    assert "HTTP Request" in caplog.text and "/models" in caplog.text  # the logs were captured
    for text in [caplog.text, *map(str, errors), *map(repr, errors)]:
        assert secret not in text
