"""`/api/embed` (normalised, batched, `dimensions`, `truncate`) and the legacy `/api/embeddings` (raw)."""

from __future__ import annotations

import math
from typing import Any

import pytest
from kit import Wire, error_of
from ollama_api import Client
from ollama_api.api.inference import embed, embeddings
from ollama_api.models import EmbeddingsRequest, EmbeddingsResponse, EmbedRequest, EmbedResponse

LONG = " ".join(["the sky is blue because of rayleigh scattering"] * 120)


def vectors(client: Client, **body: Any) -> EmbedResponse:
    answer = embed.sync(client=client, body=EmbedRequest.from_dict(body))
    assert isinstance(answer, EmbedResponse)
    return answer


def norm(v: list[float]) -> float:
    return math.sqrt(sum(x * x for x in v))


def cosine(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True)) / (norm(a) * norm(b))


def test_embed_is_normalised_and_deterministic(client: Client) -> None:
    texts = ["Why is the sky blue?", "The sky is blue", "Llamas carry packs in the mountains"]
    answer = vectors(client, model="all-minilm", input=texts)
    assert answer.model == "all-minilm" and len(answer.embeddings) == 3
    assert all(len(v) == 384 and abs(norm(v) - 1) < 1e-5 for v in answer.embeddings)
    assert answer.prompt_eval_count > 0 and answer.total_duration >= answer.load_duration > 0
    assert vectors(client, model="all-minilm", input=texts).embeddings == answer.embeddings
    one = vectors(client, model="all-minilm", input=texts[0]).embeddings
    assert one == answer.embeddings[:1]
    sky, sky2, llama = answer.embeddings
    assert cosine(sky, sky2) > cosine(sky, llama)
    other = vectors(client, model="nomic-embed-text", input=texts[0]).embeddings[0]
    assert len(other) == 768


def test_dimensions(client: Client) -> None:
    full = vectors(client, model="nomic-embed-text", input="hello").embeddings[0]
    cut = vectors(client, model="nomic-embed-text", input="hello", dimensions=64).embeddings[0]
    assert len(cut) == 64 and abs(norm(cut) - 1) < 1e-5
    scale = norm(full[:64])
    assert all(abs(c - f / scale) < 1e-5 for c, f in zip(cut, full[:64], strict=True))
    assert len(vectors(client, model="nomic-embed-text", input="hello", dimensions=10_000).embeddings[0]) == 768


def test_truncate(client: Client, wire: Wire) -> None:
    kept = vectors(client, model="all-minilm", input=LONG)
    assert kept.prompt_eval_count == 512  # the model's context length
    refused = wire.post("/api/embed", {"model": "all-minilm", "input": LONG, "truncate": False})
    assert error_of(refused, 400) == "the input length exceeds the context length"
    # A bigger num_ctx cannot go past what the model was trained for, but a smaller one cuts sooner.
    assert vectors(client, model="all-minilm", input=LONG, options={"num_ctx": 100}).prompt_eval_count == 100
    assert vectors(client, model="all-minilm", input=LONG, options={"num_ctx": 10_000}).prompt_eval_count == 512


def test_no_input_loads_the_model(client: Client, wire: Wire) -> None:
    for body in ({"model": "all-minilm"}, {"model": "all-minilm", "input": ""}, {"model": "all-minilm", "input": []}):
        assert wire.post("/api/embed", body).json() == {"model": "all-minilm", "embeddings": []}
    assert "all-minilm:latest" in [m["name"] for m in wire.get("/api/ps").json()["models"]]


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"model": "nope", "input": "x"}, 404, 'model "nope" not found, try pulling it first'),
        ({"model": "", "input": "x"}, 404, "model '' not found"),
        ({"model": "nope", "input": 3}, 400, "invalid input type"),
        ({"model": "all-minilm", "input": ["a", 1]}, 400, "invalid input type"),
        ({"model": "all-minilm", "input": {"a": "b"}}, 400, "invalid input type"),
        (
            {"model": "mistral", "input": "x"},
            501,
            "This server does not support embeddings. Start it with `--embeddings`",
        ),
        (
            {"model": "all-minilm", "input": "x", "options": {"num_ctx": "big"}},
            500,
            'option "num_ctx" must be of type integer',
        ),
    ],
)
def test_embed_errors(wire: Wire, body: dict[str, Any], status: int, message: str) -> None:
    assert error_of(wire.post("/api/embed", body), status) == message


def test_legacy_embeddings_are_raw(client: Client, wire: Wire) -> None:
    answer = embeddings.sync(client=client, body=EmbeddingsRequest(model="all-minilm", prompt="Why is the sky blue?"))
    assert isinstance(answer, EmbeddingsResponse)
    raw = answer.embedding
    assert len(raw) == 384 and abs(norm(raw) - 1) > 0.1
    unit = vectors(client, model="all-minilm", input="Why is the sky blue?").embeddings[0]
    assert all(abs(u - r / norm(raw)) < 1e-5 for u, r in zip(unit, raw, strict=True))
    body = wire.post("/api/embeddings", {"model": "all-minilm", "prompt": "x"}).json()
    assert set(body) == {"embedding"}  # no metrics
    assert wire.post("/api/embeddings", {"model": "all-minilm", "prompt": ""}).json() == {"embedding": []}


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"model": "", "prompt": "x"}, 400, "model is required"),
        ({"prompt": "x"}, 400, "model is required"),
        ({"model": "nope", "prompt": "x"}, 404, 'model "nope" not found, try pulling it first'),
        (
            {"model": "mistral", "prompt": "x"},
            500,
            "This server does not support embeddings. Start it with `--embeddings`",
        ),
    ],
)
def test_legacy_errors(wire: Wire, body: dict[str, Any], status: int, message: str) -> None:
    assert error_of(wire.post("/api/embeddings", body), status) == message
