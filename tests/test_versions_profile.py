"""profile(): one version's contract derived from the spec; the client and the reference server under it."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from ollama_contract import ContractViolation, create_client, profile, profile_for, profiled_spec
from ollama_contract._profiles import normalise, parse_version
from ollama_contract._spec import index, load_spec
from ollama_contract._validation import Checker, check_value

TAGS = "#/paths/~1api~1tags/get/responses/200/content/application~1json/schema"


def schemas(doc: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = doc["components"]["schemas"]
    return found


def test_all_is_the_spec_itself() -> None:
    doc = load_spec()
    assert profile(doc, "all") is doc


def test_profile_is_pure_and_keeps_every_pointer() -> None:
    doc = load_spec()
    before = json.dumps(doc, sort_keys=True)
    derived = profile(doc, "0.33.0")
    assert json.dumps(doc, sort_keys=True) == before
    assert set(schemas(doc)) <= set(schemas(derived))
    assert index(derived).keys() == index(doc).keys()
    assert derived["info"]["x-profile"] == "0.33.0"


def test_a_version_requires_what_it_always_sends() -> None:
    current = schemas(profile(load_spec(), "0.33.0"))
    assert set(current["ModelSummary"]["required"]) >= {"name", "model", "digest", "details", "modified_at", "size"}
    assert "response" in current["GenerateResponse"]["allOf"][0]["required"]
    assert set(current["RunningModel"]["required"]) >= {"name", "details", "size_vram", "context_length"}
    assert "index" in current["ToolCallFunction__sent"]["required"]
    # ... but not what it sends only sometimes, and an old version not what came later
    assert "capabilities" not in current["ModelSummary"]["required"]
    old = schemas(profile(load_spec(), "0.1.14"))
    assert "details" not in old["ModelSummary"]["required"] and "digest" in old["ModelSummary"]["required"]


def test_always_until_ends_the_requirement() -> None:
    # Message.images: written always by 0.1.15 and 0.1.16 only (then omitempty)
    assert "images" in schemas(profile(load_spec(), "0.1.16"))["Message__sent"]["required"]
    assert "images" not in schemas(profile(load_spec(), "0.1.17"))["Message__sent"]["required"]


def test_removed_fields_are_forbidden_in_responses_and_forgotten_in_requests() -> None:
    new, old = schemas(profile(load_spec(), "0.32.6")), schemas(profile(load_spec(), "0.32.5"))
    assert new["GenerateResponse"]["allOf"][0]["properties"]["image"] is False
    assert "width" not in new["GenerateRequest"]["properties"]
    assert old["GenerateResponse"]["allOf"][0]["properties"]["image"]["type"] == "string"
    assert "steps" in old["GenerateRequest"]["properties"]
    image_line = {"model": "m", "created_at": "2025-01-01T00:00:00Z", "done": False, "response": "", "image": "AAAA"}
    line = "#/components/schemas/GenerateStreamLine"
    assert check_value(line, image_line, "line", profile="0.32.5") == []
    assert check_value(line, image_line, "line", profile="0.33.0")
    assert check_value(line, image_line, "line") == []


def test_requests_are_not_made_stricter_by_shared_schemas() -> None:
    """Message is in chat requests and responses; only its response copy requires role and content."""
    current = profile(load_spec(), "0.33.0")
    assert "required" not in schemas(current)["Message"]
    chat = "#/paths/~1api~1chat/post/requestBody/content/application~1json/schema"
    body = {"model": "m", "messages": [{"role": "user"}], "stream": False}
    assert check_value(chat, body, "request", profile="0.33.0") == []
    reply = {"model": "m", "created_at": "2025-01-01T00:00:00Z", "done": True, "message": {"role": "assistant"}}
    assert check_value("#/components/schemas/ChatResponse", reply, "response", profile="0.33.0")


def test_the_profiled_validators_judge_a_tags_answer() -> None:
    body = {"models": [{"modified_at": "2025-01-01T00:00:00Z", "size": 1}]}
    assert check_value(TAGS, body, "response") == []
    found = check_value(TAGS, body, "response", profile="0.33.0")
    assert {v.pointer for v in found} >= {"/models/0/name", "/models/0/digest", "/models/0/details"}
    assert {v.pointer for v in check_value(TAGS, body, "response", profile="0.0.17")} == {
        "/models/0/name",
        "/models/0/digest",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [("0.33.0", (0, 33, 0)), ("v0.5.7", (0, 5, 7)), ("0.12.3-rc1", (0, 12, 3)), ("0.6", (0, 6, 0))],
)
def test_versions_parse(text: str, expected: tuple[int, int, int]) -> None:
    assert parse_version(text) == expected


def test_bad_profiles_are_one_clear_error() -> None:
    for bad in ("latest", "", "x.y"):
        with pytest.raises(ValueError, match="version"):
            normalise(bad)
    with pytest.raises(ValueError, match="version"):
        create_client("http://127.0.0.1:9", profile="newest")
    assert profile_for("not a version") == "all" and profile_for(None) == "all"
    assert profile_for("0.33.0-rc2") == "0.33.0"
    assert Checker("strict", "v0.33").profile == "0.33.0"


def test_profiled_spec_is_cached_per_version() -> None:
    assert profiled_spec("0.33.0") is profiled_spec("0.33.0")
    assert profiled_spec("all") is load_spec()


# ---------------------------------------------------------------- over HTTP


def _tags_server(body: dict[str, Any]) -> httpx.MockTransport:
    return httpx.MockTransport(lambda request: httpx.Response(200, json=body))


def test_the_client_keeps_the_all_versions_contract_by_default() -> None:
    from ollama_api.api.models import list_models

    old = {"models": [{"name": "a:latest", "modified_at": "2023-11-03T15:36:02Z", "size": 1}]}
    assert list_models.sync(client=create_client("http://ollama.test", transport=_tags_server(old))) is not None
    strict = create_client("http://ollama.test", transport=_tags_server(old), profile="0.33.0")
    with pytest.raises(ContractViolation, match="required"):
        list_models.sync(client=strict)


@pytest.fixture(scope="module")
def reference() -> Iterator[str]:
    from ollama_contract.server import running_server

    with running_server() as url:
        yield url


def test_the_reference_server_reports_0_33_and_sends_what_0_33_always_sends(reference: str) -> None:
    """Every answer the reference server gives to the everyday calls, judged under its own profile."""
    version = httpx.get(reference + "/api/version").json()["version"]
    assert profile_for(version).startswith("0.33.")
    strict = Checker("strict", profile_for(version))
    model = "llama3.2"
    tool = {"type": "function", "function": {"name": "f", "parameters": {"type": "object", "properties": {}}}}
    calls: list[tuple[str, str, Any]] = [
        ("GET", "/api/tags", None),
        ("POST", "/api/show", {"model": model}),
        ("POST", "/api/generate", {"model": model, "prompt": "hi", "stream": False}),
        ("POST", "/api/generate", {"model": model, "prompt": "hi", "_debug_render_only": True, "stream": False}),
        ("POST", "/api/chat", {"model": model, "messages": [{"role": "user", "content": "hi"}], "stream": False}),
        ("POST", "/api/chat", {"model": model, "messages": [{"role": "user", "content": "x"}], "tools": [tool]}),
        ("POST", "/api/embed", {"model": "all-minilm", "input": "hi"}),
        ("POST", "/api/embeddings", {"model": "all-minilm", "prompt": "hi"}),
        ("GET", "/api/ps", None),
        ("GET", "/api/status", None),
    ]
    ops = {(op.method.upper(), op.path): op for op in index(load_spec()).values()}
    for method, path, body in calls:
        if isinstance(body, dict) and path in {"/api/generate", "/api/chat"}:
            body["stream"] = False
        response = httpx.request(method, reference + path, json=body, timeout=60)
        assert response.status_code == 200, (path, response.text)
        ptr = ops[(method, path)].responses[200]["application/json"]
        assert ptr is not None
        found = check_value(ptr, response.json(), f"{method} {path}", profile=strict.profile)
        assert found == [], (path, [v.describe() for v in found])
    # and the streamed lines
    lines = httpx.post(reference + "/api/generate", json={"model": model, "prompt": "hi"}, timeout=60).text
    line_ptr = "#/components/schemas/GenerateStreamLine"
    for line in filter(None, lines.splitlines()):
        assert check_value(line_ptr, json.loads(line), "line", profile=strict.profile) == []


def test_a_body_missing_a_0_33_field_is_caught_only_under_0_33(reference: str) -> None:
    httpx.post(reference + "/api/generate", json={"model": "llama3.2", "prompt": "", "stream": False}, timeout=60)
    body = httpx.get(reference + "/api/ps").json()
    assert body["models"], "generate with an empty prompt loads the model"
    broken = copy.deepcopy(body)
    del broken["models"][0]["context_length"]
    ps = "#/paths/~1api~1ps/get/responses/200/content/application~1json/schema"
    assert check_value(ps, body, "ps", profile="0.33.0") == []
    assert check_value(ps, broken, "ps") == []
    assert [v.pointer for v in check_value(ps, broken, "ps", profile="0.33.0")] == ["/models/0/context_length"]


BREAKABLE = [
    ("GET", "/api/tags", None, "/models/0/name"),
    ("POST", "/api/show", {"model": "llama3.2"}, "/details"),
    ("POST", "/api/generate", {"model": "llama3.2", "prompt": "hi", "stream": False}, "/response"),
    (
        "POST",
        "/api/chat",
        {"model": "llama3.2", "messages": [{"role": "user", "content": "hi"}], "stream": False},
        "/message",
    ),
]


@pytest.mark.parametrize(("method", "path", "body", "dropped"), BREAKABLE)
def test_the_version_field_breaker_is_seen_only_under_the_version_profile(
    reference: str, method: str, path: str, body: Any, dropped: str
) -> None:
    from ollama_contract.server.http.faults import FAULT_HEADER

    headers = {FAULT_HEADER: "missing-version-field"}
    broken = httpx.request(method, reference + path, json=body, headers=headers, timeout=60).json()
    ops = {(op.method.upper(), op.path): op for op in index(load_spec()).values()}
    ptr = ops[(method, path)].responses[200]["application/json"]
    assert ptr is not None
    assert check_value(ptr, broken, "response") == []
    assert [v.pointer for v in check_value(ptr, broken, "response", profile="0.33.0")] == [dropped]


def test_the_client_object_takes_a_profile_too() -> None:
    from ollama_contract import Ollama

    old = {"models": [{"name": "a:latest", "modified_at": "2023-11-03T15:36:02Z", "size": 1}]}
    with Ollama("http://ollama.test", transport=_tags_server(old)) as client:
        assert client.list() is not None
    strict = Ollama("http://ollama.test", transport=_tags_server(old), profile="0.33.0")
    with strict, pytest.raises(ContractViolation, match="required"):
        strict.list()


def test_the_suite_no_longer_expects_a_400_for_a_field_0_33_ignores() -> None:
    """Against a real 0.33, `{"model": "tiny", "steps": {}}` is answered 200: steps is gone, and an
    unknown field is ignored. Under the 0.33 profile the suite's validator no longer calls that
    request invalid (so no 400 is expected); under the all-versions one it still does."""
    from ollama_contract.contract._schemas import _validator

    generate = "#/paths/~1api~1generate/post/requestBody/content/application~1json/schema"
    body = {"model": "tiny", "steps": {}}
    assert list(_validator(generate, "all").iter_errors(body))
    assert list(_validator(generate, "0.33.0").iter_errors(body)) == []
    assert list(_validator(generate, "0.32.5").iter_errors(body))


def test_check_refuses_a_bad_profile_at_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    from ollama_contract.cli import build_parser

    with pytest.raises(SystemExit) as stopped:
        build_parser().parse_args(["check", "--profile", "latest"])
    assert stopped.value.code == 2
    assert "not an Ollama version: 'latest'" in capsys.readouterr().err
    assert build_parser().parse_args(["check", "--profile", "v0.5"]).profile == "0.5.0"
    assert build_parser().parse_args(["check", "--profile", "all"]).profile == "all"
