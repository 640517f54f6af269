"""Model options and keep-alive values, read with Ollama's rules.

Options are checked only when a model is scheduled, so a wrong type is a 500, not a 400; their
types come from the spec's `Options` schema. Keep-alive values follow Go: numbers are seconds,
strings go through `time.ParseDuration`, negatives mean forever.
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import Any

from ... import _spec

__all__ = [
    "DEFAULT_KEEP_ALIVE",
    "FOREVER",
    "OptionError",
    "go_int",
    "merge_options",
    "parse_go_duration",
    "parse_keep_alive",
]

DEFAULT_KEEP_ALIVE = 300.0
FOREVER = math.inf
_UNITS = {
    "ns": 1e-9,
    "us": 1e-6,
    "µs": 1e-6,
    "μs": 1e-6,
    "ms": 1e-3,
    "s": 1.0,
    "m": 60.0,
    "h": 3600.0,
}
_NUMBER = re.compile(r"([0-9]*)(\.([0-9]*))?")


class OptionError(Exception):
    """A wrongly typed option: Ollama answers 500 with this text."""


def _q(s: str) -> str:
    return '"' + s + '"'


def parse_go_duration(text: str) -> float:
    """Go's time.ParseDuration, in seconds; raises ValueError with Go's message."""
    s = text
    neg = False
    if s and s[0] in "+-":
        neg = s[0] == "-"
        s = s[1:]
    if s == "0":
        return 0.0
    if not s:
        raise ValueError(f"time: invalid duration {_q(text)}")
    total = 0.0
    while s:
        m = _NUMBER.match(s)
        assert m is not None
        whole, frac = m.group(1), m.group(3)
        if not whole and not frac:
            raise ValueError(f"time: invalid duration {_q(text)}")
        s = s[m.end() :]
        i = 0
        while i < len(s) and s[i] != "." and not s[i].isdigit():
            i += 1
        unit, s = s[:i], s[i:]
        if not unit:
            raise ValueError(f"time: missing unit in duration {_q(text)}")
        if unit not in _UNITS:
            raise ValueError(f"time: unknown unit {_q(unit)} in duration {_q(text)}")
        total += float(f"{whole or '0'}.{frac or '0'}") * _UNITS[unit]
    if total > 9.223372036854775807e9:
        raise ValueError(f"time: invalid duration {_q(text)}")
    return -total if neg else total


def parse_keep_alive(value: Any) -> float | None:
    """Seconds to stay loaded; None for the server default, math.inf for forever."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError("Unsupported type: 'bool'")
    if isinstance(value, int | float):
        return FOREVER if value < 0 else float(value)
    if isinstance(value, str):
        seconds = parse_go_duration(value)
        return FOREVER if seconds < 0 else seconds
    kind = "[]interface {}" if isinstance(value, list) else "map[string]interface {}"
    raise ValueError(f"Unsupported type: '{kind}'")


@cache
def _option_types() -> dict[str, str]:
    doc = _spec.load_spec()
    schema = doc["components"]["schemas"]["Options"]
    out: dict[str, str] = {}
    for name, prop in schema.get("properties", {}).items():
        kind = prop.get("type")
        if kind == "array":
            kind = "array"
        out[name] = str(kind)
    return out


def go_int(value: float) -> int:
    """Go's `int64(f)` for a JSON number (always a float64 in a `map[string]any`), on amd64.

    The fraction is cut toward zero (0.7 is 0, -1.9 is -1); a value out of int64's range, which
    Go leaves to the hardware, comes out as the smallest int64 there, so it reads as negative.
    """
    try:
        f = float(value)
    except OverflowError:
        f = math.inf
    if math.isnan(f) or not -(2.0**63) <= f < 2.0**63:
        return -(2**63)
    return int(f)


def _check(name: str, kind: str, value: Any) -> Any:
    if kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise OptionError(f'option "{name}" must be of type integer')
        return go_int(value)
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise OptionError(f'option "{name}" must be of type float32')
        return float(value)
    if kind == "boolean":
        if not isinstance(value, bool):
            raise OptionError(f'option "{name}" must be of type boolean')
        return value
    if kind == "array":
        if not isinstance(value, list):
            raise OptionError(f'option "{name}" must be of type array')
        if not all(isinstance(v, str) for v in value):
            raise OptionError(f'option "{name}" must be of an array of strings')
        return list(value)
    if not isinstance(value, str):
        raise OptionError(f'option "{name}" must be of type string')
    return value


def merge_options(*layers: dict[str, Any] | None) -> dict[str, Any]:
    """Apply option maps in order (model parameters, then the request's), like Options.FromMap.

    Unknown keys and nulls are skipped; a wrong type raises OptionError.
    """
    types = _option_types()
    out: dict[str, Any] = {}
    for layer in layers:
        if not layer:
            continue
        for name, value in layer.items():
            kind = types.get(name)
            if kind is None or value is None:
                continue
            out[name] = _check(name, kind, value)
    return out
