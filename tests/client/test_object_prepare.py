"""The client object takes the helpers' inputs directly: images as paths, bytes or file objects,
Python functions as tools, classes as `format`, sent as the wire values `helpers.prepare` makes.

Against the reference server on loopback, sync and async; what went over the wire is read back
from an httpx request hook, so a body that was not prepared (a `Path` has no JSON form, a class
is no schema) fails here.
"""

from __future__ import annotations

import asyncio
import base64
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import httpx
import pytest
from pydantic import BaseModel

import ollama_contract as oc
from ollama_contract.helpers import format_schema, function_tool, parse_as
from ollama_contract.server import running_server

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAfbLI3wAAAABJRU5ErkJggg=="
)
TEXT = base64.b64encode(PNG).decode()


class Pet(BaseModel):
    name: str
    species: Literal["cat", "dog"]


def get_temperature(city: str) -> str:
    """Get the current temperature in a city.

    Args:
        city: The name of the city.
    """
    return f"21 degrees in {city}"


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with running_server() as base:
        yield base


class Sent:
    """Every JSON body sent, in order."""

    def __init__(self) -> None:
        self.bodies: list[dict[str, Any]] = []

    def record(self, request: httpx.Request) -> None:
        self.bodies.append(json.loads(request.read()))

    async def arecord(self, request: httpx.Request) -> None:
        self.record(request)


def run(url: str, mode: str, method: str, **kwargs: Any) -> tuple[Any, dict[str, Any]]:
    sent = Sent()
    if mode == "sync":
        with oc.Ollama(url, http_client=httpx.Client(event_hooks={"request": [sent.record]})) as client:
            answer = getattr(client, method)(**kwargs)
    else:

        async def main() -> Any:
            http = httpx.AsyncClient(event_hooks={"request": [sent.arecord]})
            async with oc.AsyncOllama(url, http_client=http) as client:
                return await getattr(client, method)(**kwargs)

        answer = asyncio.run(main())
    return answer, sent.bodies[-1]


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_generate_images_from_path_bytes_and_file_as_base64(url: str, mode: str, tmp_path: Path) -> None:
    image = tmp_path / "dot.png"
    image.write_bytes(PNG)
    plain, _ = run(url, mode, "generate", model="llava", prompt="What is this?", images=[TEXT])
    answer, body = run(
        url, mode, "generate", model="llava", prompt="What is this?", images=[image, PNG, io.BytesIO(PNG)]
    )
    assert body["images"] == [TEXT, TEXT, TEXT]
    assert answer.response  # the server answered the prepared request
    assert plain.model == answer.model


def test_message_images_from_bytes(url: str, mode: str) -> None:
    messages = [{"role": "user", "content": "hi", "images": [PNG]}]
    answer, body = run(url, mode, "chat", model="llava", messages=messages)
    assert body["messages"] == [{"role": "user", "content": "hi", "images": [TEXT]}]
    assert answer.message.role == "assistant"
    assert messages[0]["images"] == [PNG]  # the caller's message is left as it was


def test_tools_from_functions_and_dicts(url: str, mode: str) -> None:
    schema = function_tool(get_temperature)
    plain = schema if isinstance(schema, dict) else schema.to_dict()
    _, body = run(
        url,
        mode,
        "chat",
        model="qwen3",
        messages=[{"role": "user", "content": "Paris?"}],
        tools=[get_temperature, plain],
    )
    assert body["tools"] == [plain, plain]
    assert body["tools"][0]["function"]["name"] == "get_temperature"


def test_format_from_a_pydantic_model(url: str, mode: str) -> None:
    answer, body = run(
        url, mode, "chat", model="llama3.1", messages=[{"role": "user", "content": "A cat."}], format=Pet
    )
    assert body["format"] == format_schema(Pet)
    pet = parse_as(Pet, answer)
    assert pet.species in ("cat", "dog")
