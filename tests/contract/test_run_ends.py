"""A run ends by itself, leaves a report however it ends, and refuses a bad target at once.

Each test runs `ollama-contract check` as a user would, in an empty folder, against the
reference server started on the side (a server the run did not start).
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from ollama_contract.server import running_server

CHECK = [sys.executable, "-m", "ollama_contract", "check"]


def check(cwd: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CHECK, "--report-dir", "report", *args], capture_output=True, text=True, cwd=cwd, timeout=timeout
    )


@pytest.mark.parametrize(
    ("target", "words"),
    [
        (["--base-url", "http://127.0.0.1:1"], "nothing is listening at http://127.0.0.1:1"),
        (["--base-url", "notaurl"], "does not resolve"),
        (["--base-url", "ftp://127.0.0.1"], "is not an http:// or https:// URL"),
    ],
)
def test_a_target_that_cannot_be_checked_is_refused_at_once(tmp_path: Path, target: list[str], words: str) -> None:
    proc = check(tmp_path, *target, timeout=60)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert words in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert not (tmp_path / "report").exists(), "a refused run must not leave a report of nothing"


def test_a_model_that_is_not_installed_is_refused_with_the_installed_ones(tmp_path: Path) -> None:
    with running_server() as url:
        proc = check(tmp_path, "--base-url", url, "--model", "no-such-model", timeout=60)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "--model no-such-model: no such model" in proc.stderr and "llama3.2:latest" in proc.stderr, proc.stderr


def test_a_request_past_its_deadline_is_a_failure_and_the_run_goes_on(tmp_path: Path) -> None:
    with running_server(faults=["delay=1500"]) as url:
        proc = check(tmp_path, "--base-url", url, "--request-timeout", "0.25", "--max-examples", "1", "--quick")
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output[-3000:]
    report = (tmp_path / "report" / "report.md").read_text()
    assert "- status: finished" in report and "no answer within 0.25 s" in report
    assert "curl -X POST" in report  # each miss comes with the request to replay
    suite = ET.parse(tmp_path / "report" / "junit.xml").getroot().find("testsuite")
    assert suite is not None and int(suite.get("failures", "0")) > 0
    ran = {case.get("name") for case in suite.iter("testcase")}
    assert {"POST /api/chat", "GET /api/ps", "test_same_seed_same_text"} <= ran, "the run stopped early"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"], "the run wrote outside its report folder"


def test_max_time_ends_the_run_with_a_report(tmp_path: Path) -> None:
    with running_server() as url:
        proc = check(tmp_path, "--base-url", url, "--max-time", "1")
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-3000:]
    report = (tmp_path / "report" / "report.md").read_text()
    # Stopped between tests, or by the watchdog when --max-time passed while the tests were
    # still being collected: either way the run ended by itself and said why.
    status = next(line for line in report.splitlines() if line.startswith("- status:"))
    assert "--max-time" in status, report


def test_a_signal_stops_the_run_and_leaves_a_readable_report(tmp_path: Path) -> None:
    with running_server() as url:
        proc = subprocess.Popen(
            [*CHECK, "--report-dir", "report", "--base-url", url, "--progress", "plain"],
            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        junit = tmp_path / "report" / "junit.xml"
        deadline = time.monotonic() + 300
        while not (junit.exists() and "<testcase" in junit.read_text()):
            assert proc.poll() is None and time.monotonic() < deadline, "the run ended before its first test did"
            time.sleep(0.5)
        proc.send_signal(signal.SIGTERM)
        output, _ = proc.communicate(timeout=120)
    assert proc.returncode == 130, output[-3000:]
    report = (tmp_path / "report" / "report.md").read_text()
    assert "- status: interrupted" in report and "**incomplete**" in report, report
    suite = ET.parse(junit).getroot().find("testsuite")
    assert suite is not None and len(list(suite.iter("testcase"))) >= 1


def test_a_signal_whose_interrupt_is_swallowed_still_ends_the_run_as_interrupted() -> None:
    """The handler's KeyboardInterrupt can land in code that catches everything (it did once, in
    CI: the run went on and ended 'finished'). The signal itself stops the run after the current
    test and makes its end 'interrupted', exit 130."""
    from types import SimpleNamespace

    from ollama_contract.contract._plugin import INTERRUPTED, ReportPlugin
    from ollama_contract.contract._progress import Progress
    from ollama_contract.contract._report import Recorder

    recorder = Recorder()
    plugin = ReportPlugin(recorder, None, "http://127.0.0.1:1", Progress(recorder, "off"))
    session: Any = SimpleNamespace(shouldstop=False, exitstatus=pytest.ExitCode.OK)
    plugin.pytest_sessionstart(session)
    plugin.interrupted()  # what the SIGTERM handler does before it raises
    assert session.shouldstop
    plugin.pytest_sessionfinish(session, 0)
    assert plugin.status == INTERRUPTED and session.exitstatus == pytest.ExitCode.INTERRUPTED
