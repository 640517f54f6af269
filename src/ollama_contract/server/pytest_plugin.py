"""A pytest fixture that gives a test an offline Ollama: `ollama_server` yields its base URL.

Use it from any project with `pytest_plugins = ["ollama_contract.server.pytest_plugin"]`. The
server is started once per test session; the server itself is imported only when a test asks
for it, so loading this plugin costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

__all__ = ["ollama_server"]


@pytest.fixture(scope="session")
def ollama_server() -> Iterator[str]:
    """Base URL of a reference server with the default catalogue models, e.g. http://127.0.0.1:PORT."""
    from ollama_contract.server import running_server

    with running_server() as url:
        yield url
