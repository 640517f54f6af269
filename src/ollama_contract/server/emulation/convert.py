"""Safetensors to GGUF, as far as an emulator needs: the metadata, and small tensors kept as is.

Ollama converts a Hugging Face folder (config.json, tokenizer files, *.safetensors) into one GGUF
model layer. This reads the same files: the architecture and sizes from config.json, the chat
template from tokenizer_config.json, tensor names, types and shapes from the safetensors headers.
Small tensors are carried over (as F16); big ones are replaced by a stand-in, since nothing here
computes with them.
"""

from __future__ import annotations

import json
import struct
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from .gguf import write_gguf

__all__ = ["SafetensorsError", "safetensors_to_gguf"]

_ARCHES = {
    "LlamaForCausalLM": "llama",
    "MistralForCausalLM": "llama",
    "MixtralForCausalLM": "llama",
    "Qwen2ForCausalLM": "qwen2",
    "Qwen3ForCausalLM": "qwen3",
    "GemmaForCausalLM": "gemma",
    "Gemma2ForCausalLM": "gemma2",
    "Gemma3ForCausalLM": "gemma3",
    "Phi3ForCausalLM": "phi3",
    "BertModel": "bert",
    "NomicBertModel": "nomic-bert",
}
_DTYPES = {"F16": np.float16, "F32": np.float32, "BF16": np.uint16, "F64": np.float64, "I32": np.int32}
_KEEP_ELEMENTS = 4 * 1024 * 1024


class SafetensorsError(ValueError):
    pass


def _header(path: Path) -> tuple[dict[str, Any], int]:
    with path.open("rb") as f:
        raw = f.read(8)
        if len(raw) != 8:
            raise SafetensorsError("safetensors file is too short")
        (size,) = struct.unpack("<Q", raw)
        if size > 100 * 1024 * 1024:
            raise SafetensorsError("safetensors header is too large")
        try:
            header = json.loads(f.read(size))
        except ValueError as exc:
            raise SafetensorsError(f"invalid safetensors header: {exc}") from None
    if not isinstance(header, dict):
        raise SafetensorsError("invalid safetensors header")
    return header, 8 + size


def _json(files: dict[str, Path], name: str) -> dict[str, Any]:
    path = files.get(name)
    if path is None:
        return {}
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SafetensorsError(f"{name}: {exc}") from None
    return value if isinstance(value, dict) else {}


def _load(path: Path, offset: int, info: dict[str, Any]) -> np.ndarray[Any, Any] | None:
    dtype = _DTYPES.get(str(info.get("dtype")))
    start, end = info.get("data_offsets", [0, 0])
    shape = [int(d) for d in info.get("shape", [])]
    if dtype is None:
        return None
    with path.open("rb") as f:
        f.seek(offset + int(start))
        raw = f.read(int(end) - int(start))
    array = np.frombuffer(raw, dtype=dtype)
    if info.get("dtype") == "BF16":
        array = (array.astype(np.uint32) << 16).view(np.float32)
    return array.astype(np.float32).reshape(shape) if shape else array.astype(np.float32)


def safetensors_to_gguf(files: dict[str, Path]) -> bytes:
    """GGUF bytes for a Hugging Face model folder whose files are given by name."""
    if "config.json" not in files:
        raise SafetensorsError("open config.json: file does not exist")
    config = _json(files, "config.json")
    architectures = config.get("architectures") or []
    source = str(architectures[0]) if architectures else str(config.get("model_type", ""))
    arch = _ARCHES.get(source)
    if arch is None:
        raise SafetensorsError(f"unsupported architecture {json.dumps(source)}")
    tensors: list[tuple[str, np.ndarray[Any, Any]]] = []
    total = 0
    headers = []
    for name in sorted(files):
        if name.endswith(".safetensors"):
            header, offset = _header(files[name])
            headers.append((files[name], header, offset))
            for key, info in header.items():
                if key != "__metadata__" and isinstance(info, dict):
                    total += int(np.prod(info.get("shape", [1]) or [1]))
    if not headers:
        raise SafetensorsError("no safetensors files were found")
    for path, header, offset in headers:
        for key, info in header.items():
            if key == "__metadata__" or not isinstance(info, dict):
                continue
            if total <= _KEEP_ELEMENTS:
                array = _load(path, offset, info)
                if array is not None:
                    tensors.append((key, array))
    if not tensors:
        tensors = [("token_embd.weight", np.zeros((8, 256), dtype=np.float32))]
    tokenizer = _json(files, "tokenizer_config.json")
    kv: list[tuple[str, Any]] = [
        ("general.type", "model"),
        ("general.file_type", 1),
        ("general.parameter_count", total),
        (f"{arch}.context_length", int(config.get("max_position_embeddings", 2048))),
        (f"{arch}.embedding_length", int(config.get("hidden_size", 0))),
        (f"{arch}.block_count", int(config.get("num_hidden_layers", 0))),
        (f"{arch}.attention.head_count", int(config.get("num_attention_heads", 0))),
    ]
    if config.get("intermediate_size"):
        kv.append((f"{arch}.feed_forward_length", int(config["intermediate_size"])))
    # Ollama's converters always write the norm epsilon (0 when config.json has none), and encoders
    # as non-causal, so llama.cpp's loader finds the keys it requires.
    if arch in ("bert", "nomic-bert"):
        kv.append((f"{arch}.attention.layer_norm_epsilon", float(config.get("layer_norm_eps") or 0.0)))
        kv.append((f"{arch}.attention.causal", False))
        kv.append((f"{arch}.pooling_type", 1))
    else:
        kv.append((f"{arch}.attention.layer_norm_rms_epsilon", float(config.get("rms_norm_eps") or 0.0)))
    if isinstance(tokenizer.get("chat_template"), str):
        kv.append(("tokenizer.chat_template", tokenizer["chat_template"]))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "model.gguf"
        write_gguf(out, arch, kv, tensors, 1)
        return out.read_bytes()
