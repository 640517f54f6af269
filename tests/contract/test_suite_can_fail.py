"""The contract suite is only worth something if it can fail: plant each violation, see it caught.

Each case starts the reference server with one contract-breaking fault, runs `ollama-contract
check` against it as a user would, and asserts that the run fails and that its report names the
violation. A clean run must pass, or the suite would cry wolf.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

# fault -> words the report must contain for that fault to count as caught
PLANTED = {
    "wrong-type": "is not of type",
    "missing-field": "is a required property",
    "undocumented-status": "Undocumented status code",
    "bad-ndjson": "is not JSON",
    "no-final-line": "ended without its final line",
    "ghost-model": "deleted",
}


def run_check(tmp_path: Path, *faults: str) -> tuple[int, str, str]:
    # --quick: no boundary-value phase, so that seven runs fit in CI; each planted fault breaks
    # every answer of its kind, so the examples and the fuzzing phase meet it too.
    cmd = [sys.executable, "-m", "ollama_contract", "check", "--reference", "--quick", "--max-examples", "5"]
    cmd += ["--report-dir", str(tmp_path)]
    for fault in faults:
        cmd += ["--server-fault", fault]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    report = (tmp_path / "report.md").read_text(encoding="utf-8") if (tmp_path / "report.md").exists() else ""
    return proc.returncode, proc.stdout + proc.stderr, report


Outcome = tuple[int, str, str, Path]


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    """The clean run and one run per planted fault, two at a time: each is a process of its own
    that keeps one core busy, and CI has two."""
    folders = {fault: tmp_path_factory.mktemp(fault or "conforming") for fault in ["", *sorted(PLANTED)]}

    def one(fault: str) -> Outcome:
        return (*run_check(folders[fault], *([fault] if fault else [])), folders[fault])

    with ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        return dict(zip(folders, pool.map(one, folders), strict=True))


def test_a_conforming_server_passes(outcomes: dict[str, Outcome]) -> None:
    code, output, report, folder = outcomes[""]
    assert code == 0, output[-4000:]
    assert "verdict: **passed**" in report
    assert (folder / "junit.xml").exists()


@pytest.mark.parametrize("fault", sorted(PLANTED))
def test_each_planted_violation_is_reported(outcomes: dict[str, Outcome], fault: str) -> None:
    code, output, report, _ = outcomes[fault]
    assert code == 1, f"the suite did not fail with {fault} planted:\n{output[-4000:]}"
    assert PLANTED[fault].lower() in report.lower(), f"report does not name {fault}:\n{report[-4000:]}"
