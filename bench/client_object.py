"""Budget: the client object (`Ollama`) costs no more than the official client, per call and per line.

Contenders read the same bytes through httpx.MockTransport:

- `raw`: httpx + `json.loads`, dicts only: the floor;
- `official`: the `ollama` package (0.6.3), pydantic objects in and out;
- `compat`: `ollama_contract.compat.Client`, the drop-in: the official classes, built from lines
  the contract checked (budget: 1.25x the official client per streamed line);
- `object on` / `object off`: `Ollama(...)`, with every request and response validated against
  the spec (strict) or not (off), typed attrs answers out.

Cases: a non-streamed `chat` (a three-message history, options as a dict) and `generate`, each
called CALLS times; and a 20,000-line `/api/generate` stream through `generate(..., stream=True)`.
Budgets: with validation on, each costs no more than the official client (ratio <= 1). Times are
this process's CPU time (best of REPEAT interleaved runs), as the machine is shared.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gc
import json
import time

import httpx
import ollama
from _client_common import BASE_URL, Pieces, budget, count, final_line, generate_lines, mock

import ollama_contract.compat as compat
from ollama_contract import Ollama

CALLS = 300
LINES = 20_000
REPEAT = 9
HISTORY: list[dict[str, Any]] = [
    {"role": "system", "content": "You answer in one sentence."},
    {"role": "user", "content": "Why is the sky blue?"},
    {"role": "assistant", "content": "Because of Rayleigh scattering."},
]
OPTIONS: dict[str, Any] = {"seed": 123, "temperature": 0.2, "num_ctx": 4096}
PROMPT = "Why is the sky blue?"


def chat_body() -> bytes:
    answer = {
        **final_line("llama3.2", 32),
        "message": {"role": "assistant", "content": "The sky is blue because air scatters blue light the most. " * 4},
    }
    del answer["response"], answer["context"]
    return json.dumps(answer).encode()


def generate_body() -> bytes:
    answer = {**final_line("llama3.2", 32), "response": "The sky is blue because of Rayleigh scattering."}
    return json.dumps(answer).encode()


def contenders_for(
    transport: httpx.MockTransport, raw_call: Callable[[httpx.Client], object], official_call: Any, ours_call: Any
) -> dict[str, Callable[[], object]]:
    raw = httpx.Client(base_url=BASE_URL, transport=transport)
    official = ollama.Client(host=BASE_URL, transport=transport)
    on = Ollama(BASE_URL, transport=transport, validation="strict")
    off = Ollama(BASE_URL, transport=transport, validation="off")
    dropin = compat.Client(host=BASE_URL, transport=transport)
    return {
        "raw": lambda: raw_call(raw),
        "official": lambda: official_call(official),
        "object on": lambda: ours_call(on),
        "object off": lambda: ours_call(off),
        "compat": lambda: official_call(dropin),
    }


def repeated(call: Callable[[Any], object]) -> Callable[[Any], object]:
    def run(client: Any) -> object:
        for _ in range(CALLS):
            call(client)
        return CALLS

    return run


def report(title: str, best: dict[str, float], per: int, unit: str) -> tuple[float, float]:
    """Print the times; the ratios of the client object (validation on) and of the drop-in to the official client."""
    print(f"{title}, best of {REPEAT} (per {unit}; ratio to the official client)")
    for name, seconds in best.items():
        print(f"  {name:12} {seconds / per * 1e6:7.2f} µs   {seconds / best['official']:.2f}x")
    return best["object on"] / best["official"], best["compat"] / best["official"]


def fastest(contenders: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """The least CPU time of `repeat` interleaved runs of each contender, in seconds.

    CPU time of this process, not the wall clock: on a machine shared with other jobs, the wall
    clock counts the time spent waiting for a core, which says nothing of the client's cost.
    """
    best = dict.fromkeys(contenders, float("inf"))
    for fn in contenders.values():
        fn()
    for _ in range(repeat):
        for name, fn in contenders.items():
            gc.collect()
            start = time.process_time()
            fn()
            best[name] = min(best[name], time.process_time() - start)
    return best


def main() -> int:
    chat_transport = mock("application/json; charset=utf-8", lambda: Pieces(chat_body()))
    chat = contenders_for(
        chat_transport,
        repeated(lambda c: c.post("/api/chat", json={"model": "llama3.2", "messages": HISTORY}).json()),
        repeated(lambda c: c.chat("llama3.2", HISTORY, options=OPTIONS)),
        repeated(lambda c: c.chat("llama3.2", HISTORY, options=OPTIONS)),
    )
    generate_transport = mock("application/json; charset=utf-8", lambda: Pieces(generate_body()))
    generate = contenders_for(
        generate_transport,
        repeated(lambda c: c.post("/api/generate", json={"model": "llama3.2", "prompt": PROMPT}).json()),
        repeated(lambda c: c.generate("llama3.2", PROMPT, options=OPTIONS)),
        repeated(lambda c: c.generate("llama3.2", PROMPT, options=OPTIONS)),
    )
    body = generate_lines(LINES)
    stream_transport = mock("application/x-ndjson", lambda: Pieces(body))

    def raw_stream(c: httpx.Client) -> int:
        n = 0
        with c.stream("POST", "/api/generate", json={"model": "llama3.2", "prompt": PROMPT}) as response:
            for line in response.iter_lines():
                if line:
                    json.loads(line)
                    n += 1
        return n

    streamed = contenders_for(
        stream_transport,
        raw_stream,
        lambda c: count(c.generate("llama3.2", PROMPT, stream=True)),
        lambda c: count(c.generate("llama3.2", PROMPT, stream=True)),
    )
    for name, fn in streamed.items():
        assert fn() == LINES, name
    ratios = {
        "chat": report(f"non-streamed chat, {CALLS} calls", fastest(chat, REPEAT), CALLS, "call"),
        "generate": report(f"non-streamed generate, {CALLS} calls", fastest(generate, REPEAT), CALLS, "call"),
        "stream": report(f"{LINES}-line generate stream", fastest(streamed, REPEAT), LINES, "line"),
    }
    ok = budget("client object chat, validation on / official client", ratios["chat"][0], 1.0, "x")
    ok &= budget("client object generate, validation on / official client", ratios["generate"][0], 1.0, "x")
    ok &= budget("client object generate stream, validation on / official client", ratios["stream"][0], 1.0, "x")
    # The drop-in builds the official pydantic classes, as the official client does, and checks
    # each line against the contract on top (about 0.5 µs a line): it may cost a quarter more.
    ok &= budget("compat generate stream / official client", ratios["stream"][1], 1.25, "x")
    chat_ratio, generate_ratio = ratios["chat"][1], ratios["generate"][1]
    print(f"compat chat / official client: {chat_ratio:.2f}x, generate: {generate_ratio:.2f}x (no budget)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
