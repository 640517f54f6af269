"""Budget (a): the per-line cost of a 20,000-line /api/generate stream, typed.

Contenders, all reading the same bytes through httpx.MockTransport:

- `raw`: httpx `iter_lines` + `json.loads`, dicts only: the floor;
- `official`: the `ollama` package (0.6.3), pydantic objects;
- `stream on` / `stream off`: this package's `stream(client, generate, body)`, attrs objects,
  every line validated against the spec (strict) or not (off);
- `sync_stream on` / `off`: the generated `generate.sync_stream` on a client from `create_client`,
  where the hooks validate each line as its bytes pass;
- `astream on`, `official async`: the same through the async clients.

Budgets, with validation on: the typed stream costs no more per line than the official client;
the generated `sync_stream` no more than the official client either (the hooks parse and check
each line and hand the parsed value over, and the model template's `from_dict` builds it); and
the typed stream no more than 1.5 times the floor.

Before timing, a planted fault in the last chunk proves that `on` checks every line (strict
raises ContractViolation) and that `off` does not.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterable, Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import asyncio
import json

import httpx
import ollama
from _client_common import BASE_URL, Pieces, budget, count, fastest, generate_lines, mock
from ollama_api import Client
from ollama_api.api.inference import generate
from ollama_api.models import GenerateRequest

from ollama_contract import ContractViolation, astream, create_client, stream

LINES = 20_000
REPEAT = 11
NDJSON = "application/x-ndjson"
PROMPT = "Why is the sky blue?"


def main() -> int:
    body = generate_lines(LINES)
    transport = mock(NDJSON, lambda: Pieces(body))
    raw = httpx.Client(base_url=BASE_URL, transport=transport)
    official = ollama.Client(host=BASE_URL, transport=transport)  # extra kwargs go to httpx.Client
    strict = create_client(BASE_URL, transport=transport, validation="strict")
    off = create_client(BASE_URL, transport=transport, validation="off")
    request = GenerateRequest(model="llama3.2", prompt=PROMPT)

    def run_raw() -> int:
        n = 0
        with raw.stream("POST", "/api/generate", json={"model": "llama3.2", "prompt": PROMPT}) as response:
            for line in response.iter_lines():
                if line:
                    json.loads(line)
                    n += 1
        return n

    def run_official() -> int:
        return count(official.generate(model="llama3.2", prompt=PROMPT, stream=True))

    def ours(client: Client) -> Callable[[], int]:
        return lambda: count(stream(client, generate, request))

    def generated(client: Client) -> Callable[[], int]:
        return lambda: count(generate.sync_stream(client=client, body=request))

    official_async = ollama.AsyncClient(host=BASE_URL, transport=transport)

    def run_official_async() -> int:
        async def run() -> int:
            return await acount(await official_async.generate(model="llama3.2", prompt=PROMPT, stream=True))

        return asyncio.run(run())

    def run_astream() -> int:
        async def run() -> int:
            async with astream(strict, generate, request) as chunks:
                return await acount(chunks)

        return asyncio.run(run())

    contenders: dict[str, Callable[[], object]] = {
        "raw": run_raw,
        "official": run_official,
        "stream on": ours(strict),
        "stream off": ours(off),
        "sync_stream on": generated(strict),
        "sync_stream off": generated(off),
        "official async": run_official_async,
        "astream on": run_astream,
    }
    for name, fn in contenders.items():
        seen = fn()
        assert seen == LINES, f"{name} read {seen} lines, not {LINES}"
    check_that_on_means_on(body, request)
    best = fastest(contenders, REPEAT)
    print(f"{LINES} lines, {len(body) / 1e6:.1f} MB, best of {REPEAT} (per line; ratio to the official client)")
    for name, seconds in best.items():
        print(f"  {name:16} {seconds / LINES * 1e6:6.2f} µs   {seconds / best['official']:.2f}x")
    added = (best["sync_stream on"] - best["sync_stream off"]) / LINES * 1e6
    print(f"  validation adds {added:.2f} µs a line to the generated sync_stream")
    ok = budget("generate stream, validation on / official client", best["stream on"] / best["official"], 1.0, "x")
    ok &= budget(
        "generate sync_stream, validation on / official client", best["sync_stream on"] / best["official"], 1.0, "x"
    )
    ok &= budget("generate stream, validation on / raw httpx + json.loads", best["stream on"] / best["raw"], 1.5, "x")
    return 0 if ok else 1


async def acount(items: AsyncIterable[object]) -> int:
    n = 0
    async for _ in items:
        n += 1
    return n


def check_that_on_means_on(body: bytes, request: GenerateRequest) -> None:
    """A wrong type in the last chunk line: `on` must raise on it, `off` must not."""
    lines = body.split(b"\n")
    bad = json.loads(lines[-3])
    bad["done"] = "no"
    lines[-3] = json.dumps(bad).encode()
    transport = mock(NDJSON, lambda: Pieces(b"\n".join(lines)))
    for mode in ("strict", "off"):
        client = create_client(BASE_URL, transport=transport, validation=mode)
        for typed in (True, False):
            try:
                list(stream(client, generate, request) if typed else generate.sync_stream(client=client, body=request))
            except ContractViolation as caught:
                assert mode == "strict" and caught.pointer == "/done", caught
                assert f"line {LINES - 1}" in caught.where, caught.where
            else:
                assert mode == "off", "validation on missed a planted fault"


if __name__ == "__main__":
    sys.exit(main())
