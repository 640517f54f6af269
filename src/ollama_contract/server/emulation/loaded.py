"""Which models are "in memory": what `ps` lists, when a request costs a load, and how many loads.

Nothing is really loaded. A model counts as loaded from its first use until its keep-alive runs
out; like Ollama's scheduler, two names that share a model file share one runner. A request
whose load-time options differ from the runner's (Ollama's `needsReload`: the `api.Runner`
options num_ctx, num_batch, num_gpu, main_gpu, use_mmap, num_thread, draft_num_predict) replaces
the runner: that is a new load, reported as a cold `load_duration`, logged, and counted.

With a real pace a load takes `load_seconds`: the runner is ready only then, and every request
for it waits until it is, as requests wait for Ollama's runner. A runner also serves one request
at a time (Ollama's default `OLLAMA_NUM_PARALLEL=1`): paced generations and loads of one runner
take turns on its `slot`, so a reload waits for the answers under way, as Ollama's does.
"""

from __future__ import annotations

import asyncio
import logging
import math
import threading
import time
from dataclasses import dataclass
from typing import Any

from ..http.wire import local_timestamp, utc_timestamp
from ..store.local import Model
from .options import DEFAULT_KEEP_ALIVE

__all__ = ["DEFAULT_NUM_CTX", "LOAD_TIME_OPTIONS", "Load", "LoadRecord", "Runtime", "runner_options"]

DEFAULT_NUM_CTX = 4096
LOAD_TIME_OPTIONS = ("num_ctx", "num_batch", "num_gpu", "main_gpu", "use_mmap", "num_thread", "draft_num_predict")
"""The options a runner is started with (Ollama's `api.Runner`): changing one costs a load."""
_DEFAULTS: dict[str, Any] = {"num_batch": 512, "num_gpu": -1, "main_gpu": None, "use_mmap": None, "num_thread": 0}
_FOREVER_NS = 2**63 - 1  # Go's longest duration: a negative keep_alive shows as ~292 years ahead
_COLD_LOAD_NS = 1_250_000_000

log = logging.getLogger("ollama_contract.server.scheduler")


def runner_options(options: dict[str, Any], context_length: int) -> dict[str, Any]:
    """The load-time options a request asks of a runner, with Ollama's defaults filled in.

    `num_ctx` is cut to the model's training context (the scheduler's effectiveContext);
    `draft_num_predict` is 0 for a model without a draft model unless the request sets it.
    """
    num_ctx = int(options.get("num_ctx") or DEFAULT_NUM_CTX)
    if num_ctx <= 0:
        num_ctx = DEFAULT_NUM_CTX
    if context_length:
        num_ctx = min(num_ctx, context_length)
    out = {"num_ctx": num_ctx, "draft_num_predict": options.get("draft_num_predict", 0)}
    for key, default in _DEFAULTS.items():
        out[key] = options.get(key, default)
    return out


def _changed(loaded: dict[str, Any], wanted: dict[str, Any]) -> list[str]:
    """The options that make Ollama reload: a negative num_gpu and an unset use_mmap match any."""
    out = []
    for key in LOAD_TIME_OPTIONS:
        if key == "num_gpu" and wanted.get(key, -1) < 0:
            continue
        if key == "use_mmap" and wanted.get(key) is None:
            continue
        if loaded.get(key) != wanted.get(key):
            out.append(key)
    return out


@dataclass
class _Entry:
    name: str
    digest: str
    size: int
    details: dict[str, Any]
    expires_ns: int
    options: dict[str, Any]
    ready_at: float  # time.monotonic() when the load is over

    @property
    def context_length(self) -> int:
        return int(self.options["num_ctx"])


@dataclass(frozen=True)
class Load:
    """What scheduling one request did to the runner of its model."""

    key: str
    """The runner's identity: the model file (two names of one file share a runner)."""
    cold: bool
    reason: str
    """Why the model was loaded: "new" (not in memory), "changed:num_ctx,..." or "" (warm)."""
    ready_at: float
    """time.monotonic() at which the runner is ready; in the past for an instant pace."""
    load_ns: int
    """The load duration an instant pace reports (a paced answer reports the wait it measured)."""


@dataclass(frozen=True)
class LoadRecord:
    model: str
    reason: str
    options: dict[str, Any]
    at: str


def _runner_key(model: Model) -> str:
    for layer in model.manifest.get("layers") or []:
        if layer.get("mediaType") == "application/vnd.ollama.image.model":
            return str(layer.get("digest"))
    return model.digest


class Runtime:
    def __init__(self, load_seconds: float = 0.0) -> None:
        self.load_seconds = load_seconds
        self.loads: list[LoadRecord] = []
        """Every load since start, in order: what a test counts to prove a run reloaded nothing."""
        self._entries: dict[str, _Entry] = {}
        self._slots: dict[str, asyncio.Lock] = {}
        self._lock = threading.Lock()

    def slot(self, key: str) -> asyncio.Lock:
        """The turn of a runner: held by a paced load or generation (one request at a time)."""
        with self._lock:
            return self._slots.setdefault(key, asyncio.Lock())

    def load(self, model: Model, keep_alive: float | None, options: dict[str, Any]) -> Load:
        """Schedule a request on the model's runner, starting (or restarting) it if needed."""
        now = time.time_ns()
        clock = time.monotonic()
        seconds = DEFAULT_KEEP_ALIVE if keep_alive is None else keep_alive
        expires = now + _FOREVER_NS if math.isinf(seconds) else now + int(seconds * 1e9)
        key = _runner_key(model)
        wanted = runner_options(options, model.context_length)
        with self._lock:
            self._expire(now)
            entry = self._entries.get(key)
            changed = _changed(entry.options, wanted) if entry is not None else []
            cold = entry is None or bool(changed)
            reason = "new" if entry is None else ("changed:" + ",".join(changed) if changed else "")
            if cold:
                # A reload waits for a load still under way, as Ollama loads one runner at a time.
                start = max(clock, entry.ready_at) if entry is not None else clock
                ready_at = start + self.load_seconds
                kept = wanted
                name = model.name.shortest()
                self.loads.append(LoadRecord(name, reason, dict(wanted), utc_timestamp(now)))
            else:
                assert entry is not None
                ready_at, kept, name = entry.ready_at, entry.options, entry.name
            self._entries[key] = _Entry(
                name=name,
                digest=model.digest,
                size=model.size,
                details=model.details(),
                expires_ns=expires,
                options=kept,
                ready_at=ready_at,
            )
        if cold:
            log.info('msg="load model" model=%s reason=%s num_ctx=%d', name, reason, wanted["num_ctx"])
        load_ns = _COLD_LOAD_NS + model.size % 997_000 if cold else 2_000_000 + model.size % 99_000
        return Load(key=key, cold=cold, reason=reason, ready_at=ready_at, load_ns=load_ns)

    def reset(self) -> None:
        """Nothing in memory any more (the load history stays)."""
        with self._lock:
            self._entries.clear()

    def unload(self, model: Model) -> None:
        with self._lock:
            self._entries.pop(_runner_key(model), None)

    def forget_digest(self, digest: str) -> None:
        """A deleted model stops running, as Ollama unloads it."""
        with self._lock:
            for key in [k for k, e in self._entries.items() if e.digest == digest]:
                del self._entries[key]

    def _expire(self, now: int) -> None:
        for key in [k for k, e in self._entries.items() if e.expires_ns <= now]:
            del self._entries[key]

    def running(self) -> list[dict[str, Any]]:
        now = time.time_ns()
        with self._lock:
            self._expire(now)
            entries = sorted(self._entries.values(), key=lambda e: e.expires_ns // 1_000_000_000, reverse=True)
        return [
            {
                "name": e.name,
                "model": e.name,
                "size": e.size,
                "digest": e.digest,
                "details": e.details,
                "expires_at": local_timestamp(e.expires_ns),
                "size_vram": 0,
                "context_length": e.context_length,
            }
            for e in entries
        ]
