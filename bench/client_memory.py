"""Budget (c): consuming a 1,000,000-line /api/generate stream grows resident memory by < 50 MB.

Each consumer runs in a fresh interpreter (this script, re-run with `--child NAME`), so that
nothing another one allocated hides or adds to its growth. The body (about 90 MB) is produced
piece by piece as it is read, from one 1,000-line block served a thousand times, so it never
sits in memory. The child:

1. consumes a 10,000-line stream first, so that imports, compiled schemas, builders and caches
   are in place (they are the cost of a client, not of a stream);
2. reads VmRSS (now, not the high-water mark) as the baseline, and resets the high-water mark
   (`5` into /proc/self/clear_refs) when the kernel allows;
3. consumes the million lines, sampling VmRSS every 10,000 lines, and reports the largest of the
   samples and of VmHWM, minus the baseline.

The typed stream keeps the text joined so far (about 4 MB here) for `result()` and for the
partial output of stream errors: that is part of what is measured.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _client_common import BASE_URL, Pieces, generate_lines, mock, rss_kib

LINES = 1_000_000
BLOCK = 1_000
WARMUP = 10_000
SAMPLE_EVERY = 10_000
LIMIT_MB = 50.0
CONSUMERS = ("stream on", "stream off", "sync_stream on", "official")
BUDGETED = ("stream on", "sync_stream on")


def _lines(name: str, lines: int) -> Iterator[object]:
    """The items of a `lines`-line stream: `repeat` blocks of BLOCK chunk lines, then the rest
    (the last chunks and the final line)."""
    block = generate_lines(BLOCK + 1).rsplit(b"\n", 2)[0] + b"\n"  # BLOCK chunk lines, no final line
    repeat = (lines - 1) // BLOCK
    rest = generate_lines(lines - repeat * BLOCK)
    transport = mock("application/x-ndjson", lambda: Pieces(rest, block=block, repeat=repeat))
    if name == "official":
        import ollama

        yield from ollama.Client(host=BASE_URL, transport=transport).generate(
            model="llama3.2", prompt="Hi", stream=True
        )
        return
    from ollama_api.api.inference import generate
    from ollama_api.models import GenerateRequest

    from ollama_contract import create_client, stream

    client = create_client(BASE_URL, transport=transport, validation="off" if name.endswith("off") else "strict")
    request = GenerateRequest(model="llama3.2", prompt="Hi")
    if name.startswith("sync_stream"):
        yield from generate.sync_stream(client=client, body=request)
    else:
        with stream(client, generate, request) as chunks:
            yield from chunks


def _hwm_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return -1


def _reset_hwm() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
        return True
    except OSError:
        return False


def _consume(items: Iterable[object]) -> tuple[int, int]:
    count, peak = 0, 0
    for _ in items:
        count += 1
        if count % SAMPLE_EVERY == 0:
            peak = max(peak, rss_kib())
    return count, peak


def child(name: str) -> None:
    warm, _ = _consume(_lines(name, WARMUP))
    assert warm == WARMUP, warm
    baseline = rss_kib()
    reset = _reset_hwm()
    count, peak = _consume(_lines(name, LINES))
    assert count == LINES, count
    if reset:
        peak = max(peak, _hwm_kib())
    print(f"{baseline} {peak} {int(reset)}")


def main() -> int:
    if rss_kib() < 0:
        print("budget stream memory: not measured (no /proc/self/status) over")
        return 1
    grown: dict[str, float] = {}
    print(f"{LINES} lines, resident memory growth after a {WARMUP}-line warm-up, each in a fresh process")
    for name in CONSUMERS:
        proc = subprocess.run(
            [sys.executable, __file__, "--child", name], capture_output=True, text=True, check=False, timeout=900
        )
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr)
            print(f"  {name:16} crashed (exit {proc.returncode})")
            grown[name] = float("inf")
            continue
        baseline, peak, reset = (int(x) for x in proc.stdout.split())
        grown[name] = (peak - baseline) / 1024
        how = "peak (VmHWM and samples)" if reset else "peak of samples"
        print(f"  {name:16} baseline {baseline / 1024:6.1f} MB, grew {grown[name]:5.1f} MB ({how})")
    ok = True
    for name in BUDGETED:
        measured = grown[name]
        fine = measured < LIMIT_MB
        ok &= fine
        print(
            f"budget {name} 1M lines, RSS growth: {measured:.1f} MB (limit {LIMIT_MB:g} MB) {'ok' if fine else 'over'}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(sys.argv[2])
    else:
        sys.exit(main())
