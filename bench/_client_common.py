"""What the client benchmarks share: the bytes served, the mock transport, the clock and the verdict.

Every contender reads the very same bytes through `httpx.MockTransport`, so what differs is only
the client's own work (splitting, parsing, validating, building objects). The body is served as
a stream of fixed-size pieces, as a socket would hand it over, never as a body httpx already
holds: a stream read from memory would skip the per-chunk work a real response costs.

The machine is shared and noisy, so each contender runs several times, interleaved with the
others (a slow spell then hits all of them), and the fastest run of each is kept: noise only
ever adds time. Budgets are ratios between contenders measured in the same run.
"""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import httpx

__all__ = [
    "BASE_URL",
    "Pieces",
    "budget",
    "count",
    "embed_body",
    "fastest",
    "generate_lines",
    "mock",
    "rss_kib",
]

BASE_URL = "http://127.0.0.1:11434"
PIECE = 16 * 1024
"""Bytes per read: what one read of a busy socket hands over (httpx reads at most 64 KiB)."""

_WORDS = [" The", " sky", " is", " blue", " because", " of", " Rayleigh", " scattering", ".", "\n", " é", " 空"]


def generate_lines(count: int, model: str = "llama3.2") -> bytes:
    """An /api/generate stream of `count` lines as Ollama writes it: chunks, then the final line."""
    out = []
    for n in range(count - 1):
        stamp = f"2025-10-02T09:14:{n // 100000 % 60:02d}.{n % 100000:06d}Z"
        out.append({"model": model, "created_at": stamp, "response": _WORDS[n % len(_WORDS)], "done": False})
    out.append(final_line(model, count))
    return b"".join(json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode() + b"\n" for line in out)


def final_line(model: str, count: int) -> dict[str, Any]:
    return {
        "model": model,
        "created_at": "2025-10-02T09:15:00.000000Z",
        "response": "",
        "done": True,
        "done_reason": "stop",
        "context": [128006, 882, 128007, 271],
        "total_duration": 612983542,
        "load_duration": 21739958,
        "prompt_eval_count": 31,
        "prompt_eval_duration": 101000000,
        "eval_count": count - 1,
        "eval_duration": 74000000,
    }


def embed_body(rows: int, dims: int, model: str = "all-minilm") -> bytes:
    """An /api/embed response of `rows` vectors of `dims` floats, with Ollama's float32 precision."""
    state = 12345
    vectors = []
    for _ in range(rows):
        row = []
        for _ in range(dims):
            state = (state * 1103515245 + 12345) % 2**31
            row.append(float(f"{state / 2**31 * 0.2 - 0.1:.9g}"))
        vectors.append(row)
    body = {
        "model": model,
        "embeddings": vectors,
        "total_duration": 14143917,
        "load_duration": 1019500,
        "prompt_eval_count": 8 * rows,
    }
    return json.dumps(body, separators=(",", ":")).encode()


class Pieces(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body handed over in pieces of PIECE bytes, produced as they are read (so that a
    million-line body never sits in memory: `repeat` serves `block` that many times first)."""

    def __init__(self, body: bytes, *, block: bytes = b"", repeat: int = 0) -> None:
        self.body = body
        self.block = block
        self.repeat = repeat

    def _pieces(self) -> Iterator[bytes]:
        block = self.block
        for _ in range(self.repeat):
            for start in range(0, len(block), PIECE):
                yield block[start : start + PIECE]
        body = self.body
        for start in range(0, len(body), PIECE):
            yield body[start : start + PIECE]

    def __iter__(self) -> Iterator[bytes]:
        yield from self._pieces()

    async def __aiter__(self) -> Any:
        for piece in self._pieces():
            yield piece


def mock(content_type: str, make_stream: Callable[[], Pieces]) -> httpx.MockTransport:
    """A transport that answers every request with 200, `content_type`, and a fresh stream."""

    def handle(request: httpx.Request) -> httpx.Response:
        request.read()
        return httpx.Response(200, headers={"content-type": content_type}, stream=make_stream())

    return httpx.MockTransport(handle)


def count(items: Iterable[object]) -> int:
    """Consume `items`, keeping none: what every stream contender does with what it reads."""
    n = 0
    for _ in items:
        n += 1
    return n


def fastest(contenders: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """The shortest of `repeat` interleaved runs of each contender, in seconds (after one warm-up run)."""
    best = dict.fromkeys(contenders, float("inf"))
    for fn in contenders.values():
        fn()
    for _ in range(repeat):
        for name, fn in contenders.items():
            gc.collect()
            start = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def budget(name: str, measured: float, limit: float, unit: str = "") -> bool:
    """Print the verdict line of one budget; True when it is met."""
    ok = measured <= limit
    print(f"budget {name}: {measured:.3g}{unit} (limit {limit:g}{unit}) {'ok' if ok else 'over'}")
    return ok


def rss_kib() -> int:
    """Resident memory of this process now, in KiB (VmRSS), or -1 where /proc is missing."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1
