"""One place maps statuses to exceptions, and every error carries operation, status and message."""

from __future__ import annotations

import pytest

import ollama_contract as oc
from ollama_contract._errors import error_for_status


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, oc.BadRequestError),
        (401, oc.AuthenticationError),
        (403, oc.PermissionDeniedError),
        (404, oc.ModelNotFoundError),
        (405, oc.APIStatusError),
        (429, oc.RateLimitError),
        (499, oc.APIStatusError),
        (500, oc.ServerError),
        (501, oc.ServerError),
        (502, oc.ServerError),
        (503, oc.ServerError),
    ],
)
def test_status_table(status: int, cls: type[oc.APIStatusError]) -> None:
    error = error_for_status("generate", status, {"error": "boom"})
    assert type(error) is cls
    assert isinstance(error, oc.APIStatusError) and isinstance(error, oc.OllamaError)
    assert (error.operation, error.status, error.message) == ("generate", status, "boom")
    assert "boom" in str(error) and "generate" in str(error) and str(status) in str(error)


def test_signin_url_and_bodies_without_error() -> None:
    error = error_for_status("chat", 401, {"error": "unauthorized", "signin_url": "https://ollama.com/connect"})
    assert isinstance(error, oc.AuthenticationError) and error.signin_url == "https://ollama.com/connect"
    empty = error_for_status("copy_model", 403, None)
    assert empty.message is None and "(empty body)" in str(empty)
    text = error_for_status(None, 404, "404 page not found")
    assert text.message is None and "404 page not found" in str(text)


def test_hierarchy() -> None:
    assert issubclass(oc.APITimeoutError, oc.APIConnectionError)
    for cls in (
        oc.APIConnectionError,
        oc.APIStatusError,
        oc.StreamError,
        oc.IncompleteStreamError,
        oc.ContractViolation,
    ):
        assert issubclass(cls, oc.OllamaError)


def test_contract_violation_names_everything() -> None:
    violations = [
        oc.Violation("request", "/model", "minLength", '"" is shorter than 1 character', "''"),
        oc.Violation("request", "/options/stop", "type", '"x" is not of type "array"', "'x'"),
    ]
    error = oc.ContractViolation("generate", violations)
    assert (error.operation, error.pointer, error.rule, error.value) == ("generate", "/model", "minLength", "''")
    assert "generate" in str(error) and "/model" in str(error) and "minLength" in str(error) and "1 more" in str(error)
