"""Finding the model a request names and "scheduling" it, with each endpoint's own errors.

Ollama words the same failure differently per endpoint (`model 'x' not found` for generate,
`model "x" not found, try pulling it first` for embed, `model is required` for chat but a 404 for
generate); the callers pass their wording in, and this module applies Ollama's order of checks.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Any

from .._state import State
from ..http.wire import HTTPError
from ..store.local import Model
from ..store.names import ModelName, SourceConflict, parse_name, split_source
from .loaded import runner_options
from .options import OptionError, merge_options, parse_keep_alive
from .pace import Pace, sleep_until

__all__ = ["Scheduled", "cloud_unreachable", "find_model", "parse_ref", "schedule"]


def cloud_unreachable(path: str) -> HTTPError:
    """What a `:cloud` model gets from a server that cannot reach ollama.com."""
    return HTTPError(502, f'Post "https://ollama.com:443{path}": dial tcp: lookup ollama.com: no such host')


def parse_ref(raw: Any, *, empty_status: int, empty_message: str, path: str) -> ModelName:
    """Parse a model reference; a blank name gets the endpoint's own status and message."""
    text = raw if isinstance(raw, str) else ""
    try:
        base, source = split_source(text)
    except SourceConflict as exc:
        raise HTTPError(400, str(exc)) from None
    except ValueError:
        raise HTTPError(empty_status, empty_message) from None
    name = parse_name(base)
    if not name.is_valid():
        raise HTTPError(400, "invalid model name")
    if source == "cloud":
        raise cloud_unreachable(path)
    return name


def find_model(state: State, name: ModelName) -> Model | None:
    return state.store.load(state.store.canonical(name))


@dataclass
class Scheduled:
    options: dict[str, Any]
    load_ns: int
    """The load duration to report: the wait measured with a real pace, a plausible one without."""
    num_ctx: int
    """The context length of the runner the request got."""
    started: float
    """time.monotonic() when scheduling began: where a paced answer's total_duration starts."""
    pace: Pace
    slot: asyncio.Lock | None = None
    """With a real pace, the runner's turn: a generation holds it while it runs."""


async def schedule(state: State, model: Model, request_options: Any, keep_alive: Any) -> Scheduled:
    """Check options and get the model's runner (Ollama's scheduleRunner, after capabilities).

    A request whose load-time options differ from the loaded runner's reloads it; with a real
    pace this waits for the load, and for a load another request started.
    """
    started = time.monotonic()
    try:
        options = merge_options(model.params, request_options if isinstance(request_options, dict) else None)
    except OptionError as exc:
        raise HTTPError(500, str(exc)) from None
    load = state.runtime.load(model, parse_keep_alive(keep_alive), options)
    pace = state.settings.pace
    load_ns = load.load_ns
    slot = None
    if pace.real:
        slot = state.runtime.slot(load.key)
        if load.cold:
            async with slot:  # after the answers under way on the old runner
                await asyncio.sleep(pace.load_seconds)
        else:
            await sleep_until(load.ready_at)  # a load another request started
        load_ns = int((time.monotonic() - started) * 1e9)
    num_ctx = runner_options(options, model.context_length)["num_ctx"]
    return Scheduled(options=options, load_ns=load_ns, num_ctx=num_ctx, started=started, pace=pace, slot=slot)


def check_capabilities(model: Model, wanted: list[str], request_model: str, verb: str) -> None:
    """400 when the model lacks a capability, in Ollama's words."""
    missing = [cap for cap in wanted if cap not in model.capabilities]
    if not missing:
        return
    if "completion" in missing:
        raise HTTPError(400, f"{_q(request_model)} does not support {verb}")
    raise HTTPError(400, f"{model.name} does not support {chr(10).join(missing)}")


def _q(s: str) -> str:
    from ..http.wire import go_quote

    return go_quote(s)
