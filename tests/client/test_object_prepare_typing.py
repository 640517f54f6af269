"""What a type checker knows of the helpers' inputs on the client object: `mypy --strict`.

Paths, bytes and file objects as images (of generate and of a message), Python functions as
tools, classes as `format`, and `pull(..., progress=True)` answering one item must pass with no cast or narrowing; what `prepare` cannot take
must still be refused, so the widened types are not `Any`.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

GOOD = """
import asyncio
import io
from pathlib import Path
from typing import assert_type

from ollama_api.models import ChatResponse, GenerateResponse, ProgressResponse
from ollama_api.params import MessageDict, ToolDict
from pydantic import BaseModel

from ollama_contract import AsyncOllama, Ollama


class Pet(BaseModel):
    name: str


def get_temperature(city: str) -> str:
    return city


tool: ToolDict = {"type": "function", "function": {"name": "f", "parameters": {"type": "object", "properties": {}}}}
message: MessageDict = {"role": "user", "content": "hi", "images": [b"png", Path("cat.png")]}


def sync_part(client: Ollama) -> None:
    with open("cat.png", "rb") as file:
        images = client.generate("m", "p", images=[Path("cat.png"), b"png", io.BytesIO(b"png"), "iVBORw0KGgo=", file])
    assert_type(images, GenerateResponse)
    assert_type(client.chat("m", [{"role": "user", "content": "hi", "images": [b"png"]}]), ChatResponse)
    assert_type(client.chat("m", [message], tools=[get_temperature, tool], format=Pet), ChatResponse)
    assert_type(client.pull("m", progress=True), ProgressResponse)
    assert_type(client.push("m", progress=True), ProgressResponse)


async def async_part(client: AsyncOllama) -> None:
    assert_type(await client.generate("m", "p", images=[Path("cat.png")], format=Pet), GenerateResponse)
    assert_type(await client.chat("m", tools=[get_temperature, tool]), ChatResponse)
    assert_type(await client.pull("m", progress=True), ProgressResponse)


sync_part(Ollama())
asyncio.run(async_part(AsyncOllama()))
"""

BAD = """
from ollama_contract import Ollama

client = Ollama()
client.generate("m", images=[1])  # error
client.generate("m", images=[[b"png"]])  # error
client.chat("m", [{"role": "user", "images": [3.5]}])  # error
client.chat("m", tools=[1])  # error
client.chat("m", format=3)  # error
client.chat("m", format=["json"])  # error
client.pull("m", progress=True).model  # error
client.chat("m", progress=True)  # error
"""


def mypy(tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    program = tmp_path / "program.py"
    program.write_text(source, encoding="utf-8")
    cmd = [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--cache-dir", str(ROOT / ".mypy_cache")]
    return subprocess.run([*cmd, str(program)], capture_output=True, text=True, cwd=tmp_path, timeout=600)


def test_the_helpers_inputs_pass_strict_with_no_narrowing(tmp_path: Path) -> None:
    assert "isinstance" not in GOOD and "assert " not in GOOD and "cast(" not in GOOD
    run = mypy(tmp_path, GOOD)
    assert run.returncode == 0, run.stdout + run.stderr


def test_what_prepare_cannot_take_is_still_refused(tmp_path: Path) -> None:
    run = mypy(tmp_path, BAD)
    reported = {int(m.group(1)) for m in re.finditer(r"program\.py:(\d+): error", run.stdout)}
    expected = {n for n, line in enumerate(BAD.splitlines(), 1) if line.endswith("# error")}
    assert expected == reported, run.stdout
