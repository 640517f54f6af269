#!/usr/bin/env python3
"""How many NDJSON lines per second the reference server streams over loopback to a raw httpx reader.

The contract suite and users' tests read long generate and chat streams from this server; it must
never be what slows them down. The server runs in this process (its thread shares the GIL with
the reader, which only makes the figure more cautious); the reader counts lines with
`iter_lines` and parses nothing. Each run streams one answer of `num_predict` tokens, one line per
token plus the final line; the figure is the median of several runs, per operation, and the
budget applies to the slower operation.
"""

from __future__ import annotations

import statistics
import sys
import time
from typing import Any

import httpx

from ollama_contract.server import running_server

BUDGET = 20_000  # lines per second, at least
TOKENS = 20_000
RUNS = 5
BODIES: dict[str, tuple[str, dict[str, Any]]] = {
    "generate": ("/api/generate", {"model": "mistral", "prompt": "Why is the sky blue?"}),
    "chat": ("/api/chat", {"model": "mistral", "messages": [{"role": "user", "content": "Why is the sky blue?"}]}),
}


def stream_once(http: httpx.Client, path: str, body: dict[str, Any]) -> tuple[int, float]:
    """Lines received and seconds taken, from sending the request to the last byte."""
    start = time.perf_counter()
    count = 0
    with http.stream("POST", path, json=body) as response:
        response.raise_for_status()
        for line in response.iter_lines():
            if line:
                count += 1
    return count, time.perf_counter() - start


def main() -> int:
    rates: dict[str, float] = {}
    with running_server(models=["mistral"]) as url, httpx.Client(base_url=url, timeout=120) as http:
        for name, (path, base) in BODIES.items():
            body = {**base, "options": {"seed": 1, "num_predict": TOKENS}}
            stream_once(http, path, {**body, "options": {"seed": 1, "num_predict": 10}})  # load the model
            runs = []
            for _ in range(RUNS):
                count, seconds = stream_once(http, path, body)
                if count != TOKENS + 1:
                    print(f"{name}: expected {TOKENS + 1} lines, got {count}", file=sys.stderr)
                    return 1
                runs.append(count / seconds)
            rates[name] = statistics.median(runs)
            print(f"server-stream {name}: {TOKENS + 1} lines a run, median of {RUNS} runs: {rates[name]:,.0f} lines/s")
    measured = min(rates.values())
    verdict = "ok" if measured >= BUDGET else "over"
    print(f"budget server-stream-lines-per-second: {measured:.0f} (limit {BUDGET}) {verdict}")
    return 0 if verdict == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
