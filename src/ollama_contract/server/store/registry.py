"""The registry that pull and push talk to, kept offline.

It serves the built-in catalogue under `registry.ollama.ai/library/...`, and whatever was pushed
to this server, under any name. Pushed models live in the data dir beside the local store, so a
model that was pushed, deleted and pulled again comes back byte for byte.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from ..emulation.catalogue import build_manifest, find_entry
from .local import Store
from .names import DEFAULT_HOST, DEFAULT_NAMESPACE, ModelName

__all__ = ["Registry", "RemoteModel"]

RemoteModel = tuple[bytes, dict[str, Callable[[], bytes]]]
"""A manifest and, for each digest it names, a way to read the blob."""


class Registry:
    def __init__(self, root: Path) -> None:
        self.store = Store(root)

    def lookup(self, name: ModelName) -> RemoteModel | None:
        found = self.store.read_manifest(name)
        if found is not None:
            manifest = json.loads(found[0])
            digests = [layer["digest"] for layer in manifest.get("layers") or []]
            if manifest.get("config", {}).get("digest"):
                digests.append(manifest["config"]["digest"])
            return found[0], {d: self._reader(d) for d in digests}
        if name.host.lower() != DEFAULT_HOST or name.namespace.lower() != DEFAULT_NAMESPACE:
            return None
        entry = find_entry(f"{name.model}:{name.tag}")
        if entry is None:
            return None
        manifest_bytes, blobs = build_manifest(entry)
        return manifest_bytes, {digest: _constant(data) for digest, data in blobs}

    def _reader(self, digest: str) -> Callable[[], bytes]:
        path = self.store.blob_path(digest)
        return path.read_bytes

    def has_blob(self, digest: str) -> bool:
        return self.store.has_blob(digest)

    def put_blob_from(self, path: Path) -> None:
        data = path.read_bytes()
        self.store.put_blob(data)

    def publish(self, name: ModelName, manifest: bytes) -> None:
        self.store.write_manifest(name, manifest)


def _constant(data: bytes) -> Callable[[], bytes]:
    def read() -> bytes:
        return data

    return read
