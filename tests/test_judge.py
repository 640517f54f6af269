"""The one judge of a whole response: each way to break the contract is named, and nothing else.

Pure cases first (bytes in, violations out), then the public `judge_response` on real loopback
answers of the reference server, clean and with planted faults.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from ollama_contract.contract._safety import Guard
from ollama_contract.server import running_server
from ollama_contract.spec import NDJSON, judge, judge_response

JSON = "application/json; charset=utf-8"
CHUNK = {"model": "m", "created_at": "2024-01-01T00:00:00Z", "response": "a", "done": False}
FINAL = {**CHUNK, "response": "", "done": True, "done_reason": "stop"}


def lines(*items: object) -> bytes:
    return b"".join(json.dumps(item).encode() + b"\n" for item in items)


def rules(method: str, path: str, status: int, ctype: str | None, body: bytes) -> list[str]:
    return [v.rule for v in judge(method, path, status, ctype, body).violations]


def test_a_conforming_answer_has_no_violation_and_its_body_parsed() -> None:
    verdict = judge("GET", "/api/version", 200, JSON, b'{"version":"0.33.0"}')
    assert verdict.ok and verdict.parsed == {"version": "0.33.0"}
    assert verdict.operation is not None and verdict.operation.operation_id == "version"
    assert judge("POST", "/prefix/api/generate", 200, NDJSON, lines(CHUNK, FINAL)).ok  # a prefixed base URL


@pytest.mark.parametrize(
    ("method", "path", "status", "ctype", "body", "rule"),
    [
        ("GET", "/api/version", 418, JSON, b'{"error":"x"}', "status"),
        ("GET", "/api/version", 200, "text/html", b"<p>", "content-type"),
        ("GET", "/api/version", 200, JSON, b'{"version": 1}', "type"),
        ("GET", "/api/version", 200, JSON, b"{not json", "json"),
        ("POST", "/api/generate", 200, NDJSON, lines(CHUNK, CHUNK), "final-line"),
        ("POST", "/api/pull", 200, NDJSON, lines({"status": "pulling manifest"}), "final-line"),
        ("POST", "/api/generate", 200, NDJSON, lines(CHUNK) + b"{nope\n" + lines(FINAL), "json"),
        ("POST", "/api/generate", 200, NDJSON, lines({**CHUNK, "done": "no"}, FINAL), "type"),
        ("POST", "/api/generate", 200, NDJSON, b"", "stream"),
        ("POST", "/api/chat", 200, NDJSON, lines({"model": "m", "created_at": "t", "done": True}), "pattern"),
        ("POST", "/api/generate", 200, NDJSON, lines({k: v for k, v in FINAL.items() if k != "model"}), "required"),
        ("GET", "/api/nothing", 200, JSON, b"{}", "operation"),
    ],
)
def test_each_break_is_named(method: str, path: str, status: int, ctype: str, body: bytes, rule: str) -> None:
    assert rule in rules(method, path, status, ctype, body)


def test_a_stream_may_end_in_an_error_line_and_a_head_is_judged_by_status() -> None:
    assert judge("POST", "/api/pull", 200, NDJSON, lines({"status": "x"}, {"error": "offline"})).ok
    assert judge("HEAD", "/api/tags", 200, JSON, b"").ok
    assert rules("HEAD", "/api/tags", 418, JSON, b"") == ["status"]


def test_off_mode_finds_nothing_but_still_parses() -> None:
    verdict = judge("GET", "/api/version", 418, JSON, b'{"version": 1}', schemas=False)
    assert verdict.ok and verdict.parsed == {"version": 1}


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with running_server(models="default") as base:
        yield base


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/api/tags", None),
        ("POST", "/api/generate", {"model": "mistral", "prompt": "hi"}),
        ("POST", "/api/pull", {"model": "mistral"}),
        ("POST", "/api/me", None),
        ("GET", "/api/experimental/model-recommendations", None),
    ],
)
def test_judge_response_on_real_answers_clean_and_broken(url: str, method: str, path: str, body: object) -> None:
    with httpx.Client(base_url=url, timeout=30) as http:
        assert judge_response(http.request(method, path, json=body)) == []
        for fault in ("wrong-type", "missing-field", "undocumented-status"):
            broken = http.request(method, path, json=body, headers={"X-Ollama-Fault": fault})
            assert judge_response(broken), (fault, broken.status_code, broken.content[:200])


def test_the_guard_reads_the_facts_for_the_new_writes() -> None:
    users = Guard(run_id="r", owned=False, allow_writes=True, model="m")
    assert {"signout", "disconnect"} <= users.excluded()
    assert users.refusal("signout", None) and users.refusal("disconnect", None)
    mine = Guard(run_id="r", owned=True, allow_writes=False, model="m")
    assert mine.refusal("signout", None) is None and "signout" not in mine.excluded()
    assert Guard(run_id="r", owned=False, allow_writes=False).refusal("signout", None)
