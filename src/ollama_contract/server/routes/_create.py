"""`/api/create`: a model from another model, from GGUF or Safetensors blobs, with quantization.

The checks follow Ollama's server/create.go: request-level mistakes are 400s before anything
streams; once progress has begun, failures arrive as an error line (or as the status of the
single answer when `stream` is false). New layers are written as blobs first and the manifest
last, so a create that fails leaves the store as it was.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from .._state import State
from ..emulation.autodetect import detect_template
from ..emulation.catalogue import MEDIA
from ..emulation.convert import SafetensorsError, safetensors_to_gguf
from ..emulation.gguf import GGUFInfo, file_type_name, human_number, parse_file_type, quantize_gguf, read_gguf
from ..emulation.gotemplate import TemplateError, parse_template
from ..emulation.llamacpp import VALIDATION_FAILED, copy_progress, llama_cpp_refusal, llama_quantize_copy
from ..http.wire import Event, Failure, HTTPError, encode
from ..store.local import InvalidDigest
from ..store.names import ModelName, SourceConflict, parse_name, split_source
from ._transfer import pull_events

__all__ = ["check_files", "create_events"]

_NO_DIGEST = "0000000000000000000"  # what Ollama puts in `digest` of its rewrite progress lines


class _Stop(Exception):
    def __init__(self, failure: Failure) -> None:
        self.failure = failure


def _valid_relative(path: str) -> bool:
    """Go's fs.ValidPath: slash-separated, no empty, `.` or `..` elements, not rooted."""
    if path == ".":
        return True
    return bool(path) and all(part not in ("", ".", "..") for part in path.split("/"))


def check_files(files: Any) -> None:
    if not isinstance(files, dict):
        return
    for key, digest in files.items():
        if not _valid_relative(key):
            raise HTTPError(400, "file path must be relative")
        if not digest:
            raise HTTPError(400, "invalid digest format")


class _Build:
    """The layers of the model being created, and the config that goes with them."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.layers: list[dict[str, Any]] = []
        self.status_of: dict[str, str] = {}
        self.config: dict[str, Any] = {"os": "linux", "architecture": "amd64"}
        # Model layers made from files, which Ollama passes through llama-quantize (rewriteForCreate).
        self.to_copy: set[str] = set()

    def add_bytes(self, media: str, data: bytes, status: str | None = None) -> dict[str, Any]:
        digest = "sha256:" + hashlib.sha256(data).hexdigest()
        existed = self.state.store.has_blob(digest)
        self.state.store.put_blob(data)
        layer = {"mediaType": media, "digest": digest, "size": len(data)}
        self.layers = [x for x in self.layers if x["mediaType"] != media or media == MEDIA["license"]]
        self.layers.append(layer)
        self.status_of[digest] = status or f"{'using existing' if existed else 'creating new'} layer {digest}"
        return layer

    def existing(self, layer: dict[str, Any]) -> None:
        """Take a layer whose blob is already in the store (from a model, or uploaded)."""
        self.layers.append(layer)
        self.status_of[layer["digest"]] = f"using existing layer {layer['digest']}"

    @property
    def statuses(self) -> list[str]:
        """One line per layer of the finished model, in order, as Ollama reports them."""
        return [self.status_of[x["digest"]] for x in self.layers if x["digest"] in self.status_of]

    def model_layer(self) -> dict[str, Any] | None:
        return next((x for x in self.layers if x["mediaType"] == MEDIA["model"]), None)

    def replace_model(self, layer: dict[str, Any], data: bytes) -> None:
        """Put a rewritten model file where `layer` was, with the config read from the new file."""
        index = self.layers.index(layer)
        new = self.add_bytes(MEDIA["model"], data)
        self.layers.remove(new)
        self.layers.insert(index, new)
        for key in ("file_type", "model_type", "model_format", "model_family", "model_families"):
            self.config.pop(key, None)
        new_info = self.state.store.gguf_info(new["digest"])
        if new_info is not None:
            _gguf_config(self, new_info)


def _gguf_config(build: _Build, info: GGUFInfo) -> None:
    cfg = build.config
    cfg.setdefault("model_format", "gguf")
    cfg.setdefault("model_family", info.architecture)
    cfg.setdefault("model_type", human_number(info.parameter_count))
    cfg.setdefault("file_type", info.file_type)
    cfg.setdefault("model_families", [info.architecture])


async def _from_model(state: State, build: _Build, raw: Any) -> AsyncIterator[Event]:
    text = raw if isinstance(raw, str) else ""
    try:
        base, source = split_source(text)
    except (SourceConflict, ValueError):
        raise _Stop(Failure("invalid model name", 400)) from None
    name = parse_name(base)
    if not name.is_valid():
        raise _Stop(Failure("invalid model name", 400))
    if source == "cloud":
        raise _Stop(Failure("remote models are not available on this offline server", 400))
    name = state.store.canonical(name)
    if state.store.read_manifest(name) is None:
        async for event in pull_events(state, name, insecure=False):
            if isinstance(event, Failure):
                raise _Stop(event)
            if event.get("status") != "success":
                yield event
    found = state.store.read_manifest(name)
    model = state.store.load(name)
    if found is None or model is None:
        raise _Stop(Failure(f"open {state.store.manifest_path(name)}: no such file or directory"))
    manifest = json.loads(found[0])
    for layer in manifest.get("layers") or []:
        entry = {k: layer[k] for k in ("mediaType", "digest", "size") if k in layer}
        entry["from"] = name.shortest()
        build.existing(entry)
    for key in ("renderer", "parser", "requires", "model_format", "capabilities"):
        if model.config.get(key):
            build.config[key] = model.config[key]
    if model.gguf is not None:
        _gguf_config(build, model.gguf)


def _blob(state: State, digest: Any) -> Path:
    try:
        path = state.store.blob_path(str(digest))
    except InvalidDigest:
        raise _Stop(Failure("invalid digest format", 400)) from None
    if not path.is_file():
        raise _Stop(Failure(f"open {path}: no such file or directory"))
    return path


def _file_kind(state: State, files: dict[str, Any]) -> str:
    for name, digest in files.items():
        if name.endswith(".safetensors"):
            return "safetensors"
        if name.endswith(".gguf"):
            return "gguf"
        try:
            with state.store.blob_path(str(digest)).open("rb") as f:
                if f.read(4) == b"GGUF":
                    return "gguf"
        except (OSError, InvalidDigest):
            return ""
    return ""


async def _from_files(state: State, build: _Build, files: dict[str, Any]) -> AsyncIterator[Event]:
    kind = _file_kind(state, files)
    if kind == "safetensors":
        yield {"status": "converting model"}
        try:
            data = safetensors_to_gguf({k: _blob(state, v) for k, v in files.items()})
        except SafetensorsError as exc:
            raise _Stop(Failure(str(exc))) from None
        layer = build.add_bytes(MEDIA["model"], data)
        build.to_copy.add(layer["digest"])
        info = state.store.gguf_info(layer["digest"])
        if info is not None:
            _gguf_config(build, info)
            _autodetect(build, info.chat_template)
        return
    if kind != "gguf":
        raise _Stop(Failure("unknown type", 400))
    if not files:
        raise _Stop(Failure("no files provided to convert", 400))
    for filename in sorted(files):
        yield {"status": "parsing GGUF"}
        path = _blob(state, files[filename])
        try:
            info = read_gguf(path)
        except ValueError:
            raise _Stop(Failure("supplied file was not in GGUF format", 400)) from None
        kind_kv = str(info.kv.get("general.type", ""))
        projector = kind_kv in ("projector", "mmproj") or (
            info.arch_value("block_count") is None and info.arch_value("vision.block_count") is not None
        )
        media = MEDIA["adapter"] if kind_kv == "adapter" else MEDIA["projector"] if projector else MEDIA["model"]
        digest = str(files[filename])
        build.existing({"mediaType": media, "digest": digest, "size": path.stat().st_size})
        if media == MEDIA["model"]:
            build.to_copy.add(digest)
            _gguf_config(build, info)
            _autodetect(build, info.chat_template)


def _autodetect(build: _Build, chat: str) -> None:
    """detectChatTemplate: a chat template in the file picks one of Ollama's templates, whose stop
    words become the model's parameters (a file without one keeps the default template)."""
    found = detect_template(chat)
    if found is not None:
        build.add_bytes(MEDIA["template"], found.template.encode(), f"using autodetected template {found.name}")
        build.add_bytes(MEDIA["params"], _go_json({"stop": list(found.stop)}))


def _go_json(value: Any) -> bytes:
    """json.NewEncoder(…).Encode as Ollama writes its small layers: Go's JSON, map keys sorted, a newline."""
    if isinstance(value, dict):
        value = dict(sorted(value.items()))
    return encode(value) + b"\n"


async def _llama_copy(state: State, build: _Build) -> AsyncIterator[Event]:
    """copyLayerWithLlamaQuantize: the model keeps what `llama-quantize … COPY` writes, or the create fails."""
    layer = build.model_layer()
    if layer is None or layer["digest"] not in build.to_copy:
        return
    info = state.store.gguf_info(layer["digest"])
    if info is None or llama_cpp_refusal(info.kv) is not None:
        raise _Stop(Failure(VALIDATION_FAILED))
    src = state.store.blob_path(layer["digest"])
    size = src.stat().st_size
    for done in copy_progress([t.nbytes for t in info.tensors], info.data_offset, size):
        yield {"status": "validating GGUF model", "digest": _NO_DIGEST, "total": size, "completed": done}
    with tempfile.TemporaryDirectory(dir=state.store.root) as tmp:
        out = Path(tmp) / "copy.gguf"
        try:
            llama_quantize_copy(src, out)
            data = out.read_bytes()
        except ValueError:  # a key the gguf writer cannot write (an empty array): keep the upload as it is
            data = src.read_bytes()
    yield {"status": "verifying conversion"}
    build.replace_model(layer, data)


async def _quantize(state: State, build: _Build, wanted: str) -> AsyncIterator[Event]:
    layer = build.model_layer()
    if layer is None:
        return
    try:
        target = parse_file_type(wanted)
    except ValueError as exc:
        raise _Stop(Failure(str(exc))) from None
    info = state.store.gguf_info(layer["digest"])
    if info is None:
        return
    current = info.file_type
    if current not in ("F16", "BF16", "F32"):
        raise _Stop(Failure("quantization is only supported for F16, BF16 and F32 models"))
    if file_type_name(target) == current:
        return
    if llama_cpp_refusal(info.kv) is not None:
        raise _Stop(Failure("llama-quantize failed: exit status 1"))
    src = state.store.blob_path(layer["digest"])
    total = src.stat().st_size
    status = f"quantizing {current} model to {file_type_name(target)}"
    yield {"status": status, "digest": _NO_DIGEST, "total": total}  # Go omits a zero `completed`
    for step in range(1, 5):
        yield {"status": status, "digest": _NO_DIGEST, "total": total, "completed": total * step // 4}
    with tempfile.TemporaryDirectory(dir=state.store.root) as tmp:
        out = Path(tmp) / "quantized.gguf"
        quantize_gguf(src, out, target)
        data = out.read_bytes()
    yield {"status": "verifying conversion"}
    build.replace_model(layer, data)


def _info(build: _Build, info: Any) -> None:
    if not isinstance(info, dict):
        return
    caps = info.get("capabilities")
    if isinstance(caps, list):
        build.config["capabilities"] = list(build.config.get("capabilities") or []) + [
            c for c in caps if isinstance(c, str)
        ]
    strings = {"model_family": "model_family", "base_name": "base_name", "quantization_level": "file_type"}
    strings["parameter_size"] = "model_type"
    for key, target in strings.items():
        if key in info:
            if not isinstance(info[key], str):
                raise _Stop(Failure(f'info field "{key}" must be a string', 400))
            build.config[target] = info[key]
            if key == "model_family":
                build.config["model_families"] = [info[key]]
    for key in ("context_length", "embedding_length"):
        if key in info:
            value = info[key]
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise _Stop(Failure(f'info field "{key}" must be a number', 400))
            if value < 0 or int(value) != value:
                raise _Stop(Failure(f'info field "{key}" must be a non-negative integer', 400))
            build.config[key] = int(value)


def _set_params(state: State, build: _Build, params: Any) -> None:
    merged: dict[str, Any] = dict(params) if isinstance(params, dict) else {}
    for layer in [x for x in build.layers if x["mediaType"] == MEDIA["params"]]:
        try:
            existing = json.loads(state.store.blob_text(layer["digest"]))
        except (OSError, ValueError):
            existing = {}
        for key, value in (existing if isinstance(existing, dict) else {}).items():
            merged.setdefault(key, value)
    if merged:
        build.add_bytes(MEDIA["params"], _go_json(merged))


def _licenses(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise _Stop(Failure(f"json: cannot unmarshal {type(value).__name__} into Go value of type []string"))


async def create_events(state: State, name: ModelName, data: dict[str, Any]) -> AsyncIterator[Event]:
    build = _Build(state)
    try:
        if data.get("from"):
            async for event in _from_model(state, build, data["from"]):
                yield event
        elif data.get("files") is not None:
            async for event in _from_files(state, build, dict(data["files"])):
                yield event
        else:
            raise _Stop(Failure("neither 'from' or 'files' was specified", 400))
        if isinstance(data.get("adapters"), dict) and data["adapters"]:
            if len(data["adapters"]) > 1:
                raise _Stop(Failure("only one adapter is currently supported", 400))
            for filename, digest in data["adapters"].items():
                path = _blob(state, digest)
                build.existing({"mediaType": MEDIA["adapter"], "digest": str(digest), "size": path.stat().st_size})
                del filename
        for key in ("renderer", "parser", "requires"):
            if data.get(key):
                build.config[key] = data[key]
        _info(build, data.get("info"))
        quantize = str(data.get("quantize") or data.get("quantization") or "").upper()
        if quantize:
            async for event in _quantize(state, build, quantize):
                yield event
        async for event in _llama_copy(state, build):  # a no-op once quantizing rewrote the model
            yield event
        if data.get("template"):
            try:
                parse_template(str(data["template"]))
            except TemplateError as exc:
                raise _Stop(Failure(f"template error: {exc}", 400)) from None
            build.add_bytes(MEDIA["template"], str(data["template"]).encode())
        if data.get("system"):
            build.add_bytes(MEDIA["system"], str(data["system"]).encode())
        for text in _licenses(data.get("license")):
            build.add_bytes(MEDIA["license"], text.encode())
        _set_params(state, build, data.get("parameters"))
        messages = data.get("messages")
        if isinstance(messages, list) and messages:
            plain = [{"role": str(m.get("role", "")).lower(), "content": m.get("content", "")} for m in messages]
            build.add_bytes(MEDIA["messages"], _go_json(plain))
    except _Stop as stop:
        yield stop.failure
        return
    build.config["rootfs"] = {"type": "layers", "diff_ids": [x["digest"] for x in build.layers]}
    config_bytes = json.dumps(build.config, separators=(",", ":")).encode()
    digest = state.store.put_blob(config_bytes)
    for status in build.statuses:
        yield {"status": status}
    yield {"status": "writing manifest"}
    manifest = {
        "schemaVersion": 2,
        "mediaType": MEDIA["manifest"],
        "config": {"mediaType": MEDIA["config"], "digest": digest, "size": len(config_bytes)},
        "layers": build.layers,
    }
    state.store.write_manifest(name, json.dumps(manifest, separators=(",", ":")).encode())
    yield {"status": "success"}
