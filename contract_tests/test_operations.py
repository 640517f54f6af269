"""Property-based tests: every operation, valid and invalid requests, every applicable check.

schemathesis derives the cases from openapi.yaml: first the spec's own examples (the docs'
requests), then boundary cases of every field, then random ones. Each answer goes through
status, content type, header and schema conformance, the NDJSON line check, and the suite's
Ollama-aware versions of the negative, positive and server-error checks.
"""

from __future__ import annotations

from pathlib import Path

from schemathesis import Case

from ollama_contract.contract import _session, _suite

SESSION = _session.current()
schema = _suite.load_schema(SESSION, Path(__file__).with_name("schemathesis.toml"))


@schema.parametrize()
def test_operation(case: Case) -> None:
    _suite.send_case(SESSION, case, "property")
