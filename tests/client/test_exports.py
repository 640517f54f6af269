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
