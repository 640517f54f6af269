"""Numbers as Go's encoding/json writes them.

Python writes `10000.0`, `1e-05` and `1e+16`; Go writes `10000`, `0.00001` and
`10000000000000000`. Ollama's answers go through Go's encoder, so a client that compares the two
servers byte for byte, or that reads a whole float as an integer, sees the difference. Go's rule
(encoding/json's float encoder): the shortest digits that read back as the same float64, written
positionally when 1e-6 <= |f| < 1e21 and in exponent form otherwise, with a one-digit negative
exponent written without its leading zero (`1e-7`, not `1e-07`). NaN and infinities cannot be
written at all.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Any

__all__ = ["go_float", "go_json_ready", "go_numbers", "go_verb_v"]


def go_float(value: float) -> str:
    """One float64 as Go's json.Marshal writes it; ValueError for NaN and infinities, as Go errs."""
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"json: unsupported value: {value!r}")
    if value == 0:
        return "-0" if str(value).startswith("-") else "0"
    # repr() gives the shortest round-tripping digits, exactly what Go's 'f'/'e' with precision -1 do.
    sign, digits, exponent = Decimal(repr(value)).as_tuple()
    assert isinstance(exponent, int)
    text = "".join(map(str, digits)).rstrip("0") or "0"
    # Decimal point position: the value is 0.<text> * 10**point.
    point = len(digits) + exponent
    prefix = "-" if sign else ""
    magnitude = abs(value)
    if 1e-6 <= magnitude < 1e21:
        if point <= 0:
            return f"{prefix}0.{'0' * -point}{text}"
        if point >= len(text):
            return prefix + text + "0" * (point - len(text))
        return f"{prefix}{text[:point]}.{text[point:]}"
    mantissa = text[0] + ("." + text[1:] if len(text) > 1 else "")
    power = point - 1
    # Go writes at least two exponent digits, then trims a leading zero of a negative one.
    exp = f"e-{-power}" if power < 0 else f"e+{power:02d}"
    return prefix + mantissa + exp


def go_verb_v(value: float) -> str:
    """A float64 as Go's fmt `%v` (and `%#v`) prints it: shortest digits, `%e` style (two-digit
    exponent: `1e+06`, `1e-05`) when the exponent is below -4 or at least 6, positional otherwise.

    `show` prints a model's parameters this way (`fmt.Sprintf("%-*s %#v", …)`) and its Modelfile
    with `%v`; JSON numbers decode to float64 in Go, so a `num_ctx` of 2048 is printed `2048`.
    """
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "+Inf" if value > 0 else "-Inf"
    if value == 0:
        return "-0" if str(value).startswith("-") else "0"
    sign, digits, exponent = Decimal(repr(value)).as_tuple()
    assert isinstance(exponent, int)
    text = "".join(map(str, digits)).rstrip("0") or "0"
    power = len(digits) + exponent - 1
    prefix = "-" if sign else ""
    if power < -4 or power >= 6:
        mantissa = text[0] + ("." + text[1:] if len(text) > 1 else "")
        return f"{prefix}{mantissa}e{'-' if power < 0 else '+'}{abs(power):02d}"
    return prefix + go_float(abs(value))


# A JSON string (skipped as a whole, so digits inside strings are never touched) or a number that
# Python wrote as a float: it has a fraction or an exponent.
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+(?:[eE][-+]?\d+)?|[eE][-+]?\d+)')
# Python already writes most floats as Go does (shortest digits, positional from 1e-4 to 1e16); only
# a whole float (`10000.0`) or an exponent form (`1e-05`, `1e+16`) can differ. Without one of those
# shapes anywhere in the text there is nothing to rewrite.
_DIFFERS = re.compile(r"\d\.0(?![0-9])|\d[eE][-+]?\d")


def _rewrite(match: re.Match[str]) -> str:
    token = match.group(0)
    if token[0] == '"':
        return token
    if "e" not in token and "E" not in token:
        return token[:-2] if token.endswith(".0") else token
    return go_float(float(token))


def go_numbers(text: str) -> str:
    """Rewrite the floats in compact JSON written by Python's `json` so they read as Go writes them."""
    if not _DIFFERS.search(text):
        return text
    return _TOKEN.sub(_rewrite, text)


_SAFE_INT = 2.0**53


def _float_ready(value: float) -> tuple[Any, bool]:
    if value.is_integer() and abs(value) < _SAFE_INT and not (value == 0 and math.copysign(1, value) < 0):
        return int(value), False  # every digit exact: the integer Go writes
    # Outside [1e-4, 1e16) Python writes an exponent; from 2**53 up every float is whole and Python
    # writes a `.0` that Go does not: both need the text pass (which keeps the shortest digits).
    return value, not 1e-4 <= abs(value) < _SAFE_INT


def go_json_ready(value: Any) -> tuple[Any, bool]:
    """`value` with whole floats turned into the integers Go writes for them, and whether a float
    remains that Python writes differently (an exponent form), so `go_numbers` must rewrite the text.

    Walking the value is much cheaper than scanning the text of a large answer (an embedding) for
    numbers, and most answers then need no text pass at all. Containers without a change are
    returned as they are.
    """
    if type(value) is float:
        return _float_ready(value)
    if isinstance(value, dict):
        out: dict[Any, Any] | None = None
        rest = False
        for key, item in value.items():
            new, more = go_json_ready(item)
            rest |= more
            if new is not item:
                if out is None:
                    out = dict(value)
                out[key] = new
        return (value if out is None else out), rest
    if isinstance(value, list | tuple):
        items: list[Any] | None = None
        rest = False
        for i, item in enumerate(value):
            new, more = go_json_ready(item)
            rest |= more
            if new is not item:
                if items is None:
                    items = list(value)
                items[i] = new
        return (value if items is None else items), rest
    return value, False
