"""What `/api/generate` and `/api/chat` answer once a request is accepted: chunks or one object.

Both endpoints share the shape of their answer: chunks while streaming, one merged object when
`stream` is false, a plain JSON error when something fails before the first line. Chunks are
built as plain dicts on this hot path; the tests validate every one against the spec.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import AsyncGenerator, AsyncIterator, Iterable, Iterator
from contextlib import aclosing
from dataclasses import dataclass, field
from typing import Any

from starlette.responses import Response

from ..emulation.engine import Done, GenerationInput, Piece, ToolCalls, generate
from ..emulation.govalues import go_tool_calls
from ..emulation.options import parse_keep_alive
from ..emulation.pace import sleep_until
from ..emulation.scheduler import Scheduled
from ..emulation.tokens import stable_hash, vocabulary
from ..http.wire import (
    JSON,
    DeferredJSONResponse,
    Failure,
    HTTPError,
    NDJSONResponse,
    go_quote,
    json_response,
    utc_timestamp,
)
from ..store.local import Model

__all__ = [
    "ENDLESS_CONTEXTS",
    "MULTIMODAL",
    "Answer",
    "check_top_logprobs",
    "format_failure",
    "immediate",
    "keep_alive_zero",
    "plain_messages",
    "respond",
    "stream_flag",
    "think_level",
]

MULTIMODAL = (
    '{"error":{"code":400,"message":"Multimodal data provided, but model does not support multimodal requests.",'
    '"type":"invalid_request_error"}}'
)


def think_level(value: Any, model: Model, request_model: str) -> tuple[str | None, bool]:
    """The effective thinking level (None: no thinking) and whether the request set `think`."""
    is_set = value is not None
    if "thinking" in model.capabilities:
        if value is None or value is True:
            return "medium", is_set
        if value is False:
            return None, is_set
        return str(value), is_set
    if value is True or isinstance(value, str):
        raise HTTPError(400, f"{go_quote(request_model)} does not support thinking")
    return None, is_set


def format_failure(fmt: Any) -> Failure | None:
    if fmt is None or fmt == "" or fmt == "json" or isinstance(fmt, dict):
        return None
    raw = json.dumps(fmt, separators=(",", ":"), ensure_ascii=False)
    return Failure(f'invalid format: {go_quote(raw)}; expected "json" or a valid JSON Schema object', 500)


ENDLESS_CONTEXTS = 10
"""An endless answer without a positive num_predict stops after this many contexts of tokens:
Ollama 0.33's own bound for an open-ended generation (llm.boundedNumPredict)."""


@dataclass
class Answer:
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


def _metrics(answer: Answer, eval_count: int) -> dict[str, int]:
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


def _chunks(answer: Answer) -> Iterator[dict[str, Any]]:
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


async def _stream(answer: Answer) -> AsyncIterator[dict[str, Any] | Failure]:
    if answer.failure is not None:
        yield answer.failure
        return
    if answer.scheduled.pace.real:
        # Closed explicitly, so a client that leaves frees the runner's slot at once.
        async with aclosing(_paced(answer)) as paced:
            async for chunk in paced:
                yield chunk
        return
    for chunk in _chunks(answer):
        yield chunk


async def _paced(answer: Answer) -> AsyncGenerator[dict[str, Any], None]:
    """The chunks at a real pace: the prompt's evaluation, then each token, take their time.

    The final chunk reports the durations measured, so what an answer says it took is what it
    took; `total_duration` starts when scheduling began, so it includes the load.
    """
    slot = answer.scheduled.slot
    async with contextlib.AsyncExitStack() as stack:
        if slot is not None:
            await stack.enter_async_context(slot)
        timed = await stack.enter_async_context(aclosing(_timed(answer)))
        async for chunk in timed:
            yield chunk


async def _timed(answer: Answer) -> AsyncGenerator[dict[str, Any], None]:
    pace = answer.scheduled.pace
    prompt_start = time.monotonic()
    await sleep_until(prompt_start + answer.prompt_tokens / pace.prompt_rate)
    eval_start = time.monotonic()
    tokens = 0
    for chunk in _chunks(answer):
        if chunk["done"]:
            count = int(chunk.get("eval_count", 0))
            await sleep_until(eval_start + max(count, tokens) / pace.token_rate)
            end = time.monotonic()
            chunk["total_duration"] = int((end - answer.scheduled.started) * 1e9)
            chunk["load_duration"] = answer.scheduled.load_ns
            chunk["prompt_eval_duration"] = int((eval_start - prompt_start) * 1e9)
            if count:
                chunk["eval_duration"] = int((end - eval_start) * 1e9)
        else:
            tokens += 1
            await sleep_until(eval_start + tokens / pace.token_rate)
        chunk["created_at"] = utc_timestamp()
        yield chunk


def _merged(answer: Answer, chunks: Iterable[dict[str, Any]]) -> dict[str, Any]:
    content: list[str] = []
    thinking: list[str] = []
    logprobs: list[Any] = []
    calls: list[Any] = []
    last: dict[str, Any] = {}
    for chunk in chunks:
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


def respond(answer: Answer) -> Response:
    if answer.stream:
        return NDJSONResponse(_stream(answer), flush_each=answer.scheduled.pace.real)
    if answer.failure is not None:
        raise HTTPError(answer.failure.status, answer.failure.message, JSON)
    if answer.scheduled.pace.real:

        async def paced() -> dict[str, Any]:
            async with aclosing(_paced(answer)) as chunks:
                return _merged(answer, [chunk async for chunk in chunks])

        return DeferredJSONResponse(paced)
    return json_response(_merged(answer, _chunks(answer)))


def stream_flag(data: dict[str, Any]) -> bool:
    return data.get("stream") is not False


def immediate(request_model: str, reason: str, chat: bool) -> Response:
    body: dict[str, Any] = {"model": request_model, "created_at": utc_timestamp()}
    if chat:
        body["message"] = {"role": "assistant", "content": ""}
    else:
        body["response"] = ""
    body["done"] = True
    body["done_reason"] = reason
    return json_response(body)


def keep_alive_zero(value: Any) -> bool:
    return value is not None and parse_keep_alive(value) == 0


def check_top_logprobs(data: dict[str, Any]) -> None:
    top = data.get("top_logprobs", 0)
    if isinstance(top, int) and not 0 <= top <= 20:
        raise HTTPError(400, "top_logprobs must be between 0 and 20")


def plain_messages(messages: list[Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for m in messages:
        if not isinstance(m, dict):
            continue
        msg = dict(m)
        msg["role"] = str(msg.get("role") or "").lower()
        msg.setdefault("content", "")
        if isinstance(msg.get("tool_calls"), list):
            msg["tool_calls"] = go_tool_calls(msg["tool_calls"])
        out.append(msg)
    return out
