"""Pytest fixtures that give a test an offline Ollama.

Use them from any project with `pytest_plugins = ["ollama_contract.server.pytest_plugin"]`. The
server is imported only when a test asks for a fixture, so loading this plugin costs nothing.

* `ollama_server`: the base URL of one server for the whole session, with the default catalogue
  models; tests share it as they leave it.
* `ollama_url`: the same server, isolated: after the test, the models it created, copied,
  pulled, pushed or deleted are back as they were and nothing is loaded (a few milliseconds).
* `ollama_client`: the client object (`ollama_contract.Ollama`) for `ollama_url`, strict validation.
* `ollama_server_factory`: `make(models=..., faults=..., pace=..., **options) -> url` starts a
  server of the test's own (chosen models, faults, pace), stopped when the test ends.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from ollama_contract import Ollama

    from ._state import State

__all__ = ["ollama_client", "ollama_server", "ollama_server_factory", "ollama_url"]

ServerFactory = Callable[..., str]


class _Shared:
    """The session's server, with the state it is reset to between isolated tests."""

    def __init__(self, url: str, state: State) -> None:
        self.url = url
        self.state = state
        self.snapshot = state.snapshot()


@pytest.fixture(scope="session")
def _ollama_shared() -> Iterator[_Shared]:
    from ollama_contract.server import create_app
    from ollama_contract.server.http.serving import serving

    folder = Path(tempfile.mkdtemp(prefix="ollama-contract-"))
    try:
        app = create_app(data_dir=folder)
        with serving(app) as url:
            yield _Shared(url, app.state.ollama)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def ollama_server(_ollama_shared: _Shared) -> str:
    """Base URL of a reference server with the default catalogue models, e.g. http://127.0.0.1:PORT."""
    return _ollama_shared.url


@pytest.fixture
def ollama_url(_ollama_shared: _Shared) -> Iterator[str]:
    """The session's server, put back as it was after the test (models, blobs, registry, loads)."""
    yield _ollama_shared.url
    _ollama_shared.state.reset(_ollama_shared.snapshot)


@pytest.fixture
def ollama_client(ollama_url: str) -> Iterator[Ollama]:
    """The client object for the isolated server, strict: a response that breaks the spec raises."""
    from ollama_contract import Ollama

    with Ollama(ollama_url, validation="strict") as client:
        yield client


@pytest.fixture
def ollama_server_factory() -> Iterator[ServerFactory]:
    """Start servers of the test's own: `make(models=["qwen3"], faults=["delay=50"], pace="real")`."""
    from ollama_contract.server import running_server

    with contextlib.ExitStack() as stack:

        def make(*, models: str | Iterable[str] | None = None, faults: Sequence[str] = (), **options: Any) -> str:
            url: str = stack.enter_context(running_server(models=models, faults=faults, **options))
            return url

        yield make
