"""The version miner: Go's encoding/json rules on small Go snippets, and the spec kept in step
with the mined data file (codegen/ollama_fields.json)."""

from __future__ import annotations

import importlib.util
import json
import sys
from importlib.machinery import SourceFileLoader
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str, path: Path) -> ModuleType:
    loader = SourceFileLoader(name, str(path))
    spec = importlib.util.spec_from_loader(name, loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


gofields = _load("gofields", ROOT / "codegen" / "gofields.py")
miner = _load("mine_versions", ROOT / "scripts" / "mine_versions")


def sent(source: str, root: str = "R") -> dict[str, str]:
    return dict(gofields.flatten(gofields.parse(source), root))


def test_a_field_without_omitempty_is_always_written_whatever_its_type() -> None:
    go = """
    type R struct {
        Name   string            `json:"name"`
        Ptr    *int              `json:"ptr"`
        List   []string          `json:"list"`
        Map    map[string]any    `json:"map"`
        Any    any               `json:"any"`
    }"""
    assert sent(go) == {"name": "always", "ptr": "always", "list": "always", "map": "always", "any": "always"}


def test_omitempty_drops_empty_scalars_pointers_slices_and_maps_but_never_a_struct() -> None:
    go = """
    type Inner struct { A int `json:"a"` }
    type R struct {
        S  string         `json:"s,omitempty"`
        N  int64          `json:"n,omitempty"`
        B  bool           `json:"b,omitempty"`
        P  *Inner         `json:"p,omitempty"`
        L  []Inner        `json:"l,omitempty"`
        M  map[string]int `json:"m,omitempty"`
        St Inner          `json:"st,omitempty"`
        T  time.Time      `json:"t,omitempty"`
        D  time.Duration  `json:"d,omitempty"`
        A  [4]byte        `json:"a4,omitempty"`
        Z  [0]byte        `json:"a0,omitempty"`
    }"""
    found = sent(go)
    assert {k: found[k] for k in ("s", "n", "b", "p", "l", "m", "d", "a0")} == dict.fromkeys(
        ("s", "n", "b", "p", "l", "m", "d", "a0"), "maybe"
    )
    assert found["st"] == found["t"] == found["a4"] == "always"
    # the fields of the pointed-to and listed structs are followed, by path
    assert found["p.a"] == found["l[].a"] == found["st.a"] == "always"


def test_omitzero_may_drop_anything_even_a_struct() -> None:
    go = """
    type Inner struct { A int `json:"a"` }
    type R struct {
        St Inner     `json:"st,omitzero"`
        T  time.Time `json:"t,omitzero"`
        N  int       `json:"n,omitzero"`
    }"""
    assert {k: v for k, v in sent(go).items() if "." not in k} == {"st": "maybe", "t": "maybe", "n": "maybe"}


def test_dash_unexported_and_untagged_fields() -> None:
    go = """
    type R struct {
        Secret  string `json:"-"`
        Dash    string `json:"-,"`
        hidden  string `json:"hidden"`
        Plain   string
        Renamed string `json:",omitempty"`
        A, B    int    `json:"ab"`
    }"""
    found = sent(go)
    assert "Secret" not in found and "hidden" not in found and "-" in found
    assert found["Plain"] == "always" and found["Renamed"] == "maybe"
    assert "ab" not in found  # two fields of one name at one depth: Go writes neither


def test_embedded_structs_are_promoted_and_a_nil_embedded_pointer_makes_them_optional() -> None:
    go = """
    type Metrics struct { Total int `json:"total"`; Model string `json:"model"` }
    type Extra struct { Note string `json:"note"` }
    type R struct {
        Model string `json:"model,omitempty"`
        Metrics
        *Extra
    }"""
    found = sent(go)
    assert found["total"] == "always"
    assert found["model"] == "maybe"  # the outer field wins over the promoted one
    assert found["note"] == "maybe"  # through a nil *Extra it is not written


def test_a_tagged_embedded_field_is_a_field_and_named_slices_are_followed() -> None:
    go = """
    type Tool struct { Type string `json:"type"` }
    type Tools []Tool
    type R struct {
        Tools `json:"tools,omitempty"`
    }"""
    assert sent(go) == {"tools": "maybe", "tools[].type": "always"}


def test_a_type_that_marshals_itself_is_a_leaf_and_generics_do_not_confuse_the_reader() -> None:
    go = """
    package api

    // A comment with `backticks` and a } brace.
    type Args struct { om *orderedmap.Map[string, any] }
    func (a Args) MarshalJSON() ([]byte, error) { return nil, nil }
    type Box[T any] struct { V T `json:"v"` }
    type (
        R struct {
            Args Args `json:"args"` // trailing comment
            Box  Box[int] `json:"box,omitempty"`
        }
    )"""
    found = sent(go)
    assert found == {"args": "always", "box": "always", "box.v": "always"}
    assert "Args" in gofields.parse(go).marshalers


def test_facts_of_reads_since_until_and_removal_from_version_sets() -> None:
    versions = ["0.1.0", "0.2.0", "0.3.0", "0.4.0"]
    data: dict[str, Any] = {
        "versions": versions,
        "fields": {
            "R": {
                "a": {"present": [["0.1.0", "0.4.0"]], "always": [["0.2.0", "0.4.0"]]},
                "b": {"present": [["0.1.0", "0.4.0"]], "always": [["0.1.0", "0.2.0"]]},
                "c": {"present": [["0.2.0", "0.3.0"]], "always": []},
            }
        },
    }
    context = miner._Context
    assert miner.facts_of(versions, [context(data, "R", "a", True)]) == {"x-always-since": "0.2.0"}
    assert miner.facts_of(versions, [context(data, "R", "b", True)]) == {
        "x-always-since": "0.1.0",
        "x-always-until": "0.3.0",
    }
    assert miner.facts_of(versions, [context(data, "R", "c", True)]) == {"x-removed-in": "0.4.0"}
    # a request context never makes a field always-sent
    assert miner.facts_of(versions, [context(data, "R", "a", False)]) == {}


# ---------------------------------------------------------------- the committed facts


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((ROOT / "codegen" / "ollama_fields.json").read_text())
    return loaded


def test_the_data_file_covers_every_release_up_to_0_33(data: dict[str, Any]) -> None:
    versions = data["versions"]
    assert versions[-1] == "0.33.0" and "0.32.6" in versions and "0.1.14" in versions
    assert len(versions) > 200


def test_the_spec_carries_exactly_the_mined_annotations(data: dict[str, Any]) -> None:
    text = (ROOT / "openapi.yaml").read_text()
    doc = yaml.safe_load(text)
    wanted, _ = miner.property_facts(doc, data)
    types, conflicts = miner.go_types(doc, data)
    assert conflicts == []
    assert miner.annotate(text, wanted, types) == text, "run scripts/mine_versions --annotate"


def test_nested_schemas_name_the_go_struct_that_0_33_writes_there(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    assert schemas["ModelSummary"]["x-go-type"] == "ListModelResponse"
    assert schemas["RunningModel"]["x-go-type"] == "ProcessModelResponse"
    assert schemas["StatusResponse"]["properties"]["cloud"]["x-go-type"] == "CloudStatus"
    assert schemas["Message"]["x-go-type"] == "Message"


def test_the_image_generation_fields_went_in_0_32_6(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    request = schemas["GenerateRequest"]["properties"]
    response = schemas["GenerateResponse"]["allOf"][0]["properties"]
    for prop in (request["width"], request["height"], request["steps"], *(response[k] for k in ("image", "completed", "total"))):  # fmt: skip
        assert prop["x-removed-in"] == "0.32.6"
        assert "0.32.9" not in prop["description"] and "0.32.5" in prop["description"]


def test_fields_the_issue_names_are_always_sent_by_0_33(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    names = {
        "ModelSummary": ["name", "model", "digest", "details"],
        "RunningModel": ["name", "details", "size_vram", "context_length"],
        "ShowResponse": ["model_info", "details", "modified_at"],
        "ToolCallFunction": ["index"],
        "DebugInfo": ["rendered_template"],
        "ModelDetails": ["parent_model", "format", "family", "families", "parameter_size", "quantization_level"],
    }
    for schema, fields in names.items():
        for name in fields:
            assert "x-always-since" in schemas[schema]["properties"][name], (schema, name)
    assert "x-always-since" in schemas["ChatResponse"]["allOf"][0]["properties"]["message"]
    assert "x-always-since" in schemas["GenerateResponse"]["allOf"][0]["properties"]["response"]


def test_the_readme_states_what_was_mined(data: dict[str, Any]) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Versions: one contract per Ollama release", 1)[1].split("\n## ", 1)[0]
    assert f"({len(data['versions'])} releases, {data['versions'][0]} to 0.33)" in section
    example = section.split("```python", 1)[1].split("```", 1)[0]
    exec(compile(example, "README", "exec"), {})  # builds the clients; sends nothing
