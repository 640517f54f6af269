"""The generated functions, called with a client from create_client: validated, with typed errors."""

from __future__ import annotations

import json
import logging
from typing import Any

import httpx
import pytest
from calls import DIGEST
from ollama_api.api.blobs import blob_exists
from ollama_api.api.inference import embed, generate
from ollama_api.api.models import copy_model, list_models
from ollama_api.api.server import version
from ollama_api.models import CopyRequest, EmbedRequest, GenerateRequest
from wire import Server, fixture, ndjson

import ollama_contract as oc

GEN = GenerateRequest(model="llama3.2", prompt="Hi")
CHUNK = {"model": "llama3.2", "created_at": "2025-10-02T09:14:51.302147Z", "response": "Hi", "done": False}
FINAL = {"model": "llama3.2", "created_at": "2025-10-02T09:14:51.36Z", "response": "", "done": True}


def json_route(
    server: Server, path: str, body: Any, status: int = 200, ctype: str | None = "application/json; charset=utf-8"
) -> None:
    server.routes[path] = {"status": status, "content_type": ctype, "body": body}


def lines_route(server: Server, path: str, pieces: list[bytes], fail: Exception | None = None) -> None:
    server.routes[path] = ({"status": 200, "content_type": "application/x-ndjson"}, pieces, fail)


@pytest.mark.parametrize(
    ("body", "pointer", "rule"),
    [
        (
            {"models": [{"name": "x", "modified_at": "2025-10-01T11:22:33Z", "size": "4.7GB", "digest": "d"}]},
            "/models/0/size",
            "type",
        ),
        (
            {"models": [{"name": "x", "modified_at": "2025-10-01T11:22:33Z", "digest": "d"}]},
            "/models/0/size",
            "required",
        ),
        ({"models": "none"}, "/models", "type"),  # null is valid: servers up to 0.1.3 sent it
        ({}, "/models", "required"),
    ],
)
def test_planted_faults_in_a_json_response(server: Server, body: Any, pointer: str, rule: str) -> None:
    json_route(server, "/api/tags", body)
    with pytest.raises(oc.ContractViolation) as caught:
        list_models.sync(client=oc.create_client(transport=server.transport()))
    assert (caught.value.operation, caught.value.pointer, caught.value.rule, caught.value.status) == (
        "list_models",
        pointer,
        rule,
        200,
    )


@pytest.mark.anyio
async def test_async_generated_functions_are_checked_too(server: Server) -> None:
    client = oc.create_client(transport=server.transport())
    json_route(server, "/api/generate", fixture("generate", "no_stream")["body"])
    answer = await generate.asyncio(client=client, body=GEN)
    assert answer is not None and answer.response == "Rayleigh scattering."  # type: ignore[union-attr]
    json_route(server, "/api/generate", {**FINAL, "done": "yes"})
    with pytest.raises(oc.ContractViolation):
        await generate.asyncio(client=client, body=GEN)
    json_route(server, "/api/generate", {"error": "model 'x' not found"}, status=404)
    with pytest.raises(oc.ModelNotFoundError):
        await generate.asyncio(client=client, body=GEN)
    with pytest.raises(oc.ContractViolation):
        await generate.asyncio(client=client, body=GenerateRequest(model=""))


def test_invalid_request_is_not_sent(server: Server) -> None:
    with pytest.raises(oc.ContractViolation) as caught:
        copy_model.sync_detailed(
            client=oc.create_client(transport=server.transport()), body=CopyRequest(source="a", destination="")
        )
    assert (caught.value.operation, caught.value.pointer) == ("copy_model", "/destination")
    assert server.requests == []


def test_the_body_is_parsed_once(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    body = {"model": "m", "embeddings": [[0.1, 0.2]], "total_duration": 5}
    json_route(server, "/api/embed", body)
    client = oc.create_client(transport=server.transport())
    calls = []
    real_loads = json.loads
    monkeypatch.setattr(json, "loads", lambda s, **kw: calls.append(b"embeddings" in s) or real_loads(s, **kw))
    answer = embed.sync(client=client, body=EmbedRequest(model="m", input_="x"))
    assert answer is not None and answer.embeddings == [[0.1, 0.2]]  # type: ignore[union-attr]
    assert calls.count(True) == 1  # the response body; the other parse is the request's
    response = client.get_httpx_client().post("/api/embed", json={"model": "m"})
    assert response.json() is response.json() and response.json(parse_float=str)["embeddings"] == [["0.1", "0.2"]]


def test_generated_sync_stream_lines_are_checked_as_they_pass(server: Server) -> None:
    client = oc.create_client(transport=server.transport())
    lines_route(
        server, "/api/generate", [ndjson([CHUNK])[:10], ndjson([CHUNK])[10:] + ndjson([CHUNK, {"error": "boom"}])]
    )
    got = []
    with pytest.raises(oc.StreamError) as caught:
        for item in generate.sync_stream(client=client, body=GEN):
            got.append(item)
    assert len(got) == 2 and caught.value.message == "boom"  # the lines before the error line got through
    assert server.streams[-1].closed


@pytest.mark.anyio
async def test_generated_asyncio_stream_is_checked(server: Server) -> None:
    client = oc.create_client(transport=server.transport())
    lines_route(server, "/api/generate", [ndjson([CHUNK, {**CHUNK, "done": 1}])])
    got = []
    with pytest.raises(oc.ContractViolation) as caught:
        async for item in generate.asyncio_stream(client=client, body=GEN):
            got.append(item)
    assert len(got) == 1 and caught.value.pointer == "/done" and "line 2" in caught.value.where
    lines_route(server, "/api/generate", [ndjson([CHUNK])])
    with pytest.raises(oc.IncompleteStreamError):
        async for _ in generate.asyncio_stream(client=client, body=GEN):
            pass
    lines_route(server, "/api/generate", [ndjson([CHUNK])], fail=httpx.ReadError("reset"))
    with pytest.raises(oc.APIConnectionError):
        async for _ in generate.asyncio_stream(client=client, body=GEN):
            pass


def test_generated_sync_stream_truncated_and_dropped(server: Server) -> None:
    client = oc.create_client(transport=server.transport())
    lines_route(server, "/api/generate", [ndjson([CHUNK, CHUNK])])
    with pytest.raises(oc.IncompleteStreamError):
        list(generate.sync_stream(client=client, body=GEN))
    lines_route(server, "/api/generate", [ndjson([CHUNK])], fail=httpx.RemoteProtocolError("peer closed connection"))
    with pytest.raises(oc.APIConnectionError):
        list(generate.sync_stream(client=client, body=GEN))
    lines_route(server, "/api/generate", [ndjson([CHUNK, FINAL])[:-1]])  # no newline at the very end: fine
    assert len(list(generate.sync_stream(client=client, body=GEN))) == 2


def test_head_is_answered_by_its_status(server: Server) -> None:
    client = oc.create_client(transport=server.transport())
    path = f"/api/blobs/{DIGEST}"
    for exchange in (
        fixture("blob_exists", "missing"),
        fixture("blob_exists", "exists"),
        fixture("blob_exists", "bad_digest"),
    ):
        server.routes[path] = exchange
        assert blob_exists.sync_detailed(DIGEST, client=client).status_code == exchange["status"]
    server.routes[path] = {"status": 500, "content_type": None, "body": None}
    with pytest.raises(oc.ContractViolation) as caught:
        blob_exists.sync_detailed(DIGEST, client=client)
    assert caught.value.rule == "status"


def test_no_content_answers(server: Server) -> None:
    client = oc.create_client(transport=server.transport())
    server.routes["/api/copy"] = fixture("copy_model", "copied")
    assert copy_model.sync_detailed(client=client, body=CopyRequest(source="a", destination="b")).status_code == 200
    json_route(server, "/api/copy", {"surprise": True})
    with pytest.raises(oc.ContractViolation) as caught:
        copy_model.sync_detailed(client=client, body=CopyRequest(source="a", destination="b"))
    assert caught.value.rule == "content-type"


def test_unknown_route_and_non_json_request(server: Server) -> None:
    client = oc.create_client(transport=server.transport())
    http = client.get_httpx_client()
    with pytest.raises(oc.ContractViolation) as caught:
        http.get("/v1/models")
    assert caught.value.rule == "operation" and caught.value.operation is None
    with pytest.raises(oc.ContractViolation) as caught:
        http.post("/api/generate", content=b"not json", headers={"content-type": "application/json"})
    assert caught.value.rule == "json"
    assert server.requests == []


def test_off_mode_reads_nothing_but_still_raises_typed_errors(server: Server, caplog: pytest.LogCaptureFixture) -> None:
    client = oc.create_client(transport=server.transport(), validation="off")
    json_route(server, "/api/tags", {"models": [{"size": "big"}]})
    response = client.get_httpx_client().get("/api/tags")
    assert not response.is_stream_consumed or response.json()["models"][0]["size"] == "big"
    json_route(server, "/api/tags", {"error": "boom"}, status=500)
    with pytest.raises(oc.ServerError):
        list_models.sync(client=client)
    json_route(server, "/api/tags", "404 page not found", status=404, ctype="text/plain")
    with pytest.raises(oc.ModelNotFoundError):
        list_models.sync(client=client)
    assert caplog.records == []


def test_warn_mode_returns_the_response(server: Server, caplog: pytest.LogCaptureFixture) -> None:
    client = oc.create_client(transport=server.transport(), validation="warn")
    json_route(server, "/api/tags", {"models": [{"name": "x", "modified_at": "bad", "size": 1, "digest": "d"}]})
    with caplog.at_level(logging.WARNING, logger="ollama_contract"):
        for _ in range(3):
            answer = list_models.sync(client=client)
            assert answer is not None and answer.models[0].name == "x"  # type: ignore[union-attr]
    assert len(caplog.records) == 1 and "/models/0/modified_at" in caplog.text
    # What was warned about is kept as sent; reading it as a datetime says why it cannot be one.
    with pytest.raises(ValueError, match=r"ModelSummary.modified_at: 'bad' is not an RFC 3339 timestamp"):
        answer.models[0].modified_at  # type: ignore[union-attr]  # noqa: B018


def test_copies_made_by_with_headers_keep_validation(server: Server) -> None:
    client = (
        oc.create_client(transport=server.transport()).with_headers({"X-Trace": "1"}).with_timeout(httpx.Timeout(3.0))
    )
    json_route(server, "/api/tags", {"models": "none"})
    with pytest.raises(oc.ContractViolation):
        list_models.sync(client=client)
    assert server.requests[-1].headers["x-trace"] == "1"


@pytest.mark.anyio
async def test_your_own_httpx_clients(server: Server) -> None:
    mine = httpx.Client(transport=server.transport(), headers={"X-Mine": "yes"})
    mine_async = httpx.AsyncClient(transport=server.transport())
    client = oc.create_client(
        "http://ollama.internal:8080", http_client=mine, async_http_client=mine_async, api_key="k"
    )
    assert client.get_httpx_client() is mine and str(mine.base_url) == "http://ollama.internal:8080"
    json_route(server, "/api/tags", {"models": []})
    assert list_models.sync(client=client) is not None
    sent = server.requests[-1]
    assert sent.headers["x-mine"] == "yes" and sent.headers["authorization"] == "Bearer k"
    json_route(server, "/api/tags", {"models": "none"})
    with pytest.raises(oc.ContractViolation):
        list_models.sync(client=client)
    with pytest.raises(oc.ContractViolation):
        await list_models.asyncio(client=client)
    oc.create_client(http_client=mine, validation="off")  # attaching again replaces the hooks
    assert len(mine.event_hooks["request"]) == 1
    json_route(server, "/api/tags", {"models": [{"name": "x", "modified_at": "?", "size": "big", "digest": "d"}]})
    assert list_models.sync(client=client) is not None
    await mine_async.aclose()
    mine.close()


def test_redirects_are_followed_without_judging_them(server: Server) -> None:
    server.routes["/old/api/tags"] = lambda request: httpx.Response(
        307, headers={"location": "http://127.0.0.1:11434/api/tags"}
    )
    json_route(server, "/api/tags", {"models": []})
    client = oc.create_client("127.0.0.1:11434/old", transport=server.transport(), follow_redirects=True)
    assert list_models.sync(client=client) is not None
    assert [r.url.path for r in server.requests] == ["/old/api/tags", "/api/tags"]


@pytest.mark.parametrize("mode", ["strict", "warn", "off"])
@pytest.mark.anyio
async def test_every_mode_keeps_the_stream_protocol_of_generated_streams(server: Server, mode: str) -> None:
    """Mode off turns off schema checks, not the protocol: no error line passes as an item, no
    stream is silently cut short, no broken connection escapes as a bare httpx error."""
    client = oc.create_client(transport=server.transport(), validation=mode)
    cases: list[tuple[list[bytes], Exception | None, type[oc.OllamaError]]] = [
        ([ndjson([CHUNK, {"error": "out of memory"}])], None, oc.StreamError),
        ([ndjson([CHUNK, CHUNK])], None, oc.IncompleteStreamError),
        ([ndjson([CHUNK])], httpx.ReadError("connection reset"), oc.APIConnectionError),
    ]
    for pieces, fail, expected in cases:
        lines_route(server, "/api/generate", pieces, fail)
        with pytest.raises(expected):
            list(generate.sync_stream(client=client, body=GEN))
        lines_route(server, "/api/generate", pieces, fail)
        with pytest.raises(expected):
            async for _ in generate.asyncio_stream(client=client, body=GEN):
                pass
    whole = ndjson([CHUNK, CHUNK, FINAL])
    lines_route(server, "/api/generate", [whole[:7], whole[7:]])
    assert len(list(generate.sync_stream(client=client, body=GEN))) == 3


@pytest.mark.parametrize("mode", ["strict", "off"])
@pytest.mark.anyio
async def test_a_json_body_cut_by_a_dropped_connection_raises_connection_error(server: Server, mode: str) -> None:
    client = oc.create_client(transport=server.transport(), validation=mode, retries=0)
    for _ in range(2):
        server.routes["/api/tags"] = (
            {"status": 200, "content_type": "application/json"},
            [b'{"models": ['],
            httpx.RemoteProtocolError("peer closed connection without sending complete message body"),
        )
        with pytest.raises(oc.APIConnectionError) as caught:
            if _ == 0:
                list_models.sync(client=client)
            else:
                await list_models.asyncio(client=client)
        assert caught.value.operation == "list_models" and "RemoteProtocolError" in str(caught.value)


def test_undocumented_status_and_content_type_of_a_json_answer(
    server: Server, caplog: pytest.LogCaptureFixture
) -> None:
    strict = oc.create_client(transport=server.transport())
    warn = oc.create_client(transport=server.transport(), validation="warn")
    json_route(server, "/api/version", {"version": "0.12.3"}, status=202)
    with pytest.raises(oc.ContractViolation) as caught:
        version.sync_detailed(client=strict)
    assert (caught.value.rule, caught.value.status) == ("status", 202)
    with caplog.at_level(logging.WARNING, logger="ollama_contract"):
        assert version.sync_detailed(client=warn).status_code == 202
    assert "status 202 is not documented" in caplog.text

    json_route(server, "/api/tags", {"models": []}, ctype="text/plain")  # JSON under the wrong label
    with pytest.raises(oc.ContractViolation) as caught:
        list_models.sync(client=strict)
    assert caught.value.rule == "content-type" and "text/plain" in str(caught.value)
    with caplog.at_level(logging.WARNING, logger="ollama_contract"):
        answer = list_models.sync(client=warn)
    assert answer is not None and answer.models == []  # type: ignore[union-attr]
    assert "text/plain is not documented" in caplog.text

    json_route(server, "/api/tags", "<html>proxy login</html>", ctype="text/html")  # nothing to return
    for client in (strict, warn):
        with pytest.raises(oc.ContractViolation) as caught:
            list_models.sync(client=client)
        assert [v.rule for v in caught.value.violations] == ["content-type", "json"]


def test_breaking_out_of_a_generated_stream_closes_the_response(server: Server) -> None:
    client = oc.create_client(transport=server.transport())
    lines_route(server, "/api/generate", [ndjson([CHUNK]) for _ in range(5)] + [ndjson([FINAL])])
    for _ in generate.sync_stream(client=client, body=GEN):
        break
    assert server.streams[-1].closed and server.streams[-1].served == 1


def test_a_generated_stream_under_another_label_is_still_read_as_lines(
    server: Server, caplog: pytest.LogCaptureFixture
) -> None:
    body = ndjson([CHUNK, FINAL])
    server.routes["/api/generate"] = ({"status": 200, "content_type": "text/plain; charset=utf-8"}, [body], None)
    with pytest.raises(oc.ContractViolation) as caught:
        list(generate.sync_stream(client=oc.create_client(transport=server.transport()), body=GEN))
    assert caught.value.rule == "content-type" and "text/plain" in str(caught.value)
    warn = oc.create_client(transport=server.transport(), validation="warn")
    with caplog.at_level(logging.WARNING, logger="ollama_contract"):
        assert len(list(generate.sync_stream(client=warn, body=GEN))) == 2
    assert "text/plain is not documented" in caplog.text


@pytest.mark.anyio
async def test_warn_mode_raises_only_when_nothing_can_be_returned(
    server: Server, caplog: pytest.LogCaptureFixture
) -> None:
    """A body the generated model cannot hold would end in a bare TypeError inside generated code."""
    client = oc.create_client(transport=server.transport(), validation="warn")
    json_route(server, "/api/tags", {"models": 7})  # not a list: from_dict has nothing to build it from
    with caplog.at_level(logging.WARNING, logger="ollama_contract"):
        with pytest.raises(oc.ContractViolation) as caught:
            list_models.sync(client=client)
        with pytest.raises(oc.ContractViolation):
            await list_models.asyncio(client=client)
    assert [v.rule for v in caught.value.violations] == ["type", "construct"]
    assert "ListResponse" in str(caught.value.violations[1].detail) and "models" in caplog.text


def test_the_lines_of_a_read_before_a_bad_one_still_come_out(server: Server) -> None:
    """One read holds good lines, a blank one, then a violation: the good ones still come out,
    both to the generated sync_stream (parsed values) and to whoever reads the checked bytes."""
    client = oc.create_client(transport=server.transport())
    read = ndjson([CHUNK]) + b"\n" + ndjson([CHUNK, {**CHUNK, "done": "no"}, CHUNK])
    lines_route(server, "/api/generate", [read])
    got: list[Any] = []
    with pytest.raises(oc.ContractViolation) as caught:
        for item in generate.sync_stream(client=client, body=GEN):
            got.append(item)
    assert len(got) == 2 and caught.value.pointer == "/done" and "line 3" in caught.value.where
    got.clear()
    with (
        pytest.raises(oc.ContractViolation),
        client.get_httpx_client().stream("POST", "/api/generate", json=GEN.to_dict()) as r,
    ):
        for line in r.iter_lines():
            got.append(line)
    assert [json.loads(line) for line in got if line] == [CHUNK, CHUNK]
