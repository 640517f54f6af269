"""Keeping a contract run away from the models of the server it checks.

A property-based run against a real Ollama once deleted an installed model it had picked up from
an earlier response. So every request of the suite passes through one guard before it is sent:

* Against a server the run did not start, nothing that creates, copies, deletes, pulls, pushes or
  uploads is sent unless the user passed --allow-writes.
* Even then, and on the reference server the run started itself, the suite writes only under
  names of its own (`contract-test-<run id>-...`), deletes and pushes only those, and pulls only
  the names it was told it may pull.

Generated requests are first steered towards those names (`steer_body`), so that the run still
exercises the write operations; the guard (`refusal`) is the backstop that no generator can get
around. On a server the run did not start, requests that run a model are also bounded and kept
from changing its residency (`bound`, see `_bounds`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .._spec import operations
from ._bounds import bound_request

T = TypeVar("T")

__all__ = ["WRITE_OPERATIONS", "Guard", "listed_name", "normalize"]

# The operations that change what the server holds (`x-ollama: writes` in the spec).
WRITE_OPERATIONS = frozenset(op.operation_id for op in operations().values() if op.writes)

# Writes that change what lies beyond the server's models (its ollama.com account: sign-out) and
# carry no name the run could own: only ever sent to a server the run started.
_ACCOUNT_WRITES = frozenset(
    op.operation_id for op in operations().values() if op.writes and op.network and not op.models
)


# Operations whose body the server forwards to ollama.com, signed with its own key (web search and
# fetch): on a user's signed-in server each case would spend that account's quota, so safe mode
# sends none of them.
_PROXIED = frozenset(op.operation_id for op in operations().values() if op.proxied)


def _target(operation_id: str) -> str:
    """The request field naming the model an operation changes (or reads), from the spec."""
    target = operations()[operation_id].target
    if target is None:
        raise KeyError(f"the spec names no model field for {operation_id}")
    return target.field


def listed_name(entry: dict[str, Any]) -> str | None:
    """The name of a model in /api/tags: `name`, or `model` where a server sends only that."""
    name = entry.get("name") or entry.get("model")
    return name if isinstance(name, str) else None


def normalize(name: str) -> str:
    """Ollama compares names case-blind and adds `:latest` when no tag is given."""
    base = name.strip().lower()
    last = base.rsplit("/", 1)[-1]
    return base if ":" in last else base + ":latest"


def _pick(options: Sequence[T], seed: Any) -> T:
    """A choice that is a pure function of the generated value, so runs stay reproducible."""
    digest = hashlib.sha256(repr(seed).encode()).digest()
    return options[digest[0] % len(options)]


@dataclass
class Guard:
    run_id: str
    owned: bool
    allow_writes: bool
    model: str | None = None
    embed_model: str | None = None
    pull_models: tuple[str, ...] = ()
    created: set[str] = field(default_factory=set)
    installed: frozenset[str] = frozenset()
    """The server's models at the start (normalized names), where /api/tags could say."""

    def _other_installed(self, name: str) -> bool:
        chosen = {normalize(m) for m in (self.model, self.embed_model) if m}
        return normalize(name) in self.installed - chosen

    @property
    def prefix(self) -> str:
        return f"contract-test-{self.run_id}-"

    @property
    def writes(self) -> bool:
        return self.owned or self.allow_writes

    def excluded(self) -> frozenset[str]:
        """Operations the guard would refuse every request of, so that no test is generated for them."""
        if not self.writes:
            return WRITE_OPERATIONS | _PROXIED
        if self.owned:
            return frozenset()
        return _ACCOUNT_WRITES | (frozenset() if self.pull_models else self._pulls())

    @staticmethod
    def _pulls() -> frozenset[str]:
        return frozenset(op.operation_id for op in operations().values() if op.model_field("pull"))

    def own_name(self, hint: Any) -> str:
        return f"{self.prefix}{hashlib.sha256(repr(self._seed(hint)).encode()).hexdigest()[:8]}"

    def _seed(self, value: Any) -> Any:
        """A generated value as a choice made from it sees it: without this run's id. A name the
        run made comes back in later requests (the stateful test follows the spec's links), and
        the run id is random, so choices seeded with it made every run send different requests."""
        return value.replace(self.prefix, "contract-test-<run>-") if isinstance(value, str) else value

    def is_ours(self, name: Any) -> bool:
        return isinstance(name, str) and (normalize(name) in self.created or name.lower().startswith(self.prefix))

    def refusal(self, operation_id: str, body: Any) -> str | None:
        """Why this request must not be sent, or None when it is safe."""
        if operation_id in _PROXIED and not self.writes:
            return f"safe mode: {operation_id} is forwarded to ollama.com on the server's account (--allow-writes)"
        if operation_id not in WRITE_OPERATIONS:
            return None
        if not self.writes:
            return "safe mode: the suite does not change a server it did not start (pass --allow-writes)"
        if operation_id in _ACCOUNT_WRITES:
            return None if self.owned else f"{operation_id}: the suite signs out only a server it started"
        if operation_id == "push_blob":
            return None
        body = body if isinstance(body, dict) else {}
        target = operations()[operation_id].target
        role = target.role if target is not None else None
        name = body.get(_target(operation_id))
        if role == "pull":
            allowed = self.owned or (isinstance(name, str) and normalize(name) in map(normalize, self.pull_models))
            return None if allowed else f"pull of {name!r}: only --pull-model names may be pulled"
        if role == "create" and not (isinstance(name, str) and name.lower().startswith(self.prefix)):
            return f"{operation_id} to {name!r}: the suite creates models under {self.prefix}* only"
        if role in ("delete", "push") and not self.is_ours(name):
            return f"{operation_id} of {name!r}: the suite only touches models it created"
        return None

    def record(self, operation_id: str, body: Any, status: int) -> None:
        """Remember the models a successful request created or removed (the roles the spec gives)."""
        target = operations()[operation_id].target
        if not isinstance(body, dict) or status != 200 or target is None:
            return
        name = body.get(target.field)
        if not isinstance(name, str):
            return
        if target.role == "create" or (target.role == "pull" and self.owned):
            # A pulled name may have been installed before the run: on a user's server it never
            # becomes the run's to delete or push.
            self.created.add(normalize(name))
        elif target.role == "delete":
            self.created.discard(normalize(name))

    def steer_body(self, operation_id: str, body: Any) -> Any:
        """Point a generated request at models the run may use, field by field, by the role the
        spec gives each model field; values of the wrong type stay, so that a negative case keeps
        what makes it negative."""
        if not isinstance(body, dict):
            return body
        body = dict(body)
        op = operations()[operation_id]
        readable = [m for m in (self.model, *sorted(self.created)) if m]
        choices = {
            "read": readable,  # the model a write starts from (create's `from`, copy's `source`)
            "delete": [*sorted(self.created), self.prefix + "missing"],
            "push": [*sorted(self.created), self.prefix + "missing"],
            "pull": list(self.pull_models),
        }
        for named in op.models:
            value = body.get(named.field)
            if not isinstance(value, str):
                continue
            if named.role == "create":
                body[named.field] = self.own_name(value)
            elif named.role == "read" and len(op.models) == 1:
                body[named.field] = self._read(op.runs == "embed", value)
            elif options := choices.get(named.role):
                body[named.field] = _pick(options, self._seed(value))
        return self.bound(operation_id, body)

    def _read(self, embeds: bool, name: str) -> str:
        """The model an operation that only reads one is sent: mostly the chosen one, now and then
        the generated name, to exercise the 404s."""
        model = self.embed_model if embeds else self.model
        if model and _pick([True, True, True, False], self._seed(name)):
            return model
        if not self.owned and self._other_installed(name):
            # A generated name (the spec's examples name real models) that another installed
            # model answers to would load that model on the user's server: ask for one that
            # surely is not there, which still exercises the 404.
            return self.prefix + "missing"
        return name

    def bound(self, operation_id: str, body: Any) -> Any:
        """On a server the run did not start: a bounded num_predict, and nothing that reloads,
        pins or unloads the model (see `_bounds`). The run's own reference server is left alone."""
        return body if self.owned else bound_request(operation_id, body, residency_safe=True)
