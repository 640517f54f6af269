"""One verdict on one whole response: does it keep the contract?

`judge` is a pure function of (method, path, status, content type, body bytes): the status must
be documented for the operation, the content type documented for that status, a JSON body valid
against its schema, and an NDJSON body valid line by line and ended by the operation's final line
(or an error line). It returns every violation it finds, and the parsed JSON body so that a caller
never parses it twice. The client's stages, its hooks, the contract suite and the server tests all
ask it; users can too, on any `httpx.Response`:

```python
from ollama_contract.spec import judge_response
problems = judge_response(httpx.get("http://127.0.0.1:11434/api/tags"))   # [] when it conforms
```

This is the third stage of a call (prepare, send, judge, decode, build): it is pure, takes
values rather than httpx objects, raises nothing and reports nothing. What a violation does is
the carried checker's business (`Checker.settle`), called by whoever drives the call. A stream
is judged here by its head (`judge_head`: status and content type), and its NDJSON lines one by
one as they arrive by the next stage (`_ndjson.LineDecoder`), with the same line schema and the
same final-line fact.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ._errors import Violation, cut
from ._profiles import ALL
from ._spec import NDJSON, NO_CONTENT, Operation, StreamShape, model_for, operation_for, split_pointer
from ._validation import cap, check_value

if TYPE_CHECKING:
    import httpx

__all__ = [
    "Judgement",
    "cannot_build",
    "expected_schema",
    "final_value_of",
    "is_final",
    "is_json",
    "judge",
    "judge_head",
    "judge_lines",
    "judge_read",
    "judge_response",
    "media_of",
]


@dataclass(frozen=True)
class Judgement:
    """What `judge` found: the operation (None for a route the spec does not know), every
    violation, the parsed JSON body (None when there is none), and whether the generated code
    could make anything of the body (`unreadable`: it is not JSON, or no model can hold it)."""

    operation: Operation | None
    violations: list[Violation]
    parsed: Any = None
    unreadable: bool = False

    @property
    def ok(self) -> bool:
        return not self.violations

    @property
    def operation_id(self) -> str | None:
        return self.operation.operation_id if self.operation is not None else None


def media_of(content_type: str | None) -> str:
    """`application/json; charset=utf-8` -> `application/json`; no header -> NO_CONTENT."""
    return content_type.split(";", 1)[0].strip().lower() if content_type else NO_CONTENT


def is_json(media: str) -> bool:
    return media == "application/json" or media.endswith("+json")


def expected_schema(
    op: Operation, method: str, status: int, media: str, empty: bool
) -> tuple[str | None, list[Violation]]:
    """Is (status, media type) documented for `op`? Returns the body's schema pointer and violations.

    An empty body conforms to a response declared without content whatever its Content-Type says,
    and a HEAD response is judged by its status alone: servers keep the headers of the GET they
    would have answered (Ollama's blob HEAD 404 says `application/json` and sends nothing).
    """
    declared = op.responses.get(status)
    where = f"response {status} {media or '(no content type)'}"
    if declared is None:
        documented = ", ".join(str(s) for s in sorted(op.responses))
        return None, [
            Violation(where, "", "status", f"status {status} is not documented (documented: {documented})", str(status))
        ]
    if method.upper() == "HEAD" or (empty and NO_CONTENT in declared):
        return None, []
    if media in declared:
        return declared[media], []
    documented = ", ".join(m or "no content" for m in declared)
    detail = (
        f"{media or 'a body without content type'} is not documented for status {status} (documented: {documented})"
    )
    return None, [Violation(where, "", "content-type", detail, media or "(none)")]


def judge_head(
    op: Operation, method: str, status: int, content_type: str | None, *, schemas: bool = True
) -> tuple[bool, list[Violation]]:
    """The head of an answer to a streaming operation, before its body is read: whether its body is
    read as lines (a 2xx that is not JSON: NDJSON, or a body under another label that only lines
    can make sense of), and, for lines, the violations of its status and content type. A body not
    read as lines is read whole and judged by `judge`."""
    media = media_of(content_type)
    if not (200 <= status < 300) or is_json(media):
        return False, []
    if not schemas or media == NDJSON:
        return True, []
    return True, expected_schema(op, method, status, media, False)[1]


def cannot_build(ptr: str, value: Any, where: str) -> list[Violation]:
    """A broken body may still go on to the generated code (warn mode), which builds its model with
    `from_dict`. When the model cannot hold it (a number where a list must be...), that would be a
    bare TypeError or KeyError from generated code: this names it as a violation instead."""
    cls = model_for(ptr)
    if cls is None:
        return []
    try:
        cls.from_dict(value)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        detail = f"cannot build {cls.__name__}: {type(exc).__name__}: {exc}"
        return [Violation(where, "", "construct", cap(detail), cut(value))]
    return []


def final_value_of(shape: StreamShape, line: Any) -> Any:
    """The value, in one parsed line, of the field that marks the stream's final line (None if absent)."""
    node = line
    for token in split_pointer(shape.final_field):
        if not isinstance(node, dict):
            return None
        node = node.get(token)
    return node


def is_final(shape: StreamShape, line: Any) -> bool:
    """Is this parsed line the final line of its stream (`done: true`, `status: success`)?"""
    return isinstance(line, dict) and final_value_of(shape, line) == shape.final_value


def judge_lines(
    op: Operation, status: int, content: bytes, *, error_key: str = "error", profile: str = ALL
) -> list[Violation]:
    """Violations of an NDJSON body: each line against the line schema, then the final line.

    A stream may end in an error line (`{"error": ...}`): that is a failure the contract allows.
    """
    where = f"response {status} {NDJSON}"
    ptr = op.responses.get(status, {}).get(NDJSON)
    if ptr is None:
        return [Violation(where, "", "content-type", f"{op.label} declares no {NDJSON} for {status}", NDJSON)]
    lines = [line for line in content.split(b"\n") if line.strip()]
    if not lines:
        return [Violation(where, "", "stream", "the stream has no lines at all", cut(content))]
    found: list[Violation] = []
    last: Any = None
    for number, line in enumerate(lines, 1):
        try:
            last = json.loads(line)
        except ValueError as exc:
            detail = f"line {number} is not JSON: {exc}"
            return [*found, Violation(f"{where} line {number}", "", "json", detail, cut(line))]
        found += check_value(ptr, last, f"{where} line {number}", profile=profile)
    shape = op.stream
    if shape is None:  # pragma: no cover - indexing the spec refuses a stream without its facts
        raise ValueError(f"{op.operation_id} streams but the spec gives no stream facts")
    if not (isinstance(last, dict) and (error_key in last or is_final(shape, last))):
        wanted = f"{shape.final_field.lstrip('/')}: {json.dumps(shape.final_value)}"
        detail = f"the stream ended without its final line ({wanted}) or an error line"
        found.append(Violation(f"{where} line {len(lines)}", shape.final_field, "final-line", detail, cut(last)))
    return found


def judge(
    method: str,
    path: str,
    status: int,
    content_type: str | None,
    content: bytes,
    *,
    schemas: bool = True,
    profile: str = ALL,
) -> Judgement:
    """Judge one whole response to `method path`, under the contract of `profile` (a server version,
    or the all-versions contract). `schemas=False` parses and finds the operation only (the client's
    `off` mode): no violation is looked for."""
    op = operation_for(method, path)
    media = media_of(content_type)
    if op is None:
        found = [Violation("request", "", "operation", f"no operation of the spec has {method} {path}", cut(path))]
        return Judgement(None, found if schemas else [], _parse(media, content))
    if not schemas:
        return Judgement(op, [], _parse(media, content))
    ptr, violations = expected_schema(op, method, status, media, not content)
    if method.upper() == "HEAD":
        return Judgement(op, violations)
    if media == NDJSON and not violations:
        return Judgement(op, judge_lines(op, status, content, profile=profile))
    # A body under a label other than the JSON the spec promises is still parsed as JSON by the
    # generated code: judge it as such, and say so when it is not JSON.
    relabelled = bool(violations) and status < 400 and not is_json(media) and _json_declared(op, status)
    parsed: Any = None
    if content and (is_json(media) or relabelled):
        try:
            parsed = json.loads(content)
        except ValueError as exc:
            where = f"response {status} {media}"
            violations.append(Violation(where, "", "json", f"not JSON: {exc}", cut(content)))
            return Judgement(op, violations, None, unreadable=relabelled)
    if ptr is None:
        return Judgement(op, violations, parsed)
    value = parsed if is_json(media) else content.decode("utf-8", "replace")
    where = f"response {status} {media}"
    violations += check_value(ptr, value, where, profile=profile)
    unbuilt = cannot_build(ptr, value, where) if violations and status < 400 else []
    return Judgement(op, violations + unbuilt, parsed, unreadable=bool(unbuilt))


def _parse(media: str, content: bytes) -> Any:
    if not content or not is_json(media):
        return None
    try:
        return json.loads(content)
    except ValueError:
        return None


def _json_declared(op: Operation, status: int) -> bool:
    """Does the spec promise a JSON body for this status? (Then the generated code parses one.)"""
    return any(is_json(media) for media in op.responses.get(status, {}))


def judge_read(response: httpx.Response, *, schemas: bool = True, profile: str = ALL) -> Judgement:
    """`judge` on a read `httpx.Response`: the operation is found from the request's method and URL
    path (a prefixed base URL works). A HEAD is judged by its status alone."""
    request = response.request
    if request.method == "HEAD":
        return judge(
            request.method, request.url.path, response.status_code, None, b"", schemas=schemas, profile=profile
        )
    return judge(
        request.method,
        request.url.path,
        response.status_code,
        response.headers.get("content-type"),
        response.content,
        schemas=schemas,
        profile=profile,
    )


def judge_response(response: httpx.Response, profile: str = ALL) -> list[Violation]:
    """Every way a read `httpx.Response` breaks the contract; empty when it keeps it.

    The operation is found from the request's method and URL path (a prefixed base URL works).
    Streamed responses must be read first (`response.read()`).
    """
    request = response.request
    verdict = judge(
        request.method,
        request.url.path,
        response.status_code,
        response.headers.get("content-type"),
        response.content,
        profile=profile,
    )
    return verdict.violations
