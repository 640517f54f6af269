"""The operation facts (`x-ollama`) are complete, point at real fields, and are the only tables.

The code reads whether an operation streams, how its stream ends, which text it accumulates,
whether it writes, which request fields name models... from the spec. These tests fail when an
operation lacks a fact the code needs, when a fact names a field its schemas do not have, and when
a hand table of operations comes back.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
from helpers import load_yaml_spec

from ollama_contract.spec import (
    NDJSON,
    Operation,
    SpecError,
    escape,
    follow,
    index,
    load_time_options,
    operations,
    pointer,
    resolve,
    split_pointer,
    unescape,
)

SRC = Path(__file__).resolve().parents[1] / "src" / "ollama_contract"


def _props(doc: dict[str, Any], ptr: str | None) -> dict[str, Any]:
    """The properties of the object schema at `ptr`, through `$ref`, `allOf` and `oneOf`/`anyOf`."""
    if ptr is None:
        return {}
    out: dict[str, Any] = {}
    stack = [follow(doc, ptr)]
    while stack:
        node = stack.pop()
        if "$ref" in node:
            stack.append(resolve(doc, node["$ref"]))
        out.update(node.get("properties", {}))
        for key in ("allOf", "oneOf", "anyOf"):
            stack.extend(node.get(key, []))
    return out


def _at(doc: dict[str, Any], ptr: str, inner: str) -> dict[str, Any] | None:
    """The schema of the field at JSON pointer `inner` inside the object schema at `ptr`."""
    node: dict[str, Any] | None = None
    current = ptr
    for token in split_pointer(inner):
        node = _props(doc, current).get(token)
        if node is None:
            return None
        if "$ref" in node:
            current = node["$ref"]
        else:
            return node
    return node


def test_the_shipped_spec_gives_every_operation_its_facts() -> None:
    ops = operations()
    assert ops, "no operations"
    for op in ops.values():
        assert isinstance(op.writes, bool)
        assert op.streams == (op.stream is not None), op.label


def test_stream_facts_name_fields_of_the_answer() -> None:
    doc = load_yaml_spec()
    for op in index(doc).values():
        if op.stream is None:
            continue
        json_schema = op.responses[200]["application/json"]
        assert json_schema is not None, op.label
        final = _at(doc, json_schema, op.stream.final_field)
        assert final is not None, f"{op.label}: final field {op.stream.final_field} is not in the answer's schema"
        for text in (op.stream.text, op.stream.thinking):
            if text is not None:
                found = _at(doc, json_schema, text)
                assert found is not None and found.get("type") in ("string", ["string", "null"]), (op.label, text)


def test_model_fields_and_request_facts_name_request_fields() -> None:
    doc = load_yaml_spec()
    for op in index(doc).values():
        props = _props(doc, op.request_schema)
        for named in op.models:
            assert named.field in props, f"{op.label}: x-ollama names model field {named.field!r}, not in its request"
            if named.legacy:
                assert named.legacy in props, (op.label, named.legacy)
        for field in op.late_checked | op.free_maps:
            assert field in props, f"{op.label}: x-ollama names {field!r}, not in its request"
        if op.runs:
            assert op.model_field("read") is not None, f"{op.label} runs a model but names none"


def test_what_the_code_asks_of_the_facts_holds() -> None:
    ops = operations()
    # The suite's guard must know what every writing operation touches, or that it touches no model.
    for op in ops.values():
        if op.writes and op.models:
            assert op.target is not None and op.target.role != "read", op.label
    # The streams the typed client offers all have a final line and an error key to find.
    assert {op.operation_id for op in ops.values() if op.stream} >= {"generate", "chat", "pull_model"}
    assert ops["chat"].stream is not None and ops["chat"].stream.text == "/message/content"
    assert ops["copy_model"].target is not None and ops["copy_model"].target.field == "destination"
    assert ops["show_model"].legacy_name == "name"


@pytest.mark.parametrize(
    ("mutate", "words"),
    [
        (lambda op: op.pop("x-ollama"), "no x-ollama mapping"),
        (lambda op: op["x-ollama"].pop("writes"), "writes must be true or false"),
        (lambda op: op["x-ollama"].pop("stream"), "no x-ollama stream"),
        (lambda op: op["x-ollama"].update(streams=True), "unknown x-ollama keys: streams"),
        (lambda op: op["x-ollama"]["stream"]["final"].pop("equals"), "stream.final must be"),
        (lambda op: op["x-ollama"]["stream"].update(text="response"), "must be a JSON pointer"),
        (lambda op: op["x-ollama"].update(models=[{"field": "model", "role": "eat"}]), "role must be one of"),
        (lambda op: op["x-ollama"].update(runs="train"), "runs must be generate or embed"),
    ],
)
def test_a_missing_or_broken_fact_is_refused_by_name(mutate: Any, words: str) -> None:
    doc = copy.deepcopy(load_yaml_spec())
    mutate(doc["paths"]["/api/generate"]["post"])
    with pytest.raises(SpecError, match=re.escape(words)) as caught:
        index(doc)
    assert "generate" in str(caught.value)


def test_a_stream_fact_on_an_operation_that_does_not_stream_is_refused() -> None:
    doc = copy.deepcopy(load_yaml_spec())
    doc["paths"]["/api/tags"]["get"]["x-ollama"]["stream"] = {"final": {"field": "/done", "equals": True}}
    with pytest.raises(SpecError, match="list_models"):
        index(doc)


def test_someone_elses_spec_is_indexed_without_facts() -> None:
    doc = copy.deepcopy(load_yaml_spec())
    for item in doc["paths"].values():
        for op in item.values():
            if isinstance(op, dict):
                op.pop("x-ollama", None)
    ops = index(doc, facts=False)
    assert ops["generate"].stream is None and ops["generate"].streams


def test_load_time_options_are_the_runner_options() -> None:
    # Ollama's api.Runner struct: the options that, when changed, make the scheduler reload a model.
    assert load_time_options() == {
        "num_ctx",
        "num_batch",
        "num_gpu",
        "main_gpu",
        "use_mmap",
        "num_thread",
        "draft_num_predict",
    }


@pytest.mark.parametrize("part", ["plain", "a/b", "~tilde", "~1", "/~0/", ""])
def test_json_pointer_tokens_round_trip(part: str) -> None:
    assert unescape(escape(part)) == part
    assert split_pointer(pointer("paths", part, "get")) == ("paths", part, "get")


def test_a_pointer_into_the_spec_finds_what_it_names() -> None:
    doc = load_yaml_spec()
    assert resolve(doc, pointer("paths", "/api/tags", "get"))["operationId"] == "list_models"
    assert split_pointer("") == ()
    assert split_pointer("/message/content") == ("message", "content")


# Hand tables of operations that the spec replaced: none may come back.
_TABLES = re.compile(
    r"^(STREAMED|FINAL_LINE|NETWORK_BOUND|LATE_CHECKED|FREE_MAPS|LEGACY_NAME|_HEAD_TOO)\s*[:=]|^_THINK_LEVELS = \(",
    re.M,
)
_OPERATION_SET = re.compile(r"frozenset\(\{\s*\"(create_model|generate|chat|pull_model)\"")


def test_no_hand_table_of_operations_is_left() -> None:
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if _TABLES.search(text) or _OPERATION_SET.search(text):
            offenders.append(str(path.relative_to(SRC)))
    assert not offenders, f"operation tables restated by hand in: {offenders}"


def test_no_pointer_escaping_outside_the_spec_module() -> None:
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "_spec.py":
            continue
        text = path.read_text(encoding="utf-8")
        if '"~1"' in text or "'~1'" in text or '"~0"' in text:
            offenders.append(str(path.relative_to(SRC)))
    assert not offenders, f"JSON-pointer escaping written again in: {offenders}"


def test_operation_is_public_and_typed() -> None:
    op = operations()["generate"]
    assert isinstance(op, Operation)
    assert op.stream is not None and (op.stream.final_field, op.stream.final_value) == ("/done", True)
    assert op.runs == "generate" and not op.writes and NDJSON in op.responses[200]
