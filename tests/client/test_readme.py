"""The README's client section says what the code does: its tables are checked, its examples run."""

from __future__ import annotations

import ast
import functools
import inspect
import re
from pathlib import Path
from typing import Any

import pytest
from wire import Server, fixture

import ollama_contract as oc
from ollama_contract._errors import _BY_STATUS, error_for_status

README = Path(__file__).resolve().parents[2] / "README.md"


def section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("## The client: validation, streaming, errors, configuration")
    return text[start : text.index("\n## ", start + 1)]


def table_after(heading: str) -> list[list[str]]:
    """The cells of the first table after `heading`, header and rule rows left out."""
    rest = section().split(heading, 1)[1]
    rows = []
    for line in rest.splitlines():
        line = line.strip()
        if not line.startswith("|"):
            if rows:
                break
            continue
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        rows.append(cells)
    return rows[2:]


def first_name(cell: str) -> str:
    found = re.search(r"`([^`]+)`", cell)
    assert found, cell
    return found.group(1)


ERRORS = table_after("### Errors")


def statuses(cell: str) -> list[int]:
    if cell == "5xx":
        return [500, 502, 503, 599]
    if cell == "any other non-2xx":
        return [s for s in range(300, 500) if s not in _BY_STATUS]
    return [int(cell)] if cell.isdigit() else []


@pytest.mark.parametrize(("event", "exception"), [(row[0], row[1]) for row in ERRORS])
def test_each_row_of_the_error_table(event: str, exception: str) -> None:
    cls = getattr(oc, first_name(exception))
    assert issubclass(cls, oc.OllamaError)
    for status in statuses(event):
        assert type(error_for_status("generate", status, {"error": "boom"})) is cls, status


def test_the_error_table_covers_the_mapping_and_every_error() -> None:
    rows = {row[0] for row in ERRORS}
    assert {str(s) for s in _BY_STATUS} <= rows and "5xx" in rows and "any other non-2xx" in rows
    named = {first_name(row[1]) for row in ERRORS}
    exported = {
        name for name, value in vars(oc).items() if inspect.isclass(value) and issubclass(value, oc.OllamaError)
    }
    assert exported - {"OllamaError"} == named


@pytest.mark.parametrize(("host", "url"), [(row[0], row[1]) for row in table_after("- **Server**")])
def test_the_host_table(host: str, url: str) -> None:
    assert oc.parse_host(first_name(host)) == first_name(url)


def test_the_modes_table() -> None:
    assert [first_name(row[0]) for row in table_after("### Validation")] == ["strict", "warn", "off"]


def code_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", section(), flags=re.S)


@pytest.mark.anyio
async def test_the_examples_run(server: Server, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    for path, operation in (
        ("/api/tags", "list_models"),
        ("/api/generate", "generate"),
        ("/api/chat", "chat"),
        ("/api/pull", "pull_model"),
    ):
        name = "local" if operation == "list_models" else "stream"
        server.routes[path] = fixture(operation, name)
    monkeypatch.setattr(oc, "create_client", functools.partial(oc.create_client, transport=server.transport()))
    blocks = code_blocks()
    assert len(blocks) == 2
    scope: dict[str, Any] = {}
    exec(compile(blocks[0], "README", "exec"), scope)
    code = compile(blocks[1], "README", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    await eval(code, scope)
    printed = capsys.readouterr().out
    assert "The sky is blue." in printed and "success" in printed
    assert [r.url.path for r in server.requests] == ["/api/tags", "/api/generate", "/api/chat", "/api/pull"]
