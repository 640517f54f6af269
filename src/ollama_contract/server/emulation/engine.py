"""The emulated model: deterministic text, thinking, tool calls, structured output and vectors.

Everything here is a pure function of its inputs. The random generator is seeded from the
model, the prompt (or messages), the request's shape and the sampling options; at temperature 0
the seed is left out, as greedy decoding ignores it. Logprobs use a second generator, so asking
for them never changes the text.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from .govalues import go_tools
from .structured import instance_for, json_mode_value
from .tokens import Walker, stable_hash, topic_words, vocabulary

__all__ = ["Done", "GenerationInput", "Piece", "ToolCalls", "embed_text", "generate", "token_budget"]

_SAMPLING = ("temperature", "top_k", "top_p", "min_p", "typical_p", "repeat_last_n", "repeat_penalty")
_PENALTIES = ("presence_penalty", "frequency_penalty")
_THINK_LENGTH = {"low": (8, 20), "medium": (16, 40), "high": (30, 70), "max": (40, 90)}


@dataclass
class GenerationInput:
    model_key: str
    style: str  # "chat" or "code"
    prompt: str  # the rendered prompt: what the model reads
    topic: str  # the last thing the user said
    options: dict[str, Any]
    format: Any = None
    think: str | None = None  # None (no thinking) or a level
    tools: list[dict[str, Any]] = field(default_factory=list)
    """The request's tools as sent: the emulated model fits its arguments to all of a schema."""
    tool_result: str | None = None
    images: int = 0
    suffix: str = ""
    logprobs: bool = False
    top_logprobs: int = 0
    endless: bool = False
    """The `endless` fault: the model never ends by itself; only `num_predict` (or `bound`) does."""
    bound: int = 0
    """Most tokens an answer without a positive `num_predict` may run to when endless (0: none)."""


def token_budget(inp: GenerationInput) -> int | None:
    """How many tokens may be generated, as Ollama reads `num_predict`; None: until the model stops.

    The option arrives as an integer already cut as Go cuts a float (0.7 is 0, 1.9 is 1). Zero
    and negatives mean no limit (Ollama 0.33 bounds a negative one at 10 x num_ctx, which only an
    endless model ever reaches).
    """
    num_predict = int(inp.options.get("num_predict", -1))
    if num_predict > 0:
        return num_predict
    return inp.bound if inp.endless and inp.bound > 0 else None


@dataclass
class Piece:
    channel: str  # "content" or "thinking"
    text: str
    logprob: dict[str, Any] | None = None


@dataclass
class ToolCalls:
    calls: list[dict[str, Any]]


@dataclass
class Done:
    reason: str
    eval_count: int


Output = Piece | ToolCalls | Done
"""What the model emits as it generates: text, tool calls, then the end with its reason."""


def _seed(inp: GenerationInput) -> int:
    opts = inp.options
    temperature = float(opts.get("temperature", 0.8))
    shape = (
        inp.model_key,
        inp.prompt,
        json.dumps(inp.format, sort_keys=True),
        inp.think,
        json.dumps(go_tools(inp.tools), sort_keys=True),  # what Ollama keeps of them, in any key order
        inp.images,
        inp.suffix,
    )
    if temperature <= 0:
        return stable_hash(*shape, "greedy")
    sampling = tuple(opts.get(k) for k in (*_SAMPLING, *_PENALTIES))
    return stable_hash(*shape, opts.get("seed", -1), sampling)


def _with_logprobs(
    pieces: Iterator[tuple[str, list[str]]], channel: str, inp: GenerationInput, lp_rng: random.Random
) -> Iterator[Piece]:
    if not inp.logprobs:
        for text, _ in pieces:
            yield Piece(channel, text)
        return
    vocab = vocabulary().pieces
    for text, options in pieces:
        chosen = -round(lp_rng.uniform(0.001, 1.5), 6)
        entry: dict[str, Any] = {"token": text, "logprob": chosen}
        if text:
            entry["bytes"] = list(text.encode("utf-8"))
        if inp.top_logprobs > 0:
            alternatives = [text]
            for option in [*options, *(vocab[lp_rng.randrange(2, len(vocab))] for _ in range(inp.top_logprobs * 2))]:
                if len(alternatives) >= inp.top_logprobs:
                    break
                if option not in alternatives and option.strip():
                    alternatives.append(option)
            top: list[dict[str, Any]] = []
            value = chosen
            for alt in alternatives:
                item: dict[str, Any] = {"token": alt, "logprob": value}
                if alt:
                    item["bytes"] = list(alt.encode("utf-8"))
                top.append(item)
                value = round(value - lp_rng.uniform(0.2, 2.0), 6)
            entry["top_logprobs"] = top
        yield Piece(channel, text, entry)


def _fixed(text: str) -> Iterator[tuple[str, list[str]]]:
    for piece in vocabulary().split(text):
        yield piece, [piece]


def _limit(pieces: Iterator[tuple[str, list[str]]], budget: int | None) -> Iterator[tuple[str, list[str]]]:
    if budget is None:
        yield from pieces
        return
    for i, item in enumerate(pieces):
        if i >= budget:
            return
        yield item


def _tool_calls(inp: GenerationInput, rng: random.Random) -> list[dict[str, Any]]:
    words = topic_words(inp.topic)
    best: dict[str, Any] = {}
    best_score = -1
    for tool in inp.tools:
        fn = tool.get("function") if isinstance(tool.get("function"), dict) else {}
        assert isinstance(fn, dict)
        label = f"{fn.get('name', '')} {fn.get('description', '')}".replace("_", " ")
        score = len(words & topic_words(label))
        if score > best_score:
            best, best_score = fn, score
    params = best.get("parameters") if isinstance(best.get("parameters"), dict) else {}
    assert isinstance(params, dict)
    hints = [w.strip("?,.!") for w in inp.topic.split() if w.strip("?,.!")]
    arguments = instance_for(params or {"type": "object"}, rng, hints) if params else {}
    if not isinstance(arguments, dict):
        arguments = {}
    call_id = "call_" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(8))
    return [{"id": call_id, "function": {"index": 0, "name": str(best.get("name", "")), "arguments": arguments}}]


def _structured(inp: GenerationInput, rng: random.Random) -> str:
    sentence = "".join(p for p, _ in Walker("answer", rng, topic_words(inp.topic), False).natural(6, 14)).strip()
    if isinstance(inp.format, dict):
        value = instance_for(inp.format, rng, inp.topic.split())
        return json.dumps(value, indent=2, ensure_ascii=False)
    return json.dumps(json_mode_value(sorted(topic_words(inp.topic)), rng, sentence), ensure_ascii=False)


def _content(inp: GenerationInput, rng: random.Random, budget: int | None) -> Iterator[tuple[str, list[str]]]:
    topic = topic_words(inp.topic)
    if inp.endless:
        yield from Walker("answer", rng, topic, False).pieces()
        return
    if inp.format not in (None, ""):
        yield from _fixed(_structured(inp, rng))
        return
    if inp.style == "code" or inp.suffix:
        walker = Walker("code", rng, topic, False)
        yield from walker.pieces() if budget is not None else walker.natural(12, 40)
        return
    if inp.tool_result is not None:
        yield from _fixed(f"Based on the tool's answer, {inp.tool_result.strip().rstrip('.')}. ")
    if inp.images:
        yield from Walker("image", rng, topic, False).natural(8, 20)
        yield " ", [" "]
    walker = Walker("answer", rng, topic, False)
    yield from walker.pieces() if budget is not None else walker.natural(20, 90)


def generate(inp: GenerationInput) -> Iterator[Output]:
    """The pieces of one answer, then Done. Tool calls come as one ToolCalls event."""
    seed = _seed(inp)
    rng = random.Random(seed)
    lp_rng = random.Random(seed ^ 0x5DEECE66D)
    budget = token_budget(inp)
    stops = [s for s in inp.options.get("stop", []) or [] if s]
    count = 0

    if inp.think is not None:
        lo, hi = _THINK_LENGTH.get(inp.think, _THINK_LENGTH["medium"])
        thoughts = Walker("thought", random.Random(seed ^ 0x7F4A7C15), topic_words(inp.topic), False).natural(lo, hi)
        for piece in _with_logprobs(_limit(thoughts, budget), "thinking", inp, lp_rng):
            count += 1
            yield piece
        if budget is not None and count >= budget:
            yield Done("length", count)
            return

    remaining = None if budget is None else budget - count
    if inp.tools and inp.tool_result is None and not inp.endless:
        calls = _tool_calls(inp, rng)
        cost = len(vocabulary().split(json.dumps(calls[0]["function"]["arguments"]))) + 4
        if remaining is not None and cost > remaining:
            text = json.dumps({"name": calls[0]["function"]["name"], "arguments": calls[0]["function"]["arguments"]})
            for piece in _with_logprobs(_limit(_fixed(text), remaining), "content", inp, lp_rng):
                count += 1
                yield piece
            yield Done("length", count)
            return
        yield ToolCalls(calls)
        yield Done("stop", count + cost)
        return

    pieces = _limit(_content(inp, rng, remaining), remaining)
    if not stops:
        produced = 0
        for piece in _with_logprobs(pieces, "content", inp, lp_rng):
            produced += 1
            yield piece
        reason = "length" if remaining is not None and produced >= remaining else "stop"
        yield Done(reason, count + produced)
        return

    # With stop sequences the whole answer is made first, then cut where a stop string begins.
    items = list(pieces)
    text = "".join(p for p, _ in items)
    cut = min((i for i in (text.find(s) for s in stops) if i >= 0), default=-1)
    reason = "length" if remaining is not None and len(items) >= remaining else "stop"
    if cut >= 0:
        reason = "stop"
        kept: list[tuple[str, list[str]]] = []
        pos = 0
        for text_piece, options in items:
            if pos + len(text_piece) <= cut:
                kept.append((text_piece, options))
                pos += len(text_piece)
                continue
            if cut > pos:
                kept.append((text_piece[: cut - pos], [text_piece[: cut - pos]]))
            break
        items = kept
    produced = 0
    for piece in _with_logprobs(iter(items), "content", inp, lp_rng):
        produced += 1
        yield piece
    yield Done(reason, count + produced + (1 if cut >= 0 else 0))


@lru_cache(maxsize=8192)
def _piece_vector(piece: str, dims: int, salt: int) -> np.ndarray[Any, Any]:
    rng = np.random.default_rng(stable_hash(piece.strip().lower(), salt) & 0xFFFFFFFFFFFF)
    return rng.standard_normal(dims).astype(np.float32)


def embed_text(text: str, dims: int, model_key: str, max_tokens: int | None = None) -> tuple[list[float], int]:
    """An un-normalised vector for a text, and how many tokens it used.

    The vector is a sum of per-word vectors, so texts that share words point the same way.
    """
    vocab = vocabulary()
    pieces = [p for p in vocab.split(text) if p.strip()] or [text]
    tokens = len(vocab.tokenize(text)) + 2
    if max_tokens is not None and tokens > max_tokens:
        keep = max(max_tokens - 2, 1)
        pieces = pieces[:keep]
        tokens = max_tokens
    salt = stable_hash(model_key) & 0xFFFF
    total = np.zeros(dims, dtype=np.float32)
    for piece in pieces:
        total += _piece_vector(piece, dims, salt)
    total += _piece_vector("\x00bias", dims, salt) * 0.5
    return [float(str(v)) for v in total], tokens


def normalise(vector: list[float]) -> list[float]:
    norm = math.sqrt(sum(v * v for v in vector)) or 1e-12
    return [float(str(np.float32(v / norm))) for v in vector]
