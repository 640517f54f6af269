"""The state of one contract run: the target, its guard, the recorder, and the reference server.

The suite's pytest configuration builds one Session before collection (the schemathesis tests are
generated at import time and need the base URL then), and every test reads it from here.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from .._spec import operations
from ._preflight import check_models, check_target, version_url
from ._report import Recorder
from ._safety import Guard, listed_name, normalize
from ._transport import deadline_session

__all__ = ["ReferenceServer", "Session", "current", "install"]

# On the reference server: the models of its catalogue the suite reads, and one it can pull.
REFERENCE_MODEL = "llama3.2"
REFERENCE_EMBED_MODEL = "all-minilm"
REFERENCE_PULL_MODEL = "tinyllama"

SILENT_LIMIT = 6
"""Requests in a row without an answer after which the run sends no more (see Session.gone_silent)."""
SILENT = "the server stopped answering"

DEFAULT_REQUEST_TIMEOUT = 60.0
"""Seconds a request may take as a whole: a model load on a slow machine, then a bounded answer."""


@dataclass
class Session:
    base_url: str
    guard: Guard
    recorder: Recorder
    max_examples: int
    max_time: float | None
    headers: dict[str, str] = field(default_factory=dict)
    request_timeout: float = DEFAULT_REQUEST_TIMEOUT
    quick: bool = False
    """No coverage phase (schemathesis' boundary values): a smaller run, for CI."""
    operations: tuple[str, ...] = ()
    """Only these operations (operationIds) get property tests; all when empty."""
    profile: str = "all"
    """The contract the server is held to: `all`, or the Ollama version whose profile applies."""
    started: float = field(default_factory=time.monotonic)
    resident: frozenset[str] | None = None
    """The models loaded when the run began (normalized names), on a server the run did not
    start; None when /api/ps could not say (then nothing is unloaded at the end)."""
    version: str | None = None
    """What the server reported on /api/version, as it said it (None: no readable answer)."""
    silent: int = 0
    """Requests in a row that got no answer at all (no answer in time, or no connection)."""
    stopped: bool = False
    """The server stopped answering: no more requests are sent."""

    def __post_init__(self) -> None:
        self.requests = deadline_session(self.request_seconds)
        """What schemathesis sends its cases with: every answer within `request_seconds()`."""

    @property
    def model(self) -> str | None:
        return self.guard.model

    def out_of_time(self) -> bool:
        return self.max_time is not None and time.monotonic() - self.started > self.max_time

    def answered(self, answered: bool) -> None:
        """Count requests in a row without any answer; one answer resets the count. At
        SILENT_LIMIT the server is asked for /api/version: a slow server answers it (and the run
        goes on, each late answer a failure), a hung or dead one does not (and the run stops)."""
        self.silent = 0 if answered else self.silent + 1
        if self.silent < SILENT_LIMIT or self.stopped:
            return
        from ._preflight import PREFLIGHT_SECONDS

        try:
            httpx.get(version_url(self.base_url), headers=self.headers, timeout=PREFLIGHT_SECONDS)
            self.silent = 0
        except httpx.HTTPError as exc:
            self.stopped = True
            self.recorder.note(
                f"{SILENT}: {SILENT_LIMIT} requests in a row got no answer, nor did GET /api/version within "
                f"{PREFLIGHT_SECONDS:g} s ({type(exc).__name__}); the run sent no more"
            )

    def gone_silent(self) -> bool:
        """The server stopped answering (see `answered`): the rest of the run would only wait out
        one deadline after another."""
        return self.stopped

    def request_seconds(self) -> float:
        """The deadline of the next request: --request-timeout, or less when --max-time is near."""
        if self.max_time is None:
            return self.request_timeout
        left = self.max_time - (time.monotonic() - self.started)
        return max(0.5, min(self.request_timeout, left))

    def remove_own_models(self) -> None:
        """Delete what the run created under its own prefix, so a user's server is left as found."""
        self.delete_models(name for name in self.guard.created if name.startswith(self.guard.prefix))

    def restore_residency(self) -> None:
        """Unload the models the run used that were not loaded when it began, as Ollama unloads
        one (`keep_alive: 0`, no prompt), so a shared server is left with what it had loaded.
        Other models, and the ones loaded before the run, are left alone."""
        if self.resident is None or self.gone_silent():
            return
        used = {normalize(m) for m in (self.guard.model, self.guard.embed_model) if m}
        generate = operations()["generate"]
        with self.http() as client:
            loaded = _running(client)
            for name in sorted(n for n in loaded or () if normalize(n) in used - self.resident):
                answer = client.request(generate.method.upper(), generate.path, json={"model": name, "keep_alive": 0})
                done = "unloaded" if answer.status_code == 200 else f"could not unload (status {answer.status_code})"
                self.recorder.note(f"{done} {name}, which the run had loaded (it was not loaded when the run began)")

    def delete_models(self, names: Iterable[str]) -> None:
        """Clean-up deletes: outside the checks, but through the guard's bookkeeping."""
        names = list(names)
        if names and self.gone_silent():
            self.recorder.note(f"could not delete {', '.join(sorted(names))}: the server had stopped answering")
            return
        with self.http() as client:
            for name in sorted(names):
                response = client.request("DELETE", "/api/delete", json={"model": name})
                self.guard.record("delete_model", {"model": name}, response.status_code)

    def http(self) -> httpx.Client:
        """A plain HTTP client for the scenario tests and the clean-up (`exchange` bounds each
        scenario step as a whole; the rest are small answers that a read timeout bounds)."""
        return httpx.Client(
            base_url=self.base_url, headers=self.headers, timeout=httpx.Timeout(self.request_timeout, connect=10)
        )


_current: Session | None = None


def current() -> Session:
    if _current is None:
        raise RuntimeError("no contract run is configured; run the suite with `ollama-contract check`")
    return _current


def install(session: Session | None) -> None:
    global _current
    _current = session


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class ReferenceServer:
    """The reference server in a child process, so that it has a core of its own."""

    def __init__(self, faults: Sequence[str] = ()) -> None:
        self.faults = list(faults)
        self.data_dir = Path(tempfile.mkdtemp(prefix="ollama-contract-"))
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 30.0) -> str:
        cmd = [sys.executable, "-m", "ollama_contract", "serve", "--host", "127.0.0.1", "--port", str(self.port)]
        cmd += ["--quiet"]  # no line per request in server.log (loads are still logged)
        cmd += ["--data-dir", str(self.data_dir)]
        for fault in self.faults:
            cmd += ["--fault", fault]
        log = (self.data_dir / "server.log").open("wb")
        self.process = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the reference server exited at start:\n{self.log_tail()}")
            try:
                httpx.get(version_url(self.url), timeout=1)  # any answer, even a planted fault's
                return self.url
            except httpx.TransportError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"the reference server did not answer within {timeout:.0f} s:\n{self.log_tail()}")

    def log_tail(self) -> str:
        path = self.data_dir / "server.log"
        return path.read_text(errors="replace")[-2000:] if path.exists() else ""

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.data_dir, ignore_errors=True)


def _running(client: httpx.Client) -> list[str] | None:
    """The names of the models /api/ps lists as loaded, or None when it cannot say."""
    ps = operations()["list_running"]
    try:
        response = client.request(ps.method.upper(), ps.path)
        models = response.json().get("models") if response.status_code == 200 else None
    except (httpx.HTTPError, ValueError, AttributeError):
        return None
    if not isinstance(models, list):
        return None
    return [name for m in models if isinstance(m, dict) and (name := listed_name(m))]


def _installed(base_url: str, headers: dict[str, str], recorder: Recorder) -> list[dict[str, Any]] | None:
    """The server's models, or None when /api/tags cannot say: checking that answer is the
    suite's job, so a broken one must not stop the run before it starts."""
    models: Any = None
    try:
        response = httpx.get(base_url + "/api/tags", headers=headers, timeout=30)
        problem = f"status {response.status_code}"
        models = response.json().get("models") if response.status_code == 200 else None
    except (httpx.HTTPError, ValueError, AttributeError) as exc:
        problem = repr(exc)
    if not isinstance(models, list):
        recorder.note(f"could not read the installed models from /api/tags ({problem})")
        return None
    return [m for m in models if isinstance(m, dict) and listed_name(m) is not None]


def _choose(models: list[dict[str, Any]], capability: str) -> str | None:
    """The first installed model that declares a capability (older servers declare none)."""
    names = [(listed_name(m) or "", m.get("capabilities") or []) for m in models]
    for name, capabilities in names:
        if capability in capabilities:
            return name
    return names[0][0] if names else None


def open_session(
    *,
    base_url: str | None,
    allow_writes: bool,
    model: str | None,
    embed_model: str | None,
    pull_models: Sequence[str],
    max_examples: int,
    max_time: float | None,
    faults: Sequence[str],
    request_timeout: float = DEFAULT_REQUEST_TIMEOUT,
    quick: bool = False,
    profile: str | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[Session, ReferenceServer | None]:
    """Resolve the target: the given server, or a reference server started for this run.

    A server the run did not start must answer, and hold the models named by option, or
    TargetError says so before any test runs. `headers` go with every request (default: the
    bearer key of OLLAMA_API_KEY)."""
    headers = api_key_headers() if headers is None else headers
    recorder = Recorder()
    server = None
    if base_url is None:
        server = ReferenceServer(faults)
        base_url = server.start()
        model, embed_model = model or REFERENCE_MODEL, embed_model or REFERENCE_EMBED_MODEL
        pull_models = [*pull_models, REFERENCE_PULL_MODEL]
    else:
        base_url = base_url.rstrip("/")
        check_target(base_url, base_url, headers)
    base_url = base_url.rstrip("/")
    installed = _installed(base_url, headers, recorder) if server is None else None
    if installed is not None:
        check_models(installed, [("--model", model), ("--embed-model", embed_model)], base_url)
    if model is None or embed_model is None:
        installed = installed or []
        model = model or _choose(installed, "completion")
        embed_model = embed_model or _choose(installed, "embedding") or model
        if model is not None:
            recorder.note(f"models chosen from /api/tags: {model} for generate/chat, {embed_model} for embed")
        else:
            recorder.note("the server lists no models: generate, chat and embed are only tested for their errors")
    guard = Guard(
        run_id="ref" if server is not None else secrets.token_hex(3),
        owned=server is not None,
        allow_writes=allow_writes,
        model=model,
        embed_model=embed_model,
        pull_models=tuple(pull_models),
        installed=frozenset(normalize(listed_name(m) or "") for m in installed or []),
    )
    if not guard.writes:
        recorder.note(
            "safe mode: create, copy, delete, pull, push, blob uploads and the web search and fetch that the"
            " server forwards to ollama.com were not sent (--allow-writes)"
        )
    session = Session(base_url, guard, recorder, max_examples, max_time, headers, request_timeout, quick=quick)
    session.version, session.profile = _profile(base_url, headers, recorder, profile)
    if server is None:
        with session.http() as client:
            running = _running(client)
        session.resident = None if running is None else frozenset(normalize(n) for n in running)
    return session, server


def _profile(base_url: str, headers: dict[str, str], recorder: Recorder, chosen: str | None) -> tuple[str | None, str]:
    """The version the server reports, and the profile of the run: the one asked for, else that version."""
    from .._profiles import ALL, normalise, profile_for

    version = None
    try:
        response = httpx.get(version_url(base_url), headers=headers, timeout=30)
        version = response.json().get("version") if response.status_code == 200 else None
    except (httpx.HTTPError, ValueError, AttributeError):
        pass
    reported = version if isinstance(version, str) else None
    if chosen is not None:
        name = normalise(chosen)
        recorder.note(f"contract: {'all versions' if name == ALL else 'Ollama ' + name} (--profile)")
        return reported, name
    name = profile_for(reported)
    if name == ALL:
        recorder.note(f"contract: all versions (the server reports no readable version: {version!r})")
    else:
        recorder.note(f"contract: Ollama {name}, the version the server reports (--profile all for every version's)")
    return reported, name


def api_key_headers() -> dict[str, str]:
    """The bearer header for ollama.com, from OLLAMA_API_KEY (never written into a report)."""
    return {"Authorization": f"Bearer {key}"} if (key := os.environ.get("OLLAMA_API_KEY")) else {}
