"""The server's log: a gin-style line per request (as Ollama prints it), silenced by --quiet or when embedded."""

from __future__ import annotations

import logging
import re
import socket
import subprocess
import sys
import time

import httpx
import pytest

from ollama_contract.server import running_server
from ollama_contract.server.http.logs import go_duration

GIN = re.compile(
    r"^\[GIN\] \d{4}/\d\d/\d\d - \d\d:\d\d:\d\d \| (?P<status>\d{3}) \| +(?P<latency>[0-9.]+(ns|µs|ms|s)) \| "
    r" *(?P<client>[0-9.]+) \| (?P<method>[A-Z]+) +(?P<path>\".*\")$"
)


@pytest.mark.parametrize(
    ("ns", "text"),
    [
        (0, "0s"),
        (512, "512ns"),
        (1_500, "1.5µs"),
        (12_345_678, "12.345678ms"),
        (1_200_000_000, "1.2s"),
        (123_500_000_000, "2m3.5s"),
        (3_600_000_000_000, "1h0m0s"),
    ],
)
def test_latencies_are_written_as_go_writes_durations(ns: int, text: str) -> None:
    assert go_duration(ns) == text


def serve_and_collect(*flags: str) -> list[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "ollama_contract", "serve", "--port", str(port), "--models", "llama3.2", *flags]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                httpx.get(f"http://127.0.0.1:{port}/api/version", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
            http.post("/api/generate", json={"model": "llama3.2", "prompt": "Hi", "options": {"num_predict": 2}})
            http.get("/api/nowhere?x=1")
            http.post("/api/show", json={"model": "absent"})
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=15)
    return err.splitlines()


def test_serve_logs_one_line_per_request_like_ollama() -> None:
    lines = serve_and_collect()
    requests = [m for m in (GIN.match(line) for line in lines) if m]
    seen = [(m["status"], m["method"], m["path"]) for m in requests]
    assert ("200", "POST", '"/api/generate"') in seen
    assert ("404", "GET", '"/api/nowhere?x=1"') in seen
    assert ("404", "POST", '"/api/show"') in seen
    assert all(m["client"] == "127.0.0.1" for m in requests)
    assert any('msg="load model"' in line for line in lines)


def test_quiet_keeps_the_load_lines_only() -> None:
    lines = serve_and_collect("--quiet")
    assert not [line for line in lines if line.startswith("[GIN]")]
    assert [line for line in lines if 'msg="load model"' in line]


def test_an_embedded_server_prints_nothing_unless_asked(
    capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    with running_server(models=["llama3.2"]) as url:
        httpx.get(f"{url}/api/tags")
        assert capfd.readouterr().err == ""
        assert not caplog.records
        caplog.set_level(logging.INFO, logger="ollama_contract.server")
        httpx.get(f"{url}/api/tags")
    (line,) = [r.getMessage() for r in caplog.records]
    assert GIN.match(line) and '| GET     "/api/tags"' in line
