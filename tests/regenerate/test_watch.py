"""`scripts/regenerate --watch`, bounded: a watcher on a scratch repository sees two saves and stops.

The first save breaks the YAML: the error is printed and generated_client/ is untouched. The
second save changes a description: the client is regenerated, the report names the change, and
the tests given with `--watch-tests` run.
"""

from __future__ import annotations

import contextlib
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

from conftest import git


def _reader(stream: object, lines: queue.Queue[str]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        lines.put(line.rstrip("\n"))


def _wait_for(lines: queue.Queue[str], seen: list[str], text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not any(text in line for line in seen):
        left = deadline - time.monotonic()
        assert left > 0, f"no {text!r} within {timeout}s; output so far:\n" + "\n".join(seen)
        with contextlib.suppress(queue.Empty):
            seen.append(lines.get(timeout=left))


def test_watch_regenerates_on_save_and_keeps_the_client_on_a_broken_spec(scratch: Path) -> None:
    spec = scratch / "openapi.yaml"
    original = spec.read_text(encoding="utf-8")
    stamp = (scratch / "generated_client" / "ollama_api" / "_provenance.json").read_bytes()
    cmd = [
        sys.executable,
        str(scratch / "scripts" / "regenerate"),
        "--watch",
        "--watch-path",
        str(spec),
        "--rounds",
        "2",
        "--watch-tests",
        "tests/test_spec.py -k valid_openapi",
    ]
    proc = subprocess.Popen(cmd, cwd=scratch, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=_reader, args=(proc.stdout, lines), daemon=True)
    reader.start()
    seen: list[str] = []
    try:
        _wait_for(lines, seen, "watch: watching", 60)
        time.sleep(1.5)  # the watches are set up when the generator first runs
        spec.write_text(original + "\n  this is: [not yaml\n", encoding="utf-8")
        _wait_for(lines, seen, "left as it was", 60)
        assert any("does not parse" in line for line in seen), seen
        assert (scratch / "generated_client" / "ollama_api" / "_provenance.json").read_bytes() == stamp
        edited = original.replace("description: The model name as the request spelled it.", "description: Planted.", 1)
        assert edited != original
        spec.write_text(edited, encoding="utf-8")
        _wait_for(lines, seen, "watch: tests", 240)
        _wait_for(lines, seen, "watch: stopped", 30)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        reader.join(timeout=10)
        assert proc.stdout is not None
        proc.stdout.close()
        spec.write_text(original, encoding="utf-8")
    assert any(line.startswith("compatible: ") and "description changed" in line for line in seen), seen
    assert any(line.startswith("regenerated generated_client/ollama_api") for line in seen), seen
    assert any(line.startswith("watch: tests passed") for line in seen), seen
    assert (scratch / "generated_client" / "ollama_api" / "_provenance.json").read_bytes() != stamp
    git(scratch, "checkout", "-q", "--", ".")
    assert git(scratch, "status", "--porcelain") == ""
