"""The public API is exactly `__all__`, sorted, and everything in it is importable."""

from __future__ import annotations

import json
from pathlib import Path

from ollama_api import _methods

import ollama_contract


def test_all_is_sorted_and_complete() -> None:
    public = {name for name in vars(ollama_contract) if not name.startswith("_")} | {"__version__"}
    public -= {name for name, value in vars(ollama_contract).items() if type(value).__name__ == "module"}
    shortcuts = set(_methods.__all__)
    hand = [name for name in ollama_contract.__all__ if name not in shortcuts]
    # Sorted as ruff's RUF022 sorts: CONSTANTS, then Classes, then functions.
    assert hand == sorted(hand, key=lambda n: (not n.isupper(), not n[:1].isupper(), n))
    assert set(ollama_contract.__all__) == public


def test_one_shortcut_per_operation_named_by_the_spec() -> None:
    spec = json.loads((Path(_methods.__file__).parent / "openapi.json").read_text(encoding="utf-8"))
    named = {
        op["x-python-method"]
        for item in spec["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }
    assert set(_methods.__all__) == named and len(named) == len(_methods.__all__)
    assert set(_methods.__all__) <= set(ollama_contract.__all__)
    assert all(callable(getattr(ollama_contract, name)) for name in named)


def test_importing_the_client_and_a_plain_chat_load_no_helper_library() -> None:
    """pydantic, jsonschema, tqdm and docstring_parser serve the helpers (tools from functions,
    format from classes, bars): importing the package and chatting must not pay for them."""
    import subprocess
    import sys

    program = """
import sys, httpx, ollama_contract
answer = {"model": "m", "created_at": "2025-01-01T00:00:00Z", "done": True,
          "message": {"role": "assistant", "content": "hi"}}
transport = httpx.MockTransport(lambda request: httpx.Response(200, json=answer))
with ollama_contract.Ollama(transport=transport) as client:
    assert client.chat(model="m", messages=[{"role": "user", "content": "hi"}]).text == "hi"
print(sorted(m for m in ("pydantic", "jsonschema", "tqdm", "docstring_parser") if m in sys.modules))
"""
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", done.stdout


def test_the_helpers_lazy_table_matches_their_exports() -> None:
    """Each helper resolves from the module `_HOME` names, which is the module the type checkers'
    imports name too, and the table covers `__all__` exactly."""
    import ast
    import importlib

    from ollama_contract import helpers

    source = Path(helpers.__file__).read_text(encoding="utf-8")
    typed = {
        alias.name: node.module
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and node.level == 1
        for alias in node.names
    }
    assert typed == helpers._MODULE_OF
    assert sorted(helpers._MODULE_OF) == sorted(helpers.__all__)
    for name, module in helpers._MODULE_OF.items():
        assert getattr(helpers, name) is getattr(importlib.import_module(f"ollama_contract.helpers.{module}"), name)
