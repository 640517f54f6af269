"""What a type checker knows about the client object: `mypy --strict` on small programs.

The good program must pass with no narrowing (no isinstance, no assert): each `assert_type` is
checked statically. Each line of the bad program marked `# error` must be reported, so the
overloads and the TypedDicts really do refuse what they should.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

GOOD = """
import asyncio
from typing import assert_type

from ollama_api.models import (
    ChatResponse, EmbedResponse, GenerateResponse, ListResponse, Message, ProgressResponse, ShowResponse,
)
from ollama_api.params import MessageDict, ToolDict

import ollama_contract
from ollama_contract import AsyncOllama, AsyncStream, Ollama, Stream, StreamResult


def sync_part(client: Ollama, flag: bool) -> None:
    history: list[Message | MessageDict] = [{"role": "user", "content": "Hi"}, Message(role="user", content="Hi")]
    assert_type(client.chat("m", history), ChatResponse)
    assert_type(client.chat("m", [{"role": "user", "content": "Hi"}], stream=True), Stream[ChatResponse])
    assert_type(client.chat("m", stream=flag), ChatResponse | Stream[ChatResponse])
    assert_type(client.generate("m", "p", options={"seed": 1, "stop": ["."]}), GenerateResponse)
    assert_type(client.generate("m", "p", stream=True).result(), StreamResult[GenerateResponse])
    assert_type(client.embed("m", ["a", "b"]), EmbedResponse)
    assert_type(client.pull("m", stream=True), Stream[ProgressResponse])
    assert_type(client.pull("m"), ProgressResponse)
    assert_type(client.list(), ListResponse)
    assert_type(client.show("m"), ShowResponse)
    assert_type(client.blob_exists("sha256:00"), bool)
    assert_type(client.create_blob(b"data"), str)
    assert_type(client.copy("a", "b"), None)
    assert_type(ollama_contract.chat("m", stream=True), Stream[ChatResponse])
    assert_type(ollama_contract.generate("m", "p"), GenerateResponse)
    tool: ToolDict = {"type": "function", "function": {"name": "f", "parameters": {"type": "object", "properties": {}}}}
    answer = client.chat("m", history, tools=[tool], format={"type": "object"}, think="low", keep_alive="5m")
    print(answer.text, answer.done)
    for chunk in client.generate("m", "p", stream=True):
        assert_type(chunk, GenerateResponse)
        print(chunk.text, end="")


async def async_part(client: AsyncOllama) -> None:
    assert_type(await client.chat("m"), ChatResponse)
    chunks = await client.chat("m", [{"role": "user", "content": "Hi"}], stream=True)
    assert_type(chunks, AsyncStream[ChatResponse])
    async for chunk in chunks:
        assert_type(chunk, ChatResponse)
    assert_type(await (await client.generate("m", stream=True)).result(), StreamResult[GenerateResponse])
    assert_type(await client.list(), ListResponse)


sync_part(Ollama(), False)
asyncio.run(async_part(AsyncOllama()))
"""

BAD = """
from ollama_contract import Ollama

client = Ollama()
client.chat("m", [{"role": 1}])  # error
client.chat("m", [{"rol": "user"}])  # error
client.generate("m", options={"seed": "one"})  # error
client.generate("m").message  # error
client.chat("m", stream=True).message  # error
client.generate("m", stream=True).done  # error
client.embed("m", [1, 2])  # error
client.copy("a")  # error
client.list().nope  # error
"""


def mypy(tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    program = tmp_path / "program.py"
    program.write_text(source, encoding="utf-8")
    cmd = [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--cache-dir", str(ROOT / ".mypy_cache")]
    return subprocess.run([*cmd, str(program)], capture_output=True, text=True, cwd=tmp_path, timeout=600)


def test_the_typed_program_passes_strict_with_no_narrowing(tmp_path: Path) -> None:
    assert "isinstance" not in GOOD and "assert " not in GOOD
    run = mypy(tmp_path, GOOD)
    assert run.returncode == 0, run.stdout + run.stderr


def test_every_wrong_call_is_reported(tmp_path: Path) -> None:
    run = mypy(tmp_path, BAD)
    reported = {int(m.group(1)) for m in re.finditer(r"program\.py:(\d+): error", run.stdout)}
    expected = {n for n, line in enumerate(BAD.splitlines(), 1) if line.endswith("# error")}
    assert expected == reported, run.stdout
