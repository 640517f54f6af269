"""The README's client section says what the code does: its tables are checked, its examples run."""

from __future__ import annotations

import inspect
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import ollama_contract as oc
from ollama_contract._errors import _BY_STATUS, error_for_status

README = Path(__file__).resolve().parents[2] / "README.md"


def section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("## The client: validation, streaming, errors, configuration")
    return text[start : text.index("\n## ", start + 1)]


def table_after(heading: str, text: str | None = None) -> list[list[str]]:
    """The cells of the first table after `heading`, header and rule rows left out."""
    rest = (section() if text is None else text).split(heading, 1)[1]
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


def client_sections() -> str:
    """The README's client sections: "Import the client" to the reference server's section."""
    text = README.read_text(encoding="utf-8")
    start = text.index("## Import the client")
    return text[start : text.index("## The reference server", start)]


def code_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", client_sections(), flags=re.S)


def test_every_example_passes_mypy_strict(tmp_path: Path) -> None:
    blocks = code_blocks()
    assert len(blocks) == 6
    for i, block in enumerate(blocks):
        (tmp_path / f"example_{i}.py").write_text(block, encoding="utf-8")
    cmd = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(README.parent / ".mypy_cache")]
    run = subprocess.run([*cmd, *sorted(str(p) for p in tmp_path.glob("*.py"))], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_every_example_runs_against_the_reference_server(tmp_path: Path) -> None:
    from ollama_contract.server import running_server

    with running_server() as url:
        env = {**os.environ, "OLLAMA_HOST": url}
        for i, block in enumerate(code_blocks()):
            program = tmp_path / f"example_{i}.py"
            program.write_text(block, encoding="utf-8")
            run = subprocess.run([sys.executable, str(program)], capture_output=True, text=True, env=env, timeout=120)
            assert run.returncode == 0, f"example {i}:\n{block}\n{run.stderr}"
            assert run.stdout.strip(), f"example {i} printed nothing"
            if "no-such-model" in block:
                assert run.stdout.startswith("404 ")
            if "pull" in block:
                assert "success" in run.stdout


def test_the_method_table_is_the_spec() -> None:
    from ollama_api._methods import SyncMethods

    from ollama_contract._spec import operations

    rows = table_after("Errors raise (see [Errors](#errors))", client_sections())
    by_method = {op.get("x-python-method"): op for op in _raw_operations()}
    assert [first_name(row[0]).split("(")[0] for row in rows] == [m for m in by_method]
    for row in rows:
        name = first_name(row[0]).split("(")[0]
        operation = operations()[by_method[name]["operationId"]]
        assert first_name(row[1]) == f"{operation.method.upper()} {operation.path}"
        returns = inspect.signature(getattr(SyncMethods, name)).return_annotation.split(" | ")[0]
        assert first_name(row[2]) == returns or (name == "create_blob" and returns == "str"), (name, returns)


def _raw_operations() -> list[dict[str, Any]]:
    spec = json.loads((Path(oc.__file__).parents[2] / "generated_client/ollama_api/openapi.json").read_text())
    return [
        op for item in spec["paths"].values() for op in item.values() if isinstance(op, dict) and "operationId" in op
    ]
