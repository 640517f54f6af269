"""Quality gates on generated_client/: fresh, typed, and lossless on every example and fixture."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from helpers import (
    ROOT,
    as_go_reads,
    canonical,
    endpoint_module,
    iter_examples,
    load_wire_fixtures,
    load_yaml_spec,
    model_for,
    round_trip,
)

from ollama_contract._spec import index, resolve, split_pointer


def _example_cases() -> list[tuple[str, str, str, Any]]:
    spec = load_yaml_spec()
    ops = {(op.method, op.path): op for op in index(spec).values()}
    cases = []
    for where, schema, value in iter_examples(spec):
        if not where.startswith("#/paths/") or not isinstance(value, dict):
            continue
        path, method = split_pointer(where)[1:3]
        cases.append((where, ops[(method, path)].operation_id, schema, value))
    return cases


def _json_fixtures() -> list[dict[str, Any]]:
    """Fixtures with a JSON body or NDJSON lines; blob and copy answers have nothing to parse."""
    return [f for f in load_wire_fixtures() if f.get("lines") or isinstance(f.get("body"), dict)]


EXAMPLES = _example_cases()
FIXTURES = _json_fixtures()


@pytest.mark.parametrize(("where", "op_id", "schema", "value"), EXAMPLES, ids=[c[0] for c in EXAMPLES])
def test_examples_round_trip_through_generated_models(
    spec: dict[str, Any], where: str, op_id: str, schema: str, value: Any
) -> None:
    expected = as_go_reads(spec, resolve(spec, schema), value)
    assert canonical(round_trip(spec, index(spec)[op_id], schema, value)) == canonical(expected)


@pytest.mark.parametrize("exchange", FIXTURES, ids=[f"{f['operation']}-{f['name']}" for f in FIXTURES])
def test_fixtures_round_trip_through_generated_models(spec: dict[str, Any], exchange: dict[str, Any]) -> None:
    op = index(spec)[exchange["operation"]]
    ptr = op.responses[exchange["status"]][exchange["content_type"].split(";")[0]]
    assert ptr is not None
    for value in exchange.get("lines") or [exchange["body"]]:
        assert canonical(round_trip(spec, op, ptr, value)) == canonical(as_go_reads(spec, resolve(spec, ptr), value))


def test_round_trip_notices_a_lost_field(spec: dict[str, Any]) -> None:
    """The comparison above must be able to fail: a dropped or retyped field shows."""
    op = index(spec)["generate"]
    ptr = op.responses[200]["application/json"]
    assert ptr is not None
    value = {"model": "m", "created_at": "2024-01-01T00:00:00Z", "done": True, "eval_count": 3}
    parsed = model_for(spec, ptr).from_dict(value)  # type: ignore[union-attr]
    parsed.eval_count = 3.0
    assert canonical(parsed.to_dict()) != canonical(value)


def test_generated_package_passes_mypy() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", str(ROOT / "pyproject.toml"), "-p", "ollama_api"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_client_is_fresh() -> None:
    """scripts/regenerate --check: the committed client is byte for byte what the spec makes."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "regenerate"), "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_package_ships_its_spec_and_stamp() -> None:
    from importlib import resources

    pkg = resources.files("ollama_api")
    shipped = json.loads(pkg.joinpath("openapi.json").read_text(encoding="utf-8"))
    assert shipped.pop("x-generated").startswith("Generated from openapi.yaml")
    assert shipped == load_yaml_spec()
    stamp = json.loads(pkg.joinpath("_provenance.json").read_text(encoding="utf-8"))
    assert set(stamp["tools"]) == {"openapi-python-client", "ruff"}
    import hashlib

    assert stamp["spec_sha256"] == hashlib.sha256((ROOT / "openapi.yaml").read_bytes()).hexdigest()


def test_every_generated_file_says_so_on_its_first_line() -> None:
    package = ROOT / "generated_client" / "ollama_api"
    files = [p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert len(files) > 50
    for path in files:
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert "Generated from openapi.yaml" in first and "do not edit" in first.lower(), path


def test_streaming_operations_have_stream_functions() -> None:
    for op in index(load_yaml_spec()).values():
        module = endpoint_module(op)
        assert hasattr(module, "sync_stream") == op.streams, op.operation_id
        assert hasattr(module, "asyncio_stream") == op.streams, op.operation_id


def _fast_path_inputs(spec: dict[str, Any]) -> list[tuple[type[Any], Any]]:
    """Every example and fixture body with a generated model, and each nested object of theirs."""
    cases = []
    for _, ptr, value in iter_examples(spec):
        cls = model_for(spec, ptr) if isinstance(value, dict) else None
        if cls is not None:
            cases.append((cls, value))
    for exchange in FIXTURES:
        ptr = index(spec)[exchange["operation"]].responses[exchange["status"]][exchange["content_type"].split(";")[0]]
        cls = model_for(spec, ptr) if ptr else None
        for value in exchange.get("lines") or [exchange["body"]]:
            if cls is not None and isinstance(value, dict) and "error" not in value:
                cases.append((cls, value))
    return cases


def test_the_fast_from_dict_builds_what_upstreams_builds(spec: dict[str, Any]) -> None:
    """codegen/templates/model.py.jinja's from_dict against upstream's, kept as _from_dict: equal
    objects (attrs compares every field and additional_properties) on every example and fixture."""
    cases = _fast_path_inputs(spec)
    assert len(cases) > 100
    for cls, value in cases:
        assert cls.from_dict(value) == cls._from_dict(value), (cls.__name__, value)


def test_the_fast_from_dict_falls_back_with_upstreams_errors_and_extras() -> None:
    from ollama_api.models import ChatResponse, GenerateResponse, VersionResponse

    line = {"model": "m", "created_at": "2024-01-01T00:00:00Z", "done": False, "response": "hi"}
    with pytest.raises(KeyError):  # a required field with no Go zero value behind it
        VersionResponse.from_dict({"build": "x"})
    # A field whose absence Go reads as its zero value reads as that value, and stays out.
    undone = GenerateResponse.from_dict({k: v for k, v in line.items() if k != "done"})
    assert undone.done is False and "done" not in undone.to_dict()
    assert GenerateResponse(model="m", response="hi").to_dict()["done"] is False  # Go always sends it
    extra = GenerateResponse.from_dict({**line, "new_field": 1})
    assert extra.additional_properties == {"new_field": 1} and extra.response == "hi"
    chat = {
        "model": "m",
        "created_at": "2024-01-01T00:00:00.123456789+02:00",
        "done": True,
        "message": {"role": "assistant", "content": "x"},
    }
    built = ChatResponse.from_dict(chat)
    assert built == ChatResponse._from_dict(chat) and built.message.content == "x"
    # A planted difference shows: the comparison above can fail.
    assert GenerateResponse.from_dict(line) != GenerateResponse._from_dict({**line, "response": "ho"})


def test_sync_stream_builds_from_the_lines_the_hooks_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the contract hooks, the generated sync_stream takes the parsed lines they hand over
    (response.extensions[PARSED_LINES]) and parses none itself; a plain client parses them."""
    import httpx
    from ollama_api import Client
    from ollama_api.api.inference import generate
    from ollama_api.models import GenerateRequest, GenerateResponse

    from ollama_contract import create_client

    lines = [
        {"model": "m", "created_at": "2025-10-02T09:14:51Z", "response": "hi", "done": False},
        {"model": "m", "created_at": "2025-10-02T09:14:52Z", "response": "", "done": True, "done_reason": "stop"},
    ]
    body = "".join(json.dumps(line) + "\n" for line in lines).encode()

    def handle(request: httpx.Request) -> httpx.Response:
        stream = httpx.ByteStream(body)
        return httpx.Response(200, headers={"content-type": "application/x-ndjson"}, stream=stream)

    transport = httpx.MockTransport(handle)
    request = GenerateRequest(model="m", prompt="p")
    plain = list(
        generate.sync_stream(client=Client("http://127.0.0.1:1", httpx_args={"transport": transport}), body=request)
    )
    assert plain == [GenerateResponse.from_dict(line) for line in lines]

    def no_second_parse(line: str) -> Any:
        raise AssertionError("the generated stream parsed a line the hooks had parsed")

    monkeypatch.setattr(generate, "_parse_stream_line", no_second_parse)
    checked = create_client("http://127.0.0.1:1", transport=transport, validation="strict")
    assert list(generate.sync_stream(client=checked, body=request)) == plain

    async def read_async() -> list[Any]:
        return [item async for item in generate.asyncio_stream(client=checked, body=request)]

    import asyncio

    assert asyncio.run(read_async()) == plain


def test_operations_with_servers_of_their_own_go_there_whatever_the_base_url(spec: dict[str, Any]) -> None:
    """openapi-python-client ignores an operation's `servers`; the endpoint template does not: the
    generated hosted web search goes to ollama.com with the client's token, the local one stays local."""
    import httpx
    from ollama_api import AuthenticatedClient
    from ollama_api.api.web import web_search, web_search_experimental
    from ollama_api.models import WebSearchRequest

    hosted = {
        (method, path): op["servers"][0]["url"]
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict) and op.get("servers")
    }
    assert ("post", "/api/web_search") in hosted
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"results": []})

    client = AuthenticatedClient(
        "http://127.0.0.1:11434", token="key", httpx_args={"transport": httpx.MockTransport(handle)}
    )
    web_search.sync_detailed(client=client, body=WebSearchRequest(query="llamas"))
    web_search_experimental.sync_detailed(client=client, body=WebSearchRequest(query="llamas"))
    assert [str(r.url) for r in seen] == [
        hosted[("post", "/api/web_search")] + "/api/web_search",
        "http://127.0.0.1:11434/api/experimental/web_search",
    ]
    assert seen[0].headers["authorization"] == "Bearer key"
