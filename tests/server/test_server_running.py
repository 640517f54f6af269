"""Ways to run the server: `running_server`, its data dir and catalogue choice, the pytest fixture,
and the `ollama-contract serve` command."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from ollama_contract.server import CATALOGUE, DEFAULT_MODELS, running_server
from ollama_contract.server.pytest_plugin import _ollama_shared, ollama_server

__all__ = ["_ollama_shared", "ollama_server"]  # fixtures, used by name


def names(url: str) -> list[str]:
    return sorted(m["name"] for m in httpx.get(f"{url}/api/tags").json()["models"])


def test_the_pytest_fixture(ollama_server: str) -> None:
    assert ollama_server.startswith("http://127.0.0.1:")
    assert names(ollama_server) == sorted(DEFAULT_MODELS)


def test_a_fresh_temporary_data_dir_is_removed() -> None:
    with running_server(models="none") as url:
        assert names(url) == []
        httpx.post(f"{url}/api/pull", json={"model": "tinyllama", "stream": False}).raise_for_status()
        modelfile = httpx.post(f"{url}/api/show", json={"model": "tinyllama"}).json()["modelfile"]
        blob = Path(next(line[5:] for line in modelfile.splitlines() if line.startswith("FROM /")))
        assert blob.is_file()
        data_dir = blob.parents[2]
    assert not data_dir.exists()
    with running_server(models="none") as again:
        assert names(again) == []  # nothing survived


def test_a_given_data_dir_persists(tmp_path: Path) -> None:
    with running_server(data_dir=tmp_path, models=["mistral"]) as url:
        created = httpx.post(
            f"{url}/api/create", json={"model": "kept", "from": "mistral", "system": "s", "stream": False}
        )
        assert created.json() == {"status": "success"}
    assert (tmp_path / "models" / "manifests" / "registry.ollama.ai" / "library" / "kept" / "latest").is_file()
    with running_server(data_dir=tmp_path, models="none") as url:
        assert names(url) == ["kept:latest", "mistral:latest"]
        assert httpx.post(f"{url}/api/show", json={"model": "kept"}).json()["system"] == "s"


def test_choosing_models() -> None:
    with running_server(models="all") as url:
        assert names(url) == sorted(n for entry in CATALOGUE for n in entry.names)
    with running_server(models="mistral,QWEN3:0.6b") as url:
        assert names(url) == ["mistral:latest", "qwen3:0.6b"]
    with pytest.raises(ValueError, match="unknown catalogue model 'gpt-9'"), running_server(models=["gpt-9"]):
        pass


def test_responses_do_not_wait_for_delayed_acks() -> None:
    """30 requests on one connection: with Nagle's algorithm on, each would wait ~40 ms."""
    with running_server(models="none") as url, httpx.Client(base_url=url) as http:
        http.get("/api/version")
        start = time.perf_counter()
        for _ in range(30):
            http.post("/api/show", json={"model": "nope"})
        assert time.perf_counter() - start < 0.8


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def test_the_serve_command(tmp_path: Path) -> None:
    port = free_port()
    command = [sys.executable, "-m", "ollama_contract", "serve", "--port", str(port), "--models", "mistral"]
    command += ["--data-dir", str(tmp_path), "--fault", "status=503@2"]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                first = httpx.get(f"{url}/api/tags")
                break
            except httpx.ConnectError:
                assert proc.poll() is None and time.monotonic() < deadline
                time.sleep(0.05)
        assert [m["name"] for m in first.json()["models"]] == ["mistral:latest"]
        assert httpx.get(f"{url}/api/tags").status_code == 503  # the server's fault, on its 2nd request
        assert (tmp_path / "models" / "blobs").is_dir()
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=15)
    assert proc.returncode == 0
    assert f"offline Ollama listening on http://127.0.0.1:{port}" in err


def test_serve_refuses_bad_arguments() -> None:
    for extra in (["--fault", "explode"], ["--models", "gpt-9"]):
        done = subprocess.run(
            [sys.executable, "-m", "ollama_contract", "serve", *extra], capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 2 and done.stderr.startswith("ollama-contract serve: ")
