"""The bounds on generation and residency hold for every body the suite can generate.

The Python model of Go's option conversion is pinned to what Ollama's source does (and to what
a real 0.33 server was seen doing, `num_predict` 0 and 0.7 streaming without end); the rewrite
is then property-tested over the request schemas themselves, in both generation modes, and over
arbitrary JSON in `options`.
"""

from __future__ import annotations

import math
import subprocess
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from ollama_contract._spec import load_spec, operations
from ollama_contract.contract import _bounds
from ollama_contract.contract._bounds import (
    INT64_MIN,
    NUM_PREDICT_CEILING,
    REFUSED,
    bound_request,
    effective_num_predict,
    go_int_option,
    keep_alive_field,
    load_time_fields,
    load_time_options,
    takes_options,
)

N = NUM_PREDICT_CEILING
SCHEDULING = sorted(op for op in operations() if takes_options(op))


# --- the model of Go's conversion ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "go"),
    [
        (3, 3),
        (1.9, 1),  # int64(f) drops the fraction: a live server gave exactly one token
        (0.7, 0),  # ... and 0.7 became 0, which streamed without end
        (2.5890419884777833e-42, 0),  # the value that generated for 19 minutes
        (-0.5, 0),
        (-1, -1),
        (-7.9, -7),
        (2**53, 2**53),
        (1e30, INT64_MIN),  # beyond int64: amd64's conversion gives the smallest int64
        (float(2**63), INT64_MIN),
        (None, None),  # null is skipped: the model's own value applies
        ("5", REFUSED),  # `option "num_predict" must be of type integer`
        (True, REFUSED),  # a bool is not a number to Go
        ([1], REFUSED),
        ({"n": 1}, REFUSED),
        (10**400, REFUSED),  # a literal beyond float64 fails to decode
        (math.inf, REFUSED),  # not JSON
        (math.nan, REFUSED),
    ],
)
def test_integer_options_convert_as_go_converts_them(value: Any, go: Any) -> None:
    assert go_int_option(value) == go


@pytest.mark.parametrize(
    ("body", "tokens"),
    [
        ({"model": "m"}, -1),  # no options: the model's default, no limit
        ({"model": "m", "options": None}, -1),
        ({"model": "m", "options": {}}, -1),
        ({"model": "m", "options": {"num_predict": None}}, -1),
        ({"model": "m", "options": {"num_predict": 0}}, 0),
        ({"model": "m", "options": {"num_predict": 4.2}}, 4),
        ({"model": "m", "options": {"num_predict": "4"}}, None),  # refused before generation
        ({"model": "m", "options": "fast"}, None),  # options must decode into a map: 400
        ([{"model": "m"}], None),
    ],
)
def test_the_effective_num_predict_of_a_body(body: Any, tokens: int | None) -> None:
    assert effective_num_predict(body) == tokens


MIRROR = Path("/work/.mirror/ollama+ollama/repo")


@pytest.mark.skipif(not MIRROR.exists(), reason="Ollama's source is not checked out here")
def test_the_model_matches_the_go_source() -> None:
    """The lines of `Options.FromMap` the model rests on (read from the source where it is at hand)."""
    source = subprocess.run(
        ["git", "-C", str(MIRROR), "show", "HEAD:api/types.go"], capture_output=True, text=True, check=True
    ).stdout
    from_map = source[source.index("func (opts *Options) FromMap") :][:2500]
    assert "if val == nil {\n\t\t\t\tcontinue" in from_map  # null is skipped
    assert "case float64:" in from_map and "field.SetInt(int64(t))" in from_map  # truncation
    assert 'must be of type integer", key)' in from_map  # everything else is refused
    assert "NumPredict: -1," in source  # the default is no limit


# --- what the spec marks as load-time -----------------------------------------------------------


def test_load_time_facts_come_from_the_spec() -> None:
    options = load_spec()["components"]["schemas"]["Options"]["properties"]
    assert load_time_options() == {name for name, prop in options.items() if prop.get("x-load-time")}
    # Ollama's Runner struct (api/types.go): the options a loaded model keeps.
    assert {"num_ctx", "num_batch", "num_gpu", "main_gpu", "use_mmap", "num_thread"} <= load_time_options()
    assert "num_predict" not in load_time_options() and "temperature" not in load_time_options()
    assert load_time_fields("generate") == load_time_fields("chat") == {"shift"}


def test_only_requests_that_schedule_a_model_are_rewritten() -> None:
    assert SCHEDULING == ["chat", "embed", "embeddings", "generate"]
    assert {keep_alive_field(op) for op in SCHEDULING} == {"keep_alive"}
    body = {"model": "m", "options": {"num_predict": 0}}
    assert bound_request("show_model", body, residency_safe=True) is body


# --- the rewrite, property-tested -----------------------------------------------------------------


def assert_bounded(operation_id: str, sent: Any) -> None:
    tokens = effective_num_predict(sent)
    assert tokens is None or 1 <= tokens <= N, f"{sent!r} lets the server generate {tokens} tokens"
    if not isinstance(sent, dict):
        return
    options = sent.get("options")
    if isinstance(options, dict):
        schema = load_spec()["components"]["schemas"]["Options"]["properties"]
        for name in load_time_options() & options.keys():
            assert not _bounds._accepted(schema[name], options[name]), f"{name}={options[name]!r} reloads the model"
    field = keep_alive_field(operation_id)
    assert field not in sent or isinstance(sent[field], bool | list | dict), f"keep_alive sent: {sent[field]!r}"
    for name in load_time_fields(operation_id) & sent.keys():
        assert not isinstance(sent[name], bool) and sent[name] is not None, f"{name} sent"


SCHEMA = schemathesis.openapi.from_dict(load_spec())
CHECKED = settings(
    max_examples=40, database=None, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)


@pytest.mark.parametrize("operation_id", SCHEDULING)
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_generated_body_is_bounded_once_rewritten(operation_id: str, mode: GenerationMode) -> None:
    operation = SCHEMA.find_operation_by_id(operation_id)

    @CHECKED
    @given(case=operation.as_strategy(generation_mode=mode))
    def check(case: Any) -> None:
        original = case.body
        assert_bounded(operation_id, bound_request(operation_id, original, residency_safe=True))

    check()


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
OPTION_NAMES = st.sampled_from(sorted(load_spec()["components"]["schemas"]["Options"]["properties"]))
BODIES = st.fixed_dictionaries(
    {"model": st.just("m")},
    optional={
        "options": JSON | st.dictionaries(OPTION_NAMES | st.text(max_size=4), JSON, max_size=6),
        "keep_alive": JSON,
        "shift": JSON,
    },
)


@CHECKED
@given(operation_id=st.sampled_from(SCHEDULING), body=BODIES | JSON)
def test_any_json_at_all_is_bounded_once_rewritten(operation_id: str, body: Any) -> None:
    assert_bounded(operation_id, bound_request(operation_id, body, residency_safe=True))


def test_the_rewrite_keeps_what_makes_a_case_negative() -> None:
    body = {"model": "m", "options": {"num_predict": "many", "num_ctx": "big", "use_mmap": 1}, "keep_alive": True}
    assert bound_request("generate", body, residency_safe=True) == body


def test_the_rewrite_keeps_bounded_values_and_fixes_the_rest() -> None:
    def sent(value: Any) -> Any:
        return bound_request("chat", {"model": "m", "options": {"num_predict": value}}, residency_safe=False)

    assert sent(1.9)["options"]["num_predict"] == 1.9  # still exercises the truncation
    assert sent(0.7)["options"]["num_predict"] == 1
    assert sent(0)["options"]["num_predict"] == N
    assert sent(-3)["options"]["num_predict"] == N
    assert sent(10**6)["options"]["num_predict"] == N
    assert sent(None)["options"]["num_predict"] == N
    assert bound_request("chat", {"model": "m"}, residency_safe=False)["options"] == {"num_predict": N}
    kept = bound_request("chat", {"model": "m", "options": {"num_ctx": 99}, "keep_alive": "5m"}, residency_safe=False)
    assert kept["options"]["num_ctx"] == 99 and kept["keep_alive"] == "5m"  # only residency_safe strips them
