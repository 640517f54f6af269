"""The suite's upload is a whole llama model: real Ollama refuses any GGUF llama.cpp cannot load.

The structure checks read the file back with the `gguf` package and hold it to what llama.cpp's
`llama` loader requires (src/llama-model.cpp: load_hparams and load_tensors; src/llama-vocab.cpp
for the SentencePiece vocabulary), deriving every expected shape from the file's own
hyperparameters. Setting LLAMA_QUANTIZE (and LLAMA_SIMPLE) to llama.cpp binaries also runs the
real tools on it, the way Ollama runs them.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from gguf import MODEL_ARCH, MODEL_TENSORS, TENSOR_NAMES, GGUFReader, Keys

from ollama_contract.contract._gguf import tiny_gguf

ARCH = "llama"
# Keys llama.cpp reads for a llama model without a default, plus those that give the tensors their
# shapes (a missing head count would make a model without attention).
REQUIRED = [
    Keys.General.ARCHITECTURE,
    Keys.LLM.CONTEXT_LENGTH.format(arch=ARCH),
    Keys.LLM.EMBEDDING_LENGTH.format(arch=ARCH),
    Keys.LLM.BLOCK_COUNT.format(arch=ARCH),
    Keys.LLM.FEED_FORWARD_LENGTH.format(arch=ARCH),
    Keys.Attention.HEAD_COUNT.format(arch=ARCH),
    Keys.Attention.LAYERNORM_RMS_EPS.format(arch=ARCH),
    Keys.Tokenizer.MODEL,
    Keys.Tokenizer.LIST,
    Keys.Tokenizer.SCORES,
    Keys.Tokenizer.TOKEN_TYPE,
    Keys.Tokenizer.BOS_ID,
    Keys.Tokenizer.EOS_ID,
]
CONTROL, BYTE = 3, 6


@pytest.fixture(scope="module")
def model_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gguf") / "tiny.gguf"
    path.write_bytes(tiny_gguf("ollama-contract-test"))
    return path


def _kv(reader: GGUFReader) -> dict[str, Any]:
    return {name: field.contents() for name, field in reader.fields.items() if not name.startswith("GGUF.")}


def _shapes(reader: GGUFReader) -> dict[str, list[int]]:
    # gguf lists dimensions as ggml does: the row length first ([n_embd, n_vocab] for the embedding).
    return {t.name: [int(d) for d in t.shape] for t in reader.tensors}


def test_every_key_a_llama_loader_needs_is_there(model_file: Path) -> None:
    kv = _kv(GGUFReader(model_file))
    assert kv[Keys.General.ARCHITECTURE] == ARCH
    assert [key for key in REQUIRED if key not in kv] == []
    assert kv[Keys.General.NAME] == "ollama-contract-test"
    assert Keys.Tokenizer.CHAT_TEMPLATE not in kv, "the file stands for a base model: no chat template"


def test_the_vocabulary_is_a_consistent_sentencepiece_one(model_file: Path) -> None:
    kv = _kv(GGUFReader(model_file))
    tokens, scores, types = kv[Keys.Tokenizer.LIST], kv[Keys.Tokenizer.SCORES], kv[Keys.Tokenizer.TOKEN_TYPE]
    assert kv[Keys.Tokenizer.MODEL] == "llama"
    assert len(tokens) == len(scores) == len(types) == kv[Keys.LLM.VOCAB_SIZE.format(arch=ARCH)]
    assert len(set(tokens)) == len(tokens), "llama.cpp asserts that every token text is unique"
    for special in (kv[Keys.Tokenizer.BOS_ID], kv[Keys.Tokenizer.EOS_ID]):
        assert types[special] == CONTROL
    # Byte fallback: llama.cpp finds the newline as <0x0A> and spells unknown text in bytes.
    byte_tokens = {t for t, kind in zip(tokens, types, strict=True) if kind == BYTE}
    assert byte_tokens == {f"<0x{b:02X}>" for b in range(256)}


def test_every_tensor_of_every_block_has_the_shape_the_hyperparameters_give(model_file: Path) -> None:
    reader = GGUFReader(model_file)
    kv, shapes = _kv(reader), _shapes(reader)
    embd = kv[Keys.LLM.EMBEDDING_LENGTH.format(arch=ARCH)]
    ff = kv[Keys.LLM.FEED_FORWARD_LENGTH.format(arch=ARCH)]
    heads = kv[Keys.Attention.HEAD_COUNT.format(arch=ARCH)]
    kv_heads = kv.get(Keys.Attention.HEAD_COUNT_KV.format(arch=ARCH), heads)
    head_dim = embd // heads
    vocab = len(kv[Keys.Tokenizer.LIST])
    assert kv.get(Keys.Rope.DIMENSION_COUNT.format(arch=ARCH), head_dim) == head_dim, "llama.cpp checks n_rot"
    expected = {"token_embd.weight": [embd, vocab], "output_norm.weight": [embd]}
    for i in range(kv[Keys.LLM.BLOCK_COUNT.format(arch=ARCH)]):
        expected |= {
            f"blk.{i}.attn_norm.weight": [embd],
            f"blk.{i}.attn_q.weight": [embd, head_dim * heads],
            f"blk.{i}.attn_k.weight": [embd, head_dim * kv_heads],
            f"blk.{i}.attn_v.weight": [embd, head_dim * kv_heads],
            f"blk.{i}.attn_output.weight": [head_dim * heads, embd],
            f"blk.{i}.ffn_norm.weight": [embd],
            f"blk.{i}.ffn_gate.weight": [embd, ff],
            f"blk.{i}.ffn_down.weight": [ff, embd],
            f"blk.{i}.ffn_up.weight": [embd, ff],
        }
    assert {name: shapes.get(name) for name in expected} == expected
    # Anything else must be a tensor gguf knows for the architecture (here: the untied output head).
    known = {TENSOR_NAMES[t] for t in MODEL_TENSORS[MODEL_ARCH.LLAMA]}
    extra = {name.removesuffix(".weight") for name in shapes} - {name.removesuffix(".weight") for name in expected}
    assert extra <= known
    if "output.weight" in shapes:
        assert shapes["output.weight"] == [embd, vocab]


def test_the_bytes_depend_only_on_the_name_and_stay_small() -> None:
    first = tiny_gguf("a")
    assert tiny_gguf("a") == first
    assert tiny_gguf("b") != first
    assert len(first) < 200_000


def _tool(variable: str) -> str:
    path = os.environ.get(variable, "")
    if not path or not os.access(path, os.X_OK):
        pytest.skip(
            f"{variable} does not name a llama.cpp binary: only the file's structure was checked here, "
            "not whether llama.cpp loads it"
        )
    return path


def test_llama_quantize_copies_it_as_ollama_asks(model_file: Path, tmp_path: Path) -> None:
    """Ollama's copyGGUFWithLlamaQuantize: `--allow-requantize in out COPY`, compatibility patches off."""
    tool = _tool("LLAMA_QUANTIZE")
    out = tmp_path / "copy.gguf"
    env = {**os.environ, "OLLAMA_LLAMA_CPP_COMPAT": "0"}
    done = subprocess.run(
        [tool, "--allow-requantize", str(model_file), str(out), "COPY"], env=env, capture_output=True, timeout=120
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    copied, original = GGUFReader(out), GGUFReader(model_file)
    assert _kv(copied)[Keys.General.QUANTIZATION_VERSION] == 2
    assert _shapes(copied) == _shapes(original)


def test_llama_cpp_loads_it_and_generates(model_file: Path) -> None:
    tool = _tool("LLAMA_SIMPLE")
    done = subprocess.run([tool, "-m", str(model_file), "-n", "4", "hello"], capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
