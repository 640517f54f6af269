"""Runtime contract validation: the spec's schemas compiled once, and what to do with a violation.

**The fast path is jsonschema-rs.** `jsonschema_rs.validator_map_for` compiles every subschema of
the spec shipped in the installed `ollama_api` package (about 35 ms, once per process), keyed by
JSON pointer; `_spec.Operation` holds the pointer of every request body and of every
(status, media type) of every response. A valid body costs one `is_valid` call (about 1 ms for a
256 x 1024 embed response: the binding reads the Python objects directly, with no conversion
step); a stream checks the lines of each read with one call (`all_valid`, about 0.5 µs a
generate line). Only an invalid body pays for `iter_errors`, to say what is wrong.
jsonschema, the reference implementation, is 100 times slower; a differential test
(tests/client/test_validation_differential.py) shows that both agree on hypothesis-generated
instances of every schema and on every wire fixture.

**Modes**, per client (else `OLLAMA_CONTRACT_VALIDATION`, else `strict`):
`strict` raises ContractViolation (a request is then never sent); `warn` logs one warning per
distinct (operation, pointer, rule) on the `ollama_contract` logger and goes on; `off` checks no
schema (typed errors and the stream protocol stay: they are not validation).

This module is a library under the pipeline's stages, not a stage: the request check
(`_request`), the judge (`_judge`) and the line decoder (`_ndjson`) ask it for validators, and
the checker that the client carries decides what a violation does. It imports no stage.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any, NoReturn

import jsonschema_rs

from ._config import Mode, resolve_mode
from ._errors import ContractViolation, Violation, cut
from ._profiles import ALL, normalise, profiled_spec
from ._spec import escape

__all__ = ["Checker", "all_valid", "cap", "check_value", "logger", "validator"]

logger = logging.getLogger("ollama_contract")


@cache
def _validators(profile: str) -> jsonschema_rs.ValidatorMap:
    return jsonschema_rs.validator_map_for(profiled_spec(profile))


_SPEC_URI = "urn:ollama-contract:spec"


@cache
def all_valid(ptr: str, profile: str = ALL) -> Callable[[list[Any]], bool]:
    """One call that says whether every value of a list is valid against the schema at `ptr`.

    A stream validates each read's lines together with it: one crossing into Rust for a list of
    lines costs much less than one per line. It answers only yes or no; `check_value` says what
    is wrong, line by line. The array schema refers into the same (profiled) spec, registered
    as a resource, so both judge by the same subschema under the same default dialect (2020-12).
    """
    registry = jsonschema_rs.Registry([(_SPEC_URI, profiled_spec(profile))])
    schema = {"type": "array", "items": {"$ref": _SPEC_URI + ptr}}
    is_valid: Callable[[list[Any]], bool] = jsonschema_rs.validator_for(schema, registry=registry).is_valid
    return is_valid


@cache
def validator(ptr: str, profile: str = ALL) -> jsonschema_rs.Validator:
    """The compiled validator of the schema at `ptr` in the shipped spec (under a version's profile)."""
    found = _validators(profile).get(ptr)
    if found is None:  # pragma: no cover - _spec only hands out pointers that exist
        raise KeyError(f"the shipped spec has no schema at {ptr}")
    return found


def _violation(error: jsonschema_rs.ValidationError, where: str, prefix: str) -> Violation:
    path = prefix + "".join("/" + escape(p) for p in error.instance_path)
    kind = error.kind
    keyword = next((str(p) for p in reversed(list(error.schema_path)) if isinstance(p, str)), kind.name)
    if kind.name == "required":
        missing = str(kind.as_dict().get("property", ""))
        return Violation(
            where, f"{path}/{missing}", "required", "the field is missing", f"absent from {cut(error.instance)}"
        )
    return Violation(where, path, keyword, cap(error.message), cut(error.instance))


def cap(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def check_value(ptr: str, value: Any, where: str, prefix: str = "", profile: str = ALL) -> list[Violation]:
    """Violations of `value` against the schema at `ptr`; empty when it is valid."""
    checker = validator(ptr, profile)
    if checker.is_valid(value):
        return []
    return [_violation(e, where, prefix) for e in checker.iter_errors(value)]


class Checker:
    """What one client does with violations: raise, warn once each, or nothing.

    `warn` remembers the (operation, pointer, rule) triples it has logged, so a field that is wrong
    on every line of a 20,000-line stream costs one log line, not 20,000. `profile` is the contract
    bodies are held to: `all` (every version's) or one Ollama version's (see `_profiles`).
    """

    __slots__ = ("_lock", "_seen", "active", "mode", "profile")

    def __init__(self, mode: str | None = None, profile: str = ALL) -> None:
        self.mode: Mode = resolve_mode(mode)
        self.active = self.mode != "off"
        """False in mode off: no schema is checked. An attribute, read on every read of a stream."""
        self.profile = normalise(profile)
        self._seen: set[tuple[str | None, str, str]] = set()
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Checker(mode={self.mode!r}, profile={self.profile!r})"

    def report(self, operation: str | None, violations: Iterable[Violation], status: int | None = None) -> None:
        """Raise (strict) or log (warn) the violations; do nothing when there are none or when off."""
        found = list(violations)
        if not found or self.mode == "off":
            return
        if self.mode == "strict":
            raise ContractViolation(operation, found, status=status)
        for v in found:
            key = (operation, v.pointer, v.rule)
            with self._lock:
                if key in self._seen:
                    continue
                self._seen.add(key)
            logger.warning("contract violation: %s: %s", operation or "unknown operation", v.describe())

    def fail(self, operation: str | None, violations: list[Violation], status: int | None = None) -> NoReturn:
        """Violations that leave nothing to return (a line that is not JSON): ContractViolation in
        every mode, after the warning in warn mode."""
        self.report(operation, violations, status)
        raise ContractViolation(operation, violations, status=status)

    def settle(
        self, operation: str | None, violations: list[Violation], status: int | None, *, unreadable: bool = False
    ) -> None:
        """Act on a verdict of `_judge`: `unreadable` (nothing can be built from the body) fails in
        every mode; other violations are reported by the mode."""
        if unreadable:
            self.fail(operation, violations, status)
        self.report(operation, violations, status)
