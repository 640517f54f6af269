"""One run checks a fleet, and each server in it is judged exactly as a run of its own judges it.

Real loopback servers (`ollama-contract serve`, started on the side): one that keeps the contract
(checked with writes allowed), one with a planted `wrong-type` fault (held to another release's
profile), one port where nothing listens, and one that stops answering midway (SIGSTOP: the
kernel still accepts connections, nothing answers them). Each of the first two is first checked
alone, then a fresh server on the same port is checked in the fleet; their columns must say what
their own runs said, test by test and failure by failure, curl included.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from ollama_contract.contract._matrix import _cell, write_reports
from ollama_contract.contract._preflight import TargetError
from ollama_contract.contract._targets import Target, default_name, read_targets_file

CLI = [sys.executable, "-m", "ollama_contract"]
RUN = ["--quick", "--max-examples", "5", "--request-timeout", "3", "--max-time", "300"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class Servers:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.procs: dict[int, subprocess.Popen[bytes]] = {}

    def start(self, port: int, *args: str) -> str:
        log = self.folder / f"serve-{port}-{time.monotonic_ns()}.log"
        with log.open("wb") as out:
            cmd = [*CLI, "serve", "--port", str(port), "--quiet", *args]
            proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
        self.procs[port] = proc
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, log.read_text()
            try:
                httpx.get(url + "/api/version", timeout=2)
                return url
            except httpx.TransportError:
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)

    def stop(self, port: int) -> None:
        proc = self.procs.pop(port)
        proc.send_signal(signal.SIGCONT)
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[Servers]:
    running = Servers(tmp_path)
    yield running
    for port in list(running.procs):
        running.stop(port)


def _check(cwd: Path, *args: str) -> subprocess.Popen[str]:
    cmd = [*CLI, "check", "--report-dir", "report", "--progress", "plain", *RUN, *args]
    return subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _same(result: dict[str, Any]) -> dict[str, Any]:
    """What must be equal between a target's own run and its column: verdict, status, profile,
    every test's outcome and number of cases (the stateful test's too: the cases do not depend on
    the process or the random run id), and every failure (message and curl included)."""
    return {
        "verdict": result["verdict"],
        "status": result["status"],
        "version": result["version"],
        "profile": result["profile"],
        "tests": [(t["phase"], t["name"], t["outcome"], t["cases"]) for t in result["tests"]],
        "failures": sorted(json.dumps(f, sort_keys=True) for f in result["findings"]),
        "notes": sorted(n for n in result["notes"] if not n.startswith("unloaded")),
    }


def test_a_fleet_reports_each_target_as_its_own_run_and_fails_only_the_columns_that_deserve_it(
    servers: Servers, tmp_path: Path
) -> None:
    good, broken, absent, stopping = (_free_port() for _ in range(4))
    own = {"good": ["--allow-writes"], "broken": ["--profile", "0.5.7"]}
    ports = {"good": good, "broken": broken}
    faults = {"good": [], "broken": ["--fault", "wrong-type"]}

    # Each one alone, both at once (two processes, two cores).
    alone = {}
    for name, port in ports.items():
        servers.start(port, *faults[name])
        (tmp_path / name).mkdir()
        alone[name] = _check(tmp_path / name, "--base-url", f"http://127.0.0.1:{port}", *own[name])
    for name, proc in alone.items():
        output, _ = proc.communicate(timeout=600)
        assert proc.returncode == (0 if name == "good" else 1), output[-3000:]
        servers.stop(ports[name])

    # The fleet: fresh servers on the same ports (a fault counts requests from the start).
    for name, port in ports.items():
        servers.start(port, *faults[name])
    servers.start(stopping)
    (tmp_path / "fleet").mkdir()
    (tmp_path / "fleet" / "targets.toml").write_text(
        f'[[target]]\nurl = "http://127.0.0.1:{good}"\nname = "good"\nallow_writes = true\n\n'
        f'[[target]]\nurl = "http://127.0.0.1:{broken}"\nname = "broken"\nprofile = "0.5.7"\n\n'
        f'[[target]]\nurl = "http://127.0.0.1:{absent}"\nname = "absent"\n\n'
        f'[[target]]\nurl = "http://127.0.0.1:{stopping}"\nname = "stopping"\n'
    )
    started = time.monotonic()
    fleet = _check(tmp_path / "fleet", "--targets", "targets.toml")
    progress = tmp_path / "fleet" / "report" / "stopping" / "result.json"
    while True:  # stop answering once a few of its tests are done
        assert fleet.poll() is None and time.monotonic() - started < 300, "the fleet ended before its midway point"
        try:
            if len(json.loads(progress.read_text())["tests"]) >= 4:
                break
        except (OSError, ValueError):
            pass
        time.sleep(0.1)
    os.kill(servers.procs[stopping].pid, signal.SIGSTOP)
    output, _ = fleet.communicate(timeout=600)
    seconds = time.monotonic() - started
    assert fleet.returncode == 1, output[-4000:]
    assert output.rstrip().splitlines()[-1] == "failing targets: broken, absent, stopping", output[-3000:]

    report = tmp_path / "fleet" / "report"
    for name in ports:
        theirs = json.loads((tmp_path / name / "report" / "result.json").read_text())
        column = json.loads((report / name / "result.json").read_text())
        assert _same(column) == _same(theirs), name
    matrix = {t["name"]: t for t in json.loads((report / "matrix.json").read_text())["targets"]}
    assert [matrix[n]["verdict"] for n in ("good", "broken", "absent", "stopping")] == ["passed", *["FAILED"] * 3]
    assert matrix["good"]["failures"] == [] and matrix["good"]["profile"] == "0.33.0"
    # wrong-type breaks /api/version too (a number), so the column says the version is unknown.
    assert matrix["broken"]["profile"] == "0.5.7" and matrix["broken"]["version"] is None
    assert any("is not of type" in f["message"] for f in matrix["broken"]["failures"])
    assert all(f["curl"].count(f":{broken}/") == 1 for f in matrix["broken"]["failures"] if f["curl"])
    assert "nothing is listening" in matrix["absent"]["failures"][0]["message"]
    assert any("no answer within 3 s" in f["check"] for f in matrix["stopping"]["failures"])
    assert matrix["stopping"]["status"].startswith("stopped: the server stopped answering"), matrix["stopping"]
    # The writes went to the target that allows them, and only there.
    tests = {n: {t["name"]: t["outcome"] for t in matrix[n]["tests"]} for n in ("good", "broken")}
    assert tests["good"]["test_create_show_copy_delete"] == "passed"
    assert tests["broken"]["test_create_show_copy_delete"] == "skipped"
    md = (report / "report.md").read_text()
    assert "| phase | test | `good (0.33.0)` | `broken (version unknown)` | `absent (version unknown)` |" in md, md[
        :800
    ]
    assert "| | **verdict** | **passed** | **FAILED** | **FAILED** | **FAILED** |" in md
    assert "Reproduce:" in md and "curl -X" in md
    names = {s.get("name") for s in ET.parse(report / "junit.xml").getroot().iter("testsuite")}
    assert names == {"good", "broken", "absent", "stopping"}
    for name in names:
        suite = ET.parse(report / f"junit-{name}.xml").getroot().find("testsuite")
        assert suite is not None and (int(suite.get("failures", "0")) == 0) == (name == "good"), name
    assert seconds < 300, f"the fleet took {seconds:.0f} s"


def test_fewer_workers_than_targets_check_each_in_turn_and_a_hung_one_fails_only_its_column(
    servers: Servers, tmp_path: Path
) -> None:
    stopping, good, later = (_free_port() for _ in range(3))
    urls = {name: servers.start(port) for name, port in (("stopping", stopping), ("good", good), ("later", later))}
    (tmp_path / "targets.toml").write_text(
        "".join(f'[[target]]\nurl = "{url}"\nname = "{name}"\n\n' for name, url in urls.items())
    )
    started = time.monotonic()
    fleet = _check(tmp_path, "--targets", "targets.toml", "--workers", "1", "--operation", "list_models")
    progress = tmp_path / "report" / "stopping" / "result.json"
    while True:  # the first target stops answering midway, with the other two still waiting
        assert fleet.poll() is None and time.monotonic() - started < 300, "the fleet ended before its midway point"
        try:
            if len(json.loads(progress.read_text())["tests"]) >= 2:
                break
        except (OSError, ValueError):
            pass
        time.sleep(0.1)
    assert not (tmp_path / "report" / "good" / "result.json").exists(), "one worker: the second target waits"
    os.kill(servers.procs[stopping].pid, signal.SIGSTOP)
    output, _ = fleet.communicate(timeout=600)
    assert fleet.returncode == 1, output[-4000:]
    assert output.rstrip().splitlines()[-1] == "failing targets: stopping", output[-3000:]
    matrix = {t["name"]: t for t in json.loads((tmp_path / "report" / "matrix.json").read_text())["targets"]}
    assert [matrix[n]["verdict"] for n in ("stopping", "good", "later")] == ["FAILED", "passed", "passed"]
    assert any("no answer within 3 s" in f["check"] for f in matrix["stopping"]["failures"]), matrix["stopping"]
    ran = {n: [t["outcome"] for t in matrix[n]["tests"]] for n in ("good", "later")}
    assert ran["good"] == ran["later"] and "passed" in ran["good"], ran


def test_a_fleet_of_passing_targets_exits_0_and_says_so(servers: Servers, tmp_path: Path) -> None:
    urls = [servers.start(_free_port()) for _ in range(2)]
    proc = _check(tmp_path, *(a for url in urls for a in ("--base-url", url)), "--operation", "list_models")
    output, _ = proc.communicate(timeout=600)
    assert proc.returncode == 0, output[-3000:]
    last = output.rstrip().splitlines()[-1]
    assert last == f"every target keeps the contract: {default_name(urls[0])}, {default_name(urls[1])}", last
    # Plain progress: a line for each target when it ends.
    assert sum(1 for line in output.splitlines() if " passed " in line and "tests," in line) >= 2, output


def test_bad_input_in_a_fleet_is_exit_2_before_any_run(tmp_path: Path) -> None:
    (tmp_path / "t.toml").write_text('[[target]]\nurl = "http://127.0.0.1:1"\ncolour = "red"\n')
    proc = subprocess.run([*CLI, "check", "--targets", "t.toml"], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 2 and "unknown keys colour" in proc.stderr, proc.stderr
    assert not (tmp_path / "ollama-contract-report").exists()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("x = 1", "expected one or more [[target]] tables"),
        ('[[target]]\nname = "a"', "url ="),
        ('[[target]]\nurl = "http://a:1"\nname = "a b"', "must be letters"),
        ('[[target]]\nurl = "http://a:1"\n[[target]]\nurl = "http://a:1"', "two targets are named 'a-1'"),
        ('[[target]]\nurl = "http://a:1"\napi_key_env = "NO_SUCH_VARIABLE_HERE"', "names no environment variable"),
        ('[[target]]\nurl = "http://a:1"\nprofile = "latest"', "profile"),
        ("[[target]", "not TOML"),
    ],
)
def test_a_targets_file_with_a_mistake_is_refused(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "t.toml"
    path.write_text(text)
    with pytest.raises(TargetError, match=None) as caught:
        read_targets_file(path)
    assert words in str(caught.value), caught.value


def test_a_targets_file_gives_each_target_its_own_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GPU_KEY", "s3cret")
    path = tmp_path / "t.toml"
    path.write_text(
        '[[target]]\nurl = "http://gpu:11434"\nname = "gpu"\nmodel = "qwen3"\napi_key_env = "GPU_KEY"\n'
        'headers = { "X-Team" = "ml" }\nallow_writes = true\n\n[[target]]\nurl = "laptop"\n'
    )
    gpu, laptop = read_targets_file(path, profile="0.5.7")
    assert gpu == Target("http://gpu:11434", "gpu", "qwen3", None, "GPU_KEY", True, {"X-Team": "ml"}, "0.5.7", ()), (
        "the key is named, never stored"
    )
    assert gpu.request_headers() == {"X-Team": "ml", "Authorization": "Bearer s3cret"}
    assert (laptop.url, laptop.name, laptop.allow_writes) == ("http://laptop:11434", "laptop-11434", False)
    assert Target.from_dict(json.loads(json.dumps(gpu.as_dict()))) == gpu


def test_the_matrix_cells_say_pass_fail_with_count_and_skipped_with_why(tmp_path: Path) -> None:
    assert _cell(None) == "—"
    assert _cell({"outcome": "passed", "failures": 0}) == "pass"
    assert _cell({"outcome": "FAILED", "failures": 3}) == "**fail (3)**"
    assert _cell({"outcome": "skipped", "message": "safe mode: it writes"}) == "skipped (safe mode)"
    one = Target("http://a:1", "a")
    result = {
        "version": "0.5.7",
        "profile": "0.5.7",
        "status": "finished",
        "verdict": "FAILED",
        "tests": [{"phase": "property", "name": "POST /api/chat", "outcome": "FAILED", "failures": 2}],
        "findings": [
            {"operation": "POST /api/chat", "test": "property", "check": "c", "message": "m", "curl": "curl x"}
        ],
        "notes": [],
    }
    write_reports([(one, result)], tmp_path, "finished")
    md = (tmp_path / "report.md").read_text()
    assert "| property | `POST /api/chat` | **fail (2)** |" in md and "curl x" in md
    assert json.loads((tmp_path / "matrix.json").read_text())["targets"][0]["failures"][0]["check"] == "c"
    assert (tmp_path / "junit-a.xml").exists()
