"""The contract suite is only worth something if it can fail: plant each violation, see it caught.

Each case starts the reference server with one contract-breaking fault, runs `ollama-contract
check` against it as a user would, and asserts that the run fails and that its report names the
violation. A clean run must pass, or the suite would cry wolf.
"""

from __future__ import annotations

import subprocess
import sys
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
    # --quick: no boundary-value phase, so that eight runs fit in CI; each planted fault breaks
    # every answer of its kind, so the examples and the fuzzing phase meet it too.
    cmd = [sys.executable, "-m", "ollama_contract", "check", "--reference", "--quick", "--max-examples", "5"]
    cmd += ["--report-dir", str(tmp_path)]
    for fault in faults:
        cmd += ["--server-fault", fault]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    report = (tmp_path / "report.md").read_text(encoding="utf-8") if (tmp_path / "report.md").exists() else ""
    return proc.returncode, proc.stdout + proc.stderr, report


def test_a_conforming_server_passes(tmp_path: Path) -> None:
    code, output, report = run_check(tmp_path)
    assert code == 0, output[-4000:]
    assert "verdict: **passed**" in report
    assert (tmp_path / "junit.xml").exists()


@pytest.mark.parametrize("fault", sorted(PLANTED))
def test_each_planted_violation_is_reported(tmp_path: Path, fault: str) -> None:
    code, output, report = run_check(tmp_path, fault)
    assert code == 1, f"the suite did not fail with {fault} planted:\n{output[-4000:]}"
    assert PLANTED[fault].lower() in report.lower(), f"report does not name {fault}:\n{report[-4000:]}"
