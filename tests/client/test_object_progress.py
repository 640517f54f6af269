"""`pull(..., progress=True)` / `push(..., progress=True)` on the client object: bars drawn while
the stream is read, the last status item answered. A real pull from the reference server on
loopback (`tinyllama` is not installed there until pulled), sync and async.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from ollama_api.models import ProgressResponse

import ollama_contract as oc
from ollama_contract.server import running_server


@pytest.fixture
def url() -> Iterator[str]:
    with running_server() as base:  # a fresh server each test: tinyllama is not there yet
        yield base


def names(url: str) -> list[str]:
    with oc.Ollama(url) as client:
        return [model.model for model in client.list().models]


def test_pull_with_progress_draws_bars_and_answers_success(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert "tinyllama:latest" not in names(url)
    with oc.Ollama(url) as client:
        answer = client.pull("tinyllama", progress=True)
    assert isinstance(answer, ProgressResponse)
    assert answer.status == "success"
    assert "tinyllama:latest" in names(url)
    drawn = capsys.readouterr()
    assert "100%|" in drawn.err  # a finished bar per layer
    assert "pulling manifest" in drawn.out  # the steps that move no bytes, as lines


def test_async_pull_with_progress(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    async def main() -> ProgressResponse:
        async with oc.AsyncOllama(url) as client:
            return await client.pull("tinyllama", progress=True)

    answer = asyncio.run(main())
    assert answer.status == "success"
    assert "tinyllama:latest" in names(url)
    drawn = capsys.readouterr()
    assert "100%|" in drawn.err  # a finished bar per layer
    assert "pulling manifest" in drawn.out  # the steps that move no bytes, as lines


def test_progress_with_stream_is_one_clear_error(url: str) -> None:
    with oc.Ollama(url) as client, pytest.raises(ValueError, match="progress=True"):
        client.pull("tinyllama", stream=True, progress=True)
    assert "tinyllama:latest" not in names(url)  # refused before anything was sent
