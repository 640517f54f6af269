"""The version-aware contract suite against `serve --ollama-version X`: passes on several X, fails a planted fault.

Each server is an `ollama-contract serve` process on loopback, as a fleet in CI would start it;
`ollama-contract check` reads its `/api/version`, holds it to that version's profile, and must
pass it, however much sparser its answers are than the newest version's (the routes it lacks answer
gin's 404 page). With `missing-version-field` planted on one, that one run must fail and name the
missing field under its own version's contract, not the newest one's.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest

# --ollama-version and extra serve options -> whether the run must pass
RUNS = {
    "0.1.45": ((), True),  # before /api/embed (0.2.6) and the account routes: their 404s are the contract
    # random leaves out what 0.20 need not send; before 0.14.3 that includes show's model_info, whose
    # content a scenario reads (a real old server sent it when not empty, as `zero` does)
    "0.20.0": (("--leave-out", "random", "--seed", "3"), True),
    "0.5.7+fault": (("--fault", "missing-version-field"), False),
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serving(version: str, *options: str) -> Iterator[str]:
    port = free_port()
    command = [sys.executable, "-m", "ollama_contract", "serve", "--port", str(port), "--quiet"]
    proc = subprocess.Popen(
        [*command, "--ollama-version", version, *options], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        assert f"(as Ollama {version}) listening on" in line, line
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.communicate(timeout=15)


Outcome = tuple[int, str, str]


def run(folder: Path, name: str) -> Outcome:
    version = name.split("+")[0]
    options, _ = RUNS[name]
    with serving(version, *options) as url:
        cmd = [sys.executable, "-m", "ollama_contract", "check", "--base-url", url, "--allow-writes", "--quick"]
        cmd += ["--max-examples", "5", "--progress", "off", "--report-dir", str(folder)]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=folder)
    report = (folder / "report.md").read_text(encoding="utf-8") if (folder / "report.md").exists() else ""
    return proc.returncode, proc.stdout + proc.stderr, report


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    """Every run, two at a time (each keeps a core busy, and CI has two)."""
    folders = {name: tmp_path_factory.mktemp(name.replace("+", "-")) for name in RUNS}
    with ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        return dict(zip(folders, pool.map(lambda name: run(folders[name], name), folders), strict=True))


@pytest.mark.parametrize("name", [name for name, (_, passes) in RUNS.items() if passes])
def test_the_suite_passes_a_server_on_an_older_version(outcomes: dict[str, Outcome], name: str) -> None:
    code, output, report = outcomes[name]
    assert code == 0, output[-4000:]
    assert "verdict: **passed**" in report
    assert f"contract: Ollama {name.split('+')[0]}, the version the server reports" in report


@pytest.mark.parametrize("name", [name for name, (_, passes) in RUNS.items() if not passes])
def test_a_fault_planted_on_an_older_version_fails_under_its_profile(outcomes: dict[str, Outcome], name: str) -> None:
    code, output, report = outcomes[name]
    assert code == 1, f"the suite did not fail with missing-version-field planted:\n{output[-4000:]}"
    assert f"contract: Ollama {name.split('+')[0]}" in report
    assert "is a required property" in report, report[-4000:]
