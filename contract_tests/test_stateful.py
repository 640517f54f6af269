"""Stateful tests: random sequences of create, copy, delete, show, tags and pull that follow the
spec's links, checking that a deleted model is gone and a created one is there."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import Phase, settings

from ollama_contract.contract import _session, _suite

SESSION = _session.current()

if not SESSION.guard.writes:
    pytest.skip("safe mode: the stateful tests create and delete models (--allow-writes)", allow_module_level=True)

TestModelLifecycle = _suite.stateful_test(
    SESSION, _suite.load_schema(SESSION, Path(__file__).with_name("schemathesis.toml"))
)
TestModelLifecycle.settings = settings(
    max_examples=max(5, SESSION.max_examples // 2),
    stateful_step_count=8,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failing sequence is short already
)
