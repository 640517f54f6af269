"""Progress shows that a run is alive, in a terminal and in a CI log."""

from __future__ import annotations

import io
import time

from ollama_contract.contract._progress import Progress
from ollama_contract.contract._report import Finding, Recorder

CHAT = "contract_tests/test_operations.py::test_operation[POST /api/chat]"


def test_plain_progress_prints_the_running_test_periodically_and_each_finished_one() -> None:
    recorder, out = Recorder(), io.StringIO()
    progress = Progress(recorder, "plain", stream=out, interval=0.05)
    progress.start()
    record = recorder.begin(CHAT)
    recorder.case("POST /api/chat")
    recorder.finding(Finding("POST /api/chat", "property", "no answer within 60 s", "", "curl ..."))
    deadline = time.monotonic() + 10
    while "running" not in out.getvalue() and time.monotonic() < deadline:
        time.sleep(0.02)
    record.seconds, record.outcome = 1.0, "FAILED"
    progress.finished(record)
    progress.stop()
    lines = out.getvalue().splitlines()
    assert any(line.startswith("running  property  POST /api/chat: 1 cases, 1 failure") for line in lines), lines
    assert lines[-1].startswith("FAILED   property  POST /api/chat: 1 cases, 1 failure, 1s"), lines


def test_off_prints_nothing() -> None:
    recorder, out = Recorder(), io.StringIO()
    progress = Progress(recorder, "off", stream=out, interval=0.01)
    progress.start()
    record = recorder.begin(CHAT)
    record.seconds, record.outcome = 1.0, "passed"
    progress.finished(record)
    progress.stop()
    assert out.getvalue() == ""
