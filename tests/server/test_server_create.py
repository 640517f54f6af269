"""`/api/create`: from a model, from GGUF and Safetensors blobs, with quantization, streamed or not.

Capabilities of a model made from a file come from that file (its metadata and chat template),
and they decide what the model accepts afterwards.
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from kit import Wire, error_of, lines, make_gguf, safetensors_bytes, upload
from ollama_api import Client
from ollama_api.api.inference import chat, generate
from ollama_api.api.models import create_model, list_models, show_model
from ollama_api.models import ChatRequest, CreateRequest, GenerateRequest, ProgressResponse, ShowRequest, ShowResponse

import ollama_contract as oc

LAYER = re.compile(r"^(using existing|creating new) layer sha256:[0-9a-f]{64}$")
TOOLS_TEMPLATE = "{% for m in messages %}{{ m.content }}{% endfor %}{% if tools %}{{ tools | tojson }}{% endif %}"
THINK_TEMPLATE = "{% for m in messages %}<|im_start|>{{ m.content }}<|im_end|>{% endfor %}<think>\n</think>"
FIM_TEMPLATE = "{% if suffix %}<PRE>{{ prompt }}<SUF>{{ suffix }}<MID>{% endif %}"
PNG = base64.b64encode(b"\x89PNG tiny").decode()


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("gguf")


def create(client: Client, **body: Any) -> list[ProgressResponse]:
    """Create through a typed stream, returning its progress lines (the last one is `success`)."""
    return list(oc.stream(client, create_model, CreateRequest.from_dict(body)))


def show(client: Client, name: str) -> ShowResponse:
    answer = show_model.sync(client=client, body=ShowRequest(model=name))
    assert isinstance(answer, ShowResponse)
    return answer


def manifest_layers(client: Client, name: str) -> list[str]:
    """The layer digests of a model's manifest on disk (found through the blob path `show` prints)."""
    blob = next(line[5:] for line in show(client, name).modelfile.splitlines() if line.startswith("FROM /"))
    models = Path(blob).parents[1]
    manifest = json.loads((models / "manifests" / "registry.ollama.ai" / "library" / name / "latest").read_bytes())
    return [layer["digest"] for layer in manifest["layers"]]


# What llama.cpp's loader reads without a default (src/llama-model.cpp load_hparams), by
# architecture: Ollama refuses a GGUF that llama-quantize cannot load, so every test file has them.
_NEEDED: dict[str, list[tuple[str, Any]]] = {
    "bert": [("attention.layer_norm_epsilon", 1e-12), ("attention.causal", False)],
}
_COMMON = [("context_length", 2048), ("embedding_length", 32), ("block_count", 1)]


def loadable(arch: str, kv: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """`kv` plus whatever llama.cpp needs that it lacks (the given values win)."""
    needed = _COMMON + _NEEDED.get(arch, [("attention.layer_norm_rms_epsilon", 1e-5)])
    given = {key for key, _ in kv}
    return kv + [(f"{arch}.{key}", value) for key, value in needed if f"{arch}.{key}" not in given]


def gguf_model(
    client: Client, wire: Wire, folder: Path, name: str, arch: str, kv: list[tuple[str, Any]], **kw: Any
) -> ShowResponse:
    digest = upload(wire, make_gguf(folder / f"{name}.gguf", arch, loadable(arch, kv), **kw))
    progress = create(client, model=name, files={"model.gguf": digest})
    assert progress[0].status == "parsing GGUF" and progress[-1].status == "success"
    statuses = [p.status for p in progress]
    # The model keeps llama-quantize's copy of the upload, not the upload itself.
    assert "validating GGUF model" in statuses and f"using existing layer {digest}" not in statuses
    return show(client, name)


def test_from_a_model_with_everything(client: Client, wire: Wire) -> None:
    body = {
        "model": "mario",
        "from": "llama3.2",
        "system": "You are Mario from Super Mario Bros.",
        "template": "{{ if .System }}<<{{ .System }}>>{{ end }}{{ range .Messages }}[{{ .Role }}] {{ .Content }}\n{{ end }}[assistant]",
        "parameters": {"temperature": 0.2, "num_ctx": 2048, "stop": ["[user]", "[system]"]},
        "messages": [{"role": "user", "content": "Who are you?"}, {"role": "assistant", "content": "It's-a me!"}],
        "license": ["MIT", "Be nice."],
    }
    progress = create(client, **body)
    statuses = [p.status for p in progress]
    assert statuses[-2:] == ["writing manifest", "success"]
    assert all(LAYER.match(s) for s in statuses[:-2]) and any(s.startswith("creating new") for s in statuses)
    # One line per layer of the new model, in its order: layers it replaced are not reported.
    assert [s.rsplit(" ", 1)[1] for s in statuses[:-2]] == manifest_layers(client, "mario")
    answer = show(client, "mario")
    assert answer.system == body["system"] and answer.template == body["template"]
    # Licenses add up: the base model's comes first.
    assert answer.license_ == show(client, "llama3.2").license_ + "\nMIT\nBe nice."
    assert [(m.role, m.content) for m in answer.messages] == [("user", "Who are you?"), ("assistant", "It's-a me!")]
    assert re.search(r"^temperature\s+0\.2$", answer.parameters, re.M)
    assert re.search(r'^stop\s+"\[user\]"$', answer.parameters, re.M)
    assert (
        answer.details.family == "llama"
        and answer.model_info.to_dict() == show(client, "llama3.2").model_info.to_dict()
    )
    assert "SYSTEM" in answer.modelfile and "MESSAGE user" in answer.modelfile
    rendered = wire.post(
        "/api/chat", {"model": "mario", "messages": [{"role": "user", "content": "Hi"}], "_debug_render_only": True}
    )
    # As in Ollama, the system prompt is both `.System` and the first of `.Messages`.
    assert rendered.json()["_debug_info"]["rendered_template"] == (
        "<<You are Mario from Super Mario Bros.>>[system] You are Mario from Super Mario Bros.\n"
        "[user] Who are you?\n[assistant] It's-a me!\n[user] Hi\n[assistant]"
    )
    # The model's parameters are its defaults now: a stop word it never reaches, a smaller context.
    generate.sync(client=client, body=GenerateRequest(model="mario", keep_alive="1m"))
    running = {m["name"]: m for m in wire.get("/api/ps").json()["models"]}
    assert running["mario:latest"]["context_length"] == 2048
    # A copy of the base model answers differently, because the system prompt is part of the input.
    same = {"messages": [{"role": "user", "content": "Hi"}], "options": {"seed": 1}}
    mario = chat.sync(client=client, body=ChatRequest.from_dict({"model": "mario", **same}))
    base = chat.sync(client=client, body=ChatRequest.from_dict({"model": "llama3.2", **same}))
    assert mario.message.content != base.message.content


def test_not_streamed(wire: Wire, client: Client) -> None:
    response = wire.post("/api/create", {"model": "quiet", "from": "mistral", "system": "x", "stream": False})
    assert response.headers["content-type"] == "application/json" and response.json() == {"status": "success"}
    answer = create_model.sync(client=client, body=CreateRequest.from_dict({"model": "quiet2", "from": "quiet"}))
    assert isinstance(answer, ProgressResponse) and answer.status == "success"
    assert show(client, "quiet2").system == "x"


def test_from_a_catalogue_model_that_is_not_local_pulls_it(client: Client) -> None:
    statuses = [p.status for p in create(client, **{"model": "tiny-copy", "from": "tinyllama"})]
    assert statuses[0] == "pulling manifest" and any(
        s.startswith("pulling ") and s != "pulling manifest" for s in statuses
    )
    names = [m.name for m in list_models.sync(client=client).models]
    assert "tinyllama:latest" in names and "tiny-copy:latest" in names


def test_from_gguf_reads_the_file(client: Client, wire: Wire, files: Path) -> None:
    kv = [
        ("llama.context_length", 2048),
        ("llama.embedding_length", 64),
        ("llama.block_count", 2),
        ("llama.attention.head_count", 4),
    ]
    answer = gguf_model(client, wire, files, "plain", "llama", kv)
    info = answer.model_info.to_dict()
    assert info["general.architecture"] == "llama" and info["llama.context_length"] == 2048
    assert info["general.parameter_count"] == 4 * 32 + 32  # counted from the tensors
    assert answer.details.family == "llama" and answer.details.format_ == "gguf"
    assert answer.details.quantization_level == "F16" and answer.details.parameter_size == "160"
    # In the order llama-quantize writes them: tensors outside the blocks first, by name.
    assert [(t.name, t.shape) for t in answer.tensors] == [("output_norm.weight", [32]), ("token_embd.weight", [32, 4])]
    assert answer.capabilities == ["completion"]
    tags = {m["name"]: m for m in wire.get("/api/tags").json()["models"]}
    assert tags["plain:latest"]["details"]["context_length"] == 2048
    assert tags["plain:latest"]["details"]["embedding_length"] == 64
    # Plain completion only: every extra capability is refused.
    for body, missing in (
        ({"prompt": "x", "suffix": "y"}, "insert"),
        ({"prompt": "x", "think": True}, None),
    ):
        response = wire.post("/api/generate", {"model": "plain", **body})
        expected = (
            f"registry.ollama.ai/library/plain:latest does not support {missing}"
            if missing
            else '"plain" does not support thinking'
        )
        assert error_of(response, 400) == expected
    tools = [{"type": "function", "function": {"name": "f", "parameters": {"type": "object", "properties": {}}}}]
    refused = wire.post("/api/chat", {"model": "plain", "messages": [{"role": "user", "content": "x"}], "tools": tools})
    assert error_of(refused, 400) == "registry.ollama.ai/library/plain:latest does not support tools"
    assert "does not support multimodal" in error_of(
        wire.post("/api/generate", {"model": "plain", "prompt": "x", "images": [PNG]}), 400
    )
    assert wire.post("/api/generate", {"model": "plain", "prompt": "Hello", "stream": False}).json()["response"]


def test_capabilities_come_from_the_file(client: Client, wire: Wire, files: Path) -> None:
    base = [("qwen3.context_length", 4096), ("qwen3.embedding_length", 32), ("qwen3.block_count", 2)]
    smart = gguf_model(client, wire, files, "smart", "qwen3", base, chat_template=TOOLS_TEMPLATE + THINK_TEMPLATE)
    assert set(smart.capabilities) == {"completion", "tools", "thinking"}
    tools = [
        {
            "type": "function",
            "function": {"name": "f", "parameters": {"type": "object", "properties": {"n": {"type": "integer"}}}},
        }
    ]
    answer = wire.post(
        "/api/chat", {"model": "smart", "messages": [{"role": "user", "content": "x"}], "tools": tools, "stream": False}
    )
    assert answer.json()["message"]["tool_calls"][0]["function"]["name"] == "f"
    assert wire.post("/api/generate", {"model": "smart", "prompt": "x", "think": True, "stream": False}).json()[
        "thinking"
    ]

    coder = gguf_model(
        client, wire, files, "coder", "llama", [("llama.context_length", 4096)], chat_template=FIM_TEMPLATE
    )
    assert set(coder.capabilities) == {"completion", "insert"}
    assert (
        wire.post(
            "/api/generate", {"model": "coder", "prompt": "def f(", "suffix": "return 1", "stream": False}
        ).status_code
        == 200
    )

    vision = [("llama.context_length", 4096), ("llama.block_count", 2), ("llama.vision.block_count", 4)]
    assert set(gguf_model(client, wire, files, "seer", "llama", vision).capabilities) == {"completion", "vision"}
    assert (
        wire.post("/api/generate", {"model": "seer", "prompt": "x", "images": [PNG], "stream": False}).status_code
        == 200
    )

    embedder = [("bert.context_length", 128), ("bert.embedding_length", 48), ("bert.pooling_type", 1)]
    assert gguf_model(client, wire, files, "embedder", "bert", embedder).capabilities == ["embedding"]
    vectors = wire.post("/api/embed", {"model": "embedder", "input": ["a", "b"]}).json()["embeddings"]
    assert len(vectors) == 2 and len(vectors[0]) == 48
    assert (
        error_of(wire.post("/api/generate", {"model": "embedder", "prompt": "x"}), 400)
        == '"embedder" does not support generate'
    )


def test_a_file_that_is_not_gguf(client: Client, wire: Wire) -> None:
    digest = upload(wire, b"this is a text file, not a model")
    streamed = wire.post("/api/create", {"model": "broken", "files": {"model.gguf": digest}})
    assert lines(streamed) == [{"status": "parsing GGUF"}, {"error": "supplied file was not in GGUF format"}]
    with pytest.raises(oc.StreamError) as caught:
        create(client, model="broken", files={"model.gguf": digest})
    assert caught.value.message == "supplied file was not in GGUF format"
    quiet = wire.post("/api/create", {"model": "broken", "files": {"model.gguf": digest}, "stream": False})
    assert error_of(quiet, 400) == "supplied file was not in GGUF format"
    assert (
        error_of(wire.post("/api/create", {"model": "broken", "files": {"notes.txt": digest}}), 400) == "unknown type"
    )
    assert "broken:latest" not in [m["name"] for m in wire.get("/api/tags").json()["models"]]


def test_from_safetensors(client: Client, wire: Wire) -> None:
    config = {
        "architectures": ["LlamaForCausalLM"],
        "max_position_embeddings": 1024,
        "hidden_size": 16,
        "num_hidden_layers": 2,
        "num_attention_heads": 2,
    }
    tokenizer = {
        "chat_template": "{% for m in messages %}<|im_start|>{{ m.content }}{% endfor %}{% if tools %}tools{% endif %}"
    }
    rng = np.random.default_rng(0)
    weights = safetensors_bytes(
        {
            "model.embed_tokens.weight": rng.standard_normal((8, 16)).astype(np.float16),
            "model.norm.weight": np.ones(16, np.float32),
        }
    )
    digests = {
        "config.json": upload(wire, json.dumps(config).encode()),
        "tokenizer_config.json": upload(wire, json.dumps(tokenizer).encode()),
        "model.safetensors": upload(wire, weights),
    }
    statuses = [p.status for p in create(client, model="converted", files=digests)]
    assert statuses[0] == "converting model" and statuses[-1] == "success"
    answer = show(client, "converted")
    info = answer.model_info.to_dict()
    assert info["general.architecture"] == "llama" and info["llama.context_length"] == 1024
    assert info["llama.embedding_length"] == 16 and info["general.parameter_count"] == 8 * 16 + 16
    assert {t.name for t in answer.tensors} == {"model.embed_tokens.weight", "model.norm.weight"}
    assert set(answer.capabilities) == {"completion", "tools"}
    missing = wire.post(
        "/api/create", {"model": "x", "files": {"model.safetensors": digests["model.safetensors"]}, "stream": False}
    )
    assert missing.status_code == 500


def test_quantize(client: Client, wire: Wire, files: Path) -> None:
    kv = loadable("llama", [("llama.context_length", 4096), ("llama.embedding_length", 256)])
    tensors = (
        ("token_embd.weight", (4, 256)),
        ("blk.0.attn_q.weight", (2, 256)),
        ("output_norm.weight", (256,)),
        ("odd.weight", (3, 40)),
    )
    digest = upload(wire, make_gguf(files / "f16.gguf", "llama", kv, tensors=tensors))
    progress = create(client, model="small", files={"model.gguf": digest}, quantize="q4_K_M")
    steps = [p for p in progress if p.status == "quantizing F16 model to Q4_K_M"]
    assert len(steps) > 2 and all(p.digest == "0000000000000000000" and p.total > 0 for p in steps)
    completed = [p.completed if isinstance(p.completed, int) else 0 for p in steps]
    assert completed == sorted(completed) and completed[-1] == steps[-1].total
    layers = [p.status.rsplit(" ", 1)[1] for p in progress if LAYER.match(p.status)]
    assert layers == manifest_layers(client, "small") and digest not in layers  # the F16 file is not in the model
    answer = show(client, "small")
    assert answer.details.quantization_level == "Q4_K_M" and answer.model_info.to_dict()["general.file_type"] == 15
    types = {t.name: t.type_ for t in answer.tensors}
    assert types["token_embd.weight"] == "Q4_K" and types["output_norm.weight"] == "F32"
    assert types["odd.weight"] == "F16"  # rows that fill no whole block keep a wider type
    q8 = wire.post(
        "/api/create", {"model": "eight", "files": {"model.gguf": digest}, "quantize": "Q8_0", "stream": False}
    )
    assert q8.json() == {"status": "success"} and show(client, "eight").details.quantization_level == "Q8_0"
    again = wire.post("/api/create", {"model": "x", "from": "small", "quantize": "q8_0", "stream": False})
    assert error_of(again, 500) == "quantization is only supported for F16, BF16 and F32 models"
    unknown = wire.post(
        "/api/create", {"model": "x", "files": {"model.gguf": digest}, "quantize": "q9_9", "stream": False}
    )
    assert (
        error_of(unknown, 500)
        == "unsupported quantization type Q9_9 - supported types are F32, F16, Q4_K_S, Q4_K_M, Q8_0"
    )
    # Streamed, a failure before the first progress line is still a plain error status.
    streamed = wire.post("/api/create", {"model": "x", "from": "mistral", "quantize": "q4_K_M"})
    assert streamed.headers["content-type"] == "application/json"
    assert error_of(streamed, 500) == "quantization is only supported for F16, BF16 and F32 models"
    # After one, it is an error line.
    failing = lines(wire.post("/api/create", {"model": "x", "files": {"model.gguf": digest}, "quantize": "q9_9"}))
    assert failing[0] == {"status": "parsing GGUF"} and failing[-1] == {"error": unknown.json()["error"]}


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"model": "x"}, 400, "neither 'from' or 'files' was specified"),
        ({"model": "x", "modelfile": "FROM mistral"}, 400, "neither 'from' or 'files' was specified"),
        ({"model": "bad name", "from": "mistral"}, 400, "invalid model name"),
        ({"model": "", "from": "mistral"}, 400, "invalid model name"),
        ({"model": "x", "from": "bad name"}, 400, "invalid model name"),
        ({"model": "x", "files": {"../model.gguf": "sha256:" + "0" * 64}}, 400, "file path must be relative"),
        ({"model": "x", "files": {"/etc/passwd": "sha256:" + "0" * 64}}, 400, "file path must be relative"),
        ({"model": "x", "files": {"model.gguf": ""}}, 400, "invalid digest format"),
        ({"model": "x", "from": "mistral", "draft_quantize": "q8_0"}, 400, "--draft-quantize requires a DRAFT model"),
        (
            {
                "model": "x",
                "from": "mistral",
                "adapters": {"a.gguf": "sha256:" + "1" * 64, "b.gguf": "sha256:" + "2" * 64},
            },
            400,
            "only one adapter is currently supported",
        ),
        (
            {"model": "x", "from": "mistral", "template": "{{ .Prompt "},
            400,
            "template error: template: :1: unclosed action",
        ),
        (
            {"model": "x", "from": "mistral", "info": {"context_length": "long"}},
            400,
            'info field "context_length" must be a number',
        ),
        ({"model": "x", "from": "no-such-model"}, 500, "pull model manifest: file does not exist"),
    ],
)
def test_errors(wire: Wire, body: dict[str, Any], status: int, message: str) -> None:
    assert error_of(wire.post("/api/create", {**body, "stream": False}), status) == message
    assert "x:latest" not in [m["name"] for m in wire.get("/api/tags").json()["models"]]


def test_a_missing_source_fails_in_the_stream(wire: Wire) -> None:
    assert lines(wire.post("/api/create", {"model": "x", "from": "no-such-model"})) == [
        {"status": "pulling manifest"},
        {"error": "pull model manifest: file does not exist"},
    ]
