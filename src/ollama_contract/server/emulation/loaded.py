"""Which models are "in memory": what `ps` lists, and what makes a load cold or warm.

Nothing is really loaded. A model counts as loaded from its first use until its keep-alive runs
out; like Ollama's scheduler, two names that share a model file share one entry.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass
from typing import Any

from ..http.wire import local_timestamp
from ..store.local import Model
from .options import DEFAULT_KEEP_ALIVE

__all__ = ["DEFAULT_NUM_CTX", "Runtime"]

DEFAULT_NUM_CTX = 4096
_FOREVER_NS = 2**63 - 1  # Go's longest duration: a negative keep_alive shows as ~292 years ahead
_COLD_LOAD_NS = 1_250_000_000


@dataclass
class _Entry:
    name: str
    digest: str
    size: int
    details: dict[str, Any]
    expires_ns: int
    context_length: int


def _runner_key(model: Model) -> str:
    for layer in model.manifest.get("layers") or []:
        if layer.get("mediaType") == "application/vnd.ollama.image.model":
            return str(layer.get("digest"))
    return model.digest


class Runtime:
    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}
        self._lock = threading.Lock()

    def load(self, model: Model, keep_alive: float | None, num_ctx: int) -> int:
        """Mark a model loaded; returns the load duration to report, in nanoseconds."""
        now = time.time_ns()
        seconds = DEFAULT_KEEP_ALIVE if keep_alive is None else keep_alive
        expires = now + _FOREVER_NS if math.isinf(seconds) else now + int(seconds * 1e9)
        key = _runner_key(model)
        context = min(num_ctx, model.context_length) if model.context_length else num_ctx
        with self._lock:
            self._expire(now)
            entry = self._entries.get(key)
            cold = entry is None or entry.context_length != context
            self._entries[key] = _Entry(
                name=entry.name if entry is not None and not cold else model.name.shortest(),
                digest=model.digest,
                size=model.size,
                details=model.details(),
                expires_ns=expires,
                context_length=context,
            )
        return _COLD_LOAD_NS + model.size % 997_000 if cold else 2_000_000 + model.size % 99_000

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
