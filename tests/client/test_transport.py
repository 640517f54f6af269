"""Retries: only GET and HEAD, with backoff, never POSTs or streams; typed connection errors."""

from __future__ import annotations

import httpx
import pytest
from ollama_api.api.inference import generate
from ollama_api.api.models import list_models
from ollama_api.models import GenerateRequest
from wire import Server

import ollama_contract as oc
from ollama_contract._transport import RetryTransport

FAST = oc.Retries(attempts=3, backoff=0.0)


def flaky(server: Server, path: str, outcomes: list[int | Exception]) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        body = {"models": []} if outcome == 200 else {"error": "busy"}
        return httpx.Response(outcome, json=body)

    server.routes[path] = answer


@pytest.mark.parametrize(
    ("outcomes", "requests"),
    [
        ([503, 502, 200], 3),
        ([httpx.ConnectError("refused"), 200], 2),
        ([httpx.ReadTimeout("slow"), 504, 200], 3),
        ([500], 1),
    ],
)
def test_gets_are_retried(server: Server, outcomes: list[int | Exception], requests: int) -> None:
    flaky(server, "/api/tags", list(outcomes))
    client = oc.create_client(transport=server.transport(), retries=FAST)
    if outcomes[-1] == 200:
        assert list_models.sync(client=client) is not None
    else:
        with pytest.raises(oc.ServerError):
            list_models.sync(client=client)
    assert len(server.requests) == requests


def test_retries_give_up_with_a_typed_error(server: Server) -> None:
    flaky(server, "/api/tags", [httpx.ConnectError("refused")] * 3)
    with pytest.raises(oc.APIConnectionError) as caught:
        list_models.sync(client=oc.create_client(transport=server.transport(), retries=FAST))
    assert len(server.requests) == 3 and caught.value.operation == "list_models"
    flaky(server, "/api/tags", [503, 503, 503])  # 503 is not documented for /api/tags: a violation in strict mode
    with pytest.raises(oc.ServerError):
        list_models.sync(
            client=oc.create_client(transport=server.transport(), retries=oc.Retries(backoff=0), validation="off")
        )
    flaky(server, "/api/tags", [httpx.ConnectTimeout("slow")])
    with pytest.raises(oc.APITimeoutError):
        list_models.sync(client=oc.create_client(transport=server.transport(), retries=0))


def test_posts_and_streams_are_never_retried(server: Server) -> None:
    flaky(server, "/api/generate", [503, 200])
    client = oc.create_client(transport=server.transport(), retries=FAST)
    with pytest.raises(oc.ServerError):
        generate.sync(client=client, body=GenerateRequest(model="m"))
    flaky(server, "/api/generate", [httpx.ConnectError("refused"), 200])
    with pytest.raises(oc.APIConnectionError):
        list(oc.stream(client, generate, GenerateRequest(model="m")))
    assert len(server.requests) == 2


def test_backoff_sleeps_between_tries(server: Server) -> None:
    flaky(server, "/api/tags", [503, 503, 200])
    slept: list[float] = []
    transport = RetryTransport(oc.Retries(attempts=3, backoff=1.0), server.transport(), sleep=slept.append)
    with httpx.Client(transport=transport, base_url="http://h") as http:
        assert http.get("/api/tags").status_code == 200
    assert len(slept) == 2 and 0.5 <= slept[0] <= 1.0 and 1.0 <= slept[1] <= 2.0


@pytest.mark.anyio
async def test_async_gets_are_retried(server: Server) -> None:
    flaky(server, "/api/tags", [503, httpx.ConnectError("refused"), 200])
    client = oc.create_client(transport=server.transport(), retries=FAST)
    assert await list_models.asyncio(client=client) is not None
    assert len(server.requests) == 3
    flaky(server, "/api/tags", [httpx.ConnectError("refused")] * 3)
    with pytest.raises(oc.APIConnectionError):
        await list_models.asyncio(client=client)


def test_default_transports_are_made_on_first_use() -> None:
    transport = RetryTransport(oc.Retries())
    assert transport._sync is None and transport._async is None
    transport.close()
    assert "Retries" in repr(transport)
