"""Against a server that costs real time, never stops by itself, or never answers, a run still ends.

The server is started on the side (`ollama-contract serve --pace real --fault endless`), so to
the run it is a user's server: safe mode, bounds on generation, nothing that reloads the model.
Loads, prompt evaluation and every token take real time there, and a model only stops at
`num_predict`: a request the suite failed to bound would stream until its deadline. The run is
smaller than the default one to keep CI fast (see each test); the default run against the same
server is measured in the README.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

CLI = [sys.executable, "-m", "ollama_contract"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """Start `serve` with the given arguments; yields (url, log); stops it afterwards."""
    processes: list[subprocess.Popen[bytes]] = []

    def start(*args: str) -> tuple[str, Path]:
        port = _free_port()
        log = tmp_path / f"serve-{port}.log"
        with log.open("wb") as out:
            proc = subprocess.Popen([*CLI, "serve", "--port", str(port), *args], stdout=out, stderr=subprocess.STDOUT)
        processes.append(proc)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, log.read_text()
            try:
                httpx.get(url + "/api/version", timeout=2)
                return url, log
            except httpx.TransportError:
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)

    yield start  # type: ignore[misc]
    for proc in processes:
        proc.terminate()
        proc.wait(timeout=30)


def check(cwd: Path, url: str, *args: str) -> tuple[int, str, str]:
    proc = subprocess.run(
        [*CLI, "check", "--base-url", url, "--report-dir", "report", "--progress", "plain", *args],
        capture_output=True, text=True, cwd=cwd, timeout=900,
    )  # fmt: skip
    report = cwd / "report" / "report.md"
    return proc.returncode, proc.stdout + proc.stderr, report.read_text() if report.exists() else ""


def loads(log: Path) -> Counter[str]:
    return Counter(re.findall(r'msg="load model" model=(\S+)', log.read_text()))


def test_a_run_against_an_endless_paced_server_ends_by_itself_and_leaves_the_load_state(
    serve: object, tmp_path: Path
) -> None:
    # Tokens come ten times faster than the default 50/s, and the deadline is a third of the
    # default 60 s: a request the suite failed to bound still streams its 10 x num_ctx tokens
    # (over 40 s) past its deadline and fails the run, while the bounded ones take milliseconds.
    url, log = serve("--pace", "real", "--fault", "endless", "--token-rate", "500")  # type: ignore[operator]
    # The load state it had must come back: the chat model is loaded before the run (by someone
    # else, as on a shared server) and must stay; the embedding model, loaded by the run, must go.
    listed = httpx.get(url + "/api/tags").json()["models"]
    chat_model = next(m["name"] for m in listed if "completion" in m.get("capabilities", []))
    assert httpx.post(url + "/api/generate", json={"model": chat_model}, timeout=60).json()["done_reason"] == "load"
    # Chat (the operation that streamed for 20 minutes), embed and the seed scenario, boundary
    # values included (num_predict 0, -1, 1e30...: what an unbounded suite would let stream
    # without end), to keep CI short; the full default run is measured in the README.
    args = ["--max-examples", "3", "--operation", "chat", "--operation", "embed", "--request-timeout", "20"]
    code, output, report = check(tmp_path, url, "--model", chat_model, *args)
    assert code == 0, output[-4000:]
    assert "| property | `POST /api/chat` |" in report and "`test_same_seed_same_text`" in report, report
    assert "- status: finished" in report and "verdict: **passed**" in report, report[-3000:]
    counted = loads(log)
    assert len(counted) == 2 and set(counted.values()) == {1}, f"two models, each loaded once: {counted}"
    assert all("reason=new" in line for line in log.read_text().splitlines() if "load model" in line)
    (embed_model,) = set(counted) - {chat_model}
    running = [m["name"] for m in httpx.get(url + "/api/ps").json()["models"]]
    assert running == [chat_model], f"the load state before the run was [{chat_model}]: {running}"
    assert f"unloaded {embed_model}, which the run had loaded" in report, report


def test_a_request_that_never_answers_is_a_failure_and_the_run_still_ends(serve: object, tmp_path: Path) -> None:
    url, _ = serve("--fault", "hang@40")  # type: ignore[operator]
    code, output, report = check(tmp_path, url, "--quick", "--max-examples", "2", "--request-timeout", "5")
    assert code == 1, output[-4000:]
    assert "- status: finished" in report, report[-3000:]
    assert "no answer within 5 s" in report and "curl -X" in report
    assert "| scenarios |" in report, "the run stopped at the hang"
