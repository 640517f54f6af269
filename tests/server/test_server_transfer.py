"""`/api/pull` and `/api/push` against the offline registry, with Ollama's progress lines."""

from __future__ import annotations

import re
from typing import Any

import pytest
from kit import Wire, error_of, lines
from ollama_api import Client
from ollama_api.api.models import delete_model, list_models, pull_model, push_model, show_model
from ollama_api.models import DeleteRequest, ProgressResponse, PullRequest, PushRequest, ShowRequest, ShowResponse

import ollama_contract as oc

LAYER_STATUS = re.compile(r"^(pulling|pushing) ([0-9a-f]{12})$")


def layer_lines(progress: list[dict[str, Any]], verb: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for line in progress:
        m = LAYER_STATUS.match(line["status"])
        if m and m.group(1) == verb:
            assert line["digest"] == "sha256:" + line["digest"][7:] and line["digest"][7:19] == m.group(2)
            out.setdefault(line["digest"], []).append(line)
    return out


def names(client: Client) -> list[str]:
    return [m.name for m in list_models.sync(client=client).models]


def test_pull_streams_realistic_progress(client: Client, wire: Wire) -> None:
    assert "tinyllama:latest" not in names(client)
    progress = lines(wire.post("/api/pull", {"model": "tinyllama"}))
    statuses = [p["status"] for p in progress]
    assert statuses[0] == "pulling manifest"
    assert statuses[-3:] == ["verifying sha256 digest", "writing manifest", "success"]
    layers = layer_lines(progress, "pulling")
    assert len(layers) >= 3  # the model file, its template, parameters, license, config
    downloaded = 0
    for digest, seen in layers.items():
        total = seen[0]["total"]
        assert total > 0 and all(s["total"] == total for s in seen)
        if len(seen) == 1:  # a layer some installed model already has (a license): one complete line
            assert seen[0]["completed"] == total
        else:
            downloaded += 1
            assert "completed" not in seen[0]  # Go leaves out a zero `completed`
            done = [s["completed"] for s in seen[1:]]
            assert done == sorted(done) and done[-1] == total
        assert wire.request("HEAD", f"/api/blobs/{digest}").status_code == 200
    assert downloaded >= 3
    assert "tinyllama:latest" in names(client)
    # A second pull finds every layer in place: one line each, already complete.
    again = layer_lines(lines(wire.post("/api/pull", {"model": "tinyllama"})), "pulling")
    assert set(again) == set(layers) and all(len(v) == 1 and v[0]["completed"] == v[0]["total"] for v in again.values())


def test_pull_through_the_typed_client(client: Client) -> None:
    answer = pull_model.sync(client=client, body=PullRequest(model="qwen3:0.6b"))
    assert isinstance(answer, ProgressResponse) and answer.status == "success"
    shown = show_model.sync(client=client, body=ShowRequest(model="qwen3:0.6b"))
    assert isinstance(shown, ShowResponse) and set(shown.capabilities) == {"completion", "tools", "thinking"}
    streamed = list(oc.stream(client, pull_model, PullRequest(model="llama3.2:3b-instruct-fp16")))
    assert streamed[0].status == "pulling manifest" and streamed[-1].status == "success"


def test_pull_failures(client: Client, wire: Wire) -> None:
    assert lines(wire.post("/api/pull", {"model": "no-such-model"})) == [
        {"status": "pulling manifest"},
        {"error": "pull model manifest: file does not exist"},
    ]
    with pytest.raises(oc.StreamError) as caught:
        list(oc.stream(client, pull_model, PullRequest(model="no-such-model")))
    assert caught.value.message == "pull model manifest: file does not exist"
    quiet = wire.post("/api/pull", {"model": "no-such-model", "stream": False})
    assert quiet.headers["content-type"] == "application/json"
    assert error_of(quiet, 500) == "pull model manifest: file does not exist"
    for bad in ("", "bad name", "a/b/c/d/e"):
        assert error_of(wire.post("/api/pull", {"model": bad}), 400) == "invalid model name"
    # Refused before the first progress line: a plain 500 even though the pull was streamed.
    insecure = wire.post("/api/pull", {"model": "http://example.com/ns/m:tag"})
    assert error_of(insecure, 500) == "insecure protocol http"
    assert wire.post("/api/pull", {"model": "http://example.com/ns/m:tag", "insecure": True}).status_code == 200


def test_push_then_pull_back(client: Client, wire: Wire) -> None:
    wire.post("/api/copy", {"source": "mistral", "destination": "someone/mistral-copy:v1"})
    before = show_model.sync(client=client, body=ShowRequest(model="someone/mistral-copy:v1"))
    progress = lines(wire.post("/api/push", {"model": "someone/mistral-copy:v1"}))
    statuses = [p["status"] for p in progress]
    assert statuses[0] == "retrieving manifest" and statuses[-2:] == ["pushing manifest", "success"]
    for seen in layer_lines(progress, "pushing").values():
        assert seen[-1]["completed"] == seen[-1]["total"]
    digest = {m.name: m.digest for m in list_models.sync(client=client).models}["someone/mistral-copy:v1"]
    delete_model.sync(client=client, body=DeleteRequest(model="someone/mistral-copy:v1"))
    assert "someone/mistral-copy:v1" not in names(client)
    assert pull_model.sync(client=client, body=PullRequest(model="someone/mistral-copy:v1")).status == "success"
    after = show_model.sync(client=client, body=ShowRequest(model="someone/mistral-copy:v1"))
    assert {m.name: m.digest for m in list_models.sync(client=client).models}["someone/mistral-copy:v1"] == digest
    assert after.model_info.to_dict() == before.model_info.to_dict()
    # Pushing the same model again sends no layer twice.
    quiet = push_model.sync(client=client, body=PushRequest(model="someone/mistral-copy:v1"))
    assert isinstance(quiet, ProgressResponse) and quiet.status == "success"


def test_push_failures(wire: Wire) -> None:
    progress = lines(wire.post("/api/push", {"model": "nobody/nothing:here"}))
    assert progress[:2] == [{"status": "retrieving manifest"}, {"status": "couldn't retrieve manifest"}]
    assert set(progress[2]) == {"error"} and progress[2]["error"].endswith(": no such file or directory")
    assert error_of(wire.post("/api/push", {"model": "nobody/nothing:here", "stream": False}), 500).startswith("open ")
    assert error_of(wire.post("/api/push", {"model": ""}), 400) == "model is required"
    assert error_of(wire.post("/api/push", {}), 400) == "model is required"
