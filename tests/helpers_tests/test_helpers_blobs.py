"""Blobs from paths against the reference server: hashed in chunks, uploaded once, models created from them."""

from __future__ import annotations

import asyncio
import hashlib
import json
import struct
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from ollama_api import Client
from ollama_api.api.models import create_model, show_model
from ollama_api.models import CreateRequest, ShowRequest

from ollama_contract import create_client, stream
from ollama_contract.helpers import acreate_blob, amodel_files, create_blob, file_digest, model_files
from ollama_contract.server import running_server


class Recording(httpx.HTTPTransport):
    """A real loopback transport that notes each request's method and path."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(f"{request.method} {request.url.path.split('/')[2]}")
        return super().handle_request(request)


class AsyncRecording(httpx.AsyncHTTPTransport):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(f"{request.method} {request.url.path.split('/')[2]}")
        return await super().handle_async_request(request)


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with running_server(models="none") as base:
        yield base


@pytest.fixture
def recorded(url: str) -> Iterator[tuple[Client, Recording]]:
    transport = Recording()
    with create_client(url, transport=transport) as client:
        yield client, transport


@pytest.fixture
def client(url: str) -> Iterator[Client]:
    with create_client(url) as client:
        yield client


def gguf(path: Path) -> Path:
    """A small real GGUF that llama.cpp loads (Ollama, and the reference server, refuse any other)."""
    from ollama_contract.contract._gguf import tiny_gguf

    path.write_bytes(tiny_gguf("helpers-test"))
    return path


def test_digest_is_sha256_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "big.bin"
    path.write_bytes(b"x" * (3 * 1024 * 1024 + 17))
    assert file_digest(path) == "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_blob_is_uploaded_once(tmp_path: Path, recorded: tuple[Client, Recording]) -> None:
    client, transport = recorded
    path = tmp_path / "weights.bin"
    path.write_bytes(b"some weights " * 1000)
    first = create_blob(client, path)
    second = create_blob(client, str(path))
    assert first == second == file_digest(path)
    assert transport.seen == ["HEAD blobs", "POST blobs", "HEAD blobs"]


def test_the_async_twin_uploads_and_skips_the_same_way(tmp_path: Path, url: str) -> None:
    path = tmp_path / "other.bin"
    path.write_bytes(b"other weights " * 5000)
    transport = AsyncRecording()
    digests = asyncio.run(_twice(url, path, transport))
    assert digests == [file_digest(path)] * 2
    assert transport.seen == ["HEAD blobs", "POST blobs", "HEAD blobs"]


async def _twice(url: str, path: Path, transport: AsyncRecording) -> list[str]:
    async with create_client(url, transport=transport) as client:
        return [await acreate_blob(client, path), await acreate_blob(client, path)]


def test_a_model_from_a_local_gguf_file_in_one_call(tmp_path: Path, client: Client) -> None:
    files = model_files(client, gguf(tmp_path / "tiny.gguf"))
    assert list(files) == ["tiny.gguf"]
    stream(client, create_model, CreateRequest.from_dict({"model": "tiny-local", "files": files})).result()
    shown = show_model.sync(client=client, body=ShowRequest(model="tiny-local"))
    assert shown is not None and shown.details.format_ == "gguf"


def test_a_model_from_a_safetensors_folder_in_one_call(tmp_path: Path, url: str) -> None:
    folder = tmp_path / "hf"
    folder.mkdir()
    config = {"architectures": ["LlamaForCausalLM"], "max_position_embeddings": 512, "hidden_size": 4,
              "num_hidden_layers": 1, "num_attention_heads": 1}  # fmt: skip
    (folder / "config.json").write_text(json.dumps(config))
    (folder / "tokenizer_config.json").write_text(json.dumps({"chat_template": "{{ messages }}"}))
    header = json.dumps({"model.norm.weight": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]}}).encode()
    header += b" " * (-len(header) % 8)
    (folder / "model.safetensors").write_bytes(struct.pack("<Q", len(header)) + header + b"\0" * 16)
    (folder / ".hidden").write_text("not sent")
    files = asyncio.run(_files(url, folder))
    client = create_client(url)
    assert sorted(files) == ["config.json", "model.safetensors", "tokenizer_config.json"]
    with client:
        stream(client, create_model, CreateRequest.from_dict({"model": "tiny-hf", "files": files})).result()
        shown = show_model.sync(client=client, body=ShowRequest(model="tiny-hf"))
    assert shown is not None and shown.details.family == "llama"


async def _files(url: str, folder: Path) -> dict[str, str]:
    async with create_client(url) as client:
        return await amodel_files(client, folder)


def test_a_path_with_no_weights_is_refused(tmp_path: Path, client: Client) -> None:
    with pytest.raises(FileNotFoundError, match="no GGUF file or Safetensors folder"):
        model_files(client, tmp_path / "nothing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match=r"holds no \.safetensors file"):
        model_files(client, tmp_path / "empty")
