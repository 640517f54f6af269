"""The reference server's Go template engine, where its output can differ from Go's text/template."""

from __future__ import annotations

from ollama_contract.server.emulation.gotemplate import parse_template


def test_json_writes_what_go_json_marshal_writes() -> None:
    """Ollama's `json` template function is json.Marshal: Go's floats, HTML-sensitive characters
    escaped, and an empty string when the value cannot be written (NaN)."""
    template = parse_template("{{ json .Tools }}")
    tools = [{"weight": 1.0, "tiny": 1e-7, "huge": 1e21, "name": "<get & set>"}]
    assert template.execute({"Tools": tools}) == (
        '[{"weight":1,"tiny":1e-7,"huge":1e+21,"name":"\\u003cget \\u0026 set\\u003e"}]'
    )
    assert template.execute({"Tools": float("nan")}) == ""


def test_tools_and_arguments_print_as_their_json() -> None:
    """Ollama's Tools, tool functions and call arguments print through their String(), which is
    json.Marshal: the same Go floats and escapes as `json`."""
    template = parse_template("{{ .Tools }}|{{ range .Calls }}{{ .Function.Arguments }}{{ end }}")
    calls = [{"function": {"name": "f", "arguments": {"city": "Zürich & Bern", "days": 2.0}}}]
    assert template.execute({"Tools": [{"type": "function"}], "Calls": calls}) == (
        '[{"type":"function"}]|{"city":"Zürich \\u0026 Bern","days":2}'
    )
