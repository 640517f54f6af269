"""The routes the spec gained for issue 10: account, web search and fetch, recommendations, HEAD.

By default the reference server answers as a 0.33 that cannot reach ollama.com (what a real one
answered offline: `/api/me` 503, sign-out 500, web search 502 with the dial error); with
`account="signed-in"` it has an account and deterministic web results, for client tests. Every
raw answer goes through `kit.check`, the spec module's judge; the typed calls go through the
client object in strict mode.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from kit import Wire, error_of

import ollama_contract as oc
from ollama_contract._request import HOSTED_URL
from ollama_contract.server import running_server
from ollama_contract.spec import operation_for, operations

# Every route Ollama 0.33 registers natively (server/routes.go, GenerateRoutes), by method and path.
NATIVE_0_33 = {
    ("HEAD", "/"), ("GET", "/"), ("HEAD", "/api/version"), ("GET", "/api/version"), ("GET", "/api/status"),
    ("POST", "/api/pull"), ("POST", "/api/push"), ("HEAD", "/api/tags"), ("GET", "/api/tags"),
    ("POST", "/api/show"), ("DELETE", "/api/delete"), ("POST", "/api/me"), ("POST", "/api/signout"),
    ("DELETE", "/api/user/keys/abc"), ("POST", "/api/create"), ("POST", "/api/blobs/sha256:00"),
    ("HEAD", "/api/blobs/sha256:00"), ("POST", "/api/copy"), ("POST", "/api/experimental/web_search"),
    ("POST", "/api/experimental/web_fetch"), ("GET", "/api/experimental/model-recommendations"),
    ("GET", "/api/ps"), ("POST", "/api/generate"), ("POST", "/api/chat"), ("POST", "/api/embed"),
    ("POST", "/api/embeddings"),
}  # fmt: skip


def test_the_spec_describes_every_native_route_of_0_33() -> None:
    assert len(NATIVE_0_33) == 26
    missing = {(m, p) for m, p in NATIVE_0_33 if operation_for(m, p) is None}
    assert not missing, missing
    assert operations()["disconnect"].path == "/api/user/keys/{encodedKey}"


@pytest.fixture(scope="module")
def signed_in() -> Iterator[str]:
    with running_server(models="none", account="signed-in") as base:
        yield base


def test_offline_account_routes_answer_as_ollama_does(wire: Wire) -> None:
    assert error_of(wire.post("/api/me"), 503) == "account unavailable"
    assert error_of(wire.post("/api/signout"), 500) == "there was an error signing out"
    assert error_of(wire.request("DELETE", "/api/user/keys/c3NoLWtleQ"), 500) == "there was an error signing out"


def test_offline_web_search_is_a_bad_gateway_with_the_dial_error(wire: Wire) -> None:
    message = error_of(wire.post("/api/experimental/web_search", {"query": "ollama"}), 502)
    assert message.startswith('Post "https://ollama.com/api/web_search": dial tcp')
    assert "https://ollama.com/api/web_fetch" in error_of(wire.post("/api/experimental/web_fetch", {"url": "x"}), 502)
    # The proxy passes the body on unread: offline, even one that is not JSON gets the dial error;
    # only an empty body is refused locally.
    assert wire.post("/api/experimental/web_search", content=b"not json", checked=False).status_code == 502
    assert error_of(wire.post("/api/experimental/web_search", content=b" "), 400) == "missing request body"


def test_model_recommendations_answer_offline(wire: Wire) -> None:
    response = wire.get("/api/experimental/model-recommendations")
    assert response.status_code == 200
    recommendations = response.json()["recommendations"]
    assert recommendations and all({"model", "description"} <= set(r) for r in recommendations)
    assert any("vram_bytes" in r for r in recommendations) and any("context_length" in r for r in recommendations)


def test_head_routes_are_operations_of_the_spec(wire: Wire) -> None:
    for path in ("/", "/api/version", "/api/tags"):
        response = wire.request("HEAD", path)
        assert response.status_code == 200 and response.content == b"", path
    # Not every GET answers HEAD: Ollama registers it on those three only.
    assert wire.request("HEAD", "/api/ps", checked=False).status_code == 405


def test_a_local_server_has_no_hosted_web_search(wire: Wire) -> None:
    assert wire.post("/api/web_search", {"query": "q"}, checked=False).status_code == 404


def test_signed_in_the_client_object_reaches_every_new_operation(
    signed_in: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with oc.Ollama(signed_in, validation="strict", retries=0, api_key="key") as client:
        assert client.heartbeat_head() is True and client.version_head() is True and client.list_head() is True
        me = client.whoami()
        assert me.name == "ollama-contract" and me.plan == "free"
        found = client.web_search_experimental("what is ollama", max_results=2)
        assert [r.title for r in found.results] == ["Result 1 for what is ollama", "Result 2 for what is ollama"]
        assert found == client.web_search_experimental("what is ollama", max_results=2)  # deterministic
        assert client.web_fetch_experimental("https://example.com").title.startswith("Page ")
        assert client.model_recommendations().recommendations
        # The hosted operations go to their own server (ollama.com); a test points them at loopback.
        monkeypatch.setenv(HOSTED_URL, signed_in)
        assert len(client.web_search("ollama", max_results=3).results) == 3
        assert client.web_fetch("https://ollama.com").links
        client.signout()
        with pytest.raises(oc.AuthenticationError) as caught:
            client.whoami()
        assert caught.value.status == 401
        with pytest.raises(oc.AuthenticationError, match="not currently signed in"):
            client.signout()


def test_the_hosted_api_wants_a_bearer_key(signed_in: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(HOSTED_URL, signed_in)
    with oc.Ollama(signed_in, validation="strict", retries=0) as client, pytest.raises(oc.AuthenticationError):
        client.web_search("ollama")


def test_the_official_cli_push_gets_ollamas_answer_not_a_404(url: str, tmp_path: Path) -> None:
    """`ollama push` asks `POST /api/me` first (for ollama.com names): offline that is a 503."""
    import shutil

    cli = shutil.which("ollama")
    if cli is None:
        pytest.skip("the official ollama CLI is not installed")
    host = url.removeprefix("http://")
    done = subprocess.run(
        [cli, "push", "someone/model"],
        env={"OLLAMA_HOST": host, "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "404 page not found" not in done.stderr, done.stderr
    assert "account unavailable" in done.stderr, done.stderr
