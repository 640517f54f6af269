"""What llama.cpp's `llama-quantize` does to a GGUF that Ollama creates a model from.

Ollama 0.33 (server/create.go, server/quantization.go) runs every GGUF model layer of a `create`
through `llama-quantize --allow-requantize <in> <out> COPY` and stores the output, not the
upload; when the tool fails, the create fails with "failed to validate GGUF with llama-quantize
without compatibility patches: llama-quantize failed: exit status 1". Two facts of llama.cpp
(src/llama-quant.cpp, src/llama-model.cpp, src/llama-model-loader.cpp) decide what that means:

* the tool loads the architecture and its hyperparameters before it copies anything: an
  architecture llama.cpp does not know, or a missing required key, ends it with exit status 1;
* the output keeps every key of the input in order, except `general.quantization_version` (set to
  2) and `general.file_type` (kept, or guessed from the tensors), which move to the end, and the
  split keys, which go; the tensors are copied unchanged, ordered by block number then name.

Only the hyperparameter checks of the architectures below are emulated (those of the models this
server knows and of the files users commonly upload); any other architecture is accepted with the
keys every model needs.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .gguf import QUANTIZATION_VERSION

__all__ = [
    "QUANTIZATION_VERSION",
    "VALIDATION_FAILED",
    "copy_progress",
    "llama_cpp_refusal",
    "llama_quantize_copy",
]

VALIDATION_FAILED = (
    "failed to validate GGUF with llama-quantize without compatibility patches: llama-quantize failed: exit status 1"
)

_COMMON = ("context_length", "embedding_length", "block_count")
_RMS = ("attention.layer_norm_rms_epsilon",)
_NORM = ("attention.layer_norm_epsilon",)
_ENCODER = ("attention.layer_norm_epsilon", "attention.causal")
# Per architecture, the keys (after the architecture prefix) llama.cpp's load_hparams reads
# without a default.
_REQUIRED: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        (
            "llama", "deci", "qwen", "qwen2", "qwen2vl", "qwen2moe", "qwen3", "qwen3moe", "phi3", "phimoe",
            "gemma", "gemma2", "gemma3", "internlm2", "baichuan", "olmo2", "olmoe", "exaone", "chatglm",
            "mistral3", "granite", "granitemoe", "smollm3",
        ),
        _RMS,
    ),
    **dict.fromkeys(
        ("falcon", "starcoder", "starcoder2", "gpt2", "phi2", "bloom", "stablelm", "olmo", "nemotron"), _NORM
    ),
    "bert": _ENCODER,
    "jina-bert-v2": _ENCODER,
    "nomic-bert": (*_ENCODER, "pooling_type"),
    "command-r": ("logit_scale", "attention.layer_norm_epsilon"),
}  # fmt: skip
_SPLIT_KEYS = ("split.no", "split.count", "split.tensors.count")
# Tensor types to llama_ftype, for a file without general.file_type (llama_model_loader's guess).
_GUESSED = 1024  # LLAMA_FTYPE_GUESSED
_FTYPE_OF_TENSOR = {"F32": 0, "F16": 1, "Q4_0": 2, "Q4_1": 3, "Q8_0": 7, "Q5_0": 8, "Q5_1": 9, "Q2_K": 10}
_FTYPE_OF_TENSOR |= {"Q3_K": 12, "Q4_K": 15, "Q5_K": 17, "Q6_K": 18, "BF16": 32}
_LAYER = re.compile(r"blk\.(\d+)\.")


def llama_cpp_refusal(kv: dict[str, Any]) -> str | None:
    """Why llama-quantize would stop before copying a file with these keys, or None if it would not.

    The reason is what llama.cpp logs; Ollama answers only with the exit status, so the reason is
    for the server's log, not the client.
    """
    arch = kv.get("general.architecture")
    if not isinstance(arch, str) or not arch:
        return "key not found in model: general.architecture"
    for key in (*_COMMON, *_REQUIRED.get(arch, ())):
        if f"{arch}.{key}" not in kv:
            return f"key not found in model: {arch}.{key}"
    head_count = kv.get(f"{arch}.attention.head_count")
    rope = kv.get(f"{arch}.rope.dimension_count")
    width = kv.get(f"{arch}.embedding_length")
    if arch == "llama" and isinstance(head_count, int) and head_count > 0 and isinstance(rope, int):
        head = kv.get(f"{arch}.attention.key_length", width // head_count if isinstance(width, int) else 0)
        if rope != head:
            return f"invalid n_rot: {rope}, expected {head}"
    return None


def copy_progress(tensor_bytes: list[int], data_offset: int, file_size: int) -> list[int]:
    """The `completed` values of Ollama's "validating GGUF model" lines, one per tensor copied.

    Ollama reads llama-quantize's `[ i/ n]` lines and turns each into bytes done of the tensor
    total, then reports it as a share of the file's data section applied to the file size, in
    float32 (rewriteLayerWithLlamaQuantize); a line that adds nothing is not sent.
    """
    import numpy as np

    total = sum(tensor_bytes)
    count = len(tensor_bytes)
    section = np.float32(max(file_size - data_offset, 1))
    out: list[int] = []
    last = 0
    for i in range(1, count + 1):
        done = total * i // count
        if done > last:
            last = done
            out.append(int(np.float32(np.float32(done) / section) * np.float32(file_size)))
    return out


def _tensor_order(name: str) -> tuple[int, str]:
    found = _LAYER.match(name)
    return (int(found.group(1)) if found else -1, name)


def _guess_file_type(types: list[str]) -> int:
    """The commonest tensor type (the first to reach the top count, in tensor order), marked guessed."""
    counts: dict[str, int] = {}
    top, most = 0, "F32"
    for name in types:
        counts[name] = counts.get(name, 0) + 1
        if counts[name] > top:
            top, most = counts[name], name
    return _FTYPE_OF_TENSOR.get(most, 0) | _GUESSED


def llama_quantize_copy(src: Path, dst: Path) -> None:
    """Write the file `llama-quantize … COPY` writes for `src` (the caller checked it first)."""
    from gguf import GGUFReader, GGUFValueType, GGUFWriter

    reader = GGUFReader(src, "r")
    arch = str(reader.fields["general.architecture"].contents())
    writer = GGUFWriter(dst, arch)
    file_type: int | None = None
    for name, field in reader.fields.items():
        if name.startswith("GGUF.") or name == "general.architecture" or name in _SPLIT_KEYS:
            continue
        if name == "general.file_type":
            file_type = int(field.contents())
            continue
        if name == "general.quantization_version":
            continue
        if name == "general.alignment":
            writer.add_custom_alignment(int(field.contents()))  # the data section follows the file's own
            continue
        kind = field.types[0]
        sub = field.types[-1] if kind == GGUFValueType.ARRAY else None
        writer.add_key_value(name, field.contents(), kind, sub_type=sub)
    tensors = sorted(reader.tensors, key=lambda t: _tensor_order(t.name))
    if file_type is None:
        file_type = _guess_file_type([t.tensor_type.name for t in tensors])
    writer.add_uint32("general.quantization_version", QUANTIZATION_VERSION)
    writer.add_uint32("general.file_type", file_type)
    for tensor in tensors:
        writer.add_tensor_info(
            tensor.name, tensor.data.shape, tensor.data.dtype, tensor.data.nbytes, tensor.tensor_type
        )
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_ti_data_to_file()
    for tensor in tensors:
        writer.write_tensor_data(tensor.data)
    writer.close()
    del reader
