"""create_client: base URL, API key (never shown), headers, timeouts, modes."""

from __future__ import annotations

import logging

import httpx
import pytest
from ollama_api import Client
from ollama_api.api.inference import generate
from ollama_api.api.models import list_models
from ollama_api.models import GenerateRequest
from wire import Server, ndjson

import ollama_contract as oc

SECRET = "sk-ollama-0123456789abcdef"


def test_defaults() -> None:
    client = oc.create_client()
    assert isinstance(client, Client)
    http = client.get_httpx_client()
    assert str(http.base_url) == "http://127.0.0.1:11434"
    assert http.timeout == httpx.Timeout(None, connect=10.0)
    assert http.timeout.read is None and "ollama-contract/" in http.headers["user-agent"]
    assert "authorization" not in http.headers


def test_host_from_argument_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OLLAMA_HOST", "example.com:56789/prefix/")
    assert oc.create_client()._base_url == "http://example.com:56789/prefix"
    assert oc.create_client("https://[::1]")._base_url == "https://[::1]:443"
    assert str(oc.create_client().get_httpx_client().base_url) == "http://example.com:56789/prefix/"


def test_requests_go_under_the_path_prefix(server: Server) -> None:
    server.routes["/ollama/api/tags"] = {"status": 200, "content_type": "application/json", "body": {"models": []}}
    client = oc.create_client("https://proxy.example/ollama", transport=server.transport())
    assert list_models.sync(client=client) is not None
    assert str(server.requests[-1].url) == "https://proxy.example/ollama/api/tags"


def test_headers_timeouts_retries_modes(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = {"models": [{"name": "x", "modified_at": "?", "size": "big", "digest": "d"}]}
    server.routes["/api/tags"] = {"status": 200, "content_type": "application/json", "body": bad}
    client = oc.create_client(
        transport=server.transport(), headers={"X-Request-Source": "tests"}, timeout=2.5, retries=0
    )
    assert client.get_httpx_client().timeout == httpx.Timeout(2.5)
    with pytest.raises(oc.ContractViolation):
        list_models.sync(client=client)
    assert server.requests[-1].headers["x-request-source"] == "tests"
    assert oc.create_client(timeout=None).get_httpx_client().timeout == httpx.Timeout(None)
    monkeypatch.setenv("OLLAMA_CONTRACT_VALIDATION", "off")
    assert list_models.sync(client=oc.create_client(transport=server.transport())) is not None
    with pytest.raises(ValueError):
        oc.create_client(validation="sometimes")


@pytest.mark.anyio
async def test_the_api_key_is_sent_and_never_shown(
    server: Server, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("OLLAMA_API_KEY", SECRET)
    client = oc.create_client(transport=server.transport(), validation="warn")
    texts = [repr(client), str(client), repr(client.get_httpx_client()), repr(client.get_async_httpx_client())]
    texts.append(repr(client.get_httpx_client().__dict__))

    bad = {"models": [{"name": "x", "modified_at": "?", "size": "big", "digest": "d"}]}
    server.routes["/api/tags"] = {"status": 200, "content_type": "application/json", "body": bad}
    with caplog.at_level(logging.DEBUG):
        list_models.sync(client=client)
        await list_models.asyncio(client=client)
    sent = server.requests[-1]
    assert sent.headers["authorization"] == f"Bearer {SECRET}"
    texts += [repr(sent), repr(sent.headers), caplog.text]

    strict = oc.create_client(transport=server.transport(), api_key=SECRET)
    texts.append(repr(strict))
    server.routes["/api/generate"] = {
        "status": 401,
        "content_type": "application/json",
        "body": {"error": "unauthorized"},
    }
    errors: list[BaseException] = []
    for call in (
        lambda: list_models.sync(client=strict),
        lambda: generate.sync(client=strict, body=GenerateRequest(model="m")),
        lambda: generate.sync(client=strict, body=GenerateRequest(model="")),
        lambda: list(oc.stream(strict, generate, GenerateRequest(model="m"))),
    ):
        with pytest.raises(oc.OllamaError) as caught:
            call()
        errors.append(caught.value)

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    server.routes["/api/generate"] = refuse
    with pytest.raises(oc.APIConnectionError) as caught_connection:
        list(oc.stream(strict, generate, GenerateRequest(model="m")))
    errors.append(caught_connection.value)
    for error in errors:
        texts += [str(error), repr(error), repr(vars(error))]
    for text in texts:
        assert SECRET not in text
    assert len(errors) == 5


def test_a_stream_from_the_factory_uses_its_mode(server: Server, caplog: pytest.LogCaptureFixture) -> None:
    chunk = {"model": "m", "created_at": "2025-10-02T09:14:51Z", "response": 5, "done": True}
    server.routes["/api/generate"] = ({"status": 200, "content_type": "application/x-ndjson"}, [ndjson([chunk])], None)
    items = list(
        oc.stream(
            oc.create_client(transport=server.transport(), validation="warn"), generate, GenerateRequest(model="m")
        )
    )
    assert items[0].response == 5 and "/response" in caplog.text


def test_an_authorization_header_is_as_secret_as_the_key(server: Server) -> None:
    server.routes["/api/tags"] = {"status": 200, "content_type": "application/json", "body": {"models": []}}
    for name in ("Authorization", "authorization"):
        client = oc.create_client(
            transport=server.transport(), headers={name: f"Bearer {SECRET}", "X-Other": "1"}, api_key="loser"
        )
        list_models.sync(client=client)
        sent = server.requests[-1]
        assert sent.headers["authorization"] == f"Bearer {SECRET}" and sent.headers["x-other"] == "1"
        copy = client.with_headers({"X-Trace": "2"})
        list_models.sync(client=copy)
        assert server.requests[-1].headers["authorization"] == f"Bearer {SECRET}"
        for text in (repr(client), repr(copy), repr(client.get_httpx_client().__dict__)):
            assert SECRET not in text
