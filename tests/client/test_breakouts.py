"""Breaking out of a stream's loop, 300 times in a row, closes every response at once (no freeze).

Each case runs `breakouts.py` in its own process against the reference server on loopback, with
a one-connection pool and the default garbage collector, never called. A response that only the
collector can close leaves the pool's one connection busy, so the next request waits on it: the
subprocess's timeout turns such a freeze into a failure.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = Path(__file__).with_name("breakouts.py")


@pytest.mark.parametrize("mode", ["stream", "astream", "generated", "agenerated", "object", "aobject"])
def test_three_hundred_break_outs_leave_nothing_behind(mode: str) -> None:
    try:
        run = subprocess.run(
            [sys.executable, str(CHILD), mode], capture_output=True, text=True, timeout=120, cwd=CHILD.parent
        )
    except subprocess.TimeoutExpired as exc:  # pragma: no cover - the freeze this test is about
        pytest.fail(f"{mode}: froze (no answer in {exc.timeout} s)\n{exc.stderr!r}")
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report == {"done": 300, "busy": 0, "errors": []}, run.stderr[-3000:]
