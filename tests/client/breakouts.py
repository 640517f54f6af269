"""Run 300 break-outs in a row from a stream nobody holds, then report what was left behind.

    python breakouts.py MODE     MODE: stream, astream, generated, agenerated, object, aobject

Run in a subprocess by test_breakouts.py, so that a freeze fails that test by its timeout instead
of hanging the run. The default collector stays on and is never called: the point is that nothing
waits for it. One connection in the pool, so a response left open blocks the next request.
Prints one JSON object: the iterations completed, the pool's connections that are not idle, and
every error reported by asyncio's exception handler, the unraisable hook or a log record.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from typing import Any

import httpx
from ollama_api.api.inference import generate
from ollama_api.models import GenerateRequest

import ollama_contract as oc
from ollama_contract.server import running_server

ROUNDS = 300
LIMITS = httpx.Limits(max_connections=1)
TIMEOUT = httpx.Timeout(10.0)  # a connection never given back shows as a PoolTimeout, not a hang
BODY = GenerateRequest(model="mistral", prompt="Why is the sky blue?")
errors: list[str] = []


class _Collect(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        errors.append(f"log {record.name}: {record.getMessage()}")


def _unraisable(info: Any) -> None:
    errors.append(f"unraisable: {info.exc_type.__name__}: {info.exc_value} in {info.object!r}")


def _busy(http: httpx.Client | httpx.AsyncClient) -> int:
    pool = http._transport._pool  # type: ignore[union-attr]
    return sum(1 for c in pool.connections if not c.is_idle()) + len(pool._requests)


def run_sync(url: str, mode: str) -> dict[str, Any]:
    http = httpx.Client(base_url=url, limits=LIMITS, timeout=TIMEOUT)
    done = 0
    if mode == "object":
        client: Any = oc.Ollama(url, http_client=http)
        for _ in range(ROUNDS):
            for _chunk in client.generate(model="mistral", prompt="Why is the sky blue?", stream=True):
                break
            done += 1
    else:
        generated = oc.create_client(url, http_client=http)
        opened = generate.sync_stream if mode == "generated" else lambda client, body: oc.stream(client, generate, body)
        for _ in range(ROUNDS):
            for _chunk in opened(client=generated, body=BODY):
                break
            done += 1
    return {"done": done, "busy": _busy(http)}


async def run_async(url: str, mode: str) -> dict[str, Any]:
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda _loop, context: errors.append(f"asyncio: {context.get('message')}"))
    http = httpx.AsyncClient(base_url=url, limits=LIMITS, timeout=TIMEOUT)
    done = 0
    if mode == "aobject":
        client: Any = oc.AsyncOllama(url, http_client=http)
        for _ in range(ROUNDS):
            async for _chunk in await client.generate(model="mistral", prompt="Why is the sky blue?", stream=True):
                break
            done += 1
    else:
        generated = oc.create_client(url, async_http_client=http)
        aopened = (
            generate.asyncio_stream if mode == "agenerated" else lambda client, body: oc.astream(client, generate, body)
        )
        for _ in range(ROUNDS):
            async for _chunk in aopened(client=generated, body=BODY):
                break
            done += 1
    # What a dropped async iterator leaves is closed by a task the loop runs next: let it run.
    for _ in range(10):
        await asyncio.sleep(0)
    return {"done": done, "busy": _busy(http)}


def main(mode: str) -> None:
    sys.unraisablehook = _unraisable
    logging.getLogger().addHandler(_Collect(logging.WARNING))
    with running_server(models=["mistral"]) as url:
        report = asyncio.run(run_async(url, mode)) if mode.startswith("a") else run_sync(url, mode)
    print(json.dumps({**report, "errors": errors}))


if __name__ == "__main__":
    main(sys.argv[1])
