"""A tiny GGUF that llama.cpp can load, for the blob-and-create scenario.

Real Ollama passes every GGUF it creates a model from through llama.cpp's `llama-quantize`
(as a copy) and refuses the model when that fails, so the file the suite uploads must be a whole
model, not a stub: every hyperparameter llama.cpp's `llama` loader reads, a SentencePiece-style
vocabulary with byte fallback, and every tensor a llama block needs, with consistent shapes. The
dimensions are as small as llama.cpp accepts, so the file stays well under 100 KB.

The bytes depend only on `name`: the weights come from integer arithmetic (no transcendental
functions, whose last bits differ between maths libraries), so two runs, or two machines, with the
same name upload the same blob, and a new name gives a new blob.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["TINY_LLAMA", "TinyLlama", "tiny_gguf"]


@dataclass(frozen=True)
class TinyLlama:
    """The hyperparameters of the suite's model; tests read the expected shapes from here."""

    context_length: int = 256
    embedding_length: int = 16
    block_count: int = 2
    feed_forward_length: int = 32
    head_count: int = 2
    head_count_kv: int = 1
    rms_epsilon: float = 1e-5
    rope_freq_base: float = 10000.0

    @property
    def head_dim(self) -> int:
        return self.embedding_length // self.head_count

    @property
    def kv_width(self) -> int:
        return self.head_dim * self.head_count_kv


TINY_LLAMA = TinyLlama()

# SentencePiece token types, as llama.cpp numbers them (llama_token_type).
_NORMAL, _UNKNOWN, _CONTROL, _BYTE = 1, 2, 3, 6
# "▁" is SentencePiece's word-boundary mark; the letters and two merges let plain English text
# tokenize without falling back to bytes for every character.
_PIECES = ["\u2581", *"abcdefghijklmnopqrstuvwxyz", "\u2581a", "\u2581t"]


def _vocabulary() -> tuple[list[str], list[float], list[int]]:
    tokens = ["<unk>", "<s>", "</s>"]
    types = [_UNKNOWN, _CONTROL, _CONTROL]
    # Byte fallback: llama.cpp looks up "<0x0A>" for the newline and every byte a text needs.
    tokens += [f"<0x{b:02X}>" for b in range(256)]
    types += [_BYTE] * 256
    scores = [0.0] * len(tokens)
    for rank, piece in enumerate(_PIECES):
        tokens.append(piece)
        types.append(_NORMAL)
        scores.append(-float(rank + 1))
    return tokens, scores, types


def _weights(shape: tuple[int, ...], seed: int) -> Any:
    """Small deterministic float32 values from a 32-bit linear congruential sequence."""
    import numpy as np

    count = 1
    for dim in shape:
        count *= dim
    state = (np.arange(count, dtype=np.uint64) * np.uint64(2654435761) + np.uint64(seed * 40503 + 1)) % np.uint64(2**32)
    state = (state * np.uint64(1664525) + np.uint64(1013904223)) % np.uint64(2**32)
    # Top 24 bits to [-0.5, 0.5): exact in float32; the scale keeps activations tame.
    unit = (state >> np.uint64(8)).astype(np.float32) / np.float32(2**24) - np.float32(0.5)
    return (unit * np.float32(0.1)).reshape(shape)


def _tensors(model: TinyLlama, n_vocab: int) -> list[tuple[str, Any]]:
    """Every tensor llama.cpp's llama loader requires, plus the untied output head, in numpy order
    (rows first: a ggml shape [n_embd, n_vocab] is a numpy array of shape (n_vocab, n_embd))."""
    import numpy as np

    d, ff, kv = model.embedding_length, model.feed_forward_length, model.kv_width
    ones = np.ones(d, dtype=np.float32)
    out: list[tuple[str, Any]] = [("token_embd.weight", _weights((n_vocab, d), 1))]
    for i in range(model.block_count):
        seed = 100 * (i + 1)
        out += [
            (f"blk.{i}.attn_norm.weight", ones),
            (f"blk.{i}.attn_q.weight", _weights((d, d), seed + 1)),
            (f"blk.{i}.attn_k.weight", _weights((kv, d), seed + 2)),
            (f"blk.{i}.attn_v.weight", _weights((kv, d), seed + 3)),
            (f"blk.{i}.attn_output.weight", _weights((d, d), seed + 4)),
            (f"blk.{i}.ffn_norm.weight", ones),
            (f"blk.{i}.ffn_gate.weight", _weights((ff, d), seed + 5)),
            (f"blk.{i}.ffn_down.weight", _weights((d, ff), seed + 6)),
            (f"blk.{i}.ffn_up.weight", _weights((ff, d), seed + 7)),
        ]
    out += [("output_norm.weight", ones), ("output.weight", _weights((n_vocab, d), 2))]
    return out


def tiny_gguf(name: str, model: TinyLlama = TINY_LLAMA) -> bytes:
    """A complete llama-architecture GGUF (F32, no chat template) whose `general.name` is `name`."""
    import gguf

    tokens, scores, types = _vocabulary()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.gguf"
        writer = gguf.GGUFWriter(str(path), "llama")
        writer.add_type("model")
        writer.add_name(name)
        writer.add_file_type(gguf.LlamaFileType.ALL_F32)
        writer.add_vocab_size(len(tokens))
        writer.add_context_length(model.context_length)
        writer.add_embedding_length(model.embedding_length)
        writer.add_block_count(model.block_count)
        writer.add_feed_forward_length(model.feed_forward_length)
        writer.add_rope_dimension_count(model.head_dim)
        writer.add_head_count(model.head_count)
        writer.add_head_count_kv(model.head_count_kv)
        writer.add_layer_norm_rms_eps(model.rms_epsilon)
        writer.add_rope_freq_base(model.rope_freq_base)
        writer.add_tokenizer_model("llama")
        writer.add_token_list(tokens)
        writer.add_token_scores(scores)
        writer.add_token_types(types)
        writer.add_bos_token_id(1)
        writer.add_eos_token_id(2)
        writer.add_unk_token_id(0)
        writer.add_add_bos_token(True)
        writer.add_add_eos_token(False)
        for tensor_name, data in _tensors(model, len(tokens)):
            writer.add_tensor(tensor_name, data)
        writer.write_header_to_file()
        writer.write_kv_data_to_file()
        writer.write_tensors_to_file()
        writer.close()
        return path.read_bytes()
