"""Floats written as Go's encoding/json writes them (Ollama's `show` model_info, embeddings, logprobs).

The expected strings follow Go's float encoder: shortest round-trip digits, positional for
1e-6 <= |f| < 1e21, exponent form otherwise with `e-07` shortened to `e-7`.
"""

from __future__ import annotations

import json
import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ollama_contract.server.http.gofloat import go_float, go_json_ready, go_numbers, go_verb_v
from ollama_contract.server.http.wire import encode

GO_WRITES = [
    (10000.0, "10000"),
    (1_000_000.0, "1000000"),
    (1e16, "10000000000000000"),
    (1e20, "100000000000000000000"),
    (1e21, "1e+21"),
    (1.2345678901234568e21, "1.2345678901234568e+21"),
    (1.7976931348623157e308, "1.7976931348623157e+308"),
    (1e-5, "0.00001"),
    (1e-6, "0.000001"),
    (9.99e-7, "9.99e-7"),
    (1e-7, "1e-7"),
    (1.5e-9, "1.5e-9"),
    (1.5e-10, "1.5e-10"),
    (5e-324, "5e-324"),
    (0.1, "0.1"),
    (0.30000000000000004, "0.30000000000000004"),
    (123.456, "123.456"),
    (-2.5, "-2.5"),
    (-1e21, "-1e+21"),
    (-1e-7, "-1e-7"),
    (0.0, "0"),
    (-0.0, "-0"),
]


@pytest.mark.parametrize(("value", "expected"), GO_WRITES)
def test_each_float_is_written_as_go_writes_it(value: float, expected: str) -> None:
    assert go_float(value) == expected


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_values_go_cannot_write_are_refused(value: float) -> None:
    with pytest.raises(ValueError, match="unsupported value"):
        go_float(value)


_GO_GRAMMAR = re.compile(r"-?(0|[1-9]\d*)(\.\d*[1-9])?(e[-+](\d|[1-9]\d+))?")


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_any_float_reads_back_and_takes_the_form_go_chooses(value: float) -> None:
    text = go_float(value)
    assert float(text) == value
    assert _GO_GRAMMAR.fullmatch(text), text
    exponent_form = "e" in text
    assert exponent_form == (value != 0 and not 1e-6 <= abs(value) < 1e21), text


def test_only_numbers_outside_strings_are_rewritten() -> None:
    text = json.dumps({"s": 'the "1.0" and 2e5 stay', "freq": 10000.0, "eps": [1e-05, 3, -0.5]}, separators=(",", ":"))
    assert go_numbers(text) == '{"s":"the \\"1.0\\" and 2e5 stay","freq":10000,"eps":[0.00001,3,-0.5]}'


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=12,
)


@given(_JSON)
def test_rewriting_never_changes_what_the_json_means(value: object) -> None:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    # Read every number as a float64, as a Go or JavaScript client does: Go writes a whole float
    # such as 5.5e16 as an integer literal, and Python alone would read that back as an int.
    assert json.loads(go_numbers(text), parse_int=float) == json.loads(text, parse_int=float)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (2048.0, "2048"),
        (0.2, "0.2"),
        (123456.0, "123456"),
        (1e6, "1e+06"),
        (1234567.0, "1.234567e+06"),
        (0.0001, "0.0001"),
        (1e-5, "1e-05"),
        (-2.5e-7, "-2.5e-07"),
        (1e21, "1e+21"),
        (1e100, "1e+100"),
        (0.0, "0"),
    ],
)
def test_parameters_print_as_go_fmt_prints_a_float64(value: float, expected: str) -> None:
    """`%v` switches to exponent form from 1e6 on (unlike JSON, from 1e21), with two-digit exponents."""
    assert go_verb_v(value) == expected


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_the_shortcut_for_floats_python_already_writes_as_go_agrees_with_the_full_rule(value: float) -> None:
    assert go_numbers(json.dumps(value)) == go_float(value)
    assert go_numbers(json.dumps([value, "1.0"])) == f'[{go_float(value)}, "1.0"]'


@given(_JSON)
def test_the_value_walk_gives_the_same_text_as_rewriting_everything(value: object) -> None:
    """`encode` turns whole floats into integers first and rewrites the text only when it must."""
    everything = go_numbers(json.dumps(value, ensure_ascii=False, separators=(",", ":")))
    ready, rest = go_json_ready(value)
    walked = json.dumps(ready, ensure_ascii=False, separators=(",", ":"))
    assert (go_numbers(walked) if rest else walked) == everything
    assert encode(value) == encode_reference(everything)


def encode_reference(text: str) -> bytes:
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text.encode("utf-8", "replace")


@pytest.mark.parametrize("value", [2.0**53, -(2.0**53), 2.0**53 + 2, 9.999999999999998e15])
def test_whole_floats_past_two_to_the_53_lose_their_fraction(value: float) -> None:
    """Found by hypothesis: 2**53 kept Python's `.0`, which Go never writes."""
    assert encode(value) == go_float(value).encode()
    assert b"." not in encode({"x": [value]})
