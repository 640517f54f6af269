"""A folder's files as they were, and a quick way back: per-test isolation for one shared server.

A server's data dir is small (manifests, tiny GGUF blobs, the offline registry), so a snapshot
keeps every file's bytes and modification time. Restoring compares names, sizes and times (a
few milliseconds for a default store), deletes what was added, and rewrites only what changed,
with its old time, so `modified_at` and the order of `tags` come back as they were too. Folders
a test added are left, empty: no answer can tell, and removing them costs more than the rest.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Snapshot"]


@dataclass(frozen=True)
class _File:
    data: bytes
    size: int
    mtime_ns: int


class Snapshot:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: dict[str, _File] = {}
        for folder, _dirs, names in os.walk(root):
            rel = self._relative(folder)
            for name in names:
                path = os.path.join(folder, name)
                info = os.stat(path)
                with open(path, "rb") as handle:
                    data = handle.read()
                self.files[os.path.join(rel, name)] = _File(data, info.st_size, info.st_mtime_ns)

    def restore(self) -> None:
        """Put the folder back as it was when the snapshot was taken."""
        seen: set[str] = set()
        for folder, _, names in os.walk(self.root):
            rel = self._relative(folder)
            for name in names:
                key = os.path.join(rel, name)
                path = os.path.join(folder, name)
                kept = self.files.get(key)
                if kept is None:
                    os.unlink(path)
                    continue
                seen.add(key)
                info = os.stat(path)
                if (info.st_size, info.st_mtime_ns) != (kept.size, kept.mtime_ns):
                    self._write(path, kept)
        for key, kept in self.files.items():
            if key not in seen:
                path = os.path.join(self.root, key)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                self._write(path, kept)

    def _relative(self, folder: str) -> str:
        # os.walk's folders all start with the root as given; os.path.relpath would ask the
        # system for the working directory twice a call, which costs more than the whole walk.
        return folder[len(str(self.root)) :].lstrip(os.sep) or "."

    @staticmethod
    def _write(path: str, kept: _File) -> None:
        with open(path, "wb") as handle:
            handle.write(kept.data)
        os.utime(path, ns=(kept.mtime_ns, kept.mtime_ns))
