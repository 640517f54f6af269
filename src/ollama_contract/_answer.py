"""The last stage of a call answered whole: the typed answer built from a judged response.

The client object's shell has already prepared the request (`_request`), sent it
(`_transport`) and judged the read response (`_judge`), and its checker has acted on the
verdict. What is left is the answer a method returns: the generated model of the JSON body
(its `from_dict`), the text of a `text/plain` body, None for an empty one, and for a HEAD
whether the status was 200. An error status raises its `APIStatusError` here, in every mode.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import httpx

from ._errors import Violation, cut, error_for_status
from ._spec import Operation, model_for, operations
from ._validation import Checker

if TYPE_CHECKING:  # the verdict is handed over: the build stage does not call the judge
    from ._judge import Judgement

__all__ = ["Plan", "build", "plan_for"]


@dataclass(frozen=True)
class Plan:
    """How one operation's answer is built, derived from the spec once."""

    operation: Operation
    build: Callable[[Any], Any] | None  # the 2xx JSON model's builder, if the operation answers JSON
    model: str | None
    text: bool  # a text/plain answer (heartbeat)

    @property
    def name(self) -> str:
        return self.operation.operation_id


@cache
def plan_for(operation_id: str) -> Plan:
    op = operations()[operation_id]
    build: Callable[[Any], Any] | None = None
    model: str | None = None
    text = False
    for status in sorted(op.responses):
        if not 200 <= status < 300:
            continue
        media = op.responses[status]
        cls = model_for(media.get("application/json"))
        if cls is not None:
            build, model = cls.from_dict, cls.__name__
            break
        if "text/plain" in media:
            text = True
            break
    return Plan(op, build, model, text)


def build(
    plan: Plan,
    checker: Checker,
    verdict: Judgement,
    response: httpx.Response,
    builder: Callable[[Any], Any] | None = None,
) -> Any:
    """The typed answer of a read, judged response (the body parsed once, by the judge), built by
    `builder` when the caller gives one (the drop-in's official classes), else by the plan's model."""
    status = response.status_code
    if response.request.method == "HEAD":
        if status == 404:
            return False
        if status >= 400:
            raise error_for_status(plan.name, status, None)
        return True
    parsed = verdict.parsed
    if status >= 400:
        raise error_for_status(plan.name, status, parsed)
    make = builder if builder is not None else plan.build
    if make is not None:
        if parsed is None:
            where = f"response {status} {response.headers.get('content-type')}"
            checker.fail(
                plan.name,
                [Violation(where, "", "json", "no JSON body to build the answer from", cut(response.content))],
                status,
            )
        try:
            return make(parsed)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            detail = f"cannot build {plan.model}: {type(exc).__name__}: {exc}"
            where = f"response {status} application/json"
            checker.fail(plan.name, [Violation(where, "", "construct", detail, cut(parsed))], status)
    if plan.text:
        return response.text
    return None
