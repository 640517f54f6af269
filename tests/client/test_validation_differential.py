"""The fast path (jsonschema-rs) and the reference (jsonschema) agree on every schema the client checks.

For every schema pointer of the spec that the client validates against (request bodies, and every
status and media type of every response), on hypothesis-generated instances (valid ones and near
misses) and on every wire fixture: both validators give the same verdict, and for invalid
instances, the same set of offending JSON pointers.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest
from helpers import reference_validator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import instances
from wire import FIXTURES

from ollama_contract._ndjson import facts_for
from ollama_contract._spec import load_spec, operations, resolve
from ollama_contract._validation import all_valid, validator


def _pointers() -> list[str]:
    found: dict[str, str] = {}
    for op in operations().values():
        candidates = [op.request_schema, *(p for media in op.responses.values() for p in media.values())]
        for ptr in candidates:
            if ptr is None or (op.request_media_type == "application/octet-stream" and ptr == op.request_schema):
                continue
            node = resolve(load_spec(), ptr)
            found.setdefault(json.dumps(node, sort_keys=True), ptr)  # one pointer per distinct schema
    return sorted(found.values())


POINTERS = _pointers()


@cache
def reference(ptr: str) -> Any:
    return reference_validator(load_spec(), ptr)


def verdicts(ptr: str, value: Any) -> tuple[tuple[bool, set[str]], tuple[bool, set[str]]]:
    fast = validator(ptr)
    ref = reference(ptr)
    fast_paths = {"/".join(map(str, e.instance_path)) for e in fast.iter_errors(value)}
    ref_paths = {"/".join(map(str, e.absolute_path)) for e in ref.iter_errors(value)}
    return (fast.is_valid(value), fast_paths), (ref.is_valid(value), ref_paths)


def test_there_are_schemas_to_compare() -> None:
    assert len(POINTERS) >= 20


@pytest.mark.parametrize("ptr", POINTERS)
def test_fast_path_agrees_with_jsonschema(ptr: str) -> None:
    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None, derandomize=True)
    @given(value=instances(load_spec(), resolve(load_spec(), ptr)))
    def check(value: Any) -> None:
        fast, ref = verdicts(ptr, value)
        assert fast[0] == ref[0], (ptr, value, fast, ref)

    check()


@pytest.mark.parametrize("ptr", POINTERS)
def test_valid_instances_are_valid_for_both(ptr: str) -> None:
    """Instances drawn without noise: mostly valid, so the `valid` side of the boundary is exercised too."""

    @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), database=None, derandomize=True)
    @given(value=instances(load_spec(), resolve(load_spec(), ptr), noise=False))
    def check(value: Any) -> None:
        fast, ref = verdicts(ptr, value)
        assert fast[0] == ref[0], (ptr, value, fast, ref)

    check()


def _fixture_cases() -> list[tuple[str, Any]]:
    cases = []
    for exchange in FIXTURES:
        op = operations()[exchange["operation"]]
        media = (exchange.get("content_type") or "").split(";")[0]
        ptr = op.responses.get(exchange["status"], {}).get(media)
        for value in exchange.get("lines") or ([exchange["body"]] if exchange.get("body") is not None else []):
            if ptr is not None:
                cases.append((ptr, value))
    return cases


@pytest.mark.parametrize(("ptr", "value"), _fixture_cases())
def test_fixtures_are_valid_for_both(ptr: str, value: Any) -> None:
    fast, ref = verdicts(ptr, value)
    assert fast == ref == (True, set())


@given(st.data())
@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck), database=None, derandomize=True)
def test_invalid_instances_name_the_same_fields(data: st.DataObject) -> None:
    ptr = data.draw(st.sampled_from(POINTERS))
    value = data.draw(instances(load_spec(), resolve(load_spec(), ptr)))
    fast, ref = verdicts(ptr, value)
    assert fast[0] == ref[0]
    if not fast[0]:
        # jsonschema reports an anyOf/if failure at the alternative's root; jsonschema-rs may name the
        # deeper field. Both must at least point into the same place: every path of one is a prefix
        # of, or extends, a path of the other.
        for path in fast[1]:
            assert any(path.startswith(p) or p.startswith(path) for p in ref[1]), (ptr, value, fast, ref)


CHUNK_SCHEMAS = sorted({facts_for(op.operation_id).chunk_schema for op in operations().values() if op.stream})


@pytest.mark.parametrize("ptr", CHUNK_SCHEMAS)
def test_one_call_for_many_lines_agrees_with_the_reference_line_by_line(ptr: str) -> None:
    """A stream checks a read's lines with one `all_valid` call: it must say yes exactly when the
    reference finds every one of them valid (planted near misses included)."""
    seen = set()

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None, derandomize=True)
    @given(values=st.lists(instances(load_spec(), resolve(load_spec(), ptr)), max_size=6))
    def check(values: list[Any]) -> None:
        expected = all(reference(ptr).is_valid(v) for v in values)
        assert all_valid(ptr)(values) is expected, (ptr, values)
        seen.add(expected)

    check()
    assert seen == {True, False}, "both verdicts must have been tried"
