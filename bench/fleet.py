#!/usr/bin/env python3
"""How long one fleet run takes against four paced servers, against the slowest of them alone.

Four `ollama-contract serve --pace real` servers (loads, prompts and tokens take real time), one
held to an older release's contract, one with a planted `status=500@30` (the first six requests
are the run's setup, so a 500 on the 5th, as the issue words it, lands where no test sees it; the
30th is a property case of POST /api/generate, and that column fails), are checked one at a time,
each by a run of its own, then all four by one `ollama-contract check --targets` run (one xdist
worker each). Every run gets fresh servers, so each sees the same requests from a clean start.
The budget: the fleet takes at most 1.5 times the slowest single run, on this 2-core machine.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

CLI = [sys.executable, "-m", "ollama_contract"]
BUDGET = 1.5
RUN = ["--quick", "--max-examples", "5", "--progress", "off", "--max-time", "600"]
SERVERS = {
    "current": [],
    "older": [],
    "faulty": ["--fault", "status=500@30"],
    "fourth": [],
}
PROFILES = {"older": "0.5.7"}
"""The older server: held to 0.5.7's contract (and, where `serve --ollama-version` exists, answering as 0.5.7)."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _older_flag() -> list[str]:
    help_text = subprocess.run([*CLI, "serve", "--help"], capture_output=True, text=True).stdout
    return ["--ollama-version", PROFILES["older"]] if "--ollama-version" in help_text else []


def start(args: list[str], log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    with log.open("wb") as out:
        cmd = [*CLI, "serve", "--port", str(port), "--quiet", "--pace", "real", *args]
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(url + "/api/version", timeout=2)
            return proc, url
        except httpx.TransportError:
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError(log.read_text()) from None
            time.sleep(0.2)


def stop(procs: list[subprocess.Popen[bytes]]) -> None:
    for proc in procs:
        proc.terminate()
        proc.wait(timeout=30)


def timed(cmd: list[str], cwd: Path) -> tuple[float, int, str]:
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    return time.perf_counter() - started, proc.returncode, proc.stdout + proc.stderr


def _verdict(folder: Path) -> tuple[Any, ...]:
    result = json.loads((folder / "result.json").read_text())
    tests = [(t["phase"], t["name"], t["outcome"], t["cases"]) for t in result["tests"]]
    # The single run and the fleet check servers on other ports: the curl's URL is masked.
    findings = sorted(json.dumps(f, sort_keys=True).replace(result["url"], "<url>") for f in result["findings"])
    return result["verdict"], result["status"], result["profile"], tests, findings


def main() -> int:
    older = _older_flag()
    with tempfile.TemporaryDirectory(prefix="bench-fleet-") as tmp:
        folder = Path(tmp)
        singles: dict[str, float] = {}
        for name, args in SERVERS.items():
            proc, url = start([*args, *(older if name == "older" else [])], folder / f"{name}.log")
            profile = ["--profile", PROFILES[name]] if name in PROFILES else []
            cmd = [*CLI, "check", "--base-url", url, "--report-dir", f"single-{name}", *RUN, *profile]
            try:
                singles[name], code, output = timed(cmd, folder)
            finally:
                stop([proc])
            print(f"fleet single {name}: {singles[name]:.1f} s, exit {code}")
            if code != (1 if name == "faulty" else 0):
                print(output[-2000:], file=sys.stderr)
                return 1
        procs, lines = [], []
        for name, args in SERVERS.items():
            proc, url = start([*args, *(older if name == "older" else [])], folder / f"fleet-{name}.log")
            procs.append(proc)
            lines.append(f'[[target]]\nname = "{name}"\nurl = "{url}"\n')
            if name in PROFILES:
                lines.append(f'profile = "{PROFILES[name]}"\n')
        (folder / "targets.toml").write_text("\n".join(lines))
        try:
            fleet, code, output = timed(
                [*CLI, "check", "--targets", "targets.toml", "--report-dir", "fleet", *RUN], folder
            )
        finally:
            stop(procs)
        print(f"fleet all four: {fleet:.1f} s, exit {code}; last line: {output.strip().splitlines()[-1]}")
        if code not in (0, 1):
            print(output[-3000:], file=sys.stderr)
            return 1
        differ = [n for n in SERVERS if _verdict(folder / f"single-{n}") != _verdict(folder / "fleet" / n)]
        for name in differ:
            single, column = _verdict(folder / f"single-{name}"), _verdict(folder / "fleet" / name)
            print(f"fleet column {name} differs from its single run:")
            for a, b in zip(single, column, strict=True):
                if a != b:
                    print(f"  single: {a}\n  fleet:  {b}")
        same = not differ
        print(
            f"fleet columns equal their single runs (verdict, status, every test's outcome and cases, failures): {same}"
        )
        if not same:
            return 1
    slowest = max(singles, key=lambda n: singles[n])
    ratio = fleet / singles[slowest]
    verdict = "ok" if ratio <= BUDGET else "over"
    print(f"budget fleet of 4 paced servers / slowest single run ({slowest}): {ratio:.2f}x (limit {BUDGET}x) {verdict}")
    return 0 if verdict == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
