"""Budget (b): a 256 x 1024 /api/embed response (about 2.6 MB of JSON), validated whole.

Contenders, all reading the same bytes through httpx.MockTransport:

- `raw`: httpx + `json.loads`;
- `official`: the `ollama` package (0.6.3), `Client.embed`;
- `embed on` / `embed off`: the generated `embed.sync` on a client from `create_client`, with
  the whole body validated against the spec (strict) or not (off).

Budget: validation on costs at most 1.15 times validation off.

Before timing, a planted fault in the very last number proves that `on` validates the whole body
(strict raises ContractViolation) and that `off` does not.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import json

import httpx
import ollama
from _client_common import BASE_URL, Pieces, budget, embed_body, fastest, mock
from ollama_api import Client
from ollama_api.api.inference import embed
from ollama_api.models import EmbedRequest, EmbedResponse

from ollama_contract import ContractViolation, create_client

ROWS, DIMS = 256, 1024
REPEAT = 9
TEXTS = [f"sentence number {n}" for n in range(ROWS)]


def main() -> int:
    body = embed_body(ROWS, DIMS)
    transport = mock("application/json; charset=utf-8", lambda: Pieces(body))
    raw = httpx.Client(base_url=BASE_URL, transport=transport)
    official = ollama.Client(host=BASE_URL, transport=transport)  # extra kwargs go to httpx.Client
    strict = create_client(BASE_URL, transport=transport, validation="strict")
    off = create_client(BASE_URL, transport=transport, validation="off")
    request = EmbedRequest(model="all-minilm", input_=TEXTS)

    def run_raw() -> int:
        response = raw.post("/api/embed", json={"model": "all-minilm", "input": TEXTS})
        return len(json.loads(response.content)["embeddings"])

    def run_official() -> int:
        return len(official.embed(model="all-minilm", input=TEXTS).embeddings)

    def ours(client: Client) -> Callable[[], int]:
        def run() -> int:
            answer = embed.sync(client=client, body=request)
            assert isinstance(answer, EmbedResponse)
            return len(answer.embeddings)

        return run

    contenders: dict[str, Callable[[], object]] = {
        "raw": run_raw,
        "official": run_official,
        "embed on": ours(strict),
        "embed off": ours(off),
    }
    for name, fn in contenders.items():
        seen = fn()
        assert seen == ROWS, f"{name} read {seen} vectors, not {ROWS}"
    check_that_on_means_on(body, request)
    best = fastest(contenders, REPEAT)
    print(f"{ROWS} x {DIMS} embeddings, {len(body) / 1e6:.1f} MB, best of {REPEAT} (ratio to validation off)")
    for name, seconds in best.items():
        print(f"  {name:10} {seconds * 1e3:7.2f} ms   {seconds / best['embed off']:.3f}x")
    ok = budget("embed 256x1024, validation on / off", best["embed on"] / best["embed off"], 1.15, "x")
    return 0 if ok else 1


def check_that_on_means_on(body: bytes, request: EmbedRequest) -> None:
    """A string in place of the last float: `on` must raise on it, `off` must not."""
    broken = body.replace(b"]]", b',"0.5"]]', 1)
    transport = mock("application/json; charset=utf-8", lambda: Pieces(broken))
    for mode in ("strict", "off"):
        try:
            embed.sync(client=create_client(BASE_URL, transport=transport, validation=mode), body=request)
        except ContractViolation as caught:
            assert mode == "strict" and caught.pointer == f"/embeddings/{ROWS - 1}/{DIMS}", caught
        else:
            assert mode == "off", "validation on missed a planted fault"


if __name__ == "__main__":
    sys.exit(main())
