"""Quality gates on generated_client/: fresh, typed, and lossless on every example and fixture."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from helpers import (
    ROOT,
    canonical,
    endpoint_module,
    iter_examples,
    load_wire_fixtures,
    load_yaml_spec,
    model_for,
    round_trip,
)

from ollama_contract._spec import index


def _example_cases() -> list[tuple[str, str, str, Any]]:
    spec = load_yaml_spec()
    ops = {(op.method, op.path): op for op in index(spec).values()}
    cases = []
    for where, schema, value in iter_examples(spec):
        if not where.startswith("#/paths/") or not isinstance(value, dict):
            continue
        path, method = where.split("/")[2].replace("~1", "/"), where.split("/")[3]
        cases.append((where, ops[(method, path)].operation_id, schema, value))
    return cases


def _json_fixtures() -> list[dict[str, Any]]:
    """Fixtures with a JSON body or NDJSON lines; blob and copy answers have nothing to parse."""
    return [f for f in load_wire_fixtures() if f.get("lines") or isinstance(f.get("body"), dict)]


EXAMPLES = _example_cases()
FIXTURES = _json_fixtures()


@pytest.mark.parametrize(("where", "op_id", "schema", "value"), EXAMPLES, ids=[c[0] for c in EXAMPLES])
def test_examples_round_trip_through_generated_models(
    spec: dict[str, Any], where: str, op_id: str, schema: str, value: Any
) -> None:
    assert canonical(round_trip(spec, index(spec)[op_id], schema, value)) == canonical(value)


@pytest.mark.parametrize("exchange", FIXTURES, ids=[f"{f['operation']}-{f['name']}" for f in FIXTURES])
def test_fixtures_round_trip_through_generated_models(spec: dict[str, Any], exchange: dict[str, Any]) -> None:
    op = index(spec)[exchange["operation"]]
    ptr = op.responses[exchange["status"]][exchange["content_type"].split(";")[0]]
    assert ptr is not None
    for value in exchange.get("lines") or [exchange["body"]]:
        assert canonical(round_trip(spec, op, ptr, value)) == canonical(value)


def test_round_trip_notices_a_lost_field(spec: dict[str, Any]) -> None:
    """The comparison above must be able to fail: a dropped or retyped field shows."""
    op = index(spec)["generate"]
    ptr = op.responses[200]["application/json"]
    assert ptr is not None
    value = {"model": "m", "created_at": "2024-01-01T00:00:00Z", "done": True, "eval_count": 3}
    parsed = model_for(spec, ptr).from_dict(value)  # type: ignore[union-attr]
    parsed.eval_count = 3.0
    assert canonical(parsed.to_dict()) != canonical(value)


def test_generated_package_passes_mypy() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", str(ROOT / "pyproject.toml"), "-p", "ollama_api"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_client_is_fresh() -> None:
    """scripts/regenerate --check: the committed client is byte for byte what the spec makes."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "regenerate"), "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_package_ships_its_spec_and_stamp() -> None:
    from importlib import resources

    pkg = resources.files("ollama_api")
    shipped = json.loads(pkg.joinpath("openapi.json").read_text(encoding="utf-8"))
    assert shipped.pop("x-generated").startswith("Generated from openapi.yaml")
    assert shipped == load_yaml_spec()
    stamp = json.loads(pkg.joinpath("_provenance.json").read_text(encoding="utf-8"))
    assert set(stamp["tools"]) == {"openapi-python-client", "ruff"}
    import hashlib

    assert stamp["spec_sha256"] == hashlib.sha256((ROOT / "openapi.yaml").read_bytes()).hexdigest()


def test_every_generated_file_says_so_on_its_first_line() -> None:
    package = ROOT / "generated_client" / "ollama_api"
    files = [p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert len(files) > 50
    for path in files:
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert "Generated from openapi.yaml" in first and "do not edit" in first, path


def test_streaming_operations_have_stream_functions() -> None:
    for op in index(load_yaml_spec()).values():
        module = endpoint_module(op)
        assert hasattr(module, "sync_stream") == op.streams, op.operation_id
        assert hasattr(module, "asyncio_stream") == op.streams, op.operation_id
