"""`/api/pull` and `/api/push` against the offline registry, with Ollama's progress lines.

Progress is real in the sense that matters: blobs are copied, hashed and renamed into place
between the lines that announce them, and an interrupted pull leaves only complete files.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import AsyncIterator
from typing import Any

from .._state import State
from ..http.wire import Event, Failure
from ..store.names import ModelName

__all__ = ["pull_events", "push_events"]

_STEPS = 4


def _layers(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    layers = list(manifest.get("layers") or [])
    if (manifest.get("config") or {}).get("digest"):
        layers.append(manifest["config"])
    return layers


async def pull_events(state: State, name: ModelName, insecure: bool) -> AsyncIterator[Event]:
    """The progress of pulling one model; also what create streams when `from` is not local."""
    if name.scheme == "http" and not insecure:
        yield Failure("insecure protocol http")
        return
    old = state.store.read_manifest(name)
    old_digests = {layer["digest"] for layer in _layers(json.loads(old[0]))} if old else set()
    yield {"status": "pulling manifest"}
    await asyncio.sleep(0)
    remote = state.registry.lookup(name)
    if remote is None:
        yield Failure("pull model manifest: file does not exist")
        return
    manifest_bytes, readers = remote
    manifest = json.loads(manifest_bytes)
    fetched: list[str] = []
    for layer in _layers(manifest):
        digest = str(layer["digest"])
        size = int(layer.get("size") or 0)
        status = f"pulling {digest[7:19]}"
        if state.store.has_blob(digest):
            yield {"status": status, "digest": digest, "total": size, "completed": size}
            continue
        data = readers[digest]()
        yield {"status": status, "digest": digest, "total": size}
        for step in range(1, _STEPS):
            await asyncio.sleep(0)
            yield {"status": status, "digest": digest, "total": size, "completed": size * step // _STEPS}
        state.store.put_blob(data)
        fetched.append(digest)
        yield {"status": status, "digest": digest, "total": size, "completed": size}
    yield {"status": "verifying sha256 digest"}
    for digest in fetched:
        if "sha256:" + hashlib.sha256(state.store.blob_path(digest).read_bytes()).hexdigest() != digest:
            state.store.blob_path(digest).unlink(missing_ok=True)
            yield Failure(f"digest mismatch, file must be downloaded again: {digest}")
            return
    yield {"status": "writing manifest"}
    state.store.write_manifest(name, manifest_bytes)
    unused = old_digests - {layer["digest"] for layer in _layers(manifest)}
    if unused:
        yield {"status": "removing unused layers"}
        used: set[str] = set()
        for other in state.store.names():
            found = state.store.read_manifest(other)
            if found is not None:
                used |= {layer["digest"] for layer in _layers(json.loads(found[0]))}
        for digest in unused - used:
            state.store.blob_path(digest).unlink(missing_ok=True)
    yield {"status": "success"}


async def push_events(state: State, name: ModelName, insecure: bool) -> AsyncIterator[Event]:
    yield {"status": "retrieving manifest"}
    if name.scheme == "http" and not insecure:
        yield Failure("insecure protocol http")
        return
    found = state.store.read_manifest(name) if name.is_valid() else None
    if found is None:
        yield {"status": "couldn't retrieve manifest"}
        if not name.is_valid():
            yield Failure("invalid model name")
            return
        yield Failure(f"open {state.store.manifest_path(name)}: no such file or directory")
        return
    manifest = json.loads(found[0])
    for layer in _layers(manifest):
        digest = str(layer["digest"])
        size = int(layer.get("size") or 0)
        status = f"pushing {digest[7:19]}"
        if state.registry.has_blob(digest):
            yield {"status": status, "digest": digest, "total": size, "completed": size}
            continue
        yield {"status": status, "digest": digest, "total": size}
        for step in range(1, _STEPS):
            await asyncio.sleep(0)
            yield {"status": status, "digest": digest, "total": size, "completed": size * step // _STEPS}
        state.registry.put_blob_from(state.store.blob_path(digest))
        yield {"status": status, "digest": digest, "total": size, "completed": size}
    yield {"status": "pushing manifest"}
    state.registry.publish(name, found[0])
    yield {"status": "success"}
