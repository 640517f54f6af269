"""Fixtures of the server tests: one reference server per test module, reached over loopback HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from kit import Wire
from ollama_api import Client

import ollama_contract as oc
from ollama_contract.server import running_server

ENV = ("OLLAMA_HOST", "OLLAMA_API_KEY", "OLLAMA_CONTRACT_VALIDATION")


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    """A server with the default catalogue, shared by the tests of one module (they must not clash)."""
    with running_server() as base:
        yield base


@pytest.fixture(scope="module")
def client(url: str) -> Iterator[Client]:
    """The generated client in strict mode: a response that breaks the spec raises ContractViolation."""
    with oc.create_client(url, retries=0, timeout=30, validation="strict") as made:
        yield made


@pytest.fixture(scope="module")
def wire(url: str) -> Iterator[Wire]:
    w = Wire(url)
    yield w
    w.close()
