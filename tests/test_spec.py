"""Quality gates on openapi.yaml itself: valid OpenAPI 3.1, complete, and its examples hold."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from helpers import iter_examples, load_yaml_spec, reference_validator
from openapi_spec_validator import validate

from ollama_contract._spec import index, resolve

# The operations the project promises to cover (issue #2), by method and path.
REQUIRED_OPERATIONS = {
    ("post", "/api/generate"),
    ("post", "/api/chat"),
    ("post", "/api/create"),
    ("head", "/api/blobs/{digest}"),
    ("post", "/api/blobs/{digest}"),
    ("get", "/api/tags"),
    ("post", "/api/show"),
    ("post", "/api/copy"),
    ("delete", "/api/delete"),
    ("post", "/api/pull"),
    ("post", "/api/push"),
    ("post", "/api/embed"),
    ("post", "/api/embeddings"),
    ("get", "/api/ps"),
    ("get", "/api/version"),
}
STREAMING = {"generate", "chat", "create_model", "pull_model", "push_model"}

# Request examples the documentation lists, per operation (issue #2).
REQUEST_KINDS = {
    "generate": [
        "streaming", "no_streaming", "with_suffix", "structured_outputs", "json_mode", "with_images",
        "raw_mode", "reproducible_outputs", "with_options", "load_model", "unload_model",
    ],
    "chat": [
        "streaming", "no_streaming", "structured_outputs", "with_history", "with_images",
        "reproducible_outputs", "with_tools", "load_model", "unload_model",
    ],
    "create_model": ["from_existing_model", "quantize", "from_gguf_file", "from_safetensors_directory"],
    "embed": ["single_input", "multiple_input"],
}  # fmt: skip

SEED_REQUEST = {"model": "mistral", "prompt": "Why is the sky blue?", "options": {"seed": 123}}
SEED_RESPONSE = {
    "model": "mistral",
    "created_at": "2023-11-03T15:36:02.583064Z",
    "response": " The sky appears blue because of a phenomenon called Rayleigh scattering.",
    "done": True,
    "total_duration": 8493852375,
    "load_duration": 6589624375,
    "prompt_eval_count": 14,
    "prompt_eval_duration": 119039000,
    "eval_count": 110,
    "eval_duration": 1779061000,
}
ALL_EXAMPLES = list(iter_examples(load_yaml_spec()))


def test_spec_is_valid_openapi_3_1(spec: dict[str, Any]) -> None:
    assert spec["openapi"] == "3.1.0"
    validate(spec)


def test_every_required_operation_is_described(spec: dict[str, Any]) -> None:
    ops = index(spec)
    found = {(op.method, op.path) for op in ops.values()}
    assert found >= REQUIRED_OPERATIONS, REQUIRED_OPERATIONS - found
    for op in ops.values():
        assert op.tags, f"{op.label} has no tag"
        assert op.operation_id.isidentifier() and op.operation_id.islower(), op.operation_id


def test_streaming_operations_offer_json_then_ndjson(spec: dict[str, Any]) -> None:
    ops = index(spec)
    for op_id in STREAMING:
        media = list(ops[op_id].responses[200])
        assert media == ["application/json", "application/x-ndjson"], (op_id, media)
        body = ops[op_id].request_schema
        assert body is not None
        request = resolve(spec, resolve(spec, body)["$ref"])
        assert request["properties"]["stream"] == {"type": "boolean", "default": True}, op_id
    assert {op.operation_id for op in ops.values() if op.streams} == STREAMING


@pytest.mark.parametrize(("op_id", "chunk"), [
    ("generate", {"model": "m", "created_at": "2024-01-01T00:00:00Z", "response": "x", "done": False}),
    ("chat", {"model": "m", "created_at": "2024-01-01T00:00:00Z", "message": {"role": "assistant", "content": "x"}, "done": False}),
    ("pull_model", {"status": "pulling manifest"}),
])  # fmt: skip
def test_stream_line_schema_is_chunk_or_error(spec: dict[str, Any], op_id: str, chunk: dict[str, Any]) -> None:
    line = index(spec)[op_id].responses[200]["application/x-ndjson"]
    assert line is not None
    validator = reference_validator(spec, line)
    assert validator.is_valid(chunk)
    assert validator.is_valid({"error": "boom"})
    assert not validator.is_valid({"error": 42})
    broken = dict(chunk)
    broken.pop(next(iter(chunk)))
    assert not validator.is_valid(broken), "a line missing a required field must fail"
    assert not validator.is_valid([chunk])


def test_errors_are_documented_for_every_operation_that_can_fail(spec: dict[str, Any]) -> None:
    for op in index(spec).values():
        if op.operation_id in {"heartbeat", "version", "status"}:
            continue
        errors = {status for status in op.responses if status >= 400}
        assert errors, f"{op.label} documents no error"
        if op.method != "head":
            assert 500 in errors, f"{op.label} does not document 500"
        for status in errors:
            for media, schema in op.responses[status].items():
                if schema is None:
                    continue
                if media == "text/plain":  # Gin's `404 page not found`, from a server older than the path
                    assert status == 404, (op.label, status)
                    assert reference_validator(spec, schema).is_valid("404 page not found")
                    continue
                assert media == "application/json"
                assert reference_validator(spec, schema).is_valid({"error": "x"})
                assert not reference_validator(spec, schema).is_valid({"message": "x"})


def test_copy_delete_and_blobs_answer_without_a_body(spec: dict[str, Any]) -> None:
    ops = index(spec)
    assert ops["copy_model"].responses[200] == {"": None}
    assert ops["delete_model"].responses[200] == {"": None}
    assert ops["push_blob"].responses[201] == {"": None}
    assert ops["blob_exists"].responses[200] == {"": None}
    # A HEAD never has a body, but Ollama still sends the Content-Type of the error it would have written.
    assert ops["blob_exists"].responses[400] == {"application/json": None}
    assert ops["blob_exists"].responses[404] == {"application/json": None, "text/plain": None}


def test_options_types_all_twenty_keys(spec: dict[str, Any]) -> None:
    props = spec["components"]["schemas"]["Options"]["properties"]
    assert len(props) == 20
    assert props["stop"] == {**props["stop"], "type": "array", "items": {"type": "string"}}
    assert all("type" in p for p in props.values())


def test_request_alternatives(spec: dict[str, Any]) -> None:
    """The alternative shapes the server accepts, and a few it refuses."""
    gen = reference_validator(spec, "#/components/schemas/GenerateRequest")
    base = {"model": "m", "prompt": "p"}
    for ok in [
        {"keep_alive": "5m"}, {"keep_alive": "1h30m"}, {"keep_alive": 0}, {"keep_alive": 42.5}, {"keep_alive": -1},
        {"keep_alive": None}, {"format": "json"}, {"format": ""}, {"format": None}, {"format": {"type": "object"}},
        {"think": True}, {"think": False}, {"think": "high"}, {"think": "max"}, {"options": {"stop": ["\n"]}},
        {"images": ["aGk="]}, {"unknown_field": 1},
    ]:  # fmt: skip
        assert gen.is_valid({**base, **ok}), ok
    for bad in [
        {"keep_alive": "10"}, {"keep_alive": True}, {"format": "yaml"}, {"think": "extreme"},
        {"options": {"stop": "\n"}}, {"options": {"temperature": "hot"}}, {"images": ["data:image/png;base64,aGk="]},
        {"images": ["aGk"]}, {"top_logprobs": 21}, {"stream": "yes"}, {"model": ""},
    ]:  # fmt: skip
        assert not gen.is_valid({**base, **bad}), bad


@pytest.mark.parametrize(("where", "schema", "value"), ALL_EXAMPLES, ids=[e[0] for e in ALL_EXAMPLES])
def test_every_example_validates_against_its_schema(spec: dict[str, Any], where: str, schema: str, value: Any) -> None:
    errors = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in reference_validator(spec, schema).iter_errors(value)
    ]
    assert not errors, errors


def test_example_validation_can_fail(spec: dict[str, Any]) -> None:
    """The gate above is only worth something if a broken example fails it."""
    _, schema, value = next(e for e in ALL_EXAMPLES if e[0].endswith("reproducible_outputs") and "responses" in e[0])
    broken = copy.deepcopy(value)
    broken["done"] = "yes"
    assert not reference_validator(spec, schema).is_valid(broken)
    assert len(ALL_EXAMPLES) > 100


def test_seed_example_is_exact(spec: dict[str, Any]) -> None:
    op = spec["paths"]["/api/generate"]["post"]
    assert op["requestBody"]["content"]["application/json"]["examples"]["reproducible_outputs"]["value"] == SEED_REQUEST
    examples = op["responses"]["200"]["content"]["application/json"]["examples"]
    assert examples["reproducible_outputs"]["value"] == SEED_RESPONSE


def test_every_documented_request_kind_has_an_example(spec: dict[str, Any]) -> None:
    ops = index(spec)
    for op in ops.values():
        if op.request_schema is None or op.request_media_type != "application/json":
            continue
        media = spec["paths"][op.path][op.method]["requestBody"]["content"]["application/json"]
        names = set(media.get("examples", {}))
        assert names, f"{op.label} has no request example"
        assert set(REQUEST_KINDS.get(op.operation_id, [])) <= names, (op.operation_id, names)


def test_every_success_with_a_body_has_an_example(spec: dict[str, Any]) -> None:
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method == "parameters":
                continue
            for status, response in op["responses"].items():
                if status.startswith("2"):
                    for media_type, media in response.get("content", {}).items():
                        assert media.get("examples") or "example" in media, (method, path, status, media_type)


@pytest.mark.parametrize(
    ("name", "valid"),
    [
        ("llama3.2", True), ("llama3.2:3b", True), ("user/model:tag", True), ("hf.co/user/model:Q4_K_M", True),
        ("registry.ollama.ai/library/mistral:latest", True), ("localhost:5000/ns/m", True), ("_x", True),
        ("http://localhost:8080/ns/m:v1", True), ("gpt-oss:120b-cloud", True),
        ("", False), ("llama 3", False), ("hf.co/model", False), ("../x", False), ("a/b/c/d", False),
        ("m:", False), (":tag", False), ("-m", False), ("m:a:b", False), ("ns.x/m", False), ("é", False), ("m" * 81, False),
    ],
)  # fmt: skip
def test_model_names_follow_ollamas_grammar(spec: dict[str, Any], name: str, valid: bool) -> None:
    assert reference_validator(spec, "#/components/schemas/ModelName").is_valid(name) is valid


def test_create_needs_from_or_files(spec: dict[str, Any]) -> None:
    create = reference_validator(spec, "#/components/schemas/CreateRequest")
    assert create.is_valid({"model": "m", "from": "llama3.2"})
    assert create.is_valid({"model": "m", "files": {"a.gguf": "sha256:" + "0" * 64}})
    assert not create.is_valid({"model": "m", "system": "hi"})


def test_legacy_name_stands_in_for_model(spec: dict[str, Any]) -> None:
    """create, show, delete, pull and push still read the older `name` when `model` is absent."""
    for schema in ("ShowRequest", "DeleteRequest", "PullRequest", "PushRequest"):
        request = reference_validator(spec, f"#/components/schemas/{schema}")
        assert request.is_valid({"model": "m"}) and request.is_valid({"name": "m"}), schema
        assert not request.is_valid({}) and not request.is_valid({"name": ""}), schema
    create = reference_validator(spec, "#/components/schemas/CreateRequest")
    assert create.is_valid({"name": "m", "from": "llama3.2"})
    assert not create.is_valid({"from": "llama3.2"})
    assert not create.is_valid({"name": "m", "system": "hi"})


@pytest.mark.parametrize(
    ("schema", "value"),
    [
        ("ListResponse", {"models": None}),  # up to 0.1.3, when empty
        ("ListResponse", {"models": [{"name": "llama2:7b", "modified_at": "2023-08-02T17:02:23.7-07:00", "size": 1}]}),
        ("ModelSummary", {"model": "m", "modified_at": "2025-10-03T23:34:03Z", "size": 1, "digest": "a951a23b46a1"}),
        ("RunningModel", {"model": "m", "size": 1, "digest": "d", "expires_at": "2318-01-01T00:00:00Z"}),
        ("ToolCall", {"function": {"name": "datetime", "arguments": None}}),
        ("ToolCall", {"function": {"name": "datetime", "arguments": {}}}),
        ("GenerateResponse", {"model": "m", "created_at": "2026-01-15T10:30:00Z", "done": False, "completed": 5, "total": 20}),
    ],
)  # fmt: skip
def test_responses_of_old_and_cloud_servers_are_accepted(spec: dict[str, Any], schema: str, value: Any) -> None:
    assert reference_validator(spec, f"#/components/schemas/{schema}").is_valid(value)


def test_links_point_at_real_operations_and_fields(spec: dict[str, Any]) -> None:
    """The stateful contract tests follow these links; a dangling one would silently test nothing."""
    ops = index(spec)
    links = 0
    for op in ops.values():
        for status, response in spec["paths"][op.path][op.method]["responses"].items():
            for name, link in response.get("links", {}).items():
                links += 1
                assert link["operationId"] in ops, name
                for expr in [*link.get("requestBody", {}).values(), *link.get("parameters", {}).values()]:
                    if expr.startswith("$request.body#/"):
                        field = expr.removeprefix("$request.body#/")
                        body = resolve(spec, resolve(spec, op.request_schema or "")["$ref"])
                        assert field in body["properties"], (op.operation_id, status, name)
                    else:
                        assert expr == "$request.path.digest", expr
    assert links >= 10
