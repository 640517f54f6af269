"""The servers of one run: repeated `--base-url`s and a `--targets` TOML file, read into Targets.

Each target carries everything a single run against it would need (its model choices, its
safety, its headers), so that a fleet run checks every server exactly as a run of its own would.
Mistakes in the list (an unknown key, two targets of one name, an API key variable that is not
set) are bad input: TargetError, exit status 2, before anything is sent.
"""

from __future__ import annotations

import os
import re
import tomllib
import urllib.parse
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ._preflight import TargetError

__all__ = ["Target", "default_name", "read_targets_file", "targets_from_urls"]

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_KEYS = {"url", "name", "model", "embed_model", "api_key_env", "allow_writes", "headers", "profile", "pull_models"}


@dataclass(frozen=True)
class Target:
    url: str
    name: str
    """A file-name-safe label: the column of the matrix and `junit-<name>.xml`."""
    model: str | None = None
    embed_model: str | None = None
    api_key_env: str | None = None
    """The name of the environment variable that holds this server's API key (never the key)."""
    allow_writes: bool = False
    headers: dict[str, str] = field(default_factory=dict)
    profile: str | None = None
    """None: the version the server reports on /api/version."""
    pull_models: tuple[str, ...] = ()

    def request_headers(self) -> dict[str, str]:
        """The headers every request to this server carries: its own, and its bearer key."""
        headers = dict(self.headers)
        if self.api_key_env:
            headers["Authorization"] = f"Bearer {os.environ[self.api_key_env]}"
        return headers

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["pull_models"] = list(self.pull_models)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Target:
        return cls(**{**data, "pull_models": tuple(data.get("pull_models") or ())})


def default_name(url: str) -> str:
    """`127.0.0.1-11434` for http://127.0.0.1:11434: readable, and a safe file name."""
    split = urllib.parse.urlsplit(url)
    label = f"{split.hostname or 'server'}-{split.port}" if split.port else (split.hostname or "server")
    return re.sub(r"[^A-Za-z0-9._-]", "-", label + split.path.rstrip("/").replace("/", "-"))[:64]


def _unique(targets: list[Target]) -> list[Target]:
    seen: dict[str, int] = {}
    out = []
    for target in targets:
        if target.name in seen:
            raise TargetError(f"two targets are named {target.name!r}; give each a name of its own")
        seen[target.name] = 1
        out.append(target)
    return out


def _url(value: str) -> str:
    from .._config import parse_host

    return parse_host(value).rstrip("/")


def targets_from_urls(
    urls: list[str], *, model: str | None, embed_model: str | None, allow_writes: bool, profile: str | None
) -> list[Target]:
    """Repeated --base-url: every target gets the command line's model, safety and profile."""
    key = "OLLAMA_API_KEY" if os.environ.get("OLLAMA_API_KEY") else None
    targets = []
    for given in urls:
        url = _url(given)
        targets.append(Target(url, default_name(url), model, embed_model, key, allow_writes, profile=profile))
    return _unique(targets)


def read_targets_file(path: Path, *, allow_writes: bool = False, profile: str | None = None) -> list[Target]:
    """A TOML list of `[[target]]` tables; the command line's --allow-writes and --profile are
    the defaults of the targets that do not say."""
    from .._profiles import normalise

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise TargetError(f"--targets {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise TargetError(f"--targets {path}: not TOML ({exc})") from None
    tables = data.get("target", data.get("targets"))
    if not isinstance(tables, list) or not tables or not all(isinstance(t, dict) for t in tables):
        raise TargetError(f'--targets {path}: expected one or more [[target]] tables, each with url = "..."')
    targets = []
    for number, table in enumerate(tables, 1):
        where = f"--targets {path}, target {number}"
        if unknown := set(table) - _KEYS:
            raise TargetError(f"{where}: unknown keys {', '.join(sorted(unknown))} (known: {', '.join(sorted(_KEYS))})")
        if not isinstance(table.get("url"), str):
            raise TargetError(f'{where}: url = "http://host:11434" is required')
        url = _url(table["url"])
        name = table.get("name", default_name(url))
        if not isinstance(name, str) or not _NAME.match(name):
            raise TargetError(f"{where}: name {name!r} must be letters, digits, '.', '_' or '-' (it names files)")
        key_env = table.get("api_key_env")
        if key_env is not None and not (isinstance(key_env, str) and os.environ.get(key_env)):
            raise TargetError(f"{where}: api_key_env {key_env!r} names no environment variable that is set")
        headers = table.get("headers", {})
        if not isinstance(headers, dict) or not all(isinstance(v, str) for v in headers.values()):
            raise TargetError(f"{where}: headers must be a table of strings")
        chosen = table.get("profile", profile)
        try:
            chosen = None if chosen is None else normalise(chosen)
        except ValueError as exc:
            raise TargetError(f"{where}: profile: {exc}") from None
        strings = {k: table.get(k) for k in ("model", "embed_model")}
        if any(v is not None and not isinstance(v, str) for v in strings.values()):
            raise TargetError(f"{where}: model and embed_model are strings")
        pulls = table.get("pull_models", [])
        if not isinstance(pulls, list) or not all(isinstance(p, str) for p in pulls):
            raise TargetError(f"{where}: pull_models is a list of model names")
        writes = table.get("allow_writes", allow_writes)
        if not isinstance(writes, bool):
            raise TargetError(f"{where}: allow_writes is true or false")
        targets.append(
            Target(
                url,
                name,
                strings["model"],
                strings["embed_model"],
                key_env,
                writes,
                dict(headers),
                chosen,
                tuple(pulls),
            )
        )
    return _unique(targets)
