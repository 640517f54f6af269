"""The version-aware contract can fail where the all-versions one cannot.

The reference server reports 0.33.0. With `missing-version-field` planted it leaves out one
field that every 0.33 server always sends but that old servers did not (tags' `name`, a generate
line's `response`, show's `details`...). `ollama-contract check` holds the server to the profile
of the version it reports, so it must fail and name the missing field; with `--profile all` the
same server keeps the all-versions contract and the run must pass, or the profile adds nothing.
The six planted faults of test_suite_can_fail.py are still caught under the version profile,
since that is the default there.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run_check(tmp_path: Path, *args: str) -> tuple[int, str, str]:
    """`ollama-contract check` against the reference server with the breaker planted, as a user runs it."""
    cmd = [sys.executable, "-m", "ollama_contract", "check", "--reference", "--quick", "--max-examples", "5"]
    cmd += ["--report-dir", str(tmp_path), "--server-fault", "missing-version-field", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    report = (tmp_path / "report.md").read_text(encoding="utf-8") if (tmp_path / "report.md").exists() else ""
    return proc.returncode, proc.stdout + proc.stderr, report


def test_a_field_0_33_always_sends_is_required_under_its_profile(tmp_path: Path) -> None:
    code, output, report = run_check(tmp_path)
    assert code == 1, f"the suite did not fail with missing-version-field planted:\n{output[-4000:]}"
    assert "is a required property" in report, report[-4000:]
    assert "contract: Ollama 0.33.0" in report, report[:2000]


def test_the_all_versions_contract_does_not_require_it(tmp_path: Path) -> None:
    code, output, report = run_check(tmp_path, "--profile", "all")
    assert code == 0, f"the all-versions contract failed a server it should accept:\n{output[-4000:]}"
    assert "verdict: **passed**" in report
    assert "contract: all versions" in report
