"""Scenario tests: the flows every Ollama must get right, step by step, each response checked
against the spec. They run in a fixed order and clean up the models they create."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from ollama_contract._spec import load_spec
from ollama_contract.contract import _session
from ollama_contract.contract._gguf import tiny_gguf
from ollama_contract.contract._safety import normalize
from ollama_contract.contract._suite import exchange, expect

SESSION = _session.current()
GUARD = SESSION.guard


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with SESSION.http() as client:
        yield client


def needs_writes() -> None:
    if not GUARD.writes:
        pytest.skip("safe mode: this scenario creates and deletes models (--allow-writes)")


def needs_model() -> str:
    if not GUARD.model:
        pytest.skip("no model to generate with (--model)")
    return GUARD.model


def names(client: httpx.Client, operation_id: str, test: str) -> set[str]:
    response = exchange(SESSION, client, operation_id, test=test)
    # `name` and `model` are optional in the all-versions contract: read whichever the server sent.
    return {normalize(m.get("name") or m.get("model") or "") for m in response.json()["models"]}


def cleanup(client: httpx.Client, *models: str) -> None:
    for model in models:
        if GUARD.is_ours(model):
            client.request("DELETE", "/api/delete", json={"model": model})


def test_create_show_copy_delete(http: httpx.Client) -> None:
    """create -> show -> copy -> show the copy -> delete -> show is 404 -> delete again is 404."""
    needs_writes()
    source = needs_model()
    test = "scenario: model lifecycle"
    name, copy = GUARD.prefix + "lifecycle", GUARD.prefix + "lifecycle-copy"
    try:
        step = exchange(SESSION, http, "create_model", {"model": name, "from": source, "stream": False}, test=test)
        expect(SESSION, step, 200, "create_model", test, "creating a model from an installed one")
        expect(
            SESSION,
            exchange(SESSION, http, "show_model", {"model": name}, test=test),
            200,
            "show_model",
            test,
            "showing the created model",
        )
        step = exchange(SESSION, http, "copy_model", {"source": name, "destination": copy}, test=test)
        expect(SESSION, step, 200, "copy_model", test, "copying it")
        expect(
            SESSION,
            exchange(SESSION, http, "show_model", {"model": copy}, test=test),
            200,
            "show_model",
            test,
            "showing the copy",
        )
        expect(
            SESSION,
            exchange(SESSION, http, "delete_model", {"model": copy}, test=test),
            200,
            "delete_model",
            test,
            "deleting the copy",
        )
        expect(
            SESSION,
            exchange(SESSION, http, "show_model", {"model": copy}, test=test),
            404,
            "show_model",
            test,
            "showing the deleted copy",
        )
        expect(
            SESSION,
            exchange(SESSION, http, "delete_model", {"model": copy}, test=test),
            404,
            "delete_model",
            test,
            "deleting it again",
        )
        listed = names(http, "list_models", test)
        assert normalize(copy) not in listed, f"tags still lists the deleted {copy}"
        assert normalize(name) in listed, f"tags does not list the created {name}"
    finally:
        cleanup(http, copy, name)


def test_blob_upload_then_create_from_it(http: httpx.Client) -> None:
    """blob HEAD 404 -> POST 201 -> HEAD 200 -> POST again 200 -> create from the blob -> show."""
    needs_writes()
    test = "scenario: blobs"
    data = tiny_gguf(GUARD.prefix)
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    name = GUARD.prefix + "from-blob"
    path = {"digest": digest}
    try:
        step = exchange(SESSION, http, "blob_exists", path=path, test=test)
        expect(SESSION, step, 404, "blob_exists", test, "a blob never uploaded")
        step = exchange(SESSION, http, "push_blob", path=path, content=data, test=test)
        expect(SESSION, step, 201, "push_blob", test, "uploading it")
        expect(
            SESSION,
            exchange(SESSION, http, "blob_exists", path=path, test=test),
            200,
            "blob_exists",
            test,
            "after the upload",
        )
        step = exchange(SESSION, http, "push_blob", path=path, content=data, test=test)
        expect(SESSION, step, 200, "push_blob", test, "uploading it again")
        body = {"model": name, "files": {"model.gguf": digest}, "stream": False}
        expect(
            SESSION,
            exchange(SESSION, http, "create_model", body, test=test),
            200,
            "create_model",
            test,
            "creating from the blob",
        )
        shown = exchange(SESSION, http, "show_model", {"model": name}, test=test)
        expect(SESSION, shown, 200, "show_model", test, "showing the model made from the blob")
        info = shown.json().get("model_info") or {}
        assert info.get("general.architecture") == "llama", f"show does not report the file's metadata: {info}"
    finally:
        cleanup(http, name)


def test_pull_then_tags_lists_it(http: httpx.Client) -> None:
    """pull -> tags lists the pulled model."""
    if not GUARD.pull_models:
        pytest.skip("no model the run may pull (--pull-model)")
    test = "scenario: pull"
    model = GUARD.pull_models[0]
    step = exchange(SESSION, http, "pull_model", {"model": model, "stream": False}, test=test)
    expect(SESSION, step, 200, "pull_model", test, f"pulling {model}")
    assert normalize(model) in names(http, "list_models", test), f"tags does not list the pulled {model}"


def _running(client: httpx.Client, test: str) -> set[str]:
    return names(client, "list_running", test)


def test_load_ps_unload(http: httpx.Client) -> None:
    """load (empty prompt) -> ps lists it -> unload (keep_alive 0) -> ps no longer does."""
    model = needs_model()
    if not GUARD.writes:
        pytest.skip("safe mode: this scenario loads and unloads a model (--allow-writes)")
    test = "scenario: load and unload"
    if not GUARD.owned and normalize(model) in _running(http, test):
        pytest.skip(f"{model} is already loaded on this server; the scenario would unload it")
    step = exchange(SESSION, http, "generate", {"model": model, "keep_alive": "1m"}, test=test, bounded=False)
    expect(SESSION, step, 200, "generate", test, "loading the model")
    assert step.json().get("done_reason") == "load", step.text
    assert normalize(model) in _running(http, test), f"ps does not list {model} after loading it"
    step = exchange(SESSION, http, "generate", {"model": model, "keep_alive": 0}, test=test, bounded=False)
    expect(SESSION, step, 200, "generate", test, "unloading the model")
    assert step.json().get("done_reason") == "unload", step.text
    deadline = time.monotonic() + 10
    while normalize(model) in _running(http, test):
        assert time.monotonic() < deadline, f"ps still lists {model} 10 s after unloading it"
        time.sleep(0.2)


def _seed_request() -> dict[str, Any]:
    """The docs' reproducible-outputs request, aimed at the run's model on another server."""
    examples = load_spec()["paths"]["/api/generate"]["post"]["requestBody"]["content"]["application/json"]["examples"]
    request: dict[str, Any] = dict(examples["reproducible_outputs"]["value"], stream=False)
    if not GUARD.owned:
        request["model"] = needs_model()  # exchange() bounds num_predict on a server the run did not start
    return request


def test_same_seed_same_text(http: httpx.Client) -> None:
    """The seed example twice gives the same text; another seed gives different text."""
    test = "scenario: reproducible outputs"
    request = _seed_request()
    texts = []
    for seed in (request["options"]["seed"], request["options"]["seed"], request["options"]["seed"] + 1):
        body = {**request, "options": {**request["options"], "seed": seed}}
        step = exchange(SESSION, http, "generate", body, test=test)
        expect(SESSION, step, 200, "generate", test, f"generating with seed {seed}")
        texts.append(step.json().get("response"))
    if None in texts:  # the all-versions contract does not promise the text, so there is nothing to compare
        pytest.skip("the server sent no `response` to compare")
    assert texts[0] == texts[1], f"the same seed gave different texts: {texts[0]!r} / {texts[1]!r}"
    assert texts[0] != texts[2], f"another seed gave the same text: {texts[0]!r}"
