"""`ollama-contract check` from an installed wheel, with no clone in sight.

A team checks its server with `pip install ollama-contract[check]`; the suite and the spec it
needs must come from inside the package. The wheel is built from this checkout and installed
into a bare folder that shadows the editable install, then the command runs from an empty one.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_installed_package_checks_the_reference_server(tmp_path: Path) -> None:
    wheels, target, work = tmp_path / "wheels", tmp_path / "site", tmp_path / "work"
    work.mkdir()
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(ROOT)], check=True)
    (wheel,) = wheels.glob("ollama_contract-*.whl")
    subprocess.run([*pip, "install", "--no-deps", "--target", str(target), str(wheel)], check=True)

    env = {**os.environ, "PYTHONPATH": str(target)}
    env.pop("OLLAMA_HOST", None)
    where = subprocess.run(
        [sys.executable, "-c", "import ollama_contract, ollama_api; print(ollama_contract.__file__, ollama_api.__file__)"],
        env=env, capture_output=True, text=True, check=True, cwd=work,
    )  # fmt: skip
    assert where.stdout.count(str(target)) == 2, where.stdout

    proc = subprocess.run(
        [sys.executable, "-m", "ollama_contract", "check", "--quick", "--max-examples", "2", "--report-dir", "report"],
        env=env, capture_output=True, text=True, timeout=600, cwd=work,
    )  # fmt: skip
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-4000:]
    assert f"suite: {target / 'ollama_contract' / 'contract_tests'}" in output
    assert "verdict: **passed**" in (work / "report" / "report.md").read_text()
    assert (work / "report" / "junit.xml").exists()
