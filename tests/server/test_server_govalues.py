"""Tools reach the prompt as Ollama's Go structs marshal them, whatever key order the request used.

Ollama decodes `tools` and `tool_calls` into api.Tool and api.ToolCall, and a template that
prints one whole prints json.Marshal's form: fields in declaration order, `omitempty` ones gone
when empty, unknown ones dropped, `any` values with sorted keys, 0.33's ordered maps (properties,
arguments) in the request's order. So two clients that send the same tool in another key order
(the official client and this package's drop-in do) get the same prompt, and the same answer.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from kit import Wire

from ollama_contract.server.emulation import govalues
from ollama_contract.server.emulation.govalues import GO_TAGS, go_tool_calls, go_tools

ROOT = Path(__file__).resolve().parents[2]
OLLAMA = Path("/work/.mirror/ollama+ollama/repo")

# One tool as the official client writes it (pydantic's field order) ...
OFFICIAL = {
    "type": "function",
    "function": {
        "name": "get_current_weather",
        "description": "Get the current weather for a city",
        "parameters": {
            "type": "object",
            "required": ["city", "unit"],
            "properties": {
                "city": {"type": "string", "description": "The city, e.g. Paris"},
                "unit": {"type": "string", "description": "celsius or fahrenheit", "enum": ["celsius", "fahrenheit"]},
                "days": {"type": "integer", "description": "How many days"},
            },
        },
    },
}
# ... and as a schema generator writes it: the same in another key order, with what Go drops.
REORDERED = {
    "function": {
        "parameters": {
            "properties": {
                "city": {"description": "The city, e.g. Paris", "type": ["string"], "title": "City"},
                "unit": {"enum": ["celsius", "fahrenheit"], "description": "celsius or fahrenheit", "type": "string"},
                "days": {"description": "How many days", "type": "integer", "default": 1},
            },
            "required": ["city", "unit"],
            "additionalProperties": False,
            "type": "object",
        },
        "description": "Get the current weather for a city",
        "strict": True,
        "name": "get_current_weather",
    },
    "type": "function",
}
# What Go's json.Marshal writes for either (the template's `json` and a tool's String()).
GO_FORM = (
    '{"type":"function","function":{"name":"get_current_weather","description":"Get the current weather for a city",'
    '"parameters":{"type":"object","required":["city","unit"],"properties":{'
    '"city":{"type":"string","description":"The city, e.g. Paris"},'
    '"unit":{"type":"string","description":"celsius or fahrenheit","enum":["celsius","fahrenheit"]},'
    '"days":{"type":"integer","description":"How many days"}}}}}'
)
ASK = [{"role": "user", "content": "What is the weather today in Paris?"}]
# Models whose templates print tools differently: `json .` of each tool, `json .Function`, `json $.Tools`.
MODELS = ("llama3.1", "qwen3", "mistral")


def compact(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def rendered(wire: Wire, model: str, tools: list[Any], messages: list[Any] = ASK) -> str:
    body = {"model": model, "messages": messages, "tools": tools, "_debug_render_only": True}
    text = wire.post("/api/chat", body).json()["_debug_info"]["rendered_template"]
    assert isinstance(text, str)
    return text


def answer(wire: Wire, model: str, messages: list[Any], tools: list[Any] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"model": model, "messages": messages, "stream": False, "options": {"seed": 7}}
    if tools is not None:
        body["tools"] = tools
    message = wire.post("/api/chat", body).json()["message"]
    assert isinstance(message, dict)
    return message


# ---------------------------------------------------------------- Go's form, value by value


def test_a_tool_comes_out_in_go_field_order_without_what_go_drops() -> None:
    assert compact(go_tools([OFFICIAL])) == compact(go_tools([REORDERED])) == f"[{GO_FORM}]"


def test_omitempty_and_zero_values_are_gos() -> None:
    bare = {"function": {"name": "ping"}}
    # type and parameters have no omitempty (""; a struct), and parameters' properties is a nil pointer: null.
    assert (
        compact(go_tools([bare]))
        == '[{"type":"","function":{"name":"ping","parameters":{"type":"","properties":null}}}]'
    )
    empty = {
        "type": "function",
        "function": {
            "name": "f",
            "description": "",
            "parameters": {
                "type": "object",
                "required": [],
                "properties": {"x": {"type": [], "enum": [], "properties": {}}},
            },
        },
    }
    # "", [] and an empty PropertyType are dropped; a present `properties` is a non-nil pointer and stays.
    assert compact(go_tools([empty])[0]["function"]) == (
        '{"name":"f","parameters":{"type":"object","properties":{"x":{"properties":{}}}}}'
    )
    # PropertyType: one name marshals as a string (even ""), several as an array.
    several = {
        "function": {"name": "g", "parameters": {"properties": {"a": {"type": ""}, "b": {"type": ["string", "null"]}}}}
    }
    assert go_tools([several])[0]["function"]["parameters"]["properties"] == {
        "a": {"type": ""},
        "b": {"type": ["string", "null"]},
    }


def test_values_typed_any_have_sorted_keys_and_ordered_maps_keep_theirs() -> None:
    tool = {
        "items": {"z": 1, "a": {"y": 2, "b": 3}},
        "function": {
            "name": "h",
            "parameters": {
                "$defs": {"Zed": {"type": "string"}, "Alpha": {"type": "integer"}},
                "properties": {
                    "zeta": {"type": "array", "items": {"type": "string", "minLength": 1}},
                    "alpha": {"anyOf": [{"description": "a date", "type": "string"}], "enum": [{"b": 1, "a": 2}]},
                },
                "type": "object",
            },
        },
        "type": "function",
    }
    assert compact(go_tools([tool])) == (
        '[{"type":"function","items":{"a":{"b":3,"y":2},"z":1},"function":{"name":"h","parameters":{"type":"object",'
        '"$defs":{"Alpha":{"type":"integer"},"Zed":{"type":"string"}},"properties":{'
        '"zeta":{"type":"array","items":{"minLength":1,"type":"string"}},'
        '"alpha":{"anyOf":[{"type":"string","description":"a date"}],"enum":[{"a":2,"b":1}]}}}}}]'
    )


def test_tool_calls_come_out_in_go_field_order() -> None:
    calls = [
        {"function": {"arguments": {"unit": "celsius", "city": {"name": "Paris", "country": "FR"}}, "name": "w"}},
        {"function": {"name": "ping", "index": 1}, "id": "call_1", "type": "function"},
    ]
    # index has no omitempty; arguments keep the request's order, values typed any sort theirs; an
    # absent arguments is ToolCallFunctionArguments' "{}".
    assert compact(go_tool_calls(calls)) == (
        '[{"function":{"index":0,"name":"w","arguments":{"unit":"celsius","city":{"country":"FR","name":"Paris"}}}},'
        '{"id":"call_1","function":{"index":1,"name":"ping","arguments":{}}}]'
    )


# ---------------------------------------------------------------- GO_TAGS against api/types.go


def _go_module() -> Any:
    """Ollama's api/types.go at the commit the miner's data file names, read by the project's Go reader."""
    data = json.loads((ROOT / "codegen" / "ollama_fields.json").read_text())
    head = data["source"]["head"]
    shown = subprocess.run(
        ["git", "--git-dir", str(OLLAMA), "show", f"{head}:api/types.go"], capture_output=True, text=True
    )
    if shown.returncode != 0:
        pytest.skip(f"no mirror of Ollama with {head} here")
    sys.path.insert(0, str(ROOT / "codegen"))
    try:
        import gofields
    finally:
        sys.path.remove(str(ROOT / "codegen"))
    return gofields.parse(shown.stdout)


def test_go_tags_are_the_json_tags_of_api_types_go() -> None:
    module = _go_module()
    for struct, tags in GO_TAGS.items():
        fields = module.types[struct].fields
        read = tuple(
            ("*" if f.type.kind == "pointer" else "") + f.tag.partition('json:"')[2].partition('"')[0] for f in fields
        )
        assert tags == read, struct


def test_the_spec_types_each_field_as_go_does() -> None:
    """The kinds read from the spec (struct, list, ordered map, any...) are the Go fields' kinds."""
    module = _go_module()

    def go_kind(typ: Any) -> str:
        if typ.kind == "pointer":
            return go_kind(typ.elem)
        if typ.kind == "slice":
            return "list of " + go_kind(typ.elem)
        name = str(typ.name)
        if name in GO_TAGS:
            return "struct"
        if name == "PropertyType":
            return "types"
        if name in ("string", "bool", "any"):
            return name
        if name in ("int", "float64"):
            return "number"
        inner = module.types[name].fields
        assert [(f.name, f.type.elem.name) for f in inner] == [("om", "orderedmap.Map")], name
        return "ordered"

    def our_kind(node: Any) -> str:
        return "list of " + our_kind(node.item) if node.kind == "list" else str(node.kind)

    for struct in GO_TAGS:
        node = govalues._struct(struct)
        for ours, theirs in zip(node.fields, module.types[struct].fields, strict=True):
            assert our_kind(ours.node) == go_kind(theirs.type), f"{struct}.{ours.name}"


# ---------------------------------------------------------------- over the wire


@pytest.mark.parametrize("model", MODELS)
def test_the_same_tool_in_another_key_order_renders_the_same_prompt(wire: Wire, model: str) -> None:
    prompt = rendered(wire, model, [OFFICIAL])
    assert rendered(wire, model, [REORDERED]) == prompt
    function = GO_FORM.removeprefix('{"type":"function","function":').removesuffix("}")
    assert function in prompt


def test_the_same_tool_in_another_key_order_gets_the_same_answer(wire: Wire) -> None:
    for model in MODELS:
        call = answer(wire, model, ASK, [OFFICIAL])["tool_calls"]
        assert answer(wire, model, ASK, [REORDERED])["tool_calls"] == call
        # The conversation goes on with the call written back in another key order (the arguments
        # keep theirs: an ordered map in 0.33, whose order the prompt shows).
        fn = call[0]["function"]
        written = [{"function": {"arguments": fn["arguments"], "name": fn["name"], "index": 0}, "id": call[0]["id"]}]
        result = {"role": "tool", "content": "22 degrees", "tool_name": fn["name"]}
        first = answer(wire, model, [*ASK, {"role": "assistant", "content": "", "tool_calls": call}, result])
        second = answer(wire, model, [*ASK, {"role": "assistant", "content": "", "tool_calls": written}, result])
        assert first == second
        assert first["content"].startswith("Based on the tool's answer, 22 degrees.")


def test_a_call_written_back_in_another_key_order_renders_the_same(wire: Wire) -> None:
    call = {"id": "call_x", "function": {"index": 0, "name": "get_current_weather", "arguments": {"city": "Paris"}}}
    moved = {"function": {"arguments": {"city": "Paris"}, "name": "get_current_weather"}, "id": "call_x"}
    swapped = {"function": {"name": "f", "arguments": {"unit": "celsius", "city": "Paris"}}}
    turn = [{"function": {"name": "f", "arguments": {"city": "Paris", "unit": "celsius"}}}]
    for model in MODELS:
        one = rendered(wire, model, [OFFICIAL], [*ASK, {"role": "assistant", "content": "", "tool_calls": [call]}])
        two = rendered(wire, model, [OFFICIAL], [*ASK, {"role": "assistant", "content": "", "tool_calls": [moved]}])
        assert one == two
        # The arguments are an ordered map: their own order is what the prompt shows.
        kept = rendered(wire, model, [OFFICIAL], [*ASK, {"role": "assistant", "content": "", "tool_calls": turn}])
        other = rendered(wire, model, [OFFICIAL], [*ASK, {"role": "assistant", "content": "", "tool_calls": [swapped]}])
        assert '{"city":"Paris","unit":"celsius"}' in kept and '{"unit":"celsius","city":"Paris"}' in other


def test_planted_the_request_order_kept_the_prompts_and_answers_differ(
    wire: Wire, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not a vacuous pass: printed as sent, the two tools render and answer differently."""
    from ollama_contract.server.emulation import engine
    from ollama_contract.server.routes import inference

    monkeypatch.setattr(inference, "go_tools", lambda tools: tools)
    assert rendered(wire, "llama3.1", [REORDERED]) != rendered(wire, "llama3.1", [OFFICIAL])
    monkeypatch.setattr(engine, "go_tools", lambda tools: tools)
    assert answer(wire, "llama3.1", ASK, [REORDERED]) != answer(wire, "llama3.1", ASK, [OFFICIAL])
