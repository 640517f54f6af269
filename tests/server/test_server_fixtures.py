"""The pytest plugin as a user's project meets it: shared, isolated and custom servers, and a client."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

USERS_TESTS = """
import httpx
from ollama_api.api.models import list_models

BEFORE = {}


def tags(url):
    return httpx.get(f"{url}/api/tags").json()


def test_a_changes_everything(ollama_url):
    BEFORE["tags"] = tags(ollama_url)
    assert httpx.post(f"{ollama_url}/api/copy", json={"source": "mistral", "destination": "mine"}).status_code == 200
    assert httpx.request("DELETE", f"{ollama_url}/api/delete", json={"model": "llama3.2"}).status_code == 200
    pulled = httpx.post(f"{ollama_url}/api/pull", json={"model": "tinyllama", "stream": False}, timeout=30)
    assert pulled.status_code == 200
    httpx.post(f"{ollama_url}/api/generate", json={"model": "mistral"}, timeout=30)
    assert httpx.get(f"{ollama_url}/api/ps").json()["models"]
    assert tags(ollama_url) != BEFORE["tags"]


def test_b_finds_the_server_as_it_was(ollama_url):
    assert tags(ollama_url) == BEFORE["tags"]  # names, digests, modified_at and order
    assert httpx.get(f"{ollama_url}/api/ps").json()["models"] == []


def test_c_the_shared_server_is_the_same_server(ollama_server, ollama_url):
    assert ollama_server == ollama_url


def test_d_a_client(ollama_client):
    assert {m.name for m in ollama_client.list().models} >= {"mistral:latest"}
    assert list_models.sync(client=ollama_client.client).models  # the generated functions work too
    ollama_client.copy("mistral", "from-the-client")


def test_d2_which_is_isolated_too(ollama_client):
    assert "from-the-client:latest" not in {m.name for m in ollama_client.list().models}


def test_e_servers_of_ones_own(ollama_server_factory):
    faulty = ollama_server_factory(models=["qwen3"], faults=["status=503"])
    assert httpx.get(f"{faulty}/api/tags").status_code == 503
    empty = ollama_server_factory(models="none")
    assert tags(empty) == {"models": []}
"""


def test_the_fixtures_in_a_users_project(pytester: pytest.Pytester) -> None:
    pytester.makeconftest('pytest_plugins = ["ollama_contract.server.pytest_plugin"]\n')
    pytester.makepyfile(test_users=USERS_TESTS)
    # In a process of its own, as a user's run is (an in-process run would unload modules it imported).
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=6)
