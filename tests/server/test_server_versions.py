"""`serve --ollama-version X`: the reference server answers as Ollama X did, as far as the spec's facts go.

Every expectation is derived from the spec (an operation's `x-ollama` `since`, a property's
`x-always-since`), never listed here, and each is also asked of a server on the newest version,
which must answer otherwise: a server that ignored `--ollama-version` would fail these tests.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest

from ollama_contract import _spec
from ollama_contract._judge import judge
from ollama_contract._profiles import parse_version
from ollama_contract.server import running_server
from ollama_contract.server.http.app import create_app
from ollama_contract.server.http.versions import known_versions

NEWEST = str(_spec.load_spec()["info"]["version"])
MODEL = "llama3.1"
ASK = {"model": MODEL, "messages": [{"role": "user", "content": "hi"}], "options": {"num_predict": 3}}


@contextmanager
def server(version: str | None, **options: Any) -> Iterator[httpx.Client]:
    with running_server(models=MODEL, ollama_version=version, **options) as url, httpx.Client(base_url=url) as http:
        yield http


def since(version: str) -> tuple[int, int, int]:
    return parse_version(version)


def later_than(version: str) -> list[_spec.Operation]:
    """The operations whose route the router of `version` did not have yet, from the spec's facts."""
    v = since(version)
    return [op for op in _spec.operations().values() if op.since and since(op.since) > v]


def late_fields(schema: str, version: str) -> set[str]:
    """Properties of a component schema that `version` does not always send yet (`x-always-since`)."""
    props = _spec.load_spec()["components"]["schemas"][schema]["properties"]
    return {k for k, p in props.items() if "x-always-since" in p and since(p["x-always-since"]) > since(version)}


def violations(response: httpx.Response, profile: str) -> list[str]:
    request = response.request
    verdict = judge(
        request.method,
        request.url.path,
        response.status_code,
        response.headers.get("content-type"),
        response.content,
        profile=profile,
    )
    return [v.describe() for v in verdict.violations]


def probe(http: httpx.Client, op: _spec.Operation) -> httpx.Response:
    path = re.sub(r"\{[^}]+\}", "sha256-" + "0" * 64, op.path)
    body = {} if op.request_media_type else None
    return http.request(op.method.upper(), path, json=body)


@pytest.mark.parametrize("version", ["0.1.14", "0.5.7", "0.12.6", NEWEST])
def test_api_version_says_x(version: str) -> None:
    with server(version) as http:
        assert http.get("/api/version").json() == {"version": version}
        head = http.head("/api/version")
        assert head.status_code == 200 and head.content == b""
        assert int(head.headers["content-length"]) == len(http.get("/api/version").content)


def test_without_the_option_the_newest_version_answers() -> None:
    with server(None) as http:
        assert http.get("/api/version").json() == {"version": NEWEST}


@pytest.mark.parametrize("version", ["0.1.14", "0.5.7", "0.12.0", NEWEST])
def test_routes_not_there_yet_answer_gins_404(version: str) -> None:
    missing = {op.operation_id for op in later_than(version)}
    assert bool(missing) == (version != NEWEST)  # the old versions do miss routes: not a vacuous test
    with server(version) as http:
        for op in _spec.operations().values():
            if op.servers:  # ollama.com's own operations are no route of a local server of any version
                continue
            response = probe(http, op)
            page = (response.status_code, response.content) == (404, b"404 page not found")
            assert page == (op.operation_id in missing), (op.label, response.status_code, response.text[:200])
            if page:
                assert response.headers["content-type"] == "text/plain; charset=utf-8"


def test_fields_x_does_not_always_send_are_left_out_always() -> None:
    version = "0.12.0"
    late = late_fields("ShowResponse", version)
    assert late  # model_info, always sent from 0.14.3 on
    with server(NEWEST) as new, server(version, leave_out="always") as old:
        newest = new.post("/api/show", json={"model": MODEL})
        answered = old.post("/api/show", json={"model": MODEL})
    assert late <= set(newest.json())
    assert not late & set(answered.json())
    # what 0.12.0 always sends stays, and the sparser answer still keeps its own version's contract
    assert set(newest.json()) - late == set(answered.json())
    assert violations(answered, version) == []
    assert violations(answered, NEWEST), "the 0.12 answer should break the newest version's contract"


def test_by_default_a_field_x_does_not_always_send_goes_when_empty() -> None:
    """Before `content` was always sent (0.2.7), omitempty left the final chat line's "" out."""
    version = "0.2.0"
    assert "content" in late_fields("Message", version)
    with server(NEWEST) as new, server(version) as old:
        newest = [json.loads(line) for line in new.post("/api/chat", json=ASK).text.splitlines()]
        answered = old.post("/api/chat", json=ASK)
    lines = [json.loads(line) for line in answered.text.splitlines()]
    assert newest[-1]["message"]["content"] == ""
    assert "content" not in lines[-1]["message"]
    assert all(line["message"]["content"] for line in lines[:-1])  # non-empty text is still sent
    assert violations(answered, version) == []


def test_random_leaves_out_a_repeatable_mix() -> None:
    version = "0.12.0"
    late = late_fields("ShowResponse", version)

    def seen(seed: int) -> list[bool]:
        with server(version, leave_out="random", seed=seed) as http:
            return [bool(late & set(http.post("/api/show", json={"model": MODEL}).json())) for _ in range(24)]

    first = seen(7)
    assert first == seen(7)
    assert True in first and False in first


def test_missing_version_field_breaks_the_contract_of_x() -> None:
    version = "0.5.7"
    with server(version) as clean, server(version, faults=["missing-version-field"]) as broken:
        assert violations(clean.get("/api/tags"), version) == []
        answered = broken.get("/api/tags")
    assert violations(answered, "all") == []
    assert any("breaks `required`" in v for v in violations(answered, version))


@pytest.mark.parametrize("bad", ["9.0.0", "0.0.0", "banana", ""])
def test_a_version_the_spec_cannot_speak_for_is_refused(bad: str) -> None:
    known = known_versions()
    assert known[0] == "0.0.1" and known[-1] == NEWEST
    with pytest.raises(ValueError, match=f"knows Ollama {known[0]} to {known[-1]}"):
        create_app(ollama_version=bad)
    proc = subprocess.run(
        [sys.executable, "-m", "ollama_contract", "serve", "--port", "0", "--ollama-version", bad],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert f"{known[0]} to {known[-1]}" in proc.stderr and ", ".join(known) in proc.stderr
    assert "listening" not in proc.stderr


def test_a_bad_leave_out_is_refused() -> None:
    with pytest.raises(ValueError, match="zero, always, random"):
        create_app(ollama_version="0.5.7", leave_out="sometimes")
