"""What one server instance holds: its settings, model store, registry and loaded models."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from starlette.requests import Request

from .emulation.account import Account
from .emulation.catalogue import CATALOGUE, DEFAULT_MODELS, build_manifest, find_entry
from .emulation.loaded import Runtime
from .emulation.pace import INSTANT, Pace
from .store.local import Store
from .store.names import parse_name
from .store.registry import Registry
from .store.snapshot import Snapshot

__all__ = ["VERSION", "Settings", "State", "resolve_models", "state_of"]

VERSION = "0.33.0"
"""The Ollama version this server imitates."""


@dataclass
class Settings:
    data_dir: Path
    faults: list[str] = field(default_factory=list)
    max_body_bytes: int = 64 * 1024 * 1024
    max_blob_bytes: int = 32 * 1024 * 1024 * 1024
    version: str = VERSION
    pace: Pace = INSTANT
    account: Account = "offline"
    """How ollama.com looks from this server: offline, signed-in or signed-out (`emulation.account`)."""


class State:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.store = Store(settings.data_dir / "models")
        self.registry = Registry(settings.data_dir / "registry")
        self.runtime = Runtime(settings.pace.load_seconds if settings.pace.real else 0.0)
        self.account: Account = settings.account
        """Where the account stands now: signing out turns signed-in into signed-out."""

    def snapshot(self) -> Snapshot:
        """The data dir as it is now, for `reset` to come back to."""
        return Snapshot(self.settings.data_dir)

    def reset(self, snapshot: Snapshot) -> None:
        """Back to a snapshot: models created, copied, pulled, pushed or deleted since are undone,
        and no model is loaded."""
        snapshot.restore()
        self.runtime.reset()

    def install(self, names: Iterable[str]) -> None:
        """Put catalogue models in the store, as if they had been pulled."""
        for short in names:
            entry = find_entry(short)
            if entry is None:
                raise ValueError(f"{short!r} is not in the catalogue")
            manifest, blobs = build_manifest(entry)
            for _, data in blobs:
                self.store.put_blob(data)
            self.store.write_manifest(parse_name(short), manifest)


def resolve_models(spec: str | Iterable[str] | None) -> list[str]:
    """Which catalogue models to install: None/"default", "all", "none", or names."""
    if spec is None:
        return list(DEFAULT_MODELS)
    items = [s.strip() for s in spec.split(",")] if isinstance(spec, str) else [str(s).strip() for s in spec]
    items = [s for s in items if s]
    out: list[str] = []
    for item in items:
        if item == "default":
            out += DEFAULT_MODELS
        elif item == "all":
            out += [name for entry in CATALOGUE for name in entry.names]
        elif item == "none":
            continue
        else:
            name = parse_name(item)
            wanted = f"{name.model}:{name.tag}"
            entry = find_entry(wanted)
            if entry is None:
                known = ", ".join(entry.names[0] for entry in CATALOGUE)
                raise ValueError(f"unknown catalogue model {item!r}; known: {known}")
            # Installed under the catalogue's own spelling, whatever case the caller used.
            out.append(next(n for n in entry.names if n.lower() == wanted.lower()))
    return list(dict.fromkeys(out))


def state_of(request: Request) -> State:
    state: State = request.app.state.ollama
    return state
