"""Creating from a GGUF as Ollama 0.33 does it, and `show` on the result, byte for byte where it shows.

What each test expects is read from Ollama's source: server/create.go and server/quantization.go
(every uploaded GGUF model goes through `llama-quantize … COPY`, the model keeps the copy, a file
llama.cpp cannot load is refused), server/model.go and template/ (the autodetected template and
its stop words), server/routes.go (`show`: arrays only when verbose) and Go's encoding/json
(whole floats without a fraction).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from gguf import GGUFReader
from kit import Wire, error_of, lines, make_gguf, upload

from ollama_contract.contract._gguf import tiny_gguf

REFUSED = (
    "failed to validate GGUF with llama-quantize without compatibility patches: llama-quantize failed: exit status 1"
)
# A ChatML-style chat template of our own writing, as a converter copies it from tokenizer_config.json.
CHATML = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)


def _create(wire: Wire, name: str, digest: str, **extra: Any) -> list[dict[str, Any]]:
    return lines(wire.post("/api/create", {"model": name, "files": {"model.gguf": digest}, **extra}))


def _show(wire: Wire, name: str, **extra: Any) -> dict[str, Any]:
    response = wire.post("/api/show", {"model": name, **extra})
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


def _model_blob(wire: Wire, name: str) -> Path:
    modelfile = _show(wire, name)["modelfile"]
    return Path(next(line[5:] for line in modelfile.splitlines() if line.startswith("FROM /")))


def _kv(path: Path) -> dict[str, Any]:
    reader = GGUFReader(path)
    return {k: f.contents() for k, f in reader.fields.items() if not k.startswith("GGUF.")}


def test_a_file_llama_cpp_cannot_load_is_refused(wire: Wire, tmp_path: Path) -> None:
    """The suite's old upload: one tensor, no norm epsilon, no tokenizer. llama-quantize exits 1."""
    stub = make_gguf(
        tmp_path / "stub.gguf",
        "llama",
        [("llama.context_length", 256), ("llama.embedding_length", 8), ("llama.block_count", 1)],
    )
    digest = upload(wire, stub)
    quiet = wire.post("/api/create", {"model": "stub", "files": {"model.gguf": digest}, "stream": False})
    assert error_of(quiet, 500) == REFUSED
    assert _create(wire, "stub", digest) == [{"status": "parsing GGUF"}, {"error": REFUSED}]
    assert "stub:latest" not in [m["name"] for m in wire.get("/api/tags").json()["models"]]


def test_the_model_keeps_the_copy_llama_quantize_writes(wire: Wire) -> None:
    data = tiny_gguf("copy-me")
    digest = upload(wire, data)
    progress = _create(wire, "copied", digest)
    statuses = [p["status"] for p in progress]
    assert statuses[0] == "parsing GGUF" and statuses[-2:] == ["writing manifest", "success"]
    validating = [p for p in progress if p["status"] == "validating GGUF model"]
    assert validating and all(p["digest"] == "0000000000000000000" and p["total"] == len(data) for p in validating)
    done = [p.get("completed", 0) for p in validating]
    assert done == sorted(done) and 0 < done[-1] <= len(data)
    assert statuses.index("verifying conversion") > statuses.index("validating GGUF model")
    layer_lines = [s for s in statuses if s.endswith(tuple("0123456789abcdef")) and " layer sha256:" in s]
    copy_digest = layer_lines[0].rsplit(" ", 1)[1]
    assert layer_lines[0].startswith("creating new layer ") and copy_digest != digest
    blob = _model_blob(wire, "copied")
    assert blob.name == copy_digest.replace(":", "-")
    original, copied = GGUFReader(blob.parent / digest.replace(":", "-")), GGUFReader(blob)
    kv = _kv(blob)
    # The keys of the upload in their order, then the two llama-quantize sets, at the end.
    assert list(kv)[-2:] == ["general.quantization_version", "general.file_type"]
    assert kv["general.quantization_version"] == 2 and kv["general.file_type"] == 0
    assert [k for k in kv if k not in ("general.quantization_version", "general.file_type")] == [
        k for k in _kv(blob.parent / digest.replace(":", "-")) if k != "general.file_type"
    ]
    # The same tensors, unchanged, ordered by block and then by name.
    data_of = {t.name: bytes(t.data.tobytes()) for t in original.tensors}
    assert {t.name: bytes(t.data.tobytes()) for t in copied.tensors} == data_of
    names = [t.name for t in copied.tensors]
    assert names[:3] == ["output.weight", "output_norm.weight", "token_embd.weight"]
    assert names[3:] == sorted(names[3:], key=lambda n: (int(n.split(".")[1]), n))
    # The copy is deterministic: the same upload gives the same layer again.
    again = [p["status"] for p in _create(wire, "copied-again", digest)]
    assert f"using existing layer {copy_digest}" in again


def test_show_reports_the_quantization_version_the_copy_added(wire: Wire) -> None:
    digest = upload(wire, tiny_gguf("versioned"))
    assert _create(wire, "versioned", digest)[-1] == {"status": "success"}
    response = wire.post("/api/show", {"model": "versioned"})
    info = response.json()["model_info"]
    assert info["general.quantization_version"] == 2 and info["general.file_type"] == 0
    # model_info is a Go map, so its keys come sorted (the file's own order is lost).
    assert list(info) == sorted(info) and len(info) > 20


def test_show_sends_arrays_only_when_verbose(wire: Wire, tmp_path: Path) -> None:
    """Ollama decodes the file keeping no array elements unless verbose: every non-empty array is null."""
    kv = [
        ("llama.context_length", 256),
        ("llama.embedding_length", 32),
        ("llama.block_count", 1),
        ("llama.attention.layer_norm_rms_epsilon", 1e-5),
        ("general.languages", ["en"]),
    ]
    digest = upload(wire, make_gguf(tmp_path / "arrays.gguf", "llama", kv))
    assert _create(wire, "arrays", digest)[-1] == {"status": "success"}
    plain = _show(wire, "arrays")["model_info"]
    assert plain["general.languages"] is None
    assert _show(wire, "arrays", verbose=True)["model_info"]["general.languages"] == ["en"]
    digest = upload(wire, tiny_gguf("tokens"))
    assert _create(wire, "tokens", digest)[-1] == {"status": "success"}
    plain, verbose = _show(wire, "tokens")["model_info"], _show(wire, "tokens", verbose=True)["model_info"]
    for key in ("tokenizer.ggml.tokens", "tokenizer.ggml.scores", "tokenizer.ggml.token_type"):
        assert key in plain and plain[key] is None
        assert len(verbose[key]) == 288
    assert verbose["tokenizer.ggml.tokens"][:3] == ["<unk>", "<s>", "</s>"]


def test_whole_floats_have_no_fraction_as_go_writes_them(wire: Wire) -> None:
    digest = upload(wire, tiny_gguf("floats"))
    assert _create(wire, "floats", digest)[-1] == {"status": "success"}
    raw = wire.post("/api/show", {"model": "floats"}).text
    assert '"llama.rope.freq_base":10000,' in raw or '"llama.rope.freq_base":10000}' in raw
    # float32 1e-5 is written with the shortest digits that read back as it, positionally.
    assert '"llama.attention.layer_norm_rms_epsilon":0.00001' in raw
    assert "10000.0" not in raw and "e-05" not in raw


def test_a_file_without_a_chat_template_gets_the_default_template(wire: Wire) -> None:
    """No tokenizer.chat_template: no template layer, so show prints Go's default `{{ .Prompt }}`."""
    digest = upload(wire, tiny_gguf("plain"))
    statuses = [p["status"] for p in _create(wire, "no-template", digest)]
    assert not any(s.startswith("using autodetected template") for s in statuses)
    answer = _show(wire, "no-template")
    assert answer["template"] == "{{ .Prompt }}"
    assert "\nTEMPLATE {{ .Prompt }}\n" in answer["modelfile"]
    assert "parameters" not in answer


def test_a_chatml_chat_template_is_detected_with_its_stop_words(wire: Wire, tmp_path: Path) -> None:
    kv = [
        ("llama.context_length", 256),
        ("llama.embedding_length", 32),
        ("llama.block_count", 1),
        ("llama.attention.layer_norm_rms_epsilon", 1e-5),
    ]
    digest = upload(wire, make_gguf(tmp_path / "chatml.gguf", "llama", kv, chat_template=CHATML))
    statuses = [p["status"] for p in _create(wire, "chatml", digest)]
    assert "using autodetected template chatml" in statuses
    answer = _show(wire, "chatml")
    assert answer["template"].startswith("{{- range .Messages }}<|im_start|>{{ .Role }}")
    assert answer["parameters"].splitlines() == [f'{"stop":<30} "<|im_start|>"', f'{"stop":<30} "<|im_end|>"']
    assert "\nPARAMETER stop <|im_start|>\nPARAMETER stop <|im_end|>\n" in answer["modelfile"]
    # The params layer is what Go's json.Encoder writes: sorted keys, HTML characters escaped.
    params = next(
        layer
        for layer in json.loads(_manifest(wire, "chatml"))["layers"]
        if layer["mediaType"] == "application/vnd.ollama.image.params"
    )
    blob = _model_blob(wire, "chatml").parent / params["digest"].replace(":", "-")
    assert blob.read_bytes() == b'{"stop":["\\u003c|im_start|\\u003e","\\u003c|im_end|\\u003e"]}\n'


def _manifest(wire: Wire, name: str) -> bytes:
    models = _model_blob(wire, name).parents[1]
    return (models / "manifests" / "registry.ollama.ai" / "library" / name / "latest").read_bytes()


def test_the_emulated_copy_is_byte_for_byte_what_llama_quantize_writes(tmp_path: Path) -> None:
    """Only with LLAMA_QUANTIZE set to a llama.cpp build; otherwise the emulation is checked above only."""
    tool = os.environ.get("LLAMA_QUANTIZE", "")
    if not tool or not os.access(tool, os.X_OK):
        pytest.skip("LLAMA_QUANTIZE does not name a llama-quantize binary: the emulation was not compared with it")
    from ollama_contract.server.emulation.llamacpp import llama_quantize_copy

    source = tmp_path / "in.gguf"
    source.write_bytes(tiny_gguf("compare"))
    real, emulated = tmp_path / "real.gguf", tmp_path / "emulated.gguf"
    env = {**os.environ, "OLLAMA_LLAMA_CPP_COMPAT": "0"}
    done = subprocess.run(
        [tool, "--allow-requantize", str(source), str(real), "COPY"], env=env, capture_output=True, timeout=120
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    llama_quantize_copy(source, emulated)
    assert emulated.read_bytes() == real.read_bytes()


def test_a_long_chat_template_far_from_every_known_one_is_not_replaced(wire: Wire, tmp_path: Path) -> None:
    """Levenshtein distance 100 or more from every index template: no Go template, and `show` gives the
    file's own chat template (the model runs on it natively), without stop words."""
    long_template = CHATML + "{# " + "a tool-calling preamble " * 60 + "#}"
    kv = [
        ("llama.context_length", 256),
        ("llama.embedding_length", 32),
        ("llama.block_count", 1),
        ("llama.attention.layer_norm_rms_epsilon", 1e-5),
    ]
    digest = upload(wire, make_gguf(tmp_path / "long.gguf", "llama", kv, chat_template=long_template))
    statuses = [p["status"] for p in _create(wire, "long-template", digest)]
    assert not any(s.startswith("using autodetected template") for s in statuses)
    answer = _show(wire, "long-template")
    assert answer["template"] == long_template and "parameters" not in answer
    assert "\nTEMPLATE {{ .Prompt }}\n" in answer["modelfile"]
