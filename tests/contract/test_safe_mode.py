"""A contract run against a server it did not start must leave that server's models as it found them.

The reference server stands in for a user's Ollama here: the run is pointed at it with
`--base-url`, exactly as at a real one, and the models are compared before and after.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from ollama_contract.server import running_server


@pytest.fixture(scope="module")
def users_server() -> Iterator[str]:
    with running_server() as url:
        yield url


def installed(url: str) -> list[tuple[str, str]]:
    return sorted((m["name"], m["digest"]) for m in httpx.get(url + "/api/tags").json()["models"])


def check(url: str, report: Path, *extra: str) -> tuple[int, str]:
    # --quick (no boundary-value phase) keeps CI short: the guard itself is pinned case by case
    # in test_policy.py, and these runs prove it is in the path of every request.
    cmd = [sys.executable, "-m", "ollama_contract", "check", "--base-url", url, "--quick", "--max-examples", "5"]
    proc = subprocess.run(
        [*cmd, "--report-dir", str(report), *extra], capture_output=True, text=True, timeout=600, cwd=report
    )
    return proc.returncode, proc.stdout + proc.stderr


def test_safe_mode_sends_no_write_and_says_so(users_server: str, tmp_path: Path) -> None:
    before = installed(users_server)
    code, output = check(users_server, tmp_path)
    assert code == 0, output[-4000:]
    assert installed(users_server) == before
    report = (tmp_path / "report.md").read_text()
    assert "safe mode" in report
    for label in ("POST /api/create", "POST /api/copy", "DELETE /api/delete", "POST /api/pull", "POST /api/push"):
        assert f"`{label}`" not in report, f"safe mode sent {label}"
    assert "`POST /api/generate`" in report  # reads still ran


def test_allow_writes_touches_only_its_own_models_and_removes_them(users_server: str, tmp_path: Path) -> None:
    before = installed(users_server)
    code, output = check(users_server, tmp_path, "--allow-writes")
    assert code == 0, output[-4000:]
    report = (tmp_path / "report.md").read_text()
    assert "`POST /api/create`" in report and "`DELETE /api/delete`" in report  # writes did run
    assert "`POST /api/pull`" not in report  # no --pull-model: nothing may be pulled
    assert installed(users_server) == before, "the run changed or left behind models"
