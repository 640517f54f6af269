"""GGUF files: reading their metadata, writing tiny ones, and what a file says a model can do.

Both the built-in catalogue and models users create from uploaded files are real GGUF files, so
`show`, `tags` and the capability checks read every model through the same code path.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

__all__ = [
    "GGUFInfo",
    "NotGGUF",
    "derive_capabilities",
    "file_type_name",
    "human_number",
    "is_gguf_file",
    "parse_file_type",
    "quantize_gguf",
    "read_gguf",
    "write_gguf",
]

MAGIC = b"GGUF"
QUANTIZATION_VERSION = 2  # GGML_QNT_VERSION, which llama-quantize writes into every file

# llama.cpp's file types (general.file_type) and the names Ollama prints for them.
_FILE_TYPES = {
    0: "F32",
    1: "F16",
    2: "Q4_0",
    3: "Q4_1",
    7: "Q8_0",
    8: "Q5_0",
    9: "Q5_1",
    10: "Q2_K",
    11: "Q3_K_S",
    12: "Q3_K_M",
    13: "Q3_K_L",
    14: "Q4_K_S",
    15: "Q4_K_M",
    16: "Q5_K_S",
    17: "Q5_K_M",
    18: "Q6_K",
    32: "BF16",
}
# What `quantize` accepts (fs/ggml ParseFileType), and the order its error message lists them in.
_QUANTIZE_TARGETS = {"F32": 0, "F16": 1, "Q8_0": 7, "Q4_K_S": 14, "Q4_K_M": 15, "Q4_K": 15, "BF16": 32}
_SUPPORTED_LISTED = "F32, F16, Q4_K_S, Q4_K_M, Q8_0"


class NotGGUF(ValueError):
    """The file does not start with the GGUF magic, or cannot be parsed."""


@dataclass
class TensorInfo:
    name: str
    type: str
    shape: list[int]
    elements: int
    nbytes: int = 0


@dataclass
class GGUFInfo:
    kv: dict[str, Any] = field(default_factory=dict)
    tensors: list[TensorInfo] = field(default_factory=list)
    data_offset: int = 0  # where the tensor data starts in the file

    @property
    def architecture(self) -> str:
        return str(self.kv.get("general.architecture", "unknown"))

    def arch_value(self, key: str) -> Any:
        """Like Ollama's KV lookups: keys outside `general.`/`tokenizer.` are per architecture."""
        if not key.startswith(("general.", "tokenizer.")):
            key = f"{self.architecture}.{key}"
        return self.kv.get(key)

    @property
    def file_type(self) -> str:
        ft = self.kv.get("general.file_type")
        return file_type_name(ft) if isinstance(ft, int) else "unknown"

    @property
    def parameter_count(self) -> int:
        value = self.kv.get("general.parameter_count")
        return int(value) if isinstance(value, int) else 0

    @property
    def context_length(self) -> int:
        value = self.arch_value("context_length")
        return int(value) if isinstance(value, int) else 0

    @property
    def embedding_length(self) -> int:
        value = self.arch_value("embedding_length")
        return int(value) if isinstance(value, int) else 0

    @property
    def chat_template(self) -> str:
        value = self.kv.get("tokenizer.chat_template")
        return value if isinstance(value, str) else ""


def file_type_name(ft: int) -> str:
    return _FILE_TYPES.get(ft, "unknown")


def parse_file_type(name: str) -> int:
    """Ollama's ParseFileType on an upper-cased `quantize` value; ValueError with its message."""
    if name in _QUANTIZE_TARGETS:
        return _QUANTIZE_TARGETS[name]
    raise ValueError(f"unsupported quantization type {name} - supported types are {_SUPPORTED_LISTED}")


def human_number(n: int) -> str:
    """format.HumanNumber: 7.2B, 137M, 23M, 512K."""
    if n >= 1_000_000_000:
        v = n / 1_000_000_000
        return f"{v:.0f}B" if v == math.floor(v) else f"{v:.1f}B"
    if n >= 1_000_000:
        v = n / 1_000_000
        return f"{v:.0f}M" if v == math.floor(v) else f"{v:.2f}M"
    if n >= 1_000:
        return f"{n / 1_000:.0f}K"
    return str(n)


def is_gguf_file(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == MAGIC
    except OSError:
        return False


def _plain(value: Any) -> Any:
    if isinstance(value, float):
        # The file holds float32; keep the short form Go would print.
        return float(str(np.float32(value)))
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def read_gguf(path: Path) -> GGUFInfo:
    """Metadata and tensor descriptions of a GGUF file; NotGGUF when it is not one."""
    if not is_gguf_file(path):
        raise NotGGUF("not a GGUF file")
    from gguf import GGUFReader

    try:
        reader = GGUFReader(path, "r")
    except Exception as exc:  # the reader raises bare ValueError/IndexError on corrupt files
        raise NotGGUF(str(exc)) from exc
    info = GGUFInfo()
    for name, fld in reader.fields.items():
        if name.startswith("GGUF."):
            continue
        info.kv[name] = _plain(fld.contents())
    total = 0
    for tensor in reader.tensors:
        shape = [int(d) for d in tensor.shape]
        elements = int(tensor.n_elements)
        total += elements
        info.tensors.append(TensorInfo(tensor.name, tensor.tensor_type.name, shape, elements, int(tensor.n_bytes)))
    info.data_offset = int(reader.data_offset)
    del reader
    # Ollama counts parameters from the tensors. The emulated models are tiny files that stand for
    # big ones, so a count the file states outright wins.
    if not isinstance(info.kv.get("general.parameter_count"), int):
        info.kv["general.parameter_count"] = total
    return info


Tensor = tuple[str, "np.ndarray[Any, Any]"]


def write_gguf(path: Path, arch: str, kv: Sequence[tuple[str, Any]], tensors: Sequence[Tensor], file_type: int) -> None:
    """Write a small GGUF file; tensors are given as float32 and stored in the file type's format."""
    from gguf import GGUFValueType, GGUFWriter

    writer = GGUFWriter(path, arch)
    for key, value in kv:
        if key == "general.architecture":
            continue
        if isinstance(value, bool):
            writer.add_bool(key, value)
        elif isinstance(value, int):
            if value >= 2**32 or value < 0:
                writer.add_key_value(key, value, GGUFValueType.UINT64 if value >= 0 else GGUFValueType.INT64)
            else:
                writer.add_uint32(key, value)
        elif isinstance(value, float):
            writer.add_float32(key, value)
        elif isinstance(value, str):
            writer.add_string(key, value)
        else:
            writer.add_array(key, list(value))
    for name, data in tensors:
        stored, raw_dtype = _encode_tensor(data, file_type)
        if raw_dtype is None:
            writer.add_tensor(name, stored)
        else:
            writer.add_tensor(name, stored, raw_dtype=raw_dtype)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


def _encode_tensor(data: np.ndarray[Any, Any], file_type: int) -> tuple[np.ndarray[Any, Any], Any]:
    from gguf import GGMLQuantizationType as Q
    from gguf import quants

    data = data.astype(np.float32)
    if file_type == 0 or data.ndim < 2:
        return data, None
    if file_type == 1:
        return data.astype(np.float16), None
    from gguf.constants import GGML_QUANT_SIZES

    wanted = {2: Q.Q4_0, 7: Q.Q8_0, 32: Q.BF16}.get(file_type, Q.Q4_K)
    if data.shape[-1] % GGML_QUANT_SIZES[wanted][0]:
        # Rows that do not fill whole blocks cannot take the quantized type; llama.cpp keeps such
        # tensors in a wider type, and so does this.
        return data.astype(np.float16), None
    if wanted != Q.Q4_K:
        return quants.quantize(data, wanted), wanted
    # The K-quants have no Python quantizer; pack them plainly (the weights mean nothing anyway).
    return _pack_q4_k(data), Q.Q4_K


def _pack_q4_k(data: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    rows = data.reshape(-1, 256)
    out = np.zeros((rows.shape[0], 144), dtype=np.uint8)
    lo = rows.min(axis=1)
    hi = rows.max(axis=1)
    d = np.where(hi > lo, (hi - lo) / 15.0, 1.0).astype(np.float16)
    out[:, 0:2] = d.reshape(-1, 1).view(np.uint8)
    out[:, 2:4] = (-lo).astype(np.float16).reshape(-1, 1).view(np.uint8)
    out[:, 4:12] = 1
    out[:, 12:16] = 0x11
    q = np.clip(np.rint((rows - lo[:, None]) / d.astype(np.float32)[:, None]), 0, 15).astype(np.uint8)
    q = q.reshape(-1, 4, 2, 32)
    out[:, 16:] = (q[:, :, 0, :] | (q[:, :, 1, :] << 4)).reshape(-1, 128)
    return out.reshape(data.shape[0], -1)


def quantize_gguf(src: Path, dst: Path, target: int) -> None:
    """Rewrite a GGUF file with another file type: same metadata, re-encoded tensors."""
    from gguf import GGUFReader
    from gguf.quants import dequantize

    reader = GGUFReader(src, "r")
    kv: list[tuple[str, Any]] = []
    for name, fld in reader.fields.items():
        if name.startswith("GGUF.") or name == "general.architecture":
            continue
        kv.append((name, fld.contents()))
    # As llama-quantize writes it (llama-quant.cpp): both keys set last, after the input's own.
    kv = [(k, v) for k, v in kv if k not in ("general.file_type", "general.quantization_version")]
    kv += [("general.quantization_version", QUANTIZATION_VERSION), ("general.file_type", target)]
    tensors: list[Tensor] = []
    for tensor in reader.tensors:
        values = dequantize(tensor.data, tensor.tensor_type)
        tensors.append((tensor.name, np.asarray(values, dtype=np.float32).reshape(tuple(reversed(tensor.shape)))))
    arch = str(reader.fields["general.architecture"].contents())
    del reader
    write_gguf(dst, arch, kv, tensors, target)


_GO_TOOLS = re.compile(r"\.Tools\b")
_GO_SUFFIX = re.compile(r"\.Suffix\b")


def _append(caps: list[str], cap: str) -> None:
    if cap and cap not in caps:
        caps.append(cap)


def derive_capabilities(info: GGUFInfo | None, go_template: str, config_caps: Sequence[str] = ()) -> list[str]:
    """What a model can do, worked out as Ollama's server/images.go does.

    The file decides `embedding` (a pooling type) versus `completion`, and `vision` (a vision
    block count). The chat template in the file, and the Go template of the model, decide
    `tools`, `insert` and `thinking`.
    """
    caps: list[str] = []
    for cap in config_caps:
        _append(caps, str(cap))
    if info is not None:
        chat = info.chat_template
        if chat:
            if "tools" in chat or "tool_call" in chat:
                _append(caps, "tools")
            if "<think>" in chat and "</think>" in chat:
                _append(caps, "thinking")
            if "suffix" in chat:
                _append(caps, "insert")
        _append(caps, "embedding" if info.arch_value("pooling_type") is not None else "completion")
        if info.arch_value("vision.block_count") is not None:
            _append(caps, "vision")
        if info.arch_value("audio.block_count") is not None:
            _append(caps, "audio")
    if go_template:
        if _GO_TOOLS.search(go_template):
            _append(caps, "tools")
        if _GO_SUFFIX.search(go_template):
            _append(caps, "insert")
        if "<think>" in go_template and "</think>" in go_template:
            _append(caps, "thinking")
    return caps
