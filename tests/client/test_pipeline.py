"""The walk of one call through the runtime layer, recorded as it runs against the reference server.

`sys.setprofile` sees every Python function that starts or resumes; each is put in its room (the
module of `src/ollama_contract` it is written in) with the room it was called from. A call must
walk the stages in order, each once, and never come back to one it left: prepare (the helpers,
then `_request`), send (`_transport`), judge (`_judge`), then decode (`_ndjson`) or build
(`_answer`). The shells (`_streams`, `_object`, `_client`) are entered by the user's code or by
one another only, never by a stage; the libraries (`_spec`, `_validation`, `_errors`,
`_config`...) may be asked by any stage and call none. Calls that run before the walk reaches a
module are warmed first: a first call also compiles the schemas, once per process.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from ollama_api.api.inference import generate
from ollama_api.models import GenerateRequest

import ollama_contract as oc

ROOT = Path(oc.__file__).parent
OUTSIDE = ("server", "compat", "contract")  # other concerns, not the runtime layer
SHELLS = {"_streams.py", "_object.py", "_client.py"}
STAGES = ["helpers/_prepare.py", "_request.py", "_transport.py", "_judge.py", "_ndjson.py", "_answer.py"]

Entry = tuple[str, str | None]
"""(room entered, room it was entered from: None for code outside the runtime layer)."""


def room(frame: FrameType | None) -> str | None:
    if frame is None:
        return None
    path = Path(frame.f_code.co_filename)
    if not path.is_relative_to(ROOT):
        return None
    relative = path.relative_to(ROOT).as_posix()
    return None if relative.split("/", 1)[0] in OUTSIDE else relative


def record(action: Callable[[], Any]) -> tuple[list[Entry], Any]:
    """The rooms `action` enters, in order, each with the room it came from (consecutive repeats of
    one room folded into one stay)."""
    entries: list[Entry] = []

    def profile(frame: FrameType, event: str, arg: object) -> None:
        if event != "call":
            return
        here = room(frame)
        if here is not None and (not entries or entries[-1][0] != here):
            entries.append((here, room(frame.f_back)))

    sys.setprofile(profile)
    try:
        result = action()
    finally:
        sys.setprofile(None)
    return entries, result


def problems(entries: list[Entry], stages: list[str]) -> list[str]:
    """What is wrong with a walk that should go through `stages`, in that order, each once."""
    found = []
    walked = [r for r, _ in entries if r in STAGES]
    stays = [r for i, r in enumerate(walked) if i == 0 or walked[i - 1] != r]
    if stays != stages:
        found.append(f"stages walked {stays}, not {stages}")
    for here, came_from in entries:
        if here in SHELLS and came_from is not None and came_from not in SHELLS:
            found.append(f"{came_from} calls back into the shell {here}")
        if here in STAGES and came_from not in (None, here, *SHELLS):
            found.append(f"{came_from} calls the stage {here}")
    return found


def shown(entries: list[Entry]) -> str:
    return " -> ".join(r for r, _ in entries)


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    from ollama_contract.server import running_server

    with running_server() as base:
        yield base


BODY = GenerateRequest.from_dict(
    {"model": "llama3.2", "prompt": "Why is the sky blue?", "options": {"num_predict": 40}}
)


def test_a_stream_walks_request_send_judge_decode_once_each(url: str) -> None:
    with oc.create_client(url) as client:

        def call() -> list[Any]:
            with oc.stream(client, generate, BODY) as items:
                return list(items)

        call()  # warm: the first call compiles the schemas
        entries, items = record(call)
    assert len(items) > 10 and items[-1].done
    assert problems(entries, ["_request.py", "_transport.py", "_judge.py", "_ndjson.py"]) == [], shown(entries)


def test_between_two_lines_only_the_decoder_runs(url: str) -> None:
    """Once a stream has started, its items come from `_ndjson` alone: no frame of the stream
    object, the transport or the judge comes between one line and the next."""
    with oc.create_client(url) as client, oc.stream(client, generate, BODY) as items:
        lines = iter(items)
        first = next(lines)
        entries, rest = record(lambda: list(lines))
    assert first.done is False and len(rest) > 10
    assert {r for r, _ in entries} == {"_ndjson.py"}, shown(entries)


def test_the_client_object_walks_the_same_stages(url: str) -> None:
    with oc.Ollama(url) as client:

        def streamed() -> list[Any]:
            return list(client.generate("llama3.2", "Why?", stream=True, options={"num_predict": 20}))

        def whole() -> Any:
            return client.generate("llama3.2", "Why?", options={"num_predict": 20})

        for action, stages in (
            (streamed, ["helpers/_prepare.py", "_request.py", "_transport.py", "_judge.py", "_ndjson.py"]),
            (whole, ["helpers/_prepare.py", "_request.py", "_transport.py", "_judge.py", "_answer.py"]),
        ):
            action()
            entries, _ = record(action)
            assert problems(entries, stages) == [], shown(entries)


def test_the_walk_check_finds_the_old_walk() -> None:
    """The checks above can fail: the walk this layer had before it was one pipeline (issue 18,
    from the same recorder) breaks them, and so does a stage that calls another."""
    old = ["_streams.py", "_validation.py", "_ndjson.py", "_streams.py", "_transport.py", "_hooks.py"]
    old += ["_validation.py", "_transport.py", "_streams.py", "_ndjson.py", "_streams.py", "_ndjson.py"]
    entries: list[Entry] = [(r, None if i == 0 else old[i - 1]) for i, r in enumerate(old)]
    found = problems(entries, ["_request.py", "_transport.py", "_judge.py", "_ndjson.py"])
    assert any(p.startswith("stages walked") for p in found)
    assert "_ndjson.py calls back into the shell _streams.py" in found
    chained: list[Entry] = [("_streams.py", None), ("_request.py", "_streams.py"), ("_transport.py", "_request.py")]
    assert "_request.py calls the stage _transport.py" in problems(chained, ["_request.py", "_transport.py"])
