"""`/api/embed` (normalised, batched, truncating) and the legacy `/api/embeddings` (raw vector)."""

from __future__ import annotations

from typing import Any

from ollama_api.models import EmbeddingsResponse, EmbedResponse
from starlette.requests import Request
from starlette.responses import Response

from ._decode import decode_body
from ._engine import embed_text, normalise
from ._schedule import find_model, parse_ref, schedule
from ._state import read_body, state_of
from ._tokens import stable_hash
from ._wire import HTTPError, go_quote, json_response

__all__ = ["embed", "embeddings"]

_NO_EMBEDDINGS = "This server does not support embeddings. Start it with `--embeddings`"


def _inputs(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise HTTPError(400, "invalid input type")


async def embed(request: Request) -> Response:
    state = state_of(request)
    data = decode_body("embed", await read_body(request, state.settings.max_body_bytes))
    request_model = str(data.get("model") or "")
    name = parse_ref(
        request_model, empty_status=404, empty_message=f"model '{request_model}' not found", path="/api/embed"
    )
    inputs = _inputs(data.get("input"))
    model = find_model(state, name)
    if model is None:
        raise HTTPError(404, f"model {go_quote(request_model)} not found, try pulling it first")
    scheduled = schedule(state, model, data.get("options"), data.get("keep_alive"))
    if not inputs:
        return json_response(EmbedResponse(model=request_model, embeddings=[]).to_dict())
    if "embedding" not in model.capabilities:
        raise HTTPError(501, _NO_EMBEDDINGS)
    limit = scheduled.num_ctx
    truncate = data.get("truncate") is not False
    dims = data.get("dimensions")
    vectors: list[list[float]] = []
    tokens_total = 0
    for text in inputs:
        raw, tokens = embed_text(text, model.embedding_length or 384, model.digest)
        if tokens > limit:
            if not truncate:
                raise HTTPError(400, "the input length exceeds the context length")
            raw, tokens = embed_text(text, model.embedding_length or 384, model.digest, max_tokens=limit)
        vector = normalise(raw)
        if isinstance(dims, int) and 0 < dims < len(vector):
            vector = normalise(vector[:dims])
        vectors.append(vector)
        tokens_total += tokens
    h = stable_hash(request_model, tokens_total)
    total = scheduled.load_ns + tokens_total * 301_234 + h % 4_999_999 + 1_234_567
    resp = EmbedResponse(
        model=request_model,
        embeddings=vectors,
        total_duration=total,
        load_duration=scheduled.load_ns,
        prompt_eval_count=tokens_total,
    )
    return json_response(resp.to_dict())


async def embeddings(request: Request) -> Response:
    state = state_of(request)
    data = decode_body("embeddings", await read_body(request, state.settings.max_body_bytes))
    request_model = str(data.get("model") or "")
    name = parse_ref(request_model, empty_status=400, empty_message="model is required", path="/api/embeddings")
    model = find_model(state, name)
    if model is None:
        raise HTTPError(404, f"model {go_quote(request_model)} not found, try pulling it first")
    scheduled = schedule(state, model, data.get("options"), data.get("keep_alive"))
    prompt = str(data.get("prompt") or "")
    if not prompt:
        return json_response(EmbeddingsResponse(embedding=[]).to_dict())
    if "embedding" not in model.capabilities:
        raise HTTPError(500, _NO_EMBEDDINGS)
    raw, _ = embed_text(prompt, model.embedding_length or 384, model.digest, max_tokens=scheduled.num_ctx)
    return json_response(EmbeddingsResponse(embedding=raw).to_dict())
