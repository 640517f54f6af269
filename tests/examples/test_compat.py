"""The drop-in module next to the official package: the same names, the same calls, the same answers and errors."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import ollama
import pytest

import ollama_contract.compat as ours
from ollama_contract import ContractViolation, ModelNotFoundError, OllamaError, StreamError
from ollama_contract.server import running_server

# In the official package's __all__ (0.6.3), for routes Ollama's API as the spec describes it does not have:
# `/v1/systemone` is not a route of Ollama's server (api/types.go, server/routes.go at 0.33).
LEFT_OUT = {name for name in ollama.__all__ if name.startswith("SystemOne")}


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with running_server() as base:
        yield base


@pytest.fixture(scope="module")
def both(url: str) -> Iterator[tuple[ollama.Client, ours.Client]]:
    with ollama.Client(host=url) as official, ours.Client(host=url) as mine:
        yield official, mine


def test_every_official_name_is_here() -> None:
    public = {
        name for name in dir(ollama) if not name.startswith("_") and not isinstance(getattr(ollama, name), type(ollama))
    }
    assert set(ollama.__all__) - LEFT_OUT <= set(ours.__all__)
    functions = {name for name in public if callable(getattr(ollama, name)) and name not in ollama.__all__}
    assert functions - {"systemone"} <= set(dir(ours))
    assert set(ours.__all__) <= set(dir(ours))


CHAT = {"model": "llama3.2", "messages": [{"role": "user", "content": "Why is the sky blue?"}], "options": {"seed": 1}}

CALLS: dict[str, tuple[Callable[[Any], Any], Callable[[Any], Any]]] = {
    "chat": (lambda c: c.chat(**CHAT), lambda r: (r["message"]["content"], r.message.role, r["done"])),
    "chat positional": (lambda c: c.chat("llama3.2", CHAT["messages"]), lambda r: r.message.content),
    "chat stream": (lambda c: [p["message"]["content"] for p in c.chat(**CHAT, stream=True)], lambda r: r),
    "chat think": (lambda c: c.chat("qwen3", CHAT["messages"], think=True), lambda r: r.message.thinking),
    "chat format": (
        lambda c: c.chat(**CHAT, format={"type": "object", "properties": {"a": {"type": "integer"}}}),
        lambda r: r.message.content,
    ),
    "generate": (
        lambda c: c.generate("mistral", "Why?", options={"seed": 3}),
        lambda r: (r["response"], r.done_reason),
    ),
    "generate keep_alive": (lambda c: c.generate(model="mistral", prompt="Hi", keep_alive="1m"), lambda r: r.response),
    "generate stream": (lambda c: "".join(p.response for p in c.generate("mistral", "Why?", stream=True)), lambda r: r),
    "embed": (lambda c: c.embed("all-minilm", ["a", "b"]), lambda r: (len(r["embeddings"]), len(r.embeddings[0]))),
    "embed keywords": (lambda c: c.embed(model="all-minilm", input="a", truncate=True), lambda r: r.embeddings[0][:4]),
    "embeddings": (lambda c: c.embeddings("all-minilm", "a"), lambda r: r["embedding"][:4]),
    "list": (lambda c: c.list(), lambda r: sorted(m["model"] for m in r["models"])),
    "show": (lambda c: c.show("mistral"), lambda r: (r["details"]["family"], r.details["format"], r["template"][:20])),
    "ps": (lambda c: c.ps(), lambda r: len(r.models)),
    "pull": (lambda c: c.pull("tinyllama"), lambda r: r.status),
    "pull keywords": (lambda c: c.pull(model="tinyllama", insecure=False, stream=False), lambda r: r["status"]),
    "pull stream": (lambda c: [p.get("status") for p in c.pull("tinyllama", stream=True)][-1], lambda r: r),
    "copy": (lambda c: c.copy("mistral", "mistral-copy"), lambda r: r["status"]),
    "delete": (lambda c: (c.copy("mistral", "doomed"), c.delete("doomed"))[1], lambda r: r.status),
    "create": (lambda c: c.create(model="pirate", from_="mistral", system="Talk like a pirate."), lambda r: r.status),
}


@pytest.mark.parametrize("call", CALLS)
def test_the_same_call_gives_the_same_answer(both: tuple[ollama.Client, ours.Client], call: str) -> None:
    make, read = CALLS[call]
    official, mine = both
    assert read(make(mine)) == read(make(official))


def test_module_level_functions_use_the_default_client(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    monkeypatch.setenv("OLLAMA_HOST", url)
    fresh = importlib.reload(ours)
    with ollama.Client(host=url) as official:
        expected = official.generate("mistral", "Hi", options={"seed": 1}).response
    try:
        assert fresh.generate("mistral", "Hi", options={"seed": 1}).response == expected
    finally:
        fresh._client.close()


def test_errors_are_official_and_typed(both: tuple[ollama.Client, ours.Client]) -> None:
    official, mine = both
    with pytest.raises(ollama.ResponseError) as theirs:
        official.chat("no-such-model", CHAT["messages"])
    with pytest.raises(ours.ResponseError) as caught:
        mine.chat("no-such-model", CHAT["messages"])
    assert (caught.value.error, caught.value.status_code, str(caught.value)) == (
        theirs.value.error,
        theirs.value.status_code,
        str(theirs.value),
    )
    assert isinstance(caught.value, ModelNotFoundError) and caught.value.operation == "chat"


def test_a_stream_error_is_a_response_error_too(both: tuple[ollama.Client, ours.Client]) -> None:
    official, mine = both
    with pytest.raises(ollama.ResponseError) as theirs:
        list(official.pull("no-such/model", stream=True))
    with pytest.raises(ours.ResponseError) as caught:
        list(mine.pull("no-such/model", stream=True))
    assert (caught.value.error, caught.value.status_code) == (theirs.value.error, theirs.value.status_code)
    assert isinstance(caught.value, StreamError)


def test_server_down_is_the_builtin_connection_error() -> None:
    with pytest.raises(ConnectionError), ours.Client(host="http://127.0.0.1:9", retries=0) as client:
        client.list()


def test_a_request_the_contract_refuses_is_a_request_and_a_response_error(
    both: tuple[ollama.Client, ours.Client],
) -> None:
    _, mine = both
    with pytest.raises(ours.RequestError) as caught:
        mine.generate("mistral", "Hi", options={"num_ctx": "lots"})  # type: ignore[typeddict-item]
    assert isinstance(caught.value, ours.ResponseError) and isinstance(caught.value, ContractViolation)
    assert caught.value.status_code == 400 and "num_ctx" in caught.value.error


def test_images_tools_and_classes_are_accepted_as_the_official_client_accepts_them(
    both: tuple[ollama.Client, ours.Client], tmp_path: Any
) -> None:
    official, mine = both
    image = tmp_path / "dot.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\nfake")
    messages = [{"role": "user", "content": "What is this?", "images": [str(image)]}]
    assert mine.chat("llava", messages).message.content == official.chat("llava", messages).message.content
    assert mine.chat("llava", [{**messages[0], "images": [ours.Image(value=image)]}]).message.content

    def add(a: int, b: int) -> int:
        """Add two numbers.

        Args:
            a: The first.
            b: The second.
        """
        return a + b

    answer = mine.chat("qwen3", [{"role": "user", "content": "add two numbers"}], tools=[add])
    assert answer.message.tool_calls and answer.message.tool_calls[0].function.name == "add"


def test_the_async_client(url: str) -> None:
    async def run() -> tuple[str, str, int]:
        async with ours.AsyncClient(host=url) as mine:
            answer = await mine.chat(**CHAT)
            chunks = [chunk.message.content async for chunk in await mine.chat(**CHAT, stream=True)]
            try:
                await mine.show("no-such-model")
            except ours.ResponseError as error:
                status = error.status_code
        return str(answer.message.content), "".join(str(c) for c in chunks), status

    content, streamed, status = asyncio.run(run())
    assert content == streamed and status == 404


def test_breaking_out_of_a_translated_stream_closes_it(url: str) -> None:
    with ours.Client(host=url) as mine:
        for _ in range(50):
            for _chunk in mine.chat(**CHAT, stream=True):
                break
        assert mine.list().models  # the pool still has a free connection


def test_our_errors_stay_ours_when_not_translated() -> None:
    assert issubclass(ours.ResponseError, OllamaError) and issubclass(ours.RequestError, OllamaError)
    error = ours.ResponseError("boom", 500)
    assert (error.error, error.status_code, str(error)) == ("boom", 500, "boom (status code: 500)")


def test_what_compat_reads_from_the_official_packages_private_modules_is_what_it_does() -> None:
    """compat/_official.py reads two things from private modules of the official package: they must
    be what the official client really sends and raises (this fails when a release changes them)."""
    import json

    import httpx

    from ollama_contract.compat._official import CONNECTION_ERROR_MESSAGE, function_tool

    def get_weather(city: str, days: int = 1) -> str:
        """Get the weather.

        Args:
            city: The city.
            days: How many days.
        """
        return city

    sent: list[dict[str, Any]] = []

    def handle(request: httpx.Request) -> httpx.Response:
        sent.append(json.loads(request.content))
        answer = {"model": "m", "created_at": "2025-01-01T00:00:00Z", "done": True}
        return httpx.Response(200, json={**answer, "message": {"role": "assistant", "content": ""}})

    official = ollama.Client(host="http://h", transport=httpx.MockTransport(handle))
    official.chat("m", [{"role": "user", "content": "x"}], tools=[get_weather])
    assert sent[0]["tools"] == [function_tool(get_weather)]
    with pytest.raises(ConnectionError) as caught:
        ollama.Client(host="http://127.0.0.1:9").list()
    assert str(caught.value) == CONNECTION_ERROR_MESSAGE


@pytest.fixture
def hosted(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str | None, dict[str, Any]]]]:
    """A loopback stand-in for ollama.com's web search and fetch, and what it was sent."""
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from ollama_contract._request import HOSTED_URL

    seen: list[tuple[str, str | None, dict[str, Any]]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            seen.append((self.path, self.headers.get("Authorization"), body))
            if self.path == "/api/web_search":
                answer: dict[str, Any] = {"results": [{"title": "T", "url": "https://a.example", "content": "C"}]}
            else:
                answer = {"title": "Page", "content": "Text", "links": ["https://b.example"]}
            data = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv(HOSTED_URL, f"http://127.0.0.1:{server.server_address[1]}")
    yield seen
    server.shutdown()
    server.server_close()


def test_web_search_and_fetch_go_to_ollama_com_with_the_key(
    hosted: list[tuple[str, str | None, dict[str, Any]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OLLAMA_API_KEY", raising=False)
    with ours.Client() as keyless, pytest.raises(ValueError, match="Bearer token is required for web search"):
        keyless.web_search("ollama")
    with ours.Client() as keyless, pytest.raises(ValueError, match="Bearer token is required for web fetch"):
        keyless.web_fetch("https://ollama.com")
    assert hosted == []  # refused before anything was sent, as the official client does
    monkeypatch.setenv("OLLAMA_API_KEY", "secret")
    with ours.Client() as client:
        found = client.web_search("ollama")
        page = client.web_fetch("https://ollama.com")
    assert isinstance(found, ollama.WebSearchResponse) and found.results[0].title == "T"
    assert isinstance(page, ollama.WebFetchResponse) and page.links == ["https://b.example"]
    assert hosted == [
        ("/api/web_search", "Bearer secret", {"query": "ollama", "max_results": 3}),
        ("/api/web_fetch", "Bearer secret", {"url": "https://ollama.com"}),
    ]
    with ours.Client(headers={"Authorization": "Bearer other"}) as headed:
        headed.web_fetch("https://ollama.com")
    assert hosted[-1][1] == "Bearer other"
