"""The public API is exactly `__all__`, sorted, and everything in it is importable."""

from __future__ import annotations

import ollama_contract


def test_all_is_sorted_and_complete() -> None:
    public = {name for name in vars(ollama_contract) if not name.startswith("_")} | {"__version__"}
    public -= {name for name, value in vars(ollama_contract).items() if type(value).__name__ == "module"}
    # Sorted as ruff's RUF022 sorts: CONSTANTS, then Classes, then functions.
    assert ollama_contract.__all__ == sorted(
        ollama_contract.__all__, key=lambda n: (not n.isupper(), not n[:1].isupper(), n)
    )
    assert set(ollama_contract.__all__) == public
