"""Bounds on what a generated request can cost a real server, as Ollama's Go code will read it.

A fuzzed chat request once carried `"num_predict": 2.59e-42`. A ceiling of `min(value, 16)` kept
it, Go truncated it to 0, and a real Ollama read 0 as "no limit" and generated for 20 minutes. A
bound is only a bound if it holds for the value the server ends up with, so this module models
how Ollama reads an option (`api.Options.FromMap` in `api/types.go`) and rewrites every request
that takes options so that:

* the server's `num_predict` is an integer in [1, NUM_PREDICT_CEILING], unless the request is
  refused before anything is generated (a body that is not an object, `options` that are not an
  object, or a `num_predict` of a type Go refuses);
* on a server the run did not start, nothing changes the loaded model's residency: the options
  and fields the spec marks `x-load-time` (a new value reloads the model) and `keep_alive` are
  left out, unless their type is one Go refuses before it schedules anything, which keeps the
  negative cases negative.

Facts about Go's conversion (each pinned by tests/contract/test_bounds.py):

* A JSON number decodes into `any` as float64; a literal beyond float64's range is a decode
  error (400). `NaN` and `Infinity` are not JSON at all (400).
* An integer option takes the float64 and converts it with `int64(f)`: the fraction is dropped
  (0.7 -> 0, 1.9 -> 1, -0.5 -> 0). Beyond int64 the result is the CPU's choice (amd64 gives
  the smallest int64): never a bound.
* `null` is skipped, so the model's own value (by default -1, no limit) applies; a string, a
  bool, an array or an object is an error answered before the model is scheduled.
* `num_predict` 0 and every negative value mean "until the model stops or the context is full
  several times over".
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any, Final

from .._spec import follow, load_spec, operations

__all__ = [
    "NUM_PREDICT_CEILING",
    "REFUSED",
    "bound_request",
    "effective_num_predict",
    "go_int_option",
    "keep_alive_field",
    "load_time_fields",
    "load_time_options",
    "takes_options",
]

NUM_PREDICT_CEILING: Final = 16
"""The most tokens one generated request may ask a server the run did not start for."""

INT64_MIN: Final = -(2**63)
INT64_MAX: Final = 2**63 - 1
MODEL_DEFAULT: Final = -1
"""`api.DefaultOptions().NumPredict`: what applies when the request sets no usable value."""


class _Refused:
    """The server answers an error before it schedules the model: nothing is generated."""

    def __repr__(self) -> str:
        return "REFUSED"


REFUSED: Final = _Refused()
_ABSENT: Final = object()


def _go_float64(value: Any) -> float | _Refused:
    """A JSON number as Go's decoder reads it into `any`, or REFUSED when it cannot."""
    try:
        number = float(value)
    except OverflowError:  # a literal beyond float64: strconv.ParseFloat fails, the body is refused
        return REFUSED
    return number if math.isfinite(number) else REFUSED  # NaN / Infinity are not JSON


def go_int_option(value: Any) -> int | _Refused | None:
    """An integer option as `Options.FromMap` sets it: the int, None when skipped (absent or
    null), or REFUSED for a type error. Out of int64 range the result is INT64_MIN, what amd64's
    conversion gives (Go leaves it to the implementation; no value there is a bound anyway)."""
    if value is None or value is _ABSENT:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return REFUSED  # FromMap: `option %q must be of type integer`
    number = _go_float64(value)
    if isinstance(number, _Refused):
        return number
    truncated = math.trunc(number)
    return truncated if INT64_MIN <= truncated <= INT64_MAX else INT64_MIN


def _accepted(schema: dict[str, Any], value: Any) -> bool:
    """Whether Go takes a value for an option of this spec type (rather than refusing it early)."""
    kind = schema.get("type")
    if value is None:
        return True  # skipped, which changes nothing either
    if kind == "integer":
        return not isinstance(go_int_option(value), _Refused)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    return True  # whatever the type, assume the worst: it is accepted


def effective_num_predict(body: Any) -> int | None:
    """How many tokens the server may generate for this body: None when it refuses the request
    before generating; a Go int otherwise, where 0 and below mean no limit."""
    if not isinstance(body, dict):
        return None  # not a JSON object: the decoder refuses it
    options = body.get("options")
    if options is None:
        return MODEL_DEFAULT
    if not isinstance(options, dict):
        return None  # `options` is a map[string]any: anything else fails to decode (400)
    value = go_int_option(options.get("num_predict", _ABSENT))
    if isinstance(value, _Refused):
        return None
    return MODEL_DEFAULT if value is None else value


def _is_type_error(value: Any) -> bool:
    """A value an integer option refuses: anything but a number or null."""
    return (
        value is not None and value is not _ABSENT and (isinstance(value, bool) or not isinstance(value, int | float))
    )


def _bounded(value: Any) -> Any:
    """A num_predict within the ceiling: kept when Go reads it as 1..N (fractions included, so
    the truncation is still exercised) or refuses its type (what makes a case negative);
    otherwise 1 for a positive fraction below one, and the ceiling for the rest."""
    if _is_type_error(value):
        return value
    converted = go_int_option(value)
    if isinstance(converted, int) and 1 <= converted <= NUM_PREDICT_CEILING:
        return value
    if isinstance(value, float) and 0 < value < 1:
        return 1
    return NUM_PREDICT_CEILING


@cache
def _options_schema() -> dict[str, Any]:
    return follow(load_spec(), "#/components/schemas/Options")


@cache
def load_time_options() -> frozenset[str]:
    """Options the spec marks `x-load-time`: changing one reloads the model."""
    return frozenset(name for name, prop in _options_schema()["properties"].items() if prop.get("x-load-time"))


@cache
def _request_properties(operation_id: str) -> dict[str, Any]:
    op = operations()[operation_id]
    if op.request_schema is None:
        return {}
    schema = follow(load_spec(), op.request_schema)
    properties: dict[str, Any] = schema.get("properties", {})
    return properties


def _refers_to(prop: dict[str, Any], name: str) -> bool:
    return prop.get("$ref") == f"#/components/schemas/{name}"


def _field(operation_id: str, schema: str) -> str | None:
    return next((k for k, p in _request_properties(operation_id).items() if _refers_to(p, schema)), None)


def keep_alive_field(operation_id: str) -> str | None:
    """The request field that sets how long the model stays loaded, if any."""
    return _field(operation_id, "KeepAlive")


def takes_options(operation_id: str) -> bool:
    """Whether the request schedules a model with options: it has both `options` and a
    keep-alive (show reads options without loading anything, create stores its `parameters`)."""
    return _field(operation_id, "Options") == "options" and keep_alive_field(operation_id) is not None


@cache
def load_time_fields(operation_id: str) -> frozenset[str]:
    """Top-level request fields the spec marks `x-load-time` (generate's and chat's `shift`)."""
    return frozenset(k for k, p in _request_properties(operation_id).items() if p.get("x-load-time"))


def _keep_alive_refused(value: Any) -> bool:
    """`api.Duration.UnmarshalJSON` takes a number or a string; other types fail to decode (400)."""
    return isinstance(value, bool | list | dict)


def bound_request(operation_id: str, body: Any, *, residency_safe: bool) -> Any:
    """The body to send instead of a generated one (a copy; the input is not changed)."""
    if not takes_options(operation_id) or not isinstance(body, dict):
        return body
    body = dict(body)
    options = body.get("options")
    if options is None or isinstance(options, dict):
        options = dict(options or {})
        options["num_predict"] = _bounded(options.get("num_predict", _ABSENT))
        if residency_safe:
            properties = _options_schema()["properties"]
            for name in load_time_options() & options.keys():
                if _accepted(properties[name], options[name]):
                    del options[name]
        body["options"] = options
    if residency_safe:
        properties = _request_properties(operation_id)
        for name in load_time_fields(operation_id) & body.keys():
            if _accepted(properties[name], body[name]):
                del body[name]
        field = keep_alive_field(operation_id)
        if field in body and not _keep_alive_refused(body[field]):
            del body[field]
    return body
