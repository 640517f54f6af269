"""Fixtures of the client tests: a clean environment, mock servers and a loopback server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from wire import Loopback, Script, Server

ENV = ("OLLAMA_HOST", "OLLAMA_API_KEY", "OLLAMA_CONTRACT_VALIDATION")


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def server() -> Server:
    return Server()


@pytest.fixture
def loopback() -> Iterator[Loopback]:
    scripts: dict[str, Script] = {}
    server = Loopback(lambda method, path, body: scripts[path])
    server.scripts = scripts  # type: ignore[attr-defined]
    yield server
    server.close()
