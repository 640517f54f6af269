"""The `x-ollama` mapping of an operation, read into typed facts, strictly.

Each operation of `openapi.yaml` carries one mapping, placed before its `responses`:

```yaml
x-ollama:
  since: "0.1.14"                    # the first release whose router has it (scripts/mine_routes)
  writes: false                      # required: does it change what the server holds?
  network: true                      # it may reach ollama.com or a registry (a 5xx is then no bug)
  proxied: true                      # the body goes on to ollama.com unread (only an empty one is refused)
  runs: generate                     # generate | embed: it runs (and so loads) a model
  models: [{field: model, role: read, legacy: name}]   # request fields naming models
  stream: {final: {field: /done, equals: true}, text: /response, thinking: /thinking}
  late-checked: [format, options]    # request fields checked only once the model is loaded
  free-maps: [options]               # request fields kept as a free map
```

`role` is what the operation does to the named model: `read`, `create` (a new name is written),
`delete`, `pull` (fetched from a registry) or `push` (sent to one). `legacy` names the field the
server reads instead when this one is empty. Stream fields are JSON pointers into one line.

Unknown keys, wrong types, a streaming operation without `stream` (or the reverse) are errors:
a forgotten fact fails when the spec is indexed, and no code falls back to a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal, cast

__all__ = ["ROLES", "ModelField", "StreamShape", "facts_of"]

Role = Literal["read", "create", "delete", "pull", "push"]
ROLES: tuple[Role, ...] = ("read", "create", "delete", "pull", "push")
_KEYS = {"since", "writes", "network", "proxied", "runs", "models", "stream", "late-checked", "free-maps"}


@dataclass(frozen=True)
class ModelField:
    """A top-level request field that names a model, and what the operation does to that model."""

    field: str
    role: Role
    legacy: str | None = None


@dataclass(frozen=True)
class StreamShape:
    """How an operation's NDJSON stream is read: its final line, and the text it accumulates."""

    final_field: str
    """JSON pointer, inside a line, of the field that marks the final line."""
    final_value: object
    """The value of that field on the final line."""
    text: str | None = None
    """JSON pointer of the streamed text (`/response`, `/message/content`), if it streams text."""
    thinking: str | None = None
    """JSON pointer of the streamed thinking, if any."""


def _pointer(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.startswith("/"):
        raise ValueError(f"x-ollama {what} must be a JSON pointer such as /done, not {value!r}")
    return value


def _names(value: Any, what: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"x-ollama {what} must be a list of field names, not {value!r}")
    return frozenset(value)


def _models(value: Any) -> tuple[ModelField, ...]:
    if not isinstance(value, list):
        raise ValueError(f"x-ollama models must be a list, not {value!r}")
    out = []
    for entry in value:
        if not isinstance(entry, dict) or set(entry) - {"field", "role", "legacy"} or "field" not in entry:
            raise ValueError(f"x-ollama models entry {entry!r} must be {{field, role[, legacy]}}")
        if entry.get("role") not in ROLES:
            raise ValueError(f"x-ollama models role must be one of {', '.join(ROLES)}, not {entry.get('role')!r}")
        out.append(ModelField(str(entry["field"]), cast("Role", entry["role"]), entry.get("legacy")))
    return tuple(out)


def _stream(value: Any) -> StreamShape:
    if not isinstance(value, dict) or set(value) - {"final", "text", "thinking"}:
        raise ValueError(f"x-ollama stream must be {{final, text?, thinking?}}, not {value!r}")
    final = value.get("final")
    if not isinstance(final, dict) or set(final) != {"field", "equals"}:
        raise ValueError(f"x-ollama stream.final must be {{field, equals}}, not {final!r}")
    text, thinking = value.get("text"), value.get("thinking")
    return StreamShape(
        _pointer(final["field"], "stream.final.field"),
        final["equals"],
        None if text is None else _pointer(text, "stream.text"),
        None if thinking is None else _pointer(thinking, "stream.thinking"),
    )


def _since(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not re.fullmatch(r"\d+\.\d+\.\d+", value):
        raise ValueError(f'x-ollama since must be a release such as "0.1.14", not {value!r}')
    return value


def facts_of(op: dict[str, Any], *, streams: bool) -> dict[str, Any]:
    """The keyword arguments of `Operation` that the operation's `x-ollama` gives.

    `streams` says whether the operation's 200 declares NDJSON: then `stream` is required, else
    it is refused. Raises ValueError naming the fact that is missing or malformed.
    """
    raw = op.get("x-ollama")
    if not isinstance(raw, dict):
        raise ValueError("no x-ollama mapping (every operation says at least whether it writes)")
    if unknown := set(raw) - _KEYS:
        raise ValueError(f"unknown x-ollama keys: {', '.join(sorted(unknown))}")
    if not isinstance(raw.get("writes"), bool):
        raise ValueError("x-ollama writes must be true or false")
    if streams != ("stream" in raw):
        raise ValueError("its 200 streams NDJSON, but no x-ollama stream" if streams else "x-ollama stream, no NDJSON")
    runs = raw.get("runs")
    if runs not in (None, "generate", "embed"):
        raise ValueError(f"x-ollama runs must be generate or embed, not {runs!r}")
    network, proxied = raw.get("network", False), raw.get("proxied", False)
    if not isinstance(network, bool) or not isinstance(proxied, bool):
        raise ValueError("x-ollama network and proxied must be true or false")
    return {
        "since": _since(raw.get("since")),
        "writes": raw["writes"],
        "network": network,
        "proxied": proxied,
        "runs": runs,
        "models": _models(raw.get("models", [])),
        "stream": _stream(raw["stream"]) if "stream" in raw else None,
        "late_checked": _names(raw.get("late-checked", []), "late-checked"),
        "free_maps": _names(raw.get("free-maps", []), "free-maps"),
    }
