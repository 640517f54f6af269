"""Fault injection: faults that test clients (drops, garbage, delays, statuses) and faults that break
the contract on purpose, selected per server or per request with the X-Ollama-Fault header."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import httpx
import pytest
from kit import Wire, check, error_of
from ollama_api import Client
from ollama_api.api.inference import generate
from ollama_api.api.models import list_models, pull_model
from ollama_api.models import GenerateRequest, PullRequest

import ollama_contract as oc
from ollama_contract.server import FAULT_HEADER, parse_faults, running_server

BODY = {"model": "mistral", "prompt": "Why is the sky blue?", "options": {"seed": 1, "num_predict": 20}}


def faulty(client: Client, spec: str) -> Client:
    return client.with_headers({FAULT_HEADER: spec})


def received(url: str, spec: str, body: dict[str, object] = BODY) -> tuple[list[bytes], BaseException | None]:
    """The lines of a streamed generate under a header fault, and the error that ended it, if any."""
    got: list[bytes] = []
    try:
        with (
            httpx.Client(base_url=url) as http,
            http.stream("POST", "/api/generate", json=body, headers={FAULT_HEADER: spec}) as r,
        ):
            got.extend(r.iter_lines())  # type: ignore[arg-type]
    except httpx.HTTPError as exc:
        return got, exc
    return got, None


def test_no_fault_by_default(url: str) -> None:
    lines, error = received(url, "")
    assert error is None and len(lines) == 21 and json.loads(lines[-1])["done"] is True


def test_drop_after(url: str, client: Client) -> None:
    lines, error = received(url, "drop-after=5")
    assert isinstance(error, httpx.RemoteProtocolError) and len(lines) == 5
    assert all(json.loads(line)["done"] is False for line in lines)
    stream = oc.stream(faulty(client, "drop-after=3"), generate, GenerateRequest.from_dict(BODY))
    seen = []
    with pytest.raises(oc.APIConnectionError):
        seen.extend(stream)
    assert len(seen) == 3
    # Past the end of a short stream, it drops the connection where the stream would have ended.
    lines, error = received(url, "drop-after=500")
    assert isinstance(error, httpx.RemoteProtocolError) and len(lines) == 21


def test_garbage_line(url: str, client: Client) -> None:
    lines, error = received(url, "garbage-line=2")
    assert error is None and lines[2] == "this line is not JSON" and len(lines) == 22
    assert received(url, "garbage-line=0")[0][0] == "this line is not JSON"
    with pytest.raises(oc.ContractViolation) as caught:
        list(oc.stream(faulty(client, "garbage-line=1"), generate, GenerateRequest.from_dict(BODY)))
    assert caught.value.operation == "generate"


def test_delay(url: str) -> None:
    start = time.monotonic()
    with httpx.Client(base_url=url) as http:
        assert http.get("/api/version", headers={FAULT_HEADER: "delay=150"}).status_code == 200
    assert time.monotonic() - start >= 0.15
    start = time.monotonic()
    lines, error = received(url, "delay=20", {**BODY, "options": {"seed": 1, "num_predict": 5}})
    assert error is None and len(lines) == 6 and time.monotonic() - start >= 0.02 * 6


def test_status_on_every_request_or_the_nth(url: str, client: Client) -> None:
    with httpx.Client(base_url=url) as http:
        busy = http.post("/api/generate", json=BODY, headers={FAULT_HEADER: "status=503"})
        check(busy)  # generate documents 503, with Ollama's error body
        assert error_of(busy, 503) == "server busy, please try again.  maximum pending requests exceeded"
        spec = {FAULT_HEADER: "status=429@2"}
        statuses = [http.get("/api/tags", headers=spec).status_code for _ in range(3)]
        assert statuses == [200, 429, 200]
        # Another header value counts on its own.
        assert http.get("/api/tags", headers={FAULT_HEADER: "status=500@1"}).status_code == 500
        head = http.head("/api/tags", headers={FAULT_HEADER: "status=500"})
        assert (head.status_code, head.content) == (500, b"")
    with pytest.raises(oc.RateLimitError) as caught:
        generate.sync(client=faulty(client, "status=429"), body=GenerateRequest(model="mistral", prompt="x"))
    assert caught.value.message == "rate limit exceeded"
    with pytest.raises(oc.ServerError):
        list(oc.stream(faulty(client, "status=500"), pull_model, PullRequest(model="mistral")))


def test_bad_fault_header(wire: Wire) -> None:
    message = error_of(wire.post("/api/show", {"model": "mistral"}, headers={FAULT_HEADER: "explode=1"}), 400)
    assert message == "X-Ollama-Fault: unknown fault spec 'explode=1'"
    bad = wire.post("/api/show", {"model": "mistral"}, headers={FAULT_HEADER: "status=99"})
    assert error_of(bad, 400).startswith("X-Ollama-Fault: bad number")


def test_parse_faults() -> None:
    assert [str(f) for f in parse_faults("drop-after=3, status=503@2,wrong-type")] == [
        "drop-after=3",
        "status=503@2",
        "wrong-type",
    ]
    for bad in ("drop-after", "status=abc", "status=700", "wrong-type=1", "nonsense"):
        with pytest.raises(ValueError):
            parse_faults(bad)


@pytest.fixture(scope="module")
def flaky() -> Iterator[str]:
    with running_server(models=["mistral"], faults=["status=503@2", "delay=10"]) as base:
        yield base


def test_server_faults(flaky: str) -> None:
    with httpx.Client(base_url=flaky) as http:
        statuses = [http.get("/api/version").status_code for _ in range(3)]
    assert statuses == [200, 503, 200]


def test_server_drop_after() -> None:
    with running_server(models=["mistral"], faults=["drop-after=2"]) as base:
        lines, error = received(base, "")
        assert isinstance(error, httpx.RemoteProtocolError) and len(lines) == 2
        # A fault from the header adds to the server's.
        lines, error = received(base, "garbage-line=1")
        assert lines == [lines[0], "this line is not JSON"]


# Contract breakers: a strict client must notice each one.


BREAKABLE = [
    ("GET", "/api/tags", None),
    ("GET", "/api/ps", None),
    ("GET", "/api/version", None),
    ("GET", "/api/status", None),
    ("POST", "/api/generate", {**BODY, "stream": False}),
    ("POST", "/api/generate", BODY),
    ("POST", "/api/chat", {"model": "mistral", "messages": [{"role": "user", "content": "Hi"}], "stream": False}),
    ("POST", "/api/chat", {"model": "mistral", "messages": [{"role": "user", "content": "Hi"}]}),
    ("POST", "/api/embed", {"model": "all-minilm", "input": "hi"}),
    ("POST", "/api/embeddings", {"model": "all-minilm", "prompt": "hi"}),
    ("POST", "/api/pull", {"model": "mistral"}),
    ("POST", "/api/pull", {"model": "mistral", "stream": False}),
    ("POST", "/api/show", {"model": "nope"}),  # an error body
    ("POST", "/api/generate", {"model": "nope", "prompt": "x"}),
]


@pytest.mark.parametrize("spec", ["wrong-type", "missing-field"])
@pytest.mark.parametrize(("method", "path", "body"), BREAKABLE)
def test_contract_breakers_break_every_answer(
    url: str, spec: str, method: str, path: str, body: dict[str, object] | None
) -> None:
    with httpx.Client(base_url=url) as http:
        clean = http.request(method, path, json=body)
        check(clean)
        if method == "GET" and path == "/api/ps":
            http.post("/api/generate", json={"model": "mistral"})  # something to list
        broken = http.request(method, path, json=body, headers={FAULT_HEADER: spec})
    with pytest.raises(oc.ContractViolation):
        check(broken)


def test_wrong_type_and_missing_field(client: Client) -> None:
    for spec in ("wrong-type", "missing-field"):
        with pytest.raises(oc.ContractViolation):
            list_models.sync(client=faulty(client, spec))
        with pytest.raises(oc.ContractViolation):
            list(oc.stream(faulty(client, spec), generate, GenerateRequest.from_dict(BODY)))
        with pytest.raises(oc.ContractViolation):
            generate.sync(client=faulty(client, spec), body=GenerateRequest.from_dict(BODY))


def test_undocumented_status(client: Client, url: str) -> None:
    with pytest.raises(oc.ContractViolation) as caught:
        list_models.sync(client=faulty(client, "undocumented-status"))
    assert caught.value.status not in (200, 500)
    with httpx.Client(base_url=url) as http:
        answer = http.get("/api/tags", headers={FAULT_HEADER: "undocumented-status"})
    assert answer.status_code == 418 and "error" in answer.json()


def test_bad_ndjson_and_no_final_line(client: Client) -> None:
    with pytest.raises(oc.ContractViolation):
        list(oc.stream(faulty(client, "bad-ndjson"), generate, GenerateRequest.from_dict(BODY)))
    with pytest.raises(oc.IncompleteStreamError):
        list(oc.stream(faulty(client, "no-final-line"), pull_model, PullRequest(model="mistral")))


def test_ghost_model(wire: Wire) -> None:
    wire.post("/api/copy", {"source": "mistral", "destination": "ghost"})
    deleted = wire.request("DELETE", "/api/delete", {"model": "ghost"}, headers={FAULT_HEADER: "ghost-model"})
    assert deleted.status_code == 200
    assert "ghost:latest" in [m["name"] for m in wire.get("/api/tags").json()["models"]]
    assert wire.post("/api/show", {"model": "ghost"}).status_code == 200
