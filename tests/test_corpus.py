"""Real Ollama responses (tests/fixtures/corpus) against the spec: no false alarm, no lost field.

Each corpus item is one response a real server sent, one the documentation shows, or one Ollama's
own server tests assert, with where it came from. The spec must accept every one for its operation,
status and content type, and the generated models must carry every field through `from_dict` and
`to_dict` unchanged. The only exceptions are documentation misprints that no server ever sent; they
are marked `"expect": "rejected"` with the reason, and the spec must keep rejecting them.

Run as a script to count how many items another OpenAPI document accepts, for comparison:
`python tests/test_corpus.py path/to/openapi.yaml`.
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import as_go_reads, canonical, load_corpus, load_yaml_spec, reference_validator, round_trip

from ollama_contract._spec import NO_CONTENT, Operation, index, resolve

CORPUS = load_corpus()
ACCEPTED = [item for item in CORPUS if item.get("expect") != "rejected"]
MISPRINTS = [item for item in CORPUS if item.get("expect") == "rejected"]
ORIGINS = {"docs", "recorded", "server-test"}


def media_type(item: dict[str, Any]) -> str:
    return (item.get("content_type") or "").split(";")[0].strip()


def values(item: dict[str, Any]) -> list[Any]:
    """The JSON values of a response: its NDJSON lines, or its one body, or nothing."""
    if "lines" in item:
        return list(item["lines"])
    return [] if item.get("body") is None else [item["body"]]


def operation_at(doc: dict[str, Any], method: str, path: str) -> Operation | None:
    return next((op for op in index(doc).values() if (op.method, op.path) == (method, path)), None)


def problems(doc: dict[str, Any], item: dict[str, Any]) -> list[str]:
    """Why `doc` rejects the item's response; empty when it accepts it.

    The operation is found by method and path, so that any OpenAPI document of Ollama can be judged.
    """
    ours = index(load_yaml_spec())[item["operation"]]
    op = operation_at(doc, ours.method, ours.path)
    if op is None:
        return [f"no operation {ours.label}"]
    responses = op.responses.get(item["status"])
    if responses is None:
        return [f"{ours.label} documents no {item['status']}"]
    body = values(item)
    media = media_type(item)
    if media not in responses:
        if not body and NO_CONTENT in responses:
            return []
        return [f"{ours.label} {item['status']} has no {media or 'empty'} body"]
    ptr = responses[media]
    if ptr is None:
        return []
    validator = reference_validator(doc, ptr)
    return [
        f"{i}:/{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}"
        for i, value in enumerate(body)
        for e in validator.iter_errors(value)
    ]


def test_corpus_items_are_well_formed() -> None:
    ops = index(load_yaml_spec())
    assert len(CORPUS) >= 100
    for item in CORPUS:
        assert item["origin"] in ORIGINS, item["name"]
        assert item["source"].startswith(("https://", "../shared/research/")), item["name"]
        assert item["version"], item["name"]
        assert item["operation"] in ops, item["name"]
        assert item["name"].split("/")[0] == item["operation"], item["name"]
        assert isinstance(item["status"], int), item["name"]
        assert ("lines" in item) != ("body" in item), item["name"]
        if "lines" in item:
            assert media_type(item) == "application/x-ndjson" and item["lines"], item["name"]
        if "expect" in item:
            assert item["expect"] == "rejected" and item["origin"] == "docs" and item["why"], item["name"]


def test_corpus_covers_every_operation_and_many_statuses() -> None:
    ops = {item["operation"] for item in CORPUS}
    assert ops >= {"generate", "chat", "embed", "embeddings", "create_model", "list_models", "show_model"}
    assert ops >= {"pull_model", "push_model", "list_running", "version", "copy_model", "delete_model", "push_blob"}
    statuses = collections.Counter(item["status"] for item in CORPUS)
    assert {200, 400, 401, 403, 404, 429, 500, 502} <= set(statuses), statuses
    assert collections.Counter(item["origin"] for item in CORPUS)["recorded"] >= 50


@pytest.mark.parametrize("item", ACCEPTED, ids=[item["name"] for item in ACCEPTED])
def test_spec_accepts_every_real_response(spec: dict[str, Any], item: dict[str, Any]) -> None:
    assert problems(spec, item) == []


@pytest.mark.parametrize("item", MISPRINTS, ids=[item["name"] for item in MISPRINTS])
def test_spec_rejects_documentation_misprints(spec: dict[str, Any], item: dict[str, Any]) -> None:
    assert problems(spec, item), item["why"]


ROUND_TRIPS = [i for i in ACCEPTED if any(isinstance(v, dict) for v in values(i))]


@pytest.mark.parametrize("item", ROUND_TRIPS, ids=[item["name"] for item in ROUND_TRIPS])
def test_generated_models_keep_every_field(spec: dict[str, Any], item: dict[str, Any]) -> None:
    op = index(spec)[item["operation"]]
    ptr = op.responses[item["status"]][media_type(item)]
    assert ptr is not None
    for value in values(item):
        expected = as_go_reads(spec, resolve(spec, ptr), value)
        assert canonical(round_trip(spec, op, ptr, value)) == canonical(expected), item["name"]


def test_a_rejection_is_noticed(spec: dict[str, Any]) -> None:
    """The judge above must be able to say no: a wrong type, an undocumented status, a missing field."""
    item = next(i for i in CORPUS if i["operation"] == "list_models" and i["status"] == 200)
    broken = {**item, "body": {"models": [{"name": 7}]}}
    assert problems(spec, broken)
    assert problems(spec, {**item, "status": 418})
    assert problems(spec, {**item, "content_type": "text/html", "body": "<html>"})
    chunk = next(i for i in CORPUS if i["operation"] == "generate" and "lines" in i)
    assert problems(spec, {**chunk, "lines": [{"model": "m", "response": "x", "done": False}]})


def report(doc: dict[str, Any]) -> tuple[int, list[tuple[str, list[str]]]]:
    """How many corpus items `doc` accepts, and why it rejects the others."""
    rejected = [(item["name"], found) for item in CORPUS if (found := problems(doc, item))]
    return len(CORPUS) - len(rejected), rejected


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "openapi.yaml"
    with path.open(encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    accepted, rejected = report(doc)
    for name, found in rejected:
        print(f"REJECTED {name}: {'; '.join(found)[:300]}")
    origins = collections.Counter(item["origin"] for item in CORPUS)
    misprints = sum(1 for item in MISPRINTS if any(name == item["name"] for name, _ in rejected))
    print(
        f"{path}: accepts {accepted} of {len(CORPUS)} ({dict(origins)}); {misprints} of the rejections are known misprints"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
