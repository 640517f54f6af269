"""The emulated registry: models that can be pulled, each a real (tiny) GGUF file plus layers.

Each entry is written as Ollama's library models are: a GGUF model layer whose metadata states
the architecture, context length, pooling type or vision blocks; a Go prompt template; default
parameters; a license. Capabilities are never listed here; they are read back from the file and
the template by the same code that reads user-created models.

Everything is built deterministically, so digests are stable from one run to the next.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from .gguf import write_gguf
from .templates import (
    APACHE,
    CHATML_THINK,
    CODELLAMA,
    DEEPSEEK,
    LLAMA3,
    LLAMA3_JINJA,
    LLAMA_LICENSE,
    LLAVA,
    MISTRAL,
    MISTRAL_JINJA,
    MIT,
    PLAIN_JINJA,
    QWEN3,
    ZEPHYR,
)
from .tokens import vocabulary

__all__ = [
    "CATALOGUE",
    "DEFAULT_MODELS",
    "MEDIA",
    "Entry",
    "build_manifest",
    "find_entry",
]

MEDIA = {
    "model": "application/vnd.ollama.image.model",
    "projector": "application/vnd.ollama.image.projector",
    "template": "application/vnd.ollama.image.template",
    "system": "application/vnd.ollama.image.system",
    "params": "application/vnd.ollama.image.params",
    "license": "application/vnd.ollama.image.license",
    "messages": "application/vnd.ollama.image.messages",
    "adapter": "application/vnd.ollama.image.adapter",
    "config": "application/vnd.docker.container.image.v1+json",
    "manifest": "application/vnd.docker.distribution.manifest.v2+json",
}


@dataclass(frozen=True, eq=False)
class Entry:
    """One model of the emulated registry, under one or more names."""

    names: tuple[str, ...]
    arch: str
    title: str
    parameters: int
    file_type: int
    context_length: int
    embedding_length: int
    template: str = ""
    chat_template: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    license: str = ""
    system: str = ""
    pooling: bool = False
    vision: bool = False
    tokenizer: str = "gpt2"
    style: str = "chat"


CATALOGUE: tuple[Entry, ...] = (
    Entry(
        names=("mistral:latest", "mistral:7b"),
        arch="llama",
        title="Mistral-7B-Instruct-v0.3",
        parameters=7_248_023_552,
        file_type=2,
        context_length=32768,
        embedding_length=4096,
        template=MISTRAL,
        chat_template=MISTRAL_JINJA,
        params={"stop": ["[INST]", "[/INST]"]},
        license=APACHE,
        tokenizer="llama",
    ),
    Entry(
        names=("llama3.2:latest", "llama3.2:3b"),
        arch="llama",
        title="Llama 3.2 3B Instruct",
        parameters=3_212_749_888,
        file_type=15,
        context_length=131072,
        embedding_length=3072,
        template=LLAMA3,
        chat_template=LLAMA3_JINJA,
        params={"stop": ["<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"]},
        license=LLAMA_LICENSE,
    ),
    Entry(
        names=("llama3.2:3b-instruct-fp16",),
        arch="llama",
        title="Llama 3.2 3B Instruct",
        parameters=3_212_749_888,
        file_type=1,
        context_length=131072,
        embedding_length=3072,
        template=LLAMA3,
        chat_template=LLAMA3_JINJA,
        params={"stop": ["<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"]},
        license=LLAMA_LICENSE,
    ),
    Entry(
        names=("llama3.1:latest", "llama3.1:8b"),
        arch="llama",
        title="Meta Llama 3.1 8B Instruct",
        parameters=8_030_261_248,
        file_type=15,
        context_length=131072,
        embedding_length=4096,
        template=LLAMA3,
        chat_template=LLAMA3_JINJA,
        params={"stop": ["<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"]},
        license=LLAMA_LICENSE,
    ),
    Entry(
        names=("qwen3:latest", "qwen3:8b"),
        arch="qwen3",
        title="Qwen3 8B",
        parameters=8_190_735_360,
        file_type=15,
        context_length=40960,
        embedding_length=4096,
        template=QWEN3,
        chat_template=CHATML_THINK,
        params={
            "temperature": 0.6,
            "top_k": 20,
            "top_p": 0.95,
            "repeat_penalty": 1,
            "stop": ["<|im_start|>", "<|im_end|>"],
        },
        license=APACHE,
    ),
    Entry(
        names=("qwen3:0.6b",),
        arch="qwen3",
        title="Qwen3 0.6B",
        parameters=751_632_384,
        file_type=15,
        context_length=40960,
        embedding_length=1024,
        template=QWEN3,
        chat_template=CHATML_THINK,
        params={
            "temperature": 0.6,
            "top_k": 20,
            "top_p": 0.95,
            "repeat_penalty": 1,
            "stop": ["<|im_start|>", "<|im_end|>"],
        },
        license=APACHE,
    ),
    Entry(
        names=("deepseek-r1:latest", "deepseek-r1:7b"),
        arch="qwen2",
        title="DeepSeek R1 Distill Qwen 7B",
        parameters=7_615_616_512,
        file_type=15,
        context_length=131072,
        embedding_length=3584,
        template=DEEPSEEK,
        chat_template=PLAIN_JINJA,
        params={"stop": [f"<\uff5c{word}\uff5c>" for word in ("end_of_sentence", "User", "Assistant")]},
        license=MIT,
    ),
    Entry(
        names=("llava:latest", "llava:7b"),
        arch="llama",
        title="LLaVA 1.6 Mistral 7B",
        parameters=7_241_732_096,
        file_type=2,
        context_length=32768,
        embedding_length=4096,
        template=LLAVA,
        chat_template=PLAIN_JINJA,
        params={"stop": ["[INST]", "[/INST]"]},
        license=APACHE,
        vision=True,
        tokenizer="llama",
    ),
    Entry(
        names=("codellama:code", "codellama:7b-code"),
        arch="llama",
        title="CodeLlama 7B",
        parameters=6_738_546_688,
        file_type=2,
        context_length=16384,
        embedding_length=4096,
        template=CODELLAMA,
        params={"stop": ["<EOT>"]},
        license=LLAMA_LICENSE.replace("3.2", "2"),
        tokenizer="llama",
        style="code",
    ),
    Entry(
        names=("all-minilm:latest", "all-minilm:22m"),
        arch="bert",
        title="all-MiniLM-L6-v2",
        parameters=22_565_376,
        file_type=1,
        context_length=512,
        embedding_length=384,
        license=APACHE,
        pooling=True,
        tokenizer="bert",
    ),
    Entry(
        names=("nomic-embed-text:latest", "nomic-embed-text:v1.5"),
        arch="nomic-bert",
        title="nomic-embed-text-v1.5",
        parameters=136_727_040,
        file_type=1,
        context_length=2048,
        embedding_length=768,
        license=APACHE,
        pooling=True,
        tokenizer="bert",
        params={"num_ctx": 8192},
    ),
    Entry(
        names=("tinyllama:latest", "tinyllama:1.1b"),
        arch="llama",
        title="TinyLlama 1.1B Chat v1.0",
        parameters=1_100_048_384,
        file_type=2,
        context_length=2048,
        embedding_length=2048,
        template=ZEPHYR,
        chat_template=PLAIN_JINJA,
        params={"stop": ["<|system|>", "<|user|>", "<|assistant|>", "</s>"]},
        license=APACHE,
        tokenizer="llama",
    ),
)

DEFAULT_MODELS = (
    "mistral:latest",
    "llama3.2:latest",
    "llama3.1:latest",
    "llama3.1:8b",
    "qwen3:latest",
    "llava:latest",
    "codellama:code",
    "all-minilm:latest",
    "nomic-embed-text:latest",
)
"""Installed when a server starts: the models the API docs' examples use."""


def find_entry(short_name: str) -> Entry | None:
    """The catalogue entry for a `model:tag` name (library namespace), case-insensitively."""
    wanted = short_name.lower()
    for entry in CATALOGUE:
        if wanted in (n.lower() for n in entry.names):
            return entry
    return None


def _kv(entry: Entry) -> list[tuple[str, Any]]:
    a = entry.arch
    vocab = vocabulary()
    tokens = [f"<0x{b:02X}>" for b in range(256)] + vocab.pieces
    kv: list[tuple[str, Any]] = [
        ("general.type", "model"),
        ("general.name", entry.title),
        ("general.file_type", entry.file_type),
        ("general.quantization_version", 2),
        ("general.parameter_count", entry.parameters),
        (f"{a}.context_length", entry.context_length),
        (f"{a}.embedding_length", entry.embedding_length),
        (f"{a}.block_count", 12 if entry.pooling else 32),
        (f"{a}.feed_forward_length", entry.embedding_length * 4),
        (f"{a}.attention.head_count", 12 if entry.pooling else 32),
    ]
    if entry.pooling:
        kv += [(f"{a}.attention.layer_norm_epsilon", 1e-12), (f"{a}.pooling_type", 1), (f"{a}.attention.causal", False)]
    else:
        kv += [
            (f"{a}.attention.head_count_kv", 8),
            (f"{a}.attention.layer_norm_rms_epsilon", 1e-5),
            (f"{a}.rope.freq_base", 1_000_000.0),
            (f"{a}.vocab_size", len(tokens)),
        ]
    if entry.vision:
        kv += [(f"{a}.vision.block_count", 24), (f"{a}.vision.embedding_length", 1024), (f"{a}.vision.image_size", 336)]
    kv += [
        ("tokenizer.ggml.model", entry.tokenizer),
        ("tokenizer.ggml.tokens", tokens),
        ("tokenizer.ggml.bos_token_id", 256),
        ("tokenizer.ggml.eos_token_id", 257),
        ("tokenizer.ggml.add_bos_token", True),
    ]
    if entry.chat_template:
        kv.append(("tokenizer.chat_template", entry.chat_template))
    return kv


@cache
def _gguf_bytes(entry: Entry) -> bytes:
    rng = np.random.default_rng(len(entry.title))
    tensors = [
        ("token_embd.weight", rng.standard_normal((8, 256)).astype(np.float32)),
        ("output_norm.weight", np.ones(256, dtype=np.float32)),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.gguf"
        write_gguf(path, entry.arch, _kv(entry), tensors, entry.file_type)
        return path.read_bytes()


def _digest(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _layer(media: str, data: bytes, blobs: dict[str, bytes]) -> dict[str, Any]:
    digest = _digest(data)
    blobs[digest] = data
    return {"mediaType": media, "digest": digest, "size": len(data)}


def _config(entry: Entry, layers: list[dict[str, Any]]) -> dict[str, Any]:
    from .gguf import file_type_name, human_number

    return {
        "model_format": "gguf",
        "model_family": entry.arch,
        "model_families": [entry.arch],
        "model_type": human_number(entry.parameters),
        "file_type": file_type_name(entry.file_type),
        "architecture": "amd64",
        "os": "linux",
        "rootfs": {"type": "layers", "diff_ids": [layer["digest"] for layer in layers]},
    }


@cache
def build_manifest(entry: Entry) -> tuple[bytes, tuple[tuple[str, bytes], ...]]:
    """The manifest bytes of an entry and the blobs it names, in pull order (config last)."""
    blobs: dict[str, bytes] = {}
    layers = [_layer(MEDIA["model"], _gguf_bytes(entry), blobs)]
    if entry.template:
        layers.append(_layer(MEDIA["template"], entry.template.encode(), blobs))
    if entry.system:
        layers.append(_layer(MEDIA["system"], entry.system.encode(), blobs))
    if entry.license:
        layers.append(_layer(MEDIA["license"], entry.license.encode(), blobs))
    if entry.params:
        layers.append(_layer(MEDIA["params"], json.dumps(entry.params).encode() + b"\n", blobs))
    config = json.dumps(_config(entry, layers), separators=(",", ":")).encode()
    config_layer = _layer(MEDIA["config"], config, blobs)
    manifest = {
        "schemaVersion": 2,
        "mediaType": MEDIA["manifest"],
        "config": config_layer,
        "layers": layers,
    }
    return json.dumps(manifest, separators=(",", ":")).encode(), tuple(blobs.items())
