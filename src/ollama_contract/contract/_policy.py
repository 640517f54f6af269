"""What a real Ollama server promises beyond the schemas, and so what the contract suite demands.

schemathesis' stock checks assume a server that rejects every schema violation with a 4xx and
accepts every schema-valid request. Ollama does neither, on purpose or by history, and the suite
must not cry wolf about behaviour every Ollama version has. Each rule below is a fact about the
real server (see shared/research/ollama-wire-truth.md and live-observations.md):

* Go's JSON decoder treats `null` as "absent" for every field, and never enforces presence: only
  the handlers check a few top-level fields (`model`, `source`, `destination`, create's source).
  So a `null`, or a missing property below the top level, is not something Ollama rejects.
* `options` (and create's `parameters`) are a free map that the server reads only when it
  schedules the model: a wrong type there is refused late, with a 500, or not at all (`show`
  merges them unread, `create` stores them unread), and integer options take any number and
  truncate it.
* `format` is checked once the model is loaded: a bad value is refused with a 500.
* A schema-valid request can still be refused with a 400 for reasons a schema cannot express:
  the model lacks a capability, the name is not a model, raw mode with a template, a blob whose
  bytes do not match its digest. Those refusals carry messages of their own; any other 400 on a
  valid request is a finding.
* Operations that reach a registry (create from a model that is not local, pull, push) fail with
  a 500 when the registry cannot be reached, and so do late failures of create (quantization,
  unknown license type). A 501 from embed means the model's runner cannot embed.
* Once a stream has started, a failure arrives as an `{"error": ...}` line under the 200; such a
  stream is a refusal, not an acceptance.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .._spec import Operation, operations

__all__ = [
    "SEMANTIC_REFUSALS",
    "BodyError",
    "Verdict",
    "classify_body_errors",
    "explains_server_error",
    "is_semantic_refusal",
    "ndjson_ends_in_error",
    "negative_verdict",
    "positive_verdict",
    "unread_fields",
]

# Messages of 400s that Ollama gives to schema-valid requests (substrings, compared case-blind).
SEMANTIC_REFUSALS = (
    "does not support",  # a capability the model lacks: insert, tools, thinking, vision, generate, chat...
    "raw mode does not support",
    "invalid model name",
    "is invalid",  # copy: source "x" is invalid; delete: name "x" is invalid
    "model is required",
    "neither 'from' or 'files' was specified",
    "file path must be relative",
    "only one adapter is currently supported",
    "requires a draft model",
    "info field",
    "template error",
    "only supports one image",
    "image generation models are not currently supported",
    "use either :local or :cloud",
    "cannot run this remote model",
    "the input length exceeds the context length",
    "invalid digest format",
    "digest mismatch",
    "multimodal data provided",
    "not in gguf format",
    "no files provided to convert",
    "unknown type",
    "bad remote",
    "cannot be used with remote models",
    # Go decodes integer fields strictly: `1.0` and numbers beyond int64 are refused, though
    # JSON Schema counts both as integers.
    "cannot unmarshal number",
    # Go's duration parser refuses what overflows int64 nanoseconds (about 292 years), which
    # no pattern on `keep_alive` can express.
    "time: invalid duration",
)


def _op(operation_id: str) -> Operation | None:
    """The spec's operation, whose `x-ollama` facts say which fields it reads late or keeps free,
    and whether it reaches the network (a 5xx is then within contract)."""
    return operations().get(operation_id)


def _late_or_free(operation_id: str) -> frozenset[str]:
    op = _op(operation_id)
    return op.late_checked | op.free_maps if op else frozenset()


def _free(operation_id: str) -> frozenset[str]:
    op = _op(operation_id)
    return op.free_maps if op else frozenset()


@dataclass(frozen=True)
class BodyError:
    """One reason a request body breaks its schema."""

    pointer: str
    rule: str
    message: str
    instance: Any


@dataclass(frozen=True)
class Verdict:
    """The outcome of a policy: ok, or a finding with its explanation."""

    ok: bool
    reason: str = ""


OK = Verdict(True)


def _top(error: BodyError) -> str:
    """The top-level field an error lies in, or "" for the body itself."""
    return error.pointer.split("/")[1] if error.pointer.startswith("/") else ""


def unread_fields(operation_id: str, request: Any) -> frozenset[str]:
    """Top-level fields the server never reads for this request, so never refuses.

    Generate with an empty prompt, and chat with no messages, only load or unload the model:
    they answer before the runner, the only reader of `format`, is asked for anything. The
    legacy `name` is read only when `model` is empty.
    """
    if not isinstance(request, dict):
        return frozenset()
    op = _op(operation_id)
    if op is not None and op.legacy_name and op.target:
        return frozenset({op.legacy_name}) if request.get(op.target.field) else frozenset()
    if operation_id in {"generate", "chat"}:
        generates = request.get("prompt") if operation_id == "generate" else request.get("messages")
        return frozenset() if generates else frozenset({"format"})
    return frozenset()


def classify_body_errors(
    errors: Iterable[BodyError], operation_id: str = "", request: Any = None
) -> tuple[list[BodyError], list[BodyError]]:
    """Split schema errors into (those Ollama refuses, those it tolerates).

    Errors on the body itself (a body that is not an object, a missing top-level field) and on
    path parameters are refused; below the top level, `null`, a missing property or anything
    inside a free map is tolerated, and so is anything in a field this request never reads.
    """
    unread = unread_fields(operation_id, request)
    refused: list[BodyError] = []
    tolerated: list[BodyError] = []
    free = _free(operation_id) | unread
    for error in errors:
        nested = error.pointer.startswith("/")
        if nested and (error.instance is None or _top(error) in free or error.rule == "required"):
            tolerated.append(error)
        else:
            refused.append(error)
    return refused, tolerated


def is_semantic_refusal(message: str) -> bool:
    text = message.lower()
    return any(reason in text for reason in SEMANTIC_REFUSALS)


def ndjson_ends_in_error(content_type: str, body: bytes) -> bool:
    """True for a 200 stream whose last line reports an error."""
    if content_type.split(";")[0].strip() != "application/x-ndjson":
        return False
    lines = [line for line in body.splitlines() if line.strip()]
    if not lines:
        return False
    try:
        last = json.loads(lines[-1])
    except ValueError:
        return False
    return isinstance(last, dict) and "error" in last


def error_message(body: bytes) -> str:
    try:
        data = json.loads(body)
    except ValueError:
        return body.decode("utf-8", "replace")[:200]
    return str(data.get("error", "")) if isinstance(data, dict) else ""


def explains_server_error(operation_id: str, status: int, body: bytes, body_errors: list[BodyError]) -> bool:
    """Whether a 5xx is something the real server does for this request."""
    if (op := _op(operation_id)) is not None and op.network:
        return True
    if status == 501 and (op := _op(operation_id)) is not None and op.runs == "embed":
        return True
    if body_errors and all(_top(e) in _late_or_free(operation_id) for e in body_errors):
        return True
    return error_message(body).startswith("template:")


def negative_verdict(
    operation_id: str, status: int, content_type: str, body: bytes, errors: list[BodyError], request: Any = None
) -> Verdict:
    """Judge the answer to a request that breaks its schema."""
    refused, _ = classify_body_errors(errors, operation_id, request)
    if not refused:
        return OK  # nothing Ollama promises to refuse
    if 400 <= status < 500 or ndjson_ends_in_error(content_type, body):
        return OK
    if status >= 500 and explains_server_error(operation_id, status, body, refused):
        return OK
    listed = "; ".join(f"{e.pointer or '(body)'}: {e.message}" for e in refused[:3])
    return Verdict(False, f"Ollama refuses this request, but the server answered {status}. Broken: {listed}")


def positive_verdict(operation_id: str, status: int, content_type: str, body: bytes) -> Verdict:
    """Judge the answer to a schema-valid request."""
    if status != 400:
        return OK  # 2xx, 401, 403, 404 (unknown model), 429, 503; 5xx are judged separately
    message = error_message(body)
    if is_semantic_refusal(message):
        return OK
    return Verdict(False, f"a schema-valid request was refused with 400 for a reason Ollama does not give: {message!r}")
