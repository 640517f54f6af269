"""The suite's own schemathesis checks.

* `ndjson_conformance`: schemathesis skips `application/x-ndjson` bodies without a word, so this
  validates every line of every stream against the operation's line schema, and fails a stream
  that is empty or stops before its final line.
* `ollama_negative_data_rejection`, `ollama_positive_data_acceptance`,
  `ollama_not_a_server_error`: the stock checks of the same purpose, judged by what Ollama really
  promises (see `_policy`). The stock ones are switched off in contract_tests/schemathesis.toml.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from schemathesis import Case, CheckContext, Response

from .._judge import judge_lines
from .._spec import Operation
from . import _policy
from ._schemas import current_profile, operation_for, request_errors

__all__ = [
    "ndjson_conformance",
    "ollama_negative_data_rejection",
    "ollama_not_a_server_error",
    "ollama_positive_data_acceptance",
]


def _content_type(response: Response) -> str:
    values = response.headers.get("content-type") or [""]
    return values[0]


def _operation(case: Case[Any]) -> Operation:
    return operation_for(case.operation.method, case.operation.path)


def _body(case: Case[Any]) -> Any:
    return case.body if isinstance(case.body, dict | list | str | int | float | bool) or case.body is None else None


def _is_negative(case: Case[Any]) -> bool:
    return case.meta is not None and case.meta.generation.mode.is_negative


def check_ndjson(op: Operation, status: int, content: bytes) -> str | None:
    """Why an NDJSON body breaks the contract (under the run's profile), or None. Shared with the scenario tests."""
    problems = judge_lines(op, status, content, profile=current_profile())
    return problems[0].describe() if problems else None


@schemathesis.check
def ndjson_conformance(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    if _content_type(response).split(";")[0].strip() != "application/x-ndjson":
        return None
    problem = check_ndjson(_operation(case), response.status_code, response.content or b"")
    if problem:
        raise AssertionError(problem)
    return None


@schemathesis.check
def ollama_negative_data_rejection(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    if not _is_negative(case):
        return None
    op = _operation(case)
    errors = request_errors(op, _body(case), dict(case.path_parameters or {}))
    verdict = _policy.negative_verdict(
        op.operation_id, response.status_code, _content_type(response), response.content or b"", errors, _body(case)
    )
    if not verdict.ok:
        raise AssertionError(verdict.reason)
    return None


@schemathesis.check
def ollama_positive_data_acceptance(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    if _is_negative(case):
        return None
    op = _operation(case)
    if request_errors(op, _body(case), dict(case.path_parameters or {})):
        return None  # the generator's "positive" value still breaks the schema (e.g. after steering)
    verdict = _policy.positive_verdict(
        op.operation_id, response.status_code, _content_type(response), response.content or b""
    )
    if not verdict.ok:
        raise AssertionError(verdict.reason)
    return None


@schemathesis.check
def ollama_not_a_server_error(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    if response.status_code < 500:
        return None
    op = _operation(case)
    errors = request_errors(op, _body(case), dict(case.path_parameters or {}))
    if _policy.explains_server_error(op.operation_id, response.status_code, response.content or b"", errors):
        return None
    message = _policy.error_message(response.content or b"")
    raise AssertionError(f"server error {response.status_code} that Ollama gives for no such request: {message!r}")
