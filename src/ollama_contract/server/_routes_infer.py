"""`/api/generate` and `/api/chat`: Ollama's checks in Ollama's order, then the emulated model.

Both endpoints share the shape of their answer: chunks while streaming, one merged object when
`stream` is false, a plain JSON error when something fails before the first line. Chunks are
built as plain dicts on this hot path; the tests validate every one against the spec.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from ._decode import decode_body
from ._engine import Done, GenerationInput, Piece, ToolCalls, generate
from ._gotemplate import TemplateError, parse_template
from ._prompt import render_chat, render_generate
from ._schedule import Scheduled, check_capabilities, find_model, parse_ref, schedule
from ._state import read_body, state_of
from ._store import Model
from ._tokens import stable_hash, vocabulary
from ._wire import JSON, Failure, HTTPError, NDJSONResponse, json_response, utc_timestamp

__all__ = ["chat", "generate_handler"]

_MULTIMODAL = (
    '{"error":{"code":400,"message":"Multimodal data provided, but model does not support multimodal requests.",'
    '"type":"invalid_request_error"}}'
)


def _think_level(value: Any, model: Model, request_model: str) -> tuple[str | None, bool]:
    """The effective thinking level (None: no thinking) and whether the request set `think`."""
    is_set = value is not None
    if "thinking" in model.capabilities:
        if value is None or value is True:
            return "medium", is_set
        if value is False:
            return None, is_set
        return str(value), is_set
    if value is True or isinstance(value, str):
        from ._wire import go_quote

        raise HTTPError(400, f"{go_quote(request_model)} does not support thinking")
    return None, is_set


def _format_failure(fmt: Any) -> Failure | None:
    if fmt is None or fmt == "" or fmt == "json" or isinstance(fmt, dict):
        return None
    raw = json.dumps(fmt, separators=(",", ":"), ensure_ascii=False)
    from ._wire import go_quote

    return Failure(f'invalid format: {go_quote(raw)}; expected "json" or a valid JSON Schema object', 500)


@dataclass
class _Answer:
    """What the handler knows once the request is accepted."""

    request_model: str
    chat: bool
    stream: bool
    scheduled: Scheduled
    prompt: str
    inp: GenerationInput
    raw: bool = False
    with_tools: bool = False
    failure: Failure | None = None
    prompt_tokens: int = 0
    extra_context: list[int] = field(default_factory=list)


def _metrics(answer: _Answer, eval_count: int) -> dict[str, int]:
    h = stable_hash(answer.prompt, eval_count)
    prompt_ns = answer.prompt_tokens * 412_345 + h % 9_999_991
    eval_ns = eval_count * 17_654_321 + (h >> 8) % 9_999_991
    load_ns = answer.scheduled.load_ns
    out = {
        "total_duration": load_ns + prompt_ns + eval_ns + 3_141_592 + (h >> 16) % 999_983,
        "load_duration": load_ns,
        "prompt_eval_count": answer.prompt_tokens,
        "prompt_eval_duration": prompt_ns,
    }
    if eval_count:
        out["eval_count"] = eval_count
        out["eval_duration"] = eval_ns
    return out


def _chunks(answer: _Answer) -> Iterator[dict[str, Any]]:
    model = answer.request_model
    text: list[str] = []
    for event in generate(answer.inp):
        if isinstance(event, Piece):
            if answer.chat:
                message: dict[str, Any] = {"role": "assistant", "content": ""}
                message["content" if event.channel == "content" else "thinking"] = event.text
                chunk: dict[str, Any] = {"model": model, "created_at": utc_timestamp(), "message": message}
            else:
                chunk = {"model": model, "created_at": utc_timestamp(), "response": ""}
                chunk["response" if event.channel == "content" else "thinking"] = event.text
            chunk["done"] = False
            if event.logprob is not None:
                chunk["logprobs"] = [event.logprob]
            if event.channel == "content":
                text.append(event.text)
            yield chunk
        elif isinstance(event, ToolCalls):
            if answer.chat:
                message = {"role": "assistant", "content": "", "tool_calls": event.calls}
                yield {"model": model, "created_at": utc_timestamp(), "message": message, "done": False}
        elif isinstance(event, Done):
            final: dict[str, Any] = {"model": model, "created_at": utc_timestamp()}
            if answer.chat:
                final["message"] = {"role": "assistant", "content": ""}
            else:
                final["response"] = ""
            final["done"] = True
            final["done_reason"] = event.reason
            if not answer.chat and not answer.raw:
                final["context"] = answer.extra_context + vocabulary().tokenize(answer.prompt + "".join(text))
            final.update(_metrics(answer, event.eval_count))
            yield final


async def _stream(answer: _Answer) -> AsyncIterator[dict[str, Any] | Failure]:
    if answer.failure is not None:
        yield answer.failure
        return
    for chunk in _chunks(answer):
        yield chunk


def _merged(answer: _Answer) -> dict[str, Any]:
    content: list[str] = []
    thinking: list[str] = []
    logprobs: list[Any] = []
    calls: list[Any] = []
    last: dict[str, Any] = {}
    for chunk in _chunks(answer):
        part = chunk["message"] if answer.chat else chunk
        content.append(part.get("content" if answer.chat else "response", ""))
        thinking.append(part.get("thinking", ""))
        logprobs += chunk.get("logprobs", [])
        if answer.chat and answer.with_tools:
            calls += part.get("tool_calls", [])
        last = chunk
    body = dict(last)
    target = dict(body["message"]) if answer.chat else body
    target["content" if answer.chat else "response"] = "".join(content)
    target.pop("thinking", None)
    if "".join(thinking):
        target["thinking"] = "".join(thinking)
    if answer.chat:
        if calls:
            target["tool_calls"] = calls
        body["message"] = target
    body.pop("logprobs", None)
    if logprobs:
        body["logprobs"] = logprobs
    return body


def _respond(answer: _Answer) -> Response:
    if answer.stream:
        return NDJSONResponse(_stream(answer))
    if answer.failure is not None:
        raise HTTPError(answer.failure.status, answer.failure.message, JSON)
    return json_response(_merged(answer))


def _stream_flag(data: dict[str, Any]) -> bool:
    return data.get("stream") is not False


def _immediate(request_model: str, reason: str, chat: bool) -> Response:
    body: dict[str, Any] = {"model": request_model, "created_at": utc_timestamp()}
    if chat:
        body["message"] = {"role": "assistant", "content": ""}
    else:
        body["response"] = ""
    body["done"] = True
    body["done_reason"] = reason
    return json_response(body)


def _keep_alive_zero(value: Any) -> bool:
    from ._options import parse_keep_alive

    return value is not None and parse_keep_alive(value) == 0


def _check_top_logprobs(data: dict[str, Any]) -> None:
    top = data.get("top_logprobs", 0)
    if isinstance(top, int) and not 0 <= top <= 20:
        raise HTTPError(400, "top_logprobs must be between 0 and 20")


async def generate_handler(request: Request) -> Response:
    state = state_of(request)
    data = decode_body("generate", await read_body(request, state.settings.max_body_bytes))
    _check_top_logprobs(data)
    request_model = str(data.get("model") or "")
    name = parse_ref(
        request_model, empty_status=404, empty_message=f"model '{request_model}' not found", path="/api/generate"
    )
    model = find_model(state, name)
    if model is None:
        raise HTTPError(404, f"model '{request_model}' not found")
    prompt = str(data.get("prompt") or "")
    if not prompt and _keep_alive_zero(data.get("keep_alive")):
        state.runtime.unload(model)
        return _immediate(request_model, "unload", chat=False)
    raw = data.get("raw") is True
    system = str(data.get("system") or "")
    template_override = str(data.get("template") or "")
    context = data.get("context") or []
    if raw and (template_override or system or context):
        raise HTTPError(400, "raw mode does not support template, system, or context")
    suffix = str(data.get("suffix") or "")
    wanted = ["completion"] + (["insert"] if suffix else [])
    think, think_set = _think_level(data.get("think"), model, request_model)
    check_capabilities(model, wanted, request_model, "generate")
    scheduled = schedule(state, model, data.get("options"), data.get("keep_alive"))
    if not prompt:
        return _immediate(request_model, "load", chat=False)
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
    failure = _format_failure(data.get("format"))
    if failure is None and images and "vision" not in model.capabilities:
        failure = Failure(_MULTIMODAL, 400)
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
    )
    answer = _Answer(
        request_model=request_model,
        chat=False,
        stream=_stream_flag(data),
        scheduled=scheduled,
        prompt=rendered,
        inp=inp,
        raw=raw,
        failure=failure,
        prompt_tokens=max(len(vocabulary().tokenize(rendered)), 1),
    )
    return _respond(answer)


def _plain_messages(messages: list[Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for m in messages:
        if not isinstance(m, dict):
            continue
        msg = dict(m)
        msg["role"] = str(msg.get("role") or "").lower()
        msg.setdefault("content", "")
        out.append(msg)
    return out


async def chat(request: Request) -> Response:
    state = state_of(request)
    data = decode_body("chat", await read_body(request, state.settings.max_body_bytes))
    _check_top_logprobs(data)
    request_model = str(data.get("model") or "")
    name = parse_ref(request_model, empty_status=400, empty_message="model is required", path="/api/chat")
    model = find_model(state, name)
    if model is None:
        raise HTTPError(404, f"model '{request_model}' not found")
    messages = _plain_messages(data.get("messages") or [])
    if not messages and _keep_alive_zero(data.get("keep_alive")):
        state.runtime.unload(model)
        return _immediate(request_model, "unload", chat=True)
    tools = [t for t in data.get("tools") or [] if isinstance(t, dict)]
    wanted = ["completion"] + (["tools"] if tools else [])
    think, think_set = _think_level(data.get("think"), model, request_model)
    check_capabilities(model, wanted, request_model, "chat")
    scheduled = schedule(state, model, data.get("options"), data.get("keep_alive"))
    if not messages:
        return _immediate(request_model, "load", chat=True)
    convo = _plain_messages(model.messages) + messages
    if messages[0]["role"] != "system" and model.system:
        convo.insert(0, {"role": "system", "content": model.system})
    rendered = render_chat(model.template, convo, tools=tools, think=think, think_set=think_set)
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
    failure = _format_failure(data.get("format"))
    if failure is None and image_count and "vision" not in model.capabilities:
        failure = Failure(_MULTIMODAL, 400)
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
    )
    answer = _Answer(
        request_model=request_model,
        chat=True,
        stream=_stream_flag(data),
        scheduled=scheduled,
        prompt=rendered,
        inp=inp,
        with_tools=bool(tools),
        failure=failure,
        prompt_tokens=max(len(vocabulary().tokenize(rendered)), 1),
    )
    return _respond(answer)
