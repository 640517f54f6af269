"""Progress lines as numbers (completed, total, fraction) and as tqdm bars, from a real pull."""

from __future__ import annotations

import asyncio
import io

from ollama_api.api.models import pull_model
from ollama_api.models import ProgressResponse, PullRequest

from ollama_contract import astream, create_client, stream
from ollama_contract.helpers import Progress, aprogress_bars, progress_bars
from ollama_contract.server import running_server


def test_progress_fills_the_gaps_and_works_out_the_fraction() -> None:
    step = Progress.of(
        ProgressResponse.from_dict({"status": "pulling abc", "digest": "sha256:abc", "total": 200, "completed": 50})
    )
    assert (step.completed, step.total, step.fraction, step.done) == (50, 200, 0.25, False)
    first = Progress.of(ProgressResponse.from_dict({"status": "pulling abc", "digest": "sha256:abc", "total": 200}))
    assert (first.completed, first.fraction) == (0, 0.0)
    plain = Progress.of({"status": "success"})
    assert (plain.total, plain.fraction, plain.done, plain.digest) == (None, None, True, None)


def test_a_pull_draws_one_bar_per_layer_and_yields_every_line() -> None:
    out = io.StringIO()
    with running_server(models="none") as url:
        with create_client(url) as client:
            steps = list(
                progress_bars(stream(client, pull_model, PullRequest(model="tinyllama")), file=out, mininterval=0)
            )
        again = asyncio.run(_apull(url))
    assert steps[-1].done and steps[0].status == "pulling manifest"
    layers = {s.digest for s in steps if s.total}
    assert layers and all(s.fraction is not None and 0 <= s.fraction <= 1 for s in steps if s.total)
    assert max(s.fraction or 0 for s in steps) == 1.0
    drawn = out.getvalue()
    assert drawn.count("100%") >= len(layers) and "pulling manifest" in drawn and "success" in drawn
    assert [s.status for s in again][-1] == "success"


async def _apull(url: str) -> list[Progress]:
    async with create_client(url) as client:
        pulled = astream(client, pull_model, PullRequest(model="tinyllama"))
        return [step async for step in aprogress_bars(pulled, disable=True)]
