"""The NDJSON core, without I/O: splitting, parsing, the stream protocol, text joining, modes."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from wire import ndjson

import ollama_contract as oc
from ollama_contract._ndjson import LineDecoder, LineSplitter, facts_for, parse_line
from ollama_contract._validation import Checker

CHUNK = {"model": "m", "created_at": "2025-10-02T09:14:51.302147Z", "done": False}
FINAL = {"model": "m", "created_at": "2025-10-02T09:14:51.36Z", "response": "", "done": True, "done_reason": "stop"}
UNICODE = ["é", "中文", "🦙 ", "naïve\u2028", "\\n", '"q"']
BODY = ndjson([{**CHUNK, "response": text} for text in UNICODE] + [FINAL])


def split_all(body: bytes, cuts: list[int]) -> list[str | bytes]:
    splitter, lines, start = LineSplitter(), [], 0
    for cut in [*sorted(cuts), len(body)]:
        lines += splitter.feed(body[start:cut])
        start = cut
    return lines + splitter.flush()


@pytest.mark.parametrize("cut", range(len(BODY) + 1))
def test_every_split_point_gives_the_same_lines(cut: int) -> None:
    assert split_all(BODY, [cut]) == BODY.decode().split("\n")[:-1]


@given(st.lists(st.integers(0, len(BODY)), max_size=12))
@settings(max_examples=200, deadline=None, database=None, derandomize=True)
def test_any_chunking_gives_the_same_lines(cuts: list[int]) -> None:
    assert [line for line in split_all(BODY, cuts) if line] == BODY.decode().split("\n")[:-1]


def test_a_byte_at_a_time() -> None:
    assert [line for line in split_all(BODY, list(range(len(BODY)))) if line] == BODY.decode().split("\n")[:-1]


def test_last_line_without_newline_and_bad_utf8() -> None:
    splitter = LineSplitter()
    assert splitter.feed(b'{"a": 1}\n\xff\xfe\n{"b"') == ['{"a": 1}', b"\xff\xfe"]
    assert splitter.feed(b": 2}") == []
    assert splitter.flush() == ['{"b": 2}']
    assert splitter.flush() == []


@given(
    st.one_of(st.text(max_size=20), st.from_regex(r'\s*\{"[a-z]":\s*[0-9tfn"\[\]{},.e+-]{0,6}\}\s*', fullmatch=True))
)
@settings(max_examples=300, deadline=None, database=None, derandomize=True)
def test_parse_line_is_json_loads(text: str) -> None:
    try:
        expected: Any = ("ok", json.loads(text))
    except ValueError:
        expected = "error"
    try:
        got: Any = ("ok", parse_line(text))
    except ValueError:
        got = "error"
    assert repr(got) == repr(expected)


def decoder(operation: str = "generate", mode: str = "strict", typed: bool = True) -> LineDecoder[Any]:
    return LineDecoder(facts_for(operation), Checker(mode), typed=typed)


def feed(d: LineDecoder[Any], *lines: Any) -> list[Any]:
    return list(d.items([line if isinstance(line, str) else json.dumps(line) for line in lines]))


def test_final_line_ends_the_stream_and_text_is_joined() -> None:
    d = decoder()
    items = feed(d, {**CHUNK, "response": "a", "thinking": "t"}, "", "  ", {**CHUNK, "response": "b"}, FINAL)
    assert len(items) == 3 and d.count == 3
    d.finish()
    assert (d.text, d.thinking, d.last) == ("ab", "t", items[-1])


def test_progress_operations_end_with_success() -> None:
    d = decoder("pull_model")
    feed(d, {"status": "pulling manifest"}, {"status": "verifying sha256 digest"})
    with pytest.raises(oc.IncompleteStreamError) as caught:
        d.finish()
    assert caught.value.operation == "pull_model" and "status" in str(caught.value)
    feed(d, {"status": "success"})
    d.finish()


def test_error_line_raises_with_the_server_message_and_what_came_before() -> None:
    d = decoder("chat")
    line = {
        "model": "m",
        "created_at": "2025-10-02T09:14:51Z",
        "message": {"role": "assistant", "content": "Hel"},
        "done": False,
    }
    with pytest.raises(oc.StreamError) as caught:
        feed(d, line, {"error": "model crashed"}, line)
    error = caught.value
    assert (error.operation, error.status, error.message, error.text) == ("chat", 200, "model crashed", "Hel")
    assert error.last is not None and error.last.message.content == "Hel"


@pytest.mark.parametrize("mode", ["strict", "warn", "off"])
def test_truncated_stream_raises_in_every_mode(mode: str) -> None:
    d = decoder(mode=mode)
    feed(d, {**CHUNK, "response": "partial"})
    with pytest.raises(oc.IncompleteStreamError) as caught:
        d.finish()
    assert caught.value.text == "partial" and "1 lines" in str(caught.value)


@pytest.mark.parametrize("mode", ["strict", "warn", "off"])
@pytest.mark.parametrize("line", ['{"model": "m", "created_at": "x", "done": tru', "not json", b"\xff"])
def test_a_line_that_is_not_json_raises_in_every_mode(mode: str, line: Any) -> None:
    d = decoder(mode=mode)
    with pytest.raises(oc.ContractViolation) as caught:
        list(d.items([line]))
    assert caught.value.rule == "json" and "line 1" in caught.value.where


def test_strict_names_the_line_the_pointer_the_rule_and_the_value() -> None:
    d = decoder()
    with pytest.raises(oc.ContractViolation) as caught:
        feed(d, CHUNK, {**CHUNK, "done": "yes"})
    error = caught.value
    assert (error.operation, error.pointer, error.rule, error.value, error.status) == (
        "generate",
        "/done",
        "type",
        "'yes'",
        200,
    )
    assert "line 2" in error.where and "line 2" in str(error)


def test_missing_required_field_names_the_field() -> None:
    with pytest.raises(oc.ContractViolation) as caught:
        feed(decoder(), {"model": "m", "created_at": "2025-10-02T09:14:51Z"})
    assert (caught.value.pointer, caught.value.rule) == ("/done", "required")


def test_long_values_are_cut_short() -> None:
    with pytest.raises(oc.ContractViolation) as caught:
        feed(decoder(), {**CHUNK, "response": 7, "context": ["x" * 10_000]})
    assert len(str(caught.value)) < 800 and all(len(v.value) < 100 for v in caught.value.violations)


def test_warn_logs_each_distinct_violation_once(caplog: pytest.LogCaptureFixture) -> None:
    d = decoder(mode="warn")
    bad = [{**CHUNK, "done": "no", "response": 1} for _ in range(50)]
    with caplog.at_level(logging.WARNING, logger="ollama_contract"):
        items = feed(d, *bad, {**FINAL, "eval_count": "many"})
    assert len(items) == 51
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 3, messages
    assert sum("/done" in m for m in messages) == 1 and sum("/response" in m for m in messages) == 1
    assert any("/eval_count" in m for m in messages)


def test_off_checks_nothing_but_what_cannot_be_built(caplog: pytest.LogCaptureFixture) -> None:
    d = decoder(mode="off")
    with caplog.at_level(logging.WARNING):
        item = feed(d, {**CHUNK, "done": "no"})[0]
    assert item.done == "no" and caplog.records == []
    with pytest.raises(oc.ContractViolation) as caught:
        feed(d, {**CHUNK, "logprobs": 7})  # a list of objects, sent as a number: nothing to build from
    assert caught.value.rule == "construct"


def test_untyped_decoder_checks_without_building() -> None:
    """Untyped (the hooks under the generated sync_stream): the parsed lines, for it to build."""
    d = decoder(typed=False)
    assert feed(d, CHUNK, FINAL) == [CHUNK, FINAL]
    d.finish()


def test_text_of_many_chunks() -> None:
    d = decoder(typed=False)
    lines = [json.dumps({**CHUNK, "response": f"{i},"}) for i in range(2000)]
    list(d.items(lines))
    assert d.text == "".join(f"{i}," for i in range(2000))


def test_whole_json_answer_ends_the_stream() -> None:
    d = decoder("chat")
    item = d.whole(
        {
            "model": "m",
            "created_at": "2025-10-02T09:14:51Z",
            "message": {"role": "assistant", "content": "hi"},
            "done": True,
        }
    )
    d.finish()
    assert d.text == "hi" and item.message.content == "hi"


BAD_LINES = {
    "wrong type": ("strict", json.dumps({**CHUNK, "done": "no"}), oc.ContractViolation),
    "error line": ("off", json.dumps({"error": "model crashed"}), oc.StreamError),
    "not JSON": ("off", '{"model": "m"', oc.ContractViolation),
    "not an object": ("off", "[1, 2]", oc.ContractViolation),
}


@pytest.mark.parametrize("case", BAD_LINES, ids=list(BAD_LINES))
def test_one_read_with_a_bad_line_in_the_middle_yields_what_came_before(case: str) -> None:
    """The lines of one read are parsed and checked together, but a bad line still raises only
    when it is reached, after the items before it, and names its own line."""
    mode, bad, error = BAD_LINES[case]
    d = decoder(mode=mode)
    lines = [json.dumps({**CHUNK, "response": "a"}), "", json.dumps({**CHUNK, "response": "b"}), bad, json.dumps(FINAL)]
    got = []
    with pytest.raises(error) as caught:
        for item in d.items(lines):
            got.append(item.response)
    assert got == ["a", "b"] and d.count == 3 and d.text == "ab"
    if isinstance(caught.value, oc.ContractViolation):
        assert "line 3" in caught.value.where


def test_a_read_whose_lines_are_all_valid_is_checked_in_one_call(monkeypatch: pytest.MonkeyPatch) -> None:
    """Valid lines cost one `all_valid` call a read; the per-line validator is never made."""
    import ollama_contract._ndjson as ndjson_module

    calls: list[int] = []
    real = ndjson_module.all_valid

    def counting(ptr: str, profile: str = "all") -> Any:
        check = real(ptr, profile)
        return lambda values: calls.append(len(values)) or check(values)

    monkeypatch.setattr(ndjson_module, "all_valid", counting)
    monkeypatch.setattr(ndjson_module, "validator", lambda *a: pytest.fail("a valid read was checked line by line"))
    d = decoder()
    assert len(feed(d, CHUNK, CHUNK, FINAL)) == 3
    assert calls == [3]
