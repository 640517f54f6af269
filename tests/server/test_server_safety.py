"""Safety: names and digests cannot leave the data dir, bodies are bounded, concurrent requests are
safe, and a request that fails halfway leaves the store as sound as it found it."""

from __future__ import annotations

import hashlib
import json
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from kit import Wire, digest_of, error_of, lines, make_gguf, upload

from ollama_contract.server import running_server

LIMIT = 64 * 1024
BLOB_LIMIT = 256 * 1024


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("safety")
    (root / "outside").mkdir()
    return root


@pytest.fixture(scope="module")
def url(place: Path) -> Iterator[str]:
    options: dict[str, Any] = {"max_body_bytes": LIMIT, "max_blob_bytes": BLOB_LIMIT}
    with running_server(data_dir=place / "data", models=["mistral", "all-minilm"], **options) as base:
        yield base


def assert_sound(data: Path) -> None:
    """Every blob holds the bytes its name promises, no temporary file is left, every manifest is whole."""
    for store in (data / "models", data / "registry"):
        for path in (store / "blobs").iterdir():
            assert not path.name.startswith("."), f"left behind: {path}"
            assert path.name == "sha256-" + hashlib.sha256(path.read_bytes()).hexdigest(), path
        for path in (store / "manifests").rglob("*"):
            assert not path.name.startswith("."), f"left behind: {path}"
            if path.is_file():
                manifest = json.loads(path.read_bytes())
                for layer in [*manifest["layers"], manifest["config"]]:
                    assert (store / "blobs" / layer["digest"].replace(":", "-")).is_file()
    leftovers = [p for p in data.rglob("*") if p.is_dir() and p.name.startswith("tmp")]
    assert not leftovers


TRAVERSALS = [
    "../outside/x",
    "../../outside",
    "a/../../outside/x",
    "..",
    "ns/..:tag",
    "x\x00y",
    "..\\..\\outside",
    "/etc/passwd",
    "ns/m:../../x",
]


@pytest.mark.parametrize("name", TRAVERSALS)
def test_names_cannot_reach_outside(wire: Wire, place: Path, name: str) -> None:
    assert error_of(wire.post("/api/create", {"model": name, "from": "mistral"}), 400) == "invalid model name"
    assert error_of(wire.post("/api/copy", {"source": "mistral", "destination": name}), 400).startswith("destination ")
    assert error_of(wire.post("/api/pull", {"model": name}), 400) == "invalid model name"
    assert wire.post("/api/show", {"model": name}).status_code == 400
    assert wire.request("DELETE", "/api/delete", {"model": name}).status_code == 400
    assert wire.post("/api/generate", {"model": name, "prompt": "x"}).status_code == 400
    assert wire.post("/api/push", {"model": name, "stream": False}).status_code >= 400
    assert list((place / "outside").iterdir()) == []
    assert sorted(p.name for p in place.iterdir()) == ["data", "outside"]


@pytest.mark.parametrize(
    "digest", ["sha256:../../../outside/x", "sha256-" + "0" * 63 + ".", "sha256:%2e%2e%2f%2e%2e", "../../outside"]
)
def test_digests_cannot_reach_outside(wire: Wire, place: Path, digest: str) -> None:
    assert wire.post(f"/api/blobs/{digest}", content=b"x", checked=False).status_code in (400, 404)
    assert wire.request("HEAD", f"/api/blobs/{digest}", checked=False).status_code in (400, 404)
    files = {"model.gguf": digest}
    assert wire.post("/api/create", {"model": "x", "files": files, "stream": False}).status_code == 400
    assert list((place / "outside").iterdir()) == []


def test_body_size_limit(wire: Wire, place: Path) -> None:
    big = {"model": "mistral", "prompt": "x" * LIMIT}
    assert error_of(wire.post("/api/generate", big), 400) == "http: request body too large"
    assert (
        wire.post("/api/generate", {"model": "mistral", "prompt": "x" * (LIMIT // 2), "stream": False}).status_code
        == 200
    )
    blob = b"\x01" * (BLOB_LIMIT + 1)
    assert error_of(wire.post(f"/api/blobs/{digest_of(blob)}", content=blob), 400) == "http: request body too large"
    assert wire.request("HEAD", f"/api/blobs/{digest_of(blob)}").status_code == 404
    assert upload(wire, blob[:BLOB_LIMIT]) == digest_of(blob[:BLOB_LIMIT])  # a big body under the limit is fine
    assert_sound(place / "data")


def test_an_upload_cut_short_leaves_nothing(url: str, wire: Wire, place: Path) -> None:
    data = b"\x02" * 100_000
    digest = digest_of(data)
    host, port = url.rsplit("/", 1)[-1].split(":")
    blobs = place / "data" / "models" / "blobs"

    def partial() -> bool:
        return any(p.name.startswith(".upload-") for p in blobs.iterdir())

    with socket.create_connection((host, int(port))) as sock:
        head = f"POST /api/blobs/{digest} HTTP/1.1\r\nHost: {host}\r\nContent-Length: {len(data)}\r\n\r\n"
        sock.sendall(head.encode() + data[:30_000])
        deadline = time.monotonic() + 5
        while not partial() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert partial()  # the upload really started, into a temporary file
    deadline = time.monotonic() + 5
    while partial() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert wire.request("HEAD", f"/api/blobs/{digest}").status_code == 404
    assert_sound(place / "data")


def test_a_pull_cut_short_leaves_no_manifest(url: str, wire: Wire, place: Path) -> None:
    with pytest.raises(httpx.RemoteProtocolError):
        wire.post("/api/pull", {"model": "tinyllama"}, headers={"X-Ollama-Fault": "drop-after=4"}, checked=False)
    time.sleep(0.1)
    assert "tinyllama:latest" not in [m["name"] for m in wire.get("/api/tags").json()["models"]]
    assert not (place / "data" / "models" / "manifests" / "registry.ollama.ai" / "library" / "tinyllama").exists()
    assert_sound(place / "data")
    assert lines(wire.post("/api/pull", {"model": "tinyllama"}))[-1] == {"status": "success"}
    assert_sound(place / "data")


def test_a_create_that_fails_leaves_no_manifest(wire: Wire, place: Path, tmp_path: Path) -> None:
    digest = upload(wire, make_gguf(tmp_path / "m.gguf", "llama", [("llama.context_length", 256)]))
    failed = lines(
        wire.post("/api/create", {"model": "half", "files": {"model.gguf": digest}, "system": "s", "quantize": "q2_x"})
    )
    assert "error" in failed[-1]
    assert "half:latest" not in [m["name"] for m in wire.get("/api/tags").json()["models"]]
    assert_sound(place / "data")


def test_concurrent_requests(url: str, place: Path) -> None:
    seed_body = {"model": "mistral", "prompt": "Why is the sky blue?", "options": {"seed": 7}, "stream": False}
    blob = b"shared blob uploaded by many at once" * 100

    def job(i: int) -> Any:
        with httpx.Client(base_url=url, timeout=30) as http:
            kind = i % 4
            if kind == 0:
                return ("text", http.post("/api/generate", json=seed_body).json()["response"])
            if kind == 1:
                return ("blob", http.post(f"/api/blobs/{digest_of(blob)}", content=blob).status_code)
            if kind == 2:
                name = f"crowd-{i}"
                created = http.post(
                    "/api/create", json={"model": name, "from": "mistral", "system": f"n{i}", "stream": False}
                )
                shown = http.post("/api/show", json={"model": name}).json()
                return ("create", created.status_code, shown.get("system"), f"n{i}")
            copied = http.post("/api/copy", json={"source": "mistral", "destination": f"copy-{i}"}).status_code
            deleted = http.request("DELETE", "/api/delete", json={"model": f"copy-{i}"}).status_code
            return ("copy", copied, deleted)

    with ThreadPoolExecutor(max_workers=12) as pool:
        results = list(pool.map(job, range(48)))
    texts = {r[1] for r in results if r[0] == "text"}
    assert len(texts) == 1
    assert {r[1] for r in results if r[0] == "blob"} <= {200, 201} and 201 in {r[1] for r in results if r[0] == "blob"}
    assert all(r[1] == 200 and r[2] == r[3] for r in results if r[0] == "create")
    assert all(r[1:] == (200, 200) for r in results if r[0] == "copy")
    with httpx.Client(base_url=url) as http:
        listed = {m["name"] for m in http.get("/api/tags").json()["models"]}
    assert {f"crowd-{i}:latest" for i in range(2, 48, 4)} <= listed
    assert not any(n.startswith("copy-") for n in listed)
    assert_sound(place / "data")


def test_streams_in_parallel_stay_whole(url: str) -> None:
    body = {"model": "mistral", "prompt": "Tell me everything", "options": {"seed": 1, "num_predict": 300}}
    errors: list[BaseException] = []
    texts: list[str] = []

    def read() -> None:
        try:
            with httpx.Client(base_url=url, timeout=30) as http:
                chunks = [json.loads(line) for line in http.post("/api/generate", json=body).content.splitlines()]
                assert chunks[-1]["done"] is True and chunks[-1]["eval_count"] == 300
                texts.append("".join(c["response"] for c in chunks))
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=read) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(set(texts)) == 1 and len(texts) == 8
