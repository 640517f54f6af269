"""What every endpoint shares on the wire: body decoding, error bodies, content types, routing, escaping."""

from __future__ import annotations

import json

import httpx
import pytest
from kit import Wire, error_of, lines

from ollama_contract._spec import operations

# Proxied operations pass the body on to ollama.com unread, and hosted ones are ollama.com's own.
JSON_POSTS = [
    (op.method.upper(), op.path)
    for op in operations().values()
    if op.request_media_type == "application/json" and not op.proxied and not op.servers
]


@pytest.mark.parametrize(("method", "path"), JSON_POSTS)
def test_every_json_endpoint_decodes_like_gin(wire: Wire, method: str, path: str) -> None:
    assert error_of(wire.request(method, path, content=b""), 400) == "missing request body"
    assert error_of(wire.request(method, path, content=b"  \n"), 400) == "missing request body"
    assert error_of(wire.request(method, path, content=b"{"), 400) == "unexpected EOF"
    assert (
        error_of(wire.request(method, path, content=b"xyz"), 400)
        == "invalid character 'x' looking for beginning of value"
    )
    assert error_of(wire.request(method, path, content=b'{"model" 1}'), 400) == "invalid character '1' after object key"
    wrong = error_of(wire.request(method, path, content=b"[1]"), 400)
    assert wrong.startswith("json: cannot unmarshal array into Go value of type api.")


def test_go_type_errors_name_the_field(wire: Wire) -> None:
    cases = {
        "/api/generate": (
            {"model": "m", "stream": "yes"},
            "json: cannot unmarshal string into Go struct field GenerateRequest.stream of type bool",
        ),
        "/api/chat": (
            {"model": "m", "messages": [{"role": 1}]},
            "json: cannot unmarshal number into Go struct field Message.messages.role of type string",
        ),
        "/api/embed": (
            {"model": "m", "dimensions": 1.5},
            "json: cannot unmarshal number 1.5 into Go struct field EmbedRequest.dimensions of type int",
        ),
        "/api/show": (
            {"model": "m", "verbose": 1},
            "json: cannot unmarshal number into Go struct field ShowRequest.verbose of type bool",
        ),
    }
    for path, (body, message) in cases.items():
        assert error_of(wire.post(path, body), 400) == message


def test_what_gin_forgives(wire: Wire) -> None:
    # Content-Type is ignored, `null` is an empty request, only the first JSON value is read,
    # unknown fields are dropped, field names match in any case.
    form = {"content-type": "application/x-www-form-urlencoded"}
    body = b'{"model": "all-minilm", "input": "hi"}'
    assert wire.post("/api/embed", content=body, headers=form).status_code == 200
    assert error_of(wire.post("/api/generate", content=b"null"), 404) == "model '' not found"
    assert wire.post("/api/embed", content=body + b" trailing {garbage").status_code == 200
    assert (
        wire.post("/api/embed", {"MODEL": "all-minilm", "Input": "hi", "extra": [1, 2]}).json()["model"] == "all-minilm"
    )


def test_routing_pages(wire: Wire) -> None:
    missing = wire.get("/api/nothing-here")
    assert (missing.status_code, missing.text, missing.headers["content-type"]) == (
        404,
        "404 page not found",
        "text/plain; charset=utf-8",
    )
    wrong = wire.get("/api/show")
    assert (wrong.status_code, wrong.text, wrong.headers["content-type"]) == (
        405,
        "405 method not allowed",
        "text/plain; charset=utf-8",
    )
    assert (
        wire.request("HEAD", "/api/ps", checked=False).status_code == 405
    )  # gin registers HEAD only where Ollama does


def test_foreign_host_headers_are_refused(wire: Wire) -> None:
    refused = wire.get("/api/version", headers={"host": "evil.example.com"}, checked=False)
    assert (refused.status_code, refused.content) == (403, b"")
    for host in ("localhost:11434", "127.0.0.1", "[::1]:8080", "box.local", "10.1.2.3", "app.localhost"):
        assert wire.get("/api/version", headers={"host": host}).status_code == 200, host


def test_content_types(wire: Wire) -> None:
    utf8 = "application/json; charset=utf-8"
    assert wire.post("/api/show", {"model": "mistral"}).headers["content-type"] == utf8
    assert (
        wire.post("/api/generate", {"model": "mistral", "prompt": "x", "stream": False}).headers["content-type"] == utf8
    )
    assert (
        wire.post("/api/generate", {"model": "mistral", "prompt": "x"}).headers["content-type"]
        == "application/x-ndjson"
    )
    assert wire.post("/api/show", {"model": "nope"}).headers["content-type"] == utf8
    # A stream whose runner fails before the first line answers a plain error, typed bare
    # application/json (streamResponse); the same failure unstreamed goes through c.JSON.
    early = wire.post("/api/generate", {"model": "mistral", "prompt": "x", "format": "yaml"})
    assert early.status_code == 500 and early.headers["content-type"] == "application/json"
    late = wire.post("/api/generate", {"model": "mistral", "prompt": "x", "format": "yaml", "stream": False})
    assert late.status_code == 500 and late.headers["content-type"] == utf8
    # Refusals before the model runs (scheduling, here a mistyped option) are c.JSON too.
    scheduled = wire.post("/api/generate", {"model": "mistral", "prompt": "x", "options": {"seed": "x"}})
    assert scheduled.status_code == 500 and scheduled.headers["content-type"] == utf8
    assert wire.post("/api/pull", {"model": "mistral", "stream": False}).headers["content-type"] == "application/json"


def test_go_escapes_html_characters(wire: Wire) -> None:
    raw = wire.post("/api/show", {"model": "qwen3"}).content
    assert b"<|im_start|>" not in raw and b"\\u003c|im_start|\\u003e" in raw
    assert "<|im_start|>" in json.loads(raw)["template"]


def test_mid_stream_errors_keep_the_200(wire: Wire) -> None:
    response = wire.post("/api/pull", {"model": "not-in-the-registry"})
    assert response.status_code == 200 and response.headers["content-type"] == "application/x-ndjson"
    *_, last = lines(response)
    assert last == {"error": "pull model manifest: file does not exist"}  # no `done`, no status
    assert response.content.endswith(b'{"error":"pull model manifest: file does not exist"}\n')


def test_options_null_and_integer_truncation(wire: Wire) -> None:
    base = {"model": "mistral", "prompt": "Tell me a story", "stream": False}
    a = wire.post("/api/generate", {**base, "options": {"num_predict": 3, "seed": 1}}).json()
    b = wire.post("/api/generate", {**base, "options": {"num_predict": 3.9, "seed": 1, "temperature": None}}).json()
    assert a["eval_count"] == b["eval_count"] == 3 and a["response"] == b["response"]


def test_keep_alive_forms(wire: Wire) -> None:
    for value in ("5m", "1h30m", 42.5, "300ms", -1, "-1m"):
        assert wire.post("/api/generate", {"model": "mistral", "keep_alive": value}).json()["done_reason"] == "load"
    assert (
        error_of(wire.post("/api/generate", {"model": "mistral", "keep_alive": "10"}), 400)
        == 'time: missing unit in duration "10"'
    )
    assert (
        error_of(wire.post("/api/generate", {"model": "mistral", "keep_alive": "5y"}), 400)
        == 'time: unknown unit "y" in duration "5y"'
    )
    assert (
        error_of(wire.post("/api/generate", {"model": "mistral", "keep_alive": [1]}), 400)
        == "Unsupported type: '[]interface {}'"
    )


def test_http_client_reuses_the_connection(wire: Wire) -> None:
    with httpx.Client(base_url=wire.url) as http:
        for _ in range(5):
            assert http.get("/api/version").status_code == 200


def test_cross_origin_requests(wire: Wire) -> None:
    plain = wire.get("/api/version")
    assert "access-control-allow-origin" not in plain.headers
    page = {"origin": "http://localhost:5173"}
    allowed = wire.get("/api/version", headers=page)
    assert (
        allowed.headers["access-control-allow-origin"] == "http://localhost:5173"
        and allowed.headers["vary"] == "Origin"
    )
    for origin in (
        "http://127.0.0.1",
        "https://0.0.0.0:8443",
        "app://desktop",
        "vscode-webview://abc",
        "tauri://localhost",
    ):
        assert wire.get("/api/version", headers={"origin": origin}).status_code == 200, origin
    refused = wire.get("/api/version", headers={"origin": "https://evil.example.com"}, checked=False)
    assert (refused.status_code, refused.content, refused.headers.get("content-type")) == (403, b"", None)
    preflight = wire.request(
        "OPTIONS",
        "/api/chat",
        headers={**page, "access-control-request-method": "POST", "access-control-request-headers": "content-type"},
        checked=False,
    )
    assert preflight.status_code == 204 and preflight.content == b""
    assert preflight.headers["access-control-allow-methods"] == "GET,POST,PUT,PATCH,DELETE,HEAD,OPTIONS"
    assert {"Content-Type", "Authorization", "X-Ollama-Fault"} <= set(
        preflight.headers["access-control-allow-headers"].split(",")
    )
    assert preflight.headers["access-control-max-age"] == "43200"
    # The server's own origin is not a cross-origin request.
    host = wire.url.removeprefix("http://")
    assert "access-control-allow-origin" not in wire.get("/api/version", headers={"origin": f"http://{host}"}).headers


def test_more_origins(monkeypatch: pytest.MonkeyPatch) -> None:
    from ollama_contract.server import running_server

    monkeypatch.setenv("OLLAMA_ORIGINS", "https://*.example.com,chrome-extension://abc")
    with running_server(models="none") as url, httpx.Client(base_url=url) as http:
        for origin, status in (
            ("https://app.example.com", 200),
            ("chrome-extension://abc", 200),
            ("https://example.org", 403),
        ):
            assert http.get("/api/version", headers={"origin": origin}).status_code == status, origin
        assert http.get("/api/version", headers={"origin": "http://localhost:3000"}).status_code == 200


def test_x_or_null_decodes_as_x() -> None:
    """Go reads `null` as a zero value, so a field the spec types "X or null" is decoded as X."""
    from ollama_contract.server.http.decode import _shape

    doc = {"x": {"type": "object", "properties": {"n": {"type": "integer"}}}}
    nullable_ref = _shape(doc, {"anyOf": [{"$ref": "#/x"}, {"type": "null"}]}, {})
    assert nullable_ref.kind == "struct" and nullable_ref.go == "api.x"
    assert _shape(doc, {"oneOf": [{"type": "null"}, {"type": "string"}]}, {}).kind == "string"
    assert _shape(doc, {"anyOf": [{"type": "string"}, {"type": "integer"}]}, {}).kind == "any"
