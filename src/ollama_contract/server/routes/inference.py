"""The `inference` tag: `/api/generate`, `/api/chat`, `/api/embed` and the legacy `/api/embeddings`.

Each handler receives the body already decoded as Go would decode it (see `..http.app`) and
applies Ollama's checks in Ollama's order: the statuses a request can get are decided here,
top to bottom, before the emulated model runs. Answer assembly lives in `._answers`.
"""

from __future__ import annotations

import time
from typing import Any

from ollama_api.models import EmbeddingsResponse, EmbedResponse
from starlette.requests import Request
from starlette.responses import Response

from .._state import state_of
from ..emulation.engine import GenerationInput, embed_text, normalise
from ..emulation.gotemplate import TemplateError, parse_template
from ..emulation.govalues import go_tools
from ..emulation.pace import sleep_until
from ..emulation.prompt import render_chat, render_generate
from ..emulation.scheduler import check_capabilities, find_model, parse_ref, schedule
from ..emulation.tokens import stable_hash, vocabulary
from ..http.faults import faults_of
from ..http.wire import Failure, HTTPError, go_quote, json_response, utc_timestamp
from ._answers import (
    ENDLESS_CONTEXTS,
    MULTIMODAL,
    Answer,
    check_top_logprobs,
    format_failure,
    immediate,
    keep_alive_zero,
    plain_messages,
    respond,
    stream_flag,
    think_level,
)

__all__ = ["chat", "embed", "embeddings", "generate"]


async def generate(request: Request, data: dict[str, Any]) -> Response:
    state = state_of(request)
    check_top_logprobs(data)
    request_model = str(data.get("model") or "")
    name = parse_ref(
        request_model, empty_status=404, empty_message=f"model '{request_model}' not found", path=request.url.path
    )
    model = find_model(state, name)
    if model is None:
        raise HTTPError(404, f"model '{request_model}' not found")
    prompt = str(data.get("prompt") or "")
    if not prompt and keep_alive_zero(data.get("keep_alive")):
        state.runtime.unload(model)
        return immediate(request_model, "unload", chat=False)
    raw = data.get("raw") is True
    system = str(data.get("system") or "")
    template_override = str(data.get("template") or "")
    context = data.get("context") or []
    if raw and (template_override or system or context):
        raise HTTPError(400, "raw mode does not support template, system, or context")
    suffix = str(data.get("suffix") or "")
    wanted = ["completion"] + (["insert"] if suffix else [])
    think, think_set = think_level(data.get("think"), model, request_model)
    check_capabilities(model, wanted, request_model, "generate")
    scheduled = await schedule(state, model, data.get("options"), data.get("keep_alive"))
    if not prompt:
        return immediate(request_model, "load", chat=False)
    images = data.get("images") or []
    template = model.template
    if template_override:
        try:
            parse_template(template_override)
        except TemplateError as exc:
            raise HTTPError(500, str(exc)) from None
        template = template_override
    context_text = vocabulary().detokenize([int(t) for t in context]) if context else ""
    if raw:
        rendered = prompt
    else:
        rendered = context_text + render_generate(template, prompt, system or model.system, suffix, think, think_set)
    if data.get("_debug_render_only") is True:
        debug = {"rendered_template": rendered, "image_count": len(images)}
        return json_response(
            {"model": request_model, "created_at": utc_timestamp(), "response": "", "done": False, "_debug_info": debug}
        )
    failure = format_failure(data.get("format"))
    if failure is None and images and "vision" not in model.capabilities:
        failure = Failure(MULTIMODAL, 400)
    inp = GenerationInput(
        model_key=model.digest,
        style="code" if "insert" in model.capabilities else "chat",
        prompt=rendered,
        topic=prompt,
        options=scheduled.options,
        format=data.get("format"),
        think=think,
        images=len(images),
        suffix=suffix,
        logprobs=data.get("logprobs") is True,
        top_logprobs=int(data.get("top_logprobs") or 0),
        endless="endless" in faults_of(request),
        bound=ENDLESS_CONTEXTS * scheduled.num_ctx,
    )
    answer = Answer(
        request_model=request_model,
        chat=False,
        stream=stream_flag(data),
        scheduled=scheduled,
        prompt=rendered,
        inp=inp,
        raw=raw,
        failure=failure,
        prompt_tokens=max(len(vocabulary().tokenize(rendered)), 1),
    )
    return respond(answer)


async def chat(request: Request, data: dict[str, Any]) -> Response:
    state = state_of(request)
    check_top_logprobs(data)
    request_model = str(data.get("model") or "")
    name = parse_ref(request_model, empty_status=400, empty_message="model is required", path=request.url.path)
    model = find_model(state, name)
    if model is None:
        raise HTTPError(404, f"model '{request_model}' not found")
    messages = plain_messages(data.get("messages") or [])
    if not messages and keep_alive_zero(data.get("keep_alive")):
        state.runtime.unload(model)
        return immediate(request_model, "unload", chat=True)
    tools = [t for t in data.get("tools") or [] if isinstance(t, dict)]
    wanted = ["completion"] + (["tools"] if tools else [])
    think, think_set = think_level(data.get("think"), model, request_model)
    check_capabilities(model, wanted, request_model, "chat")
    scheduled = await schedule(state, model, data.get("options"), data.get("keep_alive"))
    if not messages:
        return immediate(request_model, "load", chat=True)
    convo = plain_messages(model.messages) + messages
    if messages[0]["role"] != "system" and model.system:
        convo.insert(0, {"role": "system", "content": model.system})
    # The template prints Go's form of the tools (field order, omitempty), not the request's text.
    rendered = render_chat(model.template, convo, tools=go_tools(tools), think=think, think_set=think_set)
    image_count = sum(len(m.get("images") or []) for m in messages)
    if data.get("_debug_render_only") is True:
        debug = {"rendered_template": rendered, "image_count": image_count}
        return json_response(
            {
                "model": request_model,
                "created_at": utc_timestamp(),
                "message": {"role": "", "content": ""},
                "done": False,
                "_debug_info": debug,
            }
        )
    failure = format_failure(data.get("format"))
    if failure is None and image_count and "vision" not in model.capabilities:
        failure = Failure(MULTIMODAL, 400)
    last = messages[-1]
    topic = next((str(m.get("content", "")) for m in reversed(messages) if m["role"] == "user"), "")
    inp = GenerationInput(
        model_key=model.digest,
        style="code" if "insert" in model.capabilities else "chat",
        prompt=rendered,
        topic=topic,
        options=scheduled.options,
        format=data.get("format"),
        think=think,
        tools=tools,
        tool_result=str(last.get("content", "")) if last["role"] == "tool" else None,
        images=image_count,
        logprobs=data.get("logprobs") is True,
        top_logprobs=int(data.get("top_logprobs") or 0),
        endless="endless" in faults_of(request),
        bound=ENDLESS_CONTEXTS * scheduled.num_ctx,
    )
    answer = Answer(
        request_model=request_model,
        chat=True,
        stream=stream_flag(data),
        scheduled=scheduled,
        prompt=rendered,
        inp=inp,
        with_tools=bool(tools),
        failure=failure,
        prompt_tokens=max(len(vocabulary().tokenize(rendered)), 1),
    )
    return respond(answer)


_NO_EMBEDDINGS = "This server does not support embeddings. Start it with `--embeddings`"


def _inputs(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise HTTPError(400, "invalid input type")


async def embed(request: Request, data: dict[str, Any]) -> Response:
    state = state_of(request)
    request_model = str(data.get("model") or "")
    name = parse_ref(
        request_model, empty_status=404, empty_message=f"model '{request_model}' not found", path=request.url.path
    )
    inputs = _inputs(data.get("input"))
    model = find_model(state, name)
    if model is None:
        raise HTTPError(404, f"model {go_quote(request_model)} not found, try pulling it first")
    scheduled = await schedule(state, model, data.get("options"), data.get("keep_alive"))
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
    if scheduled.pace.real and scheduled.slot is not None:
        async with scheduled.slot:
            await sleep_until(time.monotonic() + tokens_total / scheduled.pace.prompt_rate)
        total = int((time.monotonic() - scheduled.started) * 1e9)
    resp = EmbedResponse(
        model=request_model,
        embeddings=vectors,
        total_duration=total,
        load_duration=scheduled.load_ns,
        prompt_eval_count=tokens_total,
    )
    return json_response(resp.to_dict())


async def embeddings(request: Request, data: dict[str, Any]) -> Response:
    state = state_of(request)
    request_model = str(data.get("model") or "")
    name = parse_ref(request_model, empty_status=400, empty_message="model is required", path=request.url.path)
    model = find_model(state, name)
    if model is None:
        raise HTTPError(404, f"model {go_quote(request_model)} not found, try pulling it first")
    scheduled = await schedule(state, model, data.get("options"), data.get("keep_alive"))
    prompt = str(data.get("prompt") or "")
    if not prompt:
        return json_response(EmbeddingsResponse(embedding=[]).to_dict())
    if "embedding" not in model.capabilities:
        raise HTTPError(500, _NO_EMBEDDINGS)
    raw, _ = embed_text(prompt, model.embedding_length or 384, model.digest, max_tokens=scheduled.num_ctx)
    return json_response(EmbeddingsResponse(embedding=raw).to_dict())
