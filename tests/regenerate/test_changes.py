"""`scripts/regenerate --changes`: each kind of spec edit gets the verdict the rules in specdiff.py give it.

The pure comparison is run on the real spec with one change planted at a time (fast, one case per
kind, both sides); the whole command is run in a scratch repository, once with every kind planted
together (both report levels, spec and griffe) and once with the spec untouched (no line at all).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import dump, git, load, regenerate
from regen.specdiff import compare_specs

Plant = Callable[[dict[str, Any]], None]


def schemas(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["components"]["schemas"]  # type: ignore[no-any-return]


def remove_response_field(doc: dict[str, Any]) -> None:
    del schemas(doc)["GenerateResponse"]["allOf"][0]["properties"]["thinking"]


def remove_request_field(doc: dict[str, Any]) -> None:
    del schemas(doc)["GenerateRequest"]["properties"]["suffix"]


def narrow_request_type(doc: dict[str, Any]) -> None:
    schemas(doc)["Options"]["properties"]["temperature"]["type"] = "integer"


def require_request_field(doc: dict[str, Any]) -> None:
    schemas(doc)["GenerateRequest"]["required"].append("prompt")


def remove_request_enum_value(doc: dict[str, Any]) -> None:
    schemas(doc)["Think"]["anyOf"][1]["enum"].remove("max")


def add_operation(doc: dict[str, Any]) -> None:
    doc["paths"]["/api/planted"] = {
        "get": {
            "operationId": "planted",
            "tags": ["server"],
            "x-python-method": "planted",
            "summary": "A planted operation.",
            "responses": {
                "200": {
                    "description": "The version.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/VersionResponse"}}},
                }
            },
        }
    }


def change_description(doc: dict[str, Any]) -> None:
    prop = schemas(doc)["GenerateRequest"]["properties"]["prompt"]
    prop["description"] = prop.get("description", "") + " (planted)"


# The planted change, the line it must give, and nothing else about that place.
CASES: list[tuple[Plant, str]] = [
    (remove_response_field, "breaking: GenerateResponse (response).thinking: field removed"),
    (remove_request_field, "breaking: GenerateRequest (request).suffix: field removed"),
    (narrow_request_type, "breaking: Options (request).temperature: type narrowed from number to integer"),
    (require_request_field, "breaking: GenerateRequest (request).prompt: now required"),
    (remove_request_enum_value, "breaking: Think (request)<string>: enum value 'max' removed"),
    (add_operation, "compatible: GET /api/planted (planted): operation added"),
    (change_description, "compatible: GenerateRequest (request).prompt: description changed (documentation)"),
]


@pytest.mark.parametrize(("plant", "line"), CASES, ids=[c[0].__name__ for c in CASES])
def test_each_kind_of_change_gets_its_verdict(spec: dict[str, Any], plant: Plant, line: str) -> None:
    new = copy.deepcopy(spec)
    plant(new)
    assert [str(c) for c in compare_specs(spec, new)] == [line]


def test_an_unchanged_spec_has_no_change(spec: dict[str, Any]) -> None:
    assert compare_specs(spec, copy.deepcopy(spec)) == []


def _one_schema(side: str, old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Changes between two specs with one operation, whose request or 200 response is `old`/`new`."""

    def doc(schema: dict[str, Any]) -> dict[str, Any]:
        content = {"application/json": {"schema": {"$ref": "#/components/schemas/S"}}}
        op: dict[str, Any] = {"operationId": "op", "responses": {"200": {"description": "ok"}}}
        if side == "request":
            op["requestBody"] = {"content": content}
        else:
            op["responses"]["200"]["content"] = content
        return {"paths": {"/x": {"post": op}}, "components": {"schemas": {"S": schema}}}

    return [str(c) for c in compare_specs(doc(old), doc(new))]


OBJ = {"type": "object", "properties": {"a": {"type": "string", "enum": ["x", "y"]}, "n": {"type": "integer"}}}


@pytest.mark.parametrize(
    ("side", "edit", "verdict"),
    [
        ("request", lambda s: s["properties"]["a"]["enum"].append("z"), "compatible"),
        ("response", lambda s: s["properties"]["a"]["enum"].append("z"), "breaking"),
        ("request", lambda s: s["properties"]["a"]["enum"].remove("y"), "breaking"),
        ("response", lambda s: s["properties"]["a"]["enum"].remove("y"), "compatible"),
        ("request", lambda s: s["properties"]["n"].update(type="number"), "compatible"),
        ("response", lambda s: s["properties"]["n"].update(type="number"), "breaking"),
        ("response", lambda s: s["properties"]["n"].update(type=["integer", "null"]), "breaking"),
        ("request", lambda s: s["properties"].update(b={"type": "string"}), "compatible"),
        ("response", lambda s: s["properties"].update(b={"type": "string"}), "compatible"),
        ("request", lambda s: s.update(required=["a"]), "breaking"),
        ("response", lambda s: s.update(required=["a"]), "compatible"),
        ("request", lambda s: s["properties"]["n"].update(maximum=10), "breaking"),
        ("response", lambda s: s["properties"]["n"].update(maximum=10), "compatible"),
        ("request", lambda s: s.update(additionalProperties=False), "breaking"),
        ("response", lambda s: s["properties"].pop("n"), "breaking"),
    ],
)
def test_the_side_decides_the_verdict(side: str, edit: Callable[[dict[str, Any]], None], verdict: str) -> None:
    new = copy.deepcopy(OBJ)
    edit(new)
    lines = _one_schema(side, copy.deepcopy(OBJ), new)
    assert len(lines) == 1 and lines[0].startswith(f"{verdict}: S ({side})"), lines


def test_a_response_no_longer_sending_a_required_field_is_breaking() -> None:
    old = dict(copy.deepcopy(OBJ), required=["a"])
    assert _one_schema("response", old, copy.deepcopy(OBJ)) == ["breaking: S (response).a: no longer required"]


def test_the_command_reports_every_planted_change_at_both_levels(scratch: Path) -> None:
    spec_path = scratch / "openapi.yaml"
    original = spec_path.read_bytes()
    doc = load(spec_path)
    for plant, _ in CASES:
        plant(doc)
    dump(spec_path, doc)
    try:
        result = regenerate(scratch, "--changes")
    finally:
        spec_path.write_bytes(original)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    for _, line in CASES:
        assert line in lines
    assert all(line.startswith(("breaking: ", "compatible: ")) for line in lines), lines
    python = [line for line in lines if ": python " in line]
    # griffe, on the regenerated package: the field and the narrowed type show in the models...
    assert any(
        line.startswith("breaking: python ollama_api.models.generate_response.GenerateResponse.thinking")
        for line in python
    ), python
    assert any(line.startswith("breaking: python ollama_api.models.options.Options.temperature") for line in python), (
        python
    )
    # ... the client object's methods (generated into a private module, which Ollama inherits) ...
    assert "breaking: python ollama_api._methods.SyncMethods.generate(suffix): parameter was removed" in python, python
    # ... and the new operation is a new module
    assert "compatible: python ollama_api.api.server.planted: added" in python, python
    # Nothing was written to the scratch repository's generated client.
    assert git(scratch, "status", "--porcelain") == ""


def test_the_command_prints_nothing_for_an_unchanged_spec(scratch: Path) -> None:
    result = regenerate(scratch, "--changes")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "are as in HEAD" in result.stderr


def test_a_reformatted_spec_prints_no_change_line(scratch: Path) -> None:
    """Same document, other bytes: it is regenerated and compared, and nothing is said."""
    spec_path = scratch / "openapi.yaml"
    original = spec_path.read_bytes()
    dump(spec_path, load(spec_path))
    try:
        result = regenerate(scratch, "--changes")
    finally:
        spec_path.write_bytes(original)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""


def test_an_unknown_ref_is_one_clear_error(scratch: Path) -> None:
    result = regenerate(scratch, "--changes", "no-such-ref")
    assert result.returncode == 2
    assert result.stdout == "" and "regenerate --changes" in result.stderr


@pytest.mark.parametrize("mode", [[], ["--check"], ["--changes"], ["--ci"]])
def test_a_spec_that_does_not_parse_gets_one_line_and_leaves_the_client(scratch: Path, mode: list[str]) -> None:
    spec_path = scratch / "openapi.yaml"
    original = spec_path.read_bytes()
    spec_path.write_bytes(original.replace(b"\n    GenerateResponse:\n", b"\n    GenerateResponse: : [\n", 1))
    try:
        result = regenerate(scratch, *mode)
    finally:
        spec_path.write_bytes(original)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.strip().startswith("regenerate: openapi.yaml does not parse:"), result.stderr
    assert "line " in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert git(scratch, "status", "--porcelain") == ""
