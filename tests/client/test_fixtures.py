"""Real-shaped responses (tests/fixtures/wire) pass strict mode, through every path, with no false alarm."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from calls import arguments
from helpers import as_go_reads, load_yaml_spec
from wire import FIXTURES, Server

import ollama_contract as oc
from ollama_contract._spec import index, module_for, operations, resolve

IDS = [f"{f['operation']}-{f['name']}" for f in FIXTURES]
STREAM_FIXTURES = [f for f in FIXTURES if "lines" in f or (operations()[f["operation"]].stream and f["status"] == 200)]
STREAM_IDS = [f"{f['operation']}-{f['name']}" for f in STREAM_FIXTURES]


def serve(server: Server, exchange: dict[str, Any], chunk_size: int | None = None) -> None:
    server.chunk_size = chunk_size
    server.routes[
        operations()[exchange["operation"]].path.replace(
            "{digest}", "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        )
    ] = exchange


def expect(exchange: dict[str, Any]) -> type[Exception] | None:
    if exchange["status"] >= 400 and operations()[exchange["operation"]].method != "head":
        return oc.APIStatusError
    if any("error" in line for line in exchange.get("lines", [])):
        return oc.StreamError
    return None


def check_error(error: BaseException, exchange: dict[str, Any]) -> None:
    assert isinstance(error, oc.OllamaError)
    assert error.operation == exchange["operation"]
    body = exchange.get("body")
    message = (
        body.get("error")
        if isinstance(body, dict)
        else next((line["error"] for line in exchange.get("lines", []) if "error" in line), None)
    )
    assert error.message == message
    assert error.status == exchange["status"]


def call_generated(client: Any, exchange: dict[str, Any]) -> Any:
    module = module_for(exchange["operation"])
    args, kwargs = arguments(exchange["operation"])
    if "lines" in exchange:
        return list(module.sync_stream(*args, client=client, **kwargs))
    return module.sync_detailed(*args, client=client, **kwargs)


@pytest.mark.parametrize("mode", ["strict", "warn"])
@pytest.mark.parametrize("exchange", FIXTURES, ids=IDS)
def test_generated_functions_accept_every_fixture(
    server: Server, exchange: dict[str, Any], mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    serve(server, exchange, chunk_size=7)
    client = oc.create_client(transport=server.transport(), validation=mode)
    wanted = expect(exchange)
    call = lambda: call_generated(client, exchange)  # noqa: E731
    with caplog.at_level(logging.WARNING, logger="ollama_contract"):
        if wanted is None:
            result = call()
            if "lines" in exchange:
                assert len(result) == len(exchange["lines"])
            else:
                assert result.status_code == exchange["status"]
        else:
            with pytest.raises(wanted) as caught:
                call()
            check_error(caught.value, exchange)
    assert caplog.records == []


def go_read(exchange: dict[str, Any], lines: list[Any]) -> list[Any]:
    """The lines as the models read them: a `null` where Go means a zero value, left out."""
    spec = load_yaml_spec()
    pointer = index(spec)[exchange["operation"]].responses[exchange["status"]][exchange["content_type"].split(";")[0]]
    return [as_go_reads(spec, resolve(spec, pointer), line) for line in lines]


@pytest.mark.parametrize("exchange", STREAM_FIXTURES, ids=STREAM_IDS)
@pytest.mark.parametrize("chunk_size", [1, 3, 64, None])
def test_typed_streams_accept_every_stream_fixture(
    server: Server, exchange: dict[str, Any], chunk_size: int | None
) -> None:
    serve(server, exchange, chunk_size)
    client = oc.create_client(transport=server.transport())
    module = module_for(exchange["operation"])
    _, kwargs = arguments(exchange["operation"])
    wanted = expect(exchange)
    lines = exchange.get("lines") or [exchange["body"]]
    if wanted is None:
        with oc.stream(client, module, kwargs["body"]) as items:
            got = list(items)
        assert [item.to_dict() for item in got] == go_read(exchange, lines)
    else:
        with pytest.raises(wanted) as caught:
            list(oc.stream(client, module, kwargs["body"]))
        check_error(caught.value, exchange)
    assert server.streams[-1].closed


@pytest.mark.anyio
@pytest.mark.parametrize("exchange", STREAM_FIXTURES, ids=STREAM_IDS)
async def test_async_streams_accept_every_stream_fixture(server: Server, exchange: dict[str, Any]) -> None:
    serve(server, exchange, chunk_size=5)
    client = oc.create_client(transport=server.transport())
    module = module_for(exchange["operation"])
    _, kwargs = arguments(exchange["operation"])
    wanted = expect(exchange)
    lines = exchange.get("lines") or [exchange["body"]]
    if wanted is None:
        async with oc.astream(client, module, kwargs["body"]) as items:
            got = [item async for item in items]
        assert [item.to_dict() for item in got] == go_read(exchange, lines)
    else:
        with pytest.raises(wanted) as caught:
            async with oc.astream(client, module, kwargs["body"]) as items:
                async for _ in items:
                    pass
        check_error(caught.value, exchange)
    assert server.streams[-1].closed
