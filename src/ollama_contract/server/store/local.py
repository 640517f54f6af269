"""The model store on disk, laid out as Ollama lays out `~/.ollama/models`.

`blobs/sha256-<hex>` holds content-addressed files; `manifests/<host>/<namespace>/<model>/<tag>`
holds one JSON manifest per model name. Paths are only ever built from validated names and
digests. Every write goes to a temporary file in the same folder and is renamed into place, so a
request that fails halfway leaves no half-written blob or manifest behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..emulation.catalogue import MEDIA
from ..emulation.gguf import GGUFInfo, NotGGUF, derive_capabilities, read_gguf
from .names import ModelName

__all__ = ["InvalidDigest", "Model", "Store"]

_DIGEST = re.compile(r"^sha256[:-][0-9a-fA-F]{64}$")


class InvalidDigest(ValueError):
    def __init__(self) -> None:
        super().__init__("invalid digest format")


@dataclass
class Model:
    """A local model, read from its manifest and layers."""

    name: ModelName
    digest: str
    size: int
    modified_ns: int
    manifest: dict[str, Any]
    config: dict[str, Any]
    template: str = ""
    system: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    messages: list[dict[str, Any]] = field(default_factory=list)
    licenses: list[str] = field(default_factory=list)
    gguf: GGUFInfo | None = None
    projector: GGUFInfo | None = None
    capabilities: list[str] = field(default_factory=list)

    @property
    def context_length(self) -> int:
        if self.gguf is not None and self.gguf.context_length:
            return self.gguf.context_length
        return int(self.config.get("context_length") or 0)

    @property
    def embedding_length(self) -> int:
        if self.gguf is not None and self.gguf.embedding_length:
            return self.gguf.embedding_length
        return int(self.config.get("embedding_length") or 0)

    def details(self, *, lengths: bool = False) -> dict[str, Any]:
        families = self.config.get("model_families")
        quant = str(self.config.get("file_type") or "")
        if quant in ("", "unknown") and self.gguf is not None:
            quant = self.gguf.file_type
        out: dict[str, Any] = {
            "parent_model": "",
            "format": str(self.config.get("model_format") or ""),
            "family": str(self.config.get("model_family") or ""),
            "families": list(families) if families else None,
            "parameter_size": str(self.config.get("model_type") or ""),
            "quantization_level": quant,
        }
        if lengths:
            if self.context_length:
                out["context_length"] = self.context_length
            if self.embedding_length:
                out["embedding_length"] = self.embedding_length
        return out


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Store:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.blobs = root / "blobs"
        self.manifests = root / "manifests"
        self.blobs.mkdir(parents=True, exist_ok=True)
        self.manifests.mkdir(parents=True, exist_ok=True)
        self.lock = threading.RLock()
        self._gguf: dict[str, GGUFInfo | None] = {}

    # ------------------------------------------------------------------ blobs
    def blob_path(self, digest: str) -> Path:
        if not _DIGEST.match(digest):
            raise InvalidDigest()
        return self.blobs / digest.replace(":", "-", 1)

    def has_blob(self, digest: str) -> bool:
        return self.blob_path(digest).is_file()

    def put_blob(self, data: bytes) -> str:
        digest = "sha256:" + hashlib.sha256(data).hexdigest()
        path = self.blob_path(digest)
        if not path.exists():
            _atomic_write(path, data)
        return digest

    def blob_text(self, digest: str) -> str:
        return self.blob_path(digest).read_bytes().decode("utf-8", "replace")

    def temp_blob(self) -> tuple[int, Path]:
        fd, tmp = tempfile.mkstemp(prefix=".upload-", dir=self.blobs)
        return fd, Path(tmp)

    def commit_blob(self, tmp: Path, digest: str) -> None:
        os.replace(tmp, self.blob_path(digest))

    # ------------------------------------------------------------------ manifests
    def manifest_path(self, name: ModelName) -> Path:
        if not name.is_valid():
            raise ValueError("invalid model name")
        return self.manifests.joinpath(*name.parts())

    def names(self) -> Iterator[ModelName]:
        for host in _dirs(self.manifests):
            for namespace in _dirs(host):
                for model in _dirs(namespace):
                    for tag in sorted(model.iterdir()):
                        if tag.is_file() and not tag.name.startswith("."):
                            name = ModelName(host.name, namespace.name, model.name, tag.name)
                            if name.is_valid():
                                yield name

    def canonical(self, name: ModelName) -> ModelName:
        """Ollama's getExistingName: reuse the spelling of each part an existing model already has."""
        host, namespace, model, tag = name.parts()
        for existing in self.names():
            if existing.host.lower() == host.lower():
                host = existing.host
            if existing.namespace.lower() == namespace.lower():
                namespace = existing.namespace
            if existing.model.lower() == model.lower():
                model = existing.model
            if existing.tag.lower() == tag.lower():
                tag = existing.tag
        return ModelName(host, namespace, model, tag, name.scheme)

    def read_manifest(self, name: ModelName) -> tuple[bytes, int] | None:
        try:
            path = self.manifest_path(name)
            return path.read_bytes(), path.stat().st_mtime_ns
        except (OSError, ValueError):
            return None

    def write_manifest(self, name: ModelName, data: bytes) -> None:
        with self.lock:
            _atomic_write(self.manifest_path(name), data)

    def delete(self, name: ModelName) -> bool:
        """Remove a manifest and the blobs no other manifest uses."""
        with self.lock:
            found = self.read_manifest(name)
            if found is None:
                return False
            digests = _layer_digests(json.loads(found[0]))
            self.manifest_path(name).unlink()
            _prune_empty(self.manifest_path(name).parent, self.manifests)
            still_used: set[str] = set()
            for other in self.names():
                data = self.read_manifest(other)
                if data is not None:
                    still_used |= _layer_digests(json.loads(data[0]))
            for digest in digests - still_used:
                try:
                    self.blob_path(digest).unlink(missing_ok=True)
                except InvalidDigest:
                    continue
            return True

    def copy(self, source: ModelName, destination: ModelName) -> bool:
        with self.lock:
            found = self.read_manifest(source)
            if found is None:
                return False
            if source.key() != destination.key() or source.parts() != destination.parts():
                self.write_manifest(destination, found[0])
            return True

    # ------------------------------------------------------------------ models
    def gguf_info(self, digest: str) -> GGUFInfo | None:
        if digest not in self._gguf:
            try:
                self._gguf[digest] = read_gguf(self.blob_path(digest))
            except (NotGGUF, OSError, InvalidDigest):
                self._gguf[digest] = None
        return self._gguf[digest]

    def load(self, name: ModelName) -> Model | None:
        found = self.read_manifest(name)
        if found is None:
            return None
        data, mtime = found
        try:
            manifest = json.loads(data)
            config_layer = manifest.get("config") or {}
            config = json.loads(self.blob_text(config_layer["digest"])) if config_layer.get("digest") else {}
        except (OSError, ValueError, KeyError, TypeError):
            return None
        layers = manifest.get("layers") or []
        size = int(config_layer.get("size") or 0) + sum(int(layer.get("size") or 0) for layer in layers)
        model = Model(
            name=name,
            digest=hashlib.sha256(data).hexdigest(),
            size=size,
            modified_ns=mtime,
            manifest=manifest,
            config=config if isinstance(config, dict) else {},
        )
        for layer in layers:
            media = layer.get("mediaType")
            digest = str(layer.get("digest", ""))
            try:
                if media == MEDIA["model"]:
                    model.gguf = self.gguf_info(digest)
                elif media == MEDIA["projector"]:
                    model.projector = self.gguf_info(digest)
                elif media == MEDIA["template"]:
                    model.template = self.blob_text(digest)
                elif media == MEDIA["system"]:
                    model.system = self.blob_text(digest)
                elif media == MEDIA["license"]:
                    model.licenses.append(self.blob_text(digest))
                elif media == MEDIA["params"]:
                    params = json.loads(self.blob_text(digest))
                    model.params = params if isinstance(params, dict) else {}
                elif media == MEDIA["messages"]:
                    messages = json.loads(self.blob_text(digest))
                    model.messages = messages if isinstance(messages, list) else []
            except (OSError, ValueError, InvalidDigest):
                continue
        model.capabilities = derive_capabilities(model.gguf, model.template, model.config.get("capabilities") or ())
        if model.projector is not None and "vision" not in model.capabilities:
            model.capabilities.append("vision")
        return model

    def models(self) -> list[Model]:
        out = [m for m in (self.load(n) for n in self.names()) if m is not None]
        out.sort(key=lambda m: m.modified_ns, reverse=True)
        return out


def _dirs(path: Path) -> list[Path]:
    try:
        return sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return []


def _prune_empty(folder: Path, stop: Path) -> None:
    while folder != stop and stop in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def _layer_digests(manifest: dict[str, Any]) -> set[str]:
    out = {str(layer.get("digest", "")) for layer in manifest.get("layers") or []}
    config = manifest.get("config") or {}
    if config.get("digest"):
        out.add(str(config["digest"]))
    return out
