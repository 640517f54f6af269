"""Blobs and models from local files: hash once, upload only what the server lacks.

`create_blob(client, path)` hashes the file in chunks (constant memory, whatever its size), asks
the server with `HEAD /api/blobs/{digest}` whether it already has it, uploads it streamed only if
not, and returns the digest. `model_files(client, path)` does that for a GGUF file or for every file of
a Safetensors folder and returns the `files` mapping a create request takes, so that creating
a model from local weights is `create(model=..., files=model_files(client, path))`.

The client is the generated `ollama_api.Client` that `create_client()` returns; the operations are
the generated ones (`blob_exists`, `push_blob`), so the paths come from the spec.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import BinaryIO

from ollama_api.api.blobs import blob_exists, push_blob
from ollama_api.client import AuthenticatedClient, Client
from ollama_api.types import File

__all__ = ["acreate_blob", "amodel_files", "create_blob", "file_digest", "model_files"]

_CHUNK = 1024 * 1024
# What a Safetensors folder holds that Ollama reads: the weights, the configs and the tokenizer.
_SAFETENSORS_KEEP = (".safetensors", ".json", ".model", ".tiktoken", ".txt", ".jinja")


def file_digest(path: str | os.PathLike[str]) -> str:
    """`sha256:<hex>` of a file, read in chunks."""
    with open(path, "rb") as handle:
        return "sha256:" + hashlib.file_digest(handle, "sha256").hexdigest()


def create_blob(client: AuthenticatedClient | Client, path: str | os.PathLike[str]) -> str:
    """Upload a file as a blob unless the server has it already; return its digest."""
    digest = file_digest(path)
    if blob_exists.sync_detailed(digest, client=client).status_code != 200:
        with open(path, "rb") as handle:
            # httpx reads a file object in 64 KiB chunks and sends its size as Content-Length.
            push_blob.sync_detailed(digest, client=client, body=File(payload=handle))
    return digest


async def acreate_blob(client: AuthenticatedClient | Client, path: str | os.PathLike[str]) -> str:
    """The async `create_blob`; hashing and reading run in a thread, so the event loop keeps going."""
    digest = await asyncio.to_thread(file_digest, path)
    if (await blob_exists.asyncio_detailed(digest, client=client)).status_code != 200:
        with open(path, "rb") as handle:
            body = File(payload=_achunks(handle))  # type: ignore[arg-type]
            await push_blob.asyncio_detailed(digest, client=client, body=body)
    return digest


def model_files(client: AuthenticatedClient | Client, path: str | os.PathLike[str]) -> dict[str, str]:
    """Upload a GGUF file, or the files of a Safetensors folder, and return `files` for a create request."""
    return {name: create_blob(client, file) for name, file in _weights(Path(path))}


async def amodel_files(client: AuthenticatedClient | Client, path: str | os.PathLike[str]) -> dict[str, str]:
    """The async `model_files`."""
    return {name: await acreate_blob(client, file) for name, file in _weights(Path(path))}


def _weights(path: Path) -> list[tuple[str, Path]]:
    if path.is_file():
        return [(path.name, path)]
    if not path.is_dir():
        raise FileNotFoundError(f"no GGUF file or Safetensors folder at {path}")
    found = sorted(
        (str(file.relative_to(path)), file)
        for file in path.rglob("*")
        if file.is_file() and file.suffix in _SAFETENSORS_KEEP and not file.name.startswith(".")
    )
    if not any(name.endswith((".safetensors", ".gguf")) for name, _ in found):
        raise FileNotFoundError(f"{path} holds no .safetensors file")
    return found


async def _achunks(handle: BinaryIO) -> AsyncIterator[bytes]:
    while chunk := await asyncio.to_thread(handle.read, _CHUNK):
        yield chunk
