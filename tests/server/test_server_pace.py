"""A server that costs real time: paced answers, reloads on load-time options, endless models, hangs.

Timings are checked against what the answers report and against the wall clock, with bounds wide
enough for a loaded 2-core machine: what matters is that the time is spent, and where.
"""

from __future__ import annotations

import json
import logging
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from kit import Wire

from ollama_contract.server import running_server

LOADS = "ollama_contract.server"
TOKEN_RATE = 100.0
LOAD_TIME = 0.4


@pytest.fixture(scope="module")
def paced() -> Iterator[str]:
    with running_server(
        models=["llama3.2", "mistral"], pace="real", token_rate=TOKEN_RATE, prompt_rate=1000, load_time=LOAD_TIME
    ) as base:
        yield base


def lines_with_times(url: str, body: dict[str, Any], path: str = "/api/generate") -> list[tuple[float, dict[str, Any]]]:
    out: list[tuple[float, dict[str, Any]]] = []
    with httpx.Client(base_url=url, timeout=60) as http, http.stream("POST", path, json=body) as response:
        assert response.status_code == 200
        for line in response.iter_lines():
            out.append((time.monotonic(), json.loads(line)))
    return out


def loads(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if 'msg="load model"' in r.getMessage()]


def running(url: str) -> dict[str, dict[str, Any]]:
    return {m["name"]: m for m in httpx.get(f"{url}/api/ps").json()["models"]}


def test_a_paced_stream_takes_the_time_it_reports(paced: str) -> None:
    body = {"model": "llama3.2", "prompt": "Tell me about llamas", "options": {"num_predict": 30, "seed": 1}}
    httpx.post(f"{paced}/api/generate", json={"model": "llama3.2", "keep_alive": 0}, timeout=30)  # unloaded
    start = time.monotonic()
    timed = lines_with_times(paced, body)
    wall = time.monotonic() - start
    final = timed[-1][1]
    assert final["done"] and final["eval_count"] == 30
    # The load, the prompt and the tokens each took at least what their rate says, and were reported.
    assert LOAD_TIME <= final["load_duration"] / 1e9 < LOAD_TIME + 1.5
    assert final["prompt_eval_duration"] / 1e9 >= final["prompt_eval_count"] / 1000 * 0.9
    assert 30 / TOKEN_RATE * 0.9 <= final["eval_duration"] / 1e9 < 30 / TOKEN_RATE + 2
    reported = final["total_duration"] / 1e9
    assert final["load_duration"] + final["prompt_eval_duration"] + final["eval_duration"] <= final["total_duration"]
    assert reported <= wall and wall - reported < 1.0
    # Lines arrive as the tokens are made, not all at once at the end.
    first, last = timed[0][0], timed[-1][0]
    assert last - first >= 29 / TOKEN_RATE * 0.8
    assert first - start >= LOAD_TIME
    warm = httpx.post(f"{paced}/api/generate", json={**body, "stream": False}, timeout=30).json()
    assert warm["load_duration"] < 0.1e9 and warm["eval_count"] == 30
    assert warm["total_duration"] / 1e9 >= 30 / TOKEN_RATE * 0.9


def test_a_load_time_option_change_reloads_and_shows_in_ps(paced: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger=LOADS)
    base = {"model": "mistral", "prompt": "Hi", "stream": False, "options": {"num_predict": 2}}
    first = httpx.post(f"{paced}/api/generate", json=base, timeout=30).json()
    before = running(paced)["mistral:latest"]
    assert before["context_length"] == 4096
    same = httpx.post(f"{paced}/api/generate", json=base, timeout=30).json()
    assert same["load_duration"] < 0.1e9
    # A negative num_gpu, an unset use_mmap and a sampling option never make Ollama reload.
    loose = {**base, "options": {"num_predict": 2, "num_gpu": -1, "temperature": 0.1}}
    assert httpx.post(f"{paced}/api/generate", json=loose, timeout=30).json()["load_duration"] < 0.1e9
    count = len(loads(caplog))
    bigger = {**base, "options": {"num_predict": 2, "num_ctx": 2048}}
    reloaded = httpx.post(f"{paced}/api/generate", json=bigger, timeout=30).json()
    assert reloaded["load_duration"] >= LOAD_TIME * 1e9
    after = running(paced)["mistral:latest"]
    assert after["context_length"] == 2048 and after["expires_at"] != before["expires_at"]
    threads = {**base, "options": {"num_predict": 2, "num_ctx": 2048, "num_thread": 3}}
    assert httpx.post(f"{paced}/api/generate", json=threads, timeout=30).json()["load_duration"] >= LOAD_TIME * 1e9
    new = loads(caplog)[count:]
    assert len(new) == 2, new
    assert "model=mistral:latest reason=changed:num_ctx num_ctx=2048" in new[0]
    assert "reason=changed:num_thread" in new[1]
    assert first["load_duration"] > 0


def test_requests_for_a_reloading_model_wait_for_the_load(paced: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger=LOADS)
    body = {"model": "llama3.2", "prompt": "Hi", "stream": False, "options": {"num_predict": 1, "num_batch": 128}}
    count = len(loads(caplog))
    answers: list[dict[str, Any]] = []

    def ask() -> None:
        answers.append(httpx.post(f"{paced}/api/generate", json=body, timeout=30).json())

    reloader = threading.Thread(target=ask)
    reloader.start()
    time.sleep(LOAD_TIME / 4)
    start = time.monotonic()
    ask()  # same options, sent while the reload runs: it waits, and costs no second load
    waited = time.monotonic() - start
    reloader.join()
    assert len(loads(caplog)) - count == 1
    # The later request waited for the load under way (a warm one reports a few milliseconds).
    assert waited >= LOAD_TIME / 4
    assert min(a["load_duration"] for a in answers) >= LOAD_TIME / 4 * 1e9


def test_a_runner_answers_one_request_at_a_time(paced: str) -> None:
    body = {"model": "llama3.2", "prompt": "Hi", "stream": False, "options": {"num_predict": 25}}
    httpx.post(f"{paced}/api/generate", json={**body, "options": {"num_predict": 1}}, timeout=30)  # loaded
    answers: list[dict[str, Any]] = []
    threads = [
        threading.Thread(
            target=lambda: answers.append(httpx.post(f"{paced}/api/generate", json=body, timeout=30).json())
        )
        for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    one = 25 / TOKEN_RATE
    # As with OLLAMA_NUM_PARALLEL=1, the second waits for the first: its total includes the first's tokens.
    assert max(a["total_duration"] for a in answers) / 1e9 >= 2 * one * 0.9
    assert all(one * 0.9 <= a["eval_duration"] / 1e9 < one + 1.5 for a in answers)


def test_endless_ends_only_at_num_predict() -> None:
    with running_server(models=["llama3.2"], faults=["endless"]) as url:
        base = {"model": "llama3.2", "prompt": "Hi", "stream": False}
        for num_predict, tokens in ((50, 50), (1.9, 1), (0, 640), (0.7, 640), (-1, 640), (-2, 640), (1e30, 640)):
            options = {"num_predict": num_predict, "num_ctx": 64, "seed": 2}
            answer = httpx.post(f"{url}/api/generate", json={**base, "options": options}, timeout=60).json()
            assert (answer["eval_count"], answer["done_reason"]) == (tokens, "length"), num_predict
        # The chat endpoint too, and tools or a format do not make it stop by itself.
        chat = {"model": "llama3.2", "messages": [{"role": "user", "content": "Hi"}], "stream": False}
        answer = httpx.post(f"{url}/api/chat", json={**chat, "format": "json", "options": {"num_predict": 40}}).json()
        assert (answer["eval_count"], answer["done_reason"]) == (40, "length")


def test_an_endless_paced_stream_runs_until_the_client_leaves() -> None:
    with running_server(models=["llama3.2"], pace="real", token_rate=200, load_time=0) as url:
        body = {"model": "llama3.2", "prompt": "Hi", "options": {"num_predict": 0}}
        headers = {"X-Ollama-Fault": "endless"}
        with httpx.Client(base_url=url, timeout=30) as http:
            with http.stream("POST", "/api/generate", json=body, headers=headers) as response:
                start = time.monotonic()
                seen = []
                for line in response.iter_lines():
                    seen.append(json.loads(line))
                    if time.monotonic() - start > 1.0:
                        break
            assert len(seen) > 50 and not any(chunk["done"] for chunk in seen)
            # The client left, so the endless answer stopped and freed the model (one request at a
            # time): without the fault the same request ends by itself, and at once.
            start = time.monotonic()
            natural = http.post("/api/generate", json={**body, "stream": False}).json()
            assert natural["done_reason"] == "stop"
            assert time.monotonic() - start < 10  # the endless one would hold the model for 200 s


@pytest.mark.parametrize("num_predict", [0, 0.7, -1, -2])
def test_no_limit_means_the_models_own_length(wire: Wire, num_predict: float) -> None:
    base = {"model": "llama3.2", "prompt": "Tell me about llamas", "stream": False}
    unlimited = wire.post("/api/generate", {**base, "options": {"seed": 5}}).json()
    answer = wire.post("/api/generate", {**base, "options": {"seed": 5, "num_predict": num_predict}}).json()
    assert answer["done_reason"] == "stop" and answer["response"] == unlimited["response"]


def test_fractions_are_cut_and_wrong_types_refused_before_generating(wire: Wire) -> None:
    base = {"model": "llama3.2", "prompt": "Tell me about llamas", "stream": False}
    assert wire.post("/api/generate", {**base, "options": {"num_predict": 1.9}}).json()["eval_count"] == 1
    for value in ("5", True, [1]):
        refused = wire.post("/api/generate", {**base, "stream": True, "options": {"num_predict": value}})
        assert refused.status_code == 500
        assert refused.json() == {"error": 'option "num_predict" must be of type integer'}


def test_hang_never_answers_until_the_client_gives_up() -> None:
    with running_server(models=["llama3.2"], faults=["hang@2"]) as url, httpx.Client(base_url=url) as http:
        assert http.get("/api/version", timeout=5).status_code == 200
        start = time.monotonic()
        with pytest.raises(httpx.ReadTimeout):
            http.post("/api/generate", json={"model": "llama3.2", "prompt": "Hi"}, timeout=0.5)
        assert time.monotonic() - start >= 0.5
        assert http.get("/api/version", timeout=5).status_code == 200
        with pytest.raises(httpx.ReadTimeout):
            http.get("/api/tags", headers={"X-Ollama-Fault": "hang"}, timeout=0.3)
        assert http.get("/api/tags", timeout=5).status_code == 200


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def serve(*args: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "ollama_contract", "serve", *args]
    return subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)


def test_the_serve_command_logs_one_line_per_load() -> None:
    port = free_port()
    proc = serve("--port", str(port), "--models", "llama3.2", "--pace", "real", "--load-time", "0.05")
    try:
        assert proc.stderr is not None
        assert "listening on" in proc.stderr.readline()
        url = f"http://127.0.0.1:{port}"
        body = {"model": "llama3.2", "prompt": "Hi", "stream": False, "options": {"num_predict": 1}}
        for options in ({}, {}, {"num_ctx": 1024}):
            httpx.post(f"{url}/api/generate", json={**body, "options": {"num_predict": 1, **options}}, timeout=30)
        lines = []
        while len(lines) < 2:
            line = proc.stderr.readline()
            if 'msg="load model"' in line:
                lines.append(line)
        assert "model=llama3.2:latest reason=new num_ctx=4096" in lines[0] and lines[0].startswith("time=")
        assert "reason=changed:num_ctx num_ctx=1024" in lines[1]
    finally:
        proc.terminate()
        proc.communicate(timeout=15)


def test_serve_on_a_port_in_use_is_one_message() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        proc = serve("--port", str(port))
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 2
    assert "listening" not in err and f"cannot listen on 127.0.0.1:{port}" in err and "--port" in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "words"),
    [(["--pace", "slow"], "invalid choice"), (["--pace", "real", "--token-rate", "0"], "rates must be positive")],
)
def test_bad_pace_flags_are_refused(args: list[str], words: str) -> None:
    proc = serve(*args)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 2 and words in err
