"""The contract suite's own judgement, offline: what Ollama promises, the NDJSON rule and the guard.

These are the parts of the suite that decide between "the server broke the contract" and "this
is how every Ollama behaves"; a mistake in either direction makes the suite useless (it cries
wolf, or it cannot fail), so each rule is pinned here with a case on both sides.
"""

from __future__ import annotations

import json

import pytest

from ollama_contract._spec import operations
from ollama_contract.contract import _policy
from ollama_contract.contract._checks import check_ndjson
from ollama_contract.contract._safety import WRITE_OPERATIONS, Guard, normalize
from ollama_contract.contract._schemas import request_errors

NDJSON = "application/x-ndjson"


def errors(operation_id: str, body: object, path: dict[str, str] | None = None) -> list[_policy.BodyError]:
    return request_errors(operations()[operation_id], body, path or {})


def verdict(operation_id: str, body: object, status: int, answer: object = None) -> _policy.Verdict:
    raw = json.dumps(answer).encode() if answer is not None else b""
    return _policy.negative_verdict(operation_id, status, "application/json", raw, errors(operation_id, body), body)


def lines(*items: object) -> bytes:
    return b"".join(json.dumps(item).encode() + b"\n" for item in items)


# --- negative cases: what Ollama must refuse, and what it never does -------------------------


def test_a_wrongly_typed_top_level_field_must_be_refused() -> None:
    body = {"model": "m", "prompt": 5}
    assert not verdict("generate", body, 200).ok
    assert verdict("generate", body, 400, {"error": "json: cannot unmarshal number"}).ok


def test_null_below_the_top_level_is_read_as_absent() -> None:
    body = {"model": "m", "messages": [{"role": "user", "content": None}]}
    assert errors("chat", body), "the case must break the schema to mean anything"
    assert verdict("chat", body, 200).ok


def test_options_are_a_free_map_read_late() -> None:
    body = {"model": "m", "prompt": "hi", "options": {"temperature": "hot"}}
    assert errors("generate", body)
    assert verdict("generate", body, 200).ok
    assert verdict("generate", body, 500, {"error": 'option "temperature" must be of type float32'}).ok


def test_a_bad_format_is_refused_only_by_a_request_that_generates() -> None:
    load = {"model": "m", "format": "yaml"}
    assert _policy.unread_fields("generate", load) == {"format"}
    assert verdict("generate", load, 200).ok  # a load answers before the runner reads `format`
    run = {**load, "prompt": "hi"}
    assert _policy.unread_fields("generate", run) == frozenset()
    assert not verdict("generate", run, 200).ok
    assert verdict("generate", run, 500, {"error": 'invalid format: "yaml"'}).ok
    assert _policy.unread_fields("chat", {"model": "m", "format": "yaml", "messages": []}) == {"format"}


def test_a_stream_ending_in_an_error_line_is_a_refusal() -> None:
    body = {"model": "m", "prompt": 5}
    stream = lines({"model": "m", "created_at": "t", "response": "", "done": False}, {"error": "boom"})
    refused = _policy.negative_verdict("generate", 200, NDJSON, stream, errors("generate", body), body)
    assert refused.ok
    accepted = _policy.negative_verdict("generate", 200, NDJSON, lines({"done": True}), errors("generate", body), body)
    assert not accepted.ok


def test_an_unexplained_server_error_is_not_a_refusal() -> None:
    body = {"model": "m", "prompt": 5}
    assert not verdict("generate", body, 500, {"error": "panic: nil map"}).ok


def test_path_parameters_are_judged_as_the_server_decodes_them() -> None:
    digest = "sha256:" + "ab" * 32
    assert not errors("blob_exists", None, {"digest": digest.replace(":", "%3A")})
    assert errors("blob_exists", None, {"digest": "sha256%3Azz"})


# --- positive cases and server errors ---------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        '"llama3.2" does not support insert',
        "json: cannot unmarshal number 1.0 into Go struct field GenerateRequest.top_logprobs of type int",
        'time: invalid duration "9999999999h"',
        'digest mismatch, expected "sha256:aa", got "sha256:bb"',
    ],
)
def test_refusals_no_schema_can_state_are_within_contract(message: str) -> None:
    assert _policy.positive_verdict("generate", 400, "application/json", json.dumps({"error": message}).encode()).ok


def test_any_other_400_to_a_valid_request_is_a_finding() -> None:
    answer = json.dumps({"error": "prompt too short"}).encode()
    assert not _policy.positive_verdict("generate", 400, "application/json", answer).ok
    assert _policy.positive_verdict("generate", 404, "application/json", answer).ok


def test_server_errors_are_explained_only_where_ollama_gives_them() -> None:
    assert _policy.explains_server_error("pull_model", 500, b'{"error":"registry unreachable"}', [])
    assert _policy.explains_server_error("embed", 501, b'{"error":"no embeddings"}', [])
    assert _policy.explains_server_error("generate", 500, b'{"error":"template: x:1: bad"}', [])
    assert not _policy.explains_server_error("show_model", 500, b'{"error":"oops"}', [])


# --- the NDJSON check --------------------------------------------------------------------------

CHUNK = {"model": "m", "created_at": "2024-01-01T00:00:00Z", "response": "a", "done": False}
FINAL = {**CHUNK, "response": "", "done": True, "done_reason": "stop"}


def ndjson_problem(operation_id: str, body: bytes) -> str | None:
    return check_ndjson(operations()[operation_id], 200, body)


def test_a_complete_stream_passes() -> None:
    assert ndjson_problem("generate", lines(CHUNK, CHUNK, FINAL)) is None
    assert ndjson_problem("pull_model", lines({"status": "pulling manifest"}, {"status": "success"})) is None


def test_a_stream_may_end_in_an_error_line() -> None:
    assert ndjson_problem("pull_model", lines({"status": "pulling manifest"}, {"error": "offline"})) is None


@pytest.mark.parametrize(
    ("operation_id", "body", "words"),
    [
        ("generate", lines(CHUNK, CHUNK), "without its final line"),
        ("create_model", lines({"status": "parsing GGUF"}), 'status: "success"'),
        ("generate", lines(CHUNK) + b'{"done": tr\n' + lines(FINAL), "line 2 is not JSON"),
        ("generate", lines(CHUNK, {**FINAL, "done": "yes"}), "line 2: /done breaks"),
        ("generate", b"", "no lines at all"),
    ],
)
def test_a_broken_stream_is_named(operation_id: str, body: bytes, words: str) -> None:
    problem = ndjson_problem(operation_id, body)
    assert problem is not None and words in problem, problem


# --- the guard -------------------------------------------------------------------------------


def users_server(**kwargs: object) -> Guard:
    return Guard(run_id="abc123", owned=False, model="llama3.2", embed_model="all-minilm", **kwargs)  # type: ignore[arg-type]


def test_safe_mode_refuses_every_write_and_no_read() -> None:
    guard = users_server(allow_writes=False)
    proxied = {op.operation_id for op in operations().values() if op.proxied}
    assert guard.excluded() == WRITE_OPERATIONS | proxied
    for operation_id in WRITE_OPERATIONS:
        refusal = guard.refusal(operation_id, {"model": guard.prefix + "x", "destination": guard.prefix + "y"})
        assert refusal and "--allow-writes" in refusal
    for operation_id in ("generate", "chat", "embed", "show_model", "list_models", "list_running", "blob_exists"):
        assert guard.refusal(operation_id, {"model": "llama3.2"}) is None


def test_safe_mode_sends_nothing_the_server_would_forward_to_ollama_com() -> None:
    proxied = {op.operation_id for op in operations().values() if op.proxied}
    assert proxied, "the spec marks web search and fetch as proxied"
    safe, writes = users_server(allow_writes=False), users_server(allow_writes=True)
    for operation_id in proxied:
        assert operation_id in safe.excluded()
        refusal = safe.refusal(operation_id, {"query": "ollama"})
        assert refusal and "ollama.com" in refusal
        assert operation_id not in writes.excluded()
        assert writes.refusal(operation_id, {"query": "ollama"}) is None


def test_with_writes_only_the_runs_own_models_are_touched() -> None:
    guard = users_server(allow_writes=True)
    mine = guard.prefix + "lifecycle"
    assert guard.refusal("create_model", {"model": "llama3.2", "from": "llama3.2"})
    assert guard.refusal("create_model", {"model": mine, "from": "llama3.2"}) is None
    assert guard.refusal("delete_model", {"model": "llama3.2"})
    assert guard.refusal("copy_model", {"source": mine, "destination": "llama3.2"})
    assert guard.refusal("push_model", {"model": "llama3.2"})
    assert guard.refusal("delete_model", {"model": mine}) is None


def test_a_pulled_model_never_becomes_the_runs_to_delete_on_a_users_server() -> None:
    guard = users_server(allow_writes=True, pull_models=("qwen3:0.6b",))
    assert guard.refusal("pull_model", {"model": "mistral"})
    assert guard.refusal("pull_model", {"model": "QWEN3:0.6b"}) is None
    guard.record("pull_model", {"model": "qwen3:0.6b"}, 200)
    assert guard.refusal("delete_model", {"model": "qwen3:0.6b"}), "it may have been installed before the run"


def test_pull_is_not_tested_when_nothing_may_be_pulled() -> None:
    assert "pull_model" in users_server(allow_writes=True).excluded()
    assert "pull_model" not in users_server(allow_writes=True, pull_models=("tinyllama",)).excluded()


def test_steering_points_requests_at_allowed_names_and_keeps_wrong_types() -> None:
    guard = users_server(allow_writes=True)
    created = guard.steer_body("create_model", {"model": "anything", "from": "x"})
    assert created["model"].startswith(guard.prefix)
    assert guard.steer_body("create_model", {"model": 5})["model"] == 5  # a negative case stays negative
    assert guard.steer_body("delete_model", {"model": "llama3.2"})["model"] == guard.prefix + "missing"
    guard.record("create_model", {"model": guard.prefix + "made"}, 200)
    assert guard.steer_body("delete_model", {"model": "llama3.2"})["model"] in {
        guard.prefix + "made:latest",
        guard.prefix + "missing",
    }


def test_generation_on_a_users_server_is_bounded() -> None:
    body = users_server(allow_writes=False).steer_body(
        "generate", {"model": "x", "options": {"num_predict": 100000, "num_ctx": 10**6}, "keep_alive": "10h"}
    )
    assert body["options"] == {"num_predict": 16}  # num_ctx would reload the model: left out
    assert "keep_alive" not in body  # the user's model keeps its own keep-alive


def test_names_compare_as_ollama_compares_them() -> None:
    assert normalize("Llama3.2") == "llama3.2:latest"
    assert normalize("library/llama3.2:1b") == "library/llama3.2:1b"


def test_the_legacy_name_is_read_only_without_a_model() -> None:
    body = {"model": "llama3.2", "name": "not a name!"}
    assert _policy.unread_fields("show_model", body) == {"name"}
    assert verdict("show_model", body, 200).ok
    assert not verdict("show_model", {"name": "not a name!"}, 200).ok


def test_a_read_never_names_another_installed_model_on_a_users_server() -> None:
    """The spec's examples name real models: sent as generated, they would load those models."""
    installed = frozenset(normalize(n) for n in ("llama3.2", "all-minilm", "mistral", "nomic-embed-text", "qwen3"))
    guard = Guard(
        run_id="abc123",
        owned=False,
        allow_writes=False,
        model="llama3.2",
        embed_model="all-minilm",
        installed=installed,
    )
    for name in ("mistral", "nomic-embed-text", "Qwen3", "qwen3:latest", "mistral:latest", "no-such-model"):
        for operation_id in ("generate", "chat", "embed", "embeddings", "show_model"):
            sent = normalize(guard.steer_body(operation_id, {"model": name})["model"])
            assert sent in {
                "llama3.2:latest",
                "all-minilm:latest",
                normalize(guard.prefix + "missing"),
                normalize(name),
            }
            assert sent not in installed - {"llama3.2:latest", "all-minilm:latest"}, (operation_id, name, sent)


def test_a_create_from_a_model_does_not_read_the_digests_of_its_files() -> None:
    body = {"model": "mine", "from": "llama3.2", "files": {"model.gguf": "sha256:not-a-digest*"}}
    assert errors("create_model", body), "the case must break the schema to mean anything"
    assert verdict("create_model", body, 200).ok
    assert not verdict("create_model", {"model": "mine", "files": {"model.gguf": "sha256:not-a-digest*"}}, 200).ok
