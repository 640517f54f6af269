"""The README's server section says what the code does: its tables are checked and its example runs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from ollama_contract.server import CATALOGUE, DEFAULT_MODELS
from ollama_contract.server.http.faults import _FLAGS, _VALUED

README = Path(__file__).resolve().parents[2] / "README.md"


def section() -> str:
    text = README.read_text(encoding="utf-8")
    return text.split("## The reference server: an offline Ollama", 1)[1].split("\n## ", 1)[0]


def table_after(heading: str) -> list[list[str]]:
    """The body rows of the first table after a heading (or any text that starts a paragraph)."""
    rest = section().split(heading, 1)[1].splitlines()
    start = next(i for i, line in enumerate(rest) if line.startswith("|"))
    rows: list[list[str]] = []
    for line in rest[start:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows[2:]


def names_in(cell: str) -> list[str]:
    return [n if ":" in n else f"{n}:latest" for n in re.findall(r"`([^`]+)`", cell)]


def test_the_catalogue_table(url: str) -> None:
    rows = table_after("### The catalogue")
    assert sorted(n for row in rows for n in names_in(row[0])) == sorted(n for e in CATALOGUE for n in e.names)
    with httpx.Client(base_url=url) as http:
        for names, arch, capabilities, size, default in rows:
            assert arch == {n: e.arch for e in CATALOGUE for n in e.names}[names_in(names)[0]]
            for name in names_in(names):
                http.post("/api/pull", json={"model": name, "stream": False}).raise_for_status()
                shown = http.post("/api/show", json={"model": name}).json()
                stated = re.sub(r"\(.*?\)", "", capabilities).replace(" ", "").split(",")
                assert set(stated) == set(shown["capabilities"]), name
                assert shown["details"]["quantization_level"] in size
                assert shown["details"]["parameter_size"] in size
            installed = [n for n in names_in(names) if n in DEFAULT_MODELS]
            assert bool(default) == bool(installed), names
            assert set(names_in(default)) <= set(installed)


def test_the_fault_tables_name_every_fault() -> None:
    client = {name for row in table_after("For testing clients:") for name in re.findall(r"`([a-z-]+)[=@`]", row[0])}
    breakers = section().split("To prove that a contract suite", 1)[1].split("```", 1)[0]
    named = set(re.findall(r"`([a-z-]+)` \(", breakers))
    assert client >= _VALUED and not client & named
    assert client | named == _VALUED | _FLAGS


def test_the_flags_table() -> None:
    flags = {row[0].strip("`") for row in table_after("### Starting it")}
    assert flags == {
        "--host",
        "--port",
        "--data-dir",
        "--models",
        "--fault SPEC",
        "--quiet",
        "--pace",
        "--token-rate",
        "--prompt-rate",
        "--load-time",
        "--ollama-version X",
        "--leave-out",
        "--seed",
    }


def _python_blocks() -> list[str]:
    blocks: list[str] = re.findall(r"```python\n(.*?)```", section(), flags=re.S)
    return blocks


def test_every_python_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    blocks = _python_blocks()
    assert blocks
    for block in blocks:
        exec(compile(block, "README", "exec"), {})
        assert capsys.readouterr().out.strip(), block


def test_every_python_example_passes_mypy_strict(tmp_path: Path) -> None:
    for number, block in enumerate(_python_blocks()):
        program = tmp_path / f"example_{number}.py"
        program.write_text(block, encoding="utf-8")
        result = subprocess.run(
            [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", str(program)],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_seed_example_is_the_docs_one(url: str) -> None:
    quoted = re.search(r"`(\{\"model\": \"mistral\".*?\})`", section())
    assert quoted is not None
    body: dict[str, Any] = json.loads(quoted.group(1))
    with httpx.Client(base_url=url) as http:
        texts = {http.post("/api/generate", json={**body, "stream": False}).json()["response"] for _ in range(2)}
    assert len(texts) == 1
