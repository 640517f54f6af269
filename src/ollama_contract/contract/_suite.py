"""The moving parts the suite's test modules share: schema loading, sending a case, the state machine.

The test modules in contract_tests/ stay declarative; everything that sends a request goes
through `send_case` (schemathesis cases) or `exchange` (scenario steps), so the safety guard,
the recorder and the checks apply to every request without exception.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import reject
from schemathesis import Case, Response
from schemathesis.core.failures import FailureGroup

from .._judge import judge
from .._spec import Operation, operations
from . import _checks  # noqa: F401  (registers the suite's checks with schemathesis)
from ._report import Finding, curl_command
from ._schemas import current_profile, operation_for, request_errors
from ._session import SILENT, Session
from ._transport import NoAnswer, httpx_within

__all__ = ["ContractFailure", "conformance_problems", "exchange", "load_schema", "send_case", "stateful_test"]


class ContractFailure(AssertionError):
    """A response that breaks the contract, found by a scenario test."""


def load_schema(session: Session, config_path: Path) -> Any:
    """The schemathesis schema of the shipped spec under the session's profile, aimed at its server."""
    from schemathesis.config import SchemathesisConfig

    from .._profiles import profiled_spec

    config = SchemathesisConfig.from_path(config_path)
    doc = json.loads(json.dumps(profiled_spec(session.profile)))
    schema: Any = schemathesis.openapi.from_dict(doc, config=config)
    schema.config.update(base_url=session.base_url)
    schema.config.generation.update(max_examples=session.max_examples)
    if session.quick:
        schema.config.phases.coverage.enabled = False  # the boundary-value phase: most of a run's cases
    # An operation with servers of its own (ollama.com's hosted web search) is not the server's.
    hosted = {op.operation_id for op in operations().values() if op.servers}
    if excluded := session.guard.excluded() | hosted:
        schema = schema.exclude(operation_id=sorted(excluded))
    if session.operations:
        schema = schema.include(operation_id=sorted(session.operations))
    return schema


def _record_failures(session: Session, group: FailureGroup, case: Case[Any], test: str) -> None:
    op = operation_for(case.operation.method, case.operation.path)
    curl = case.as_curl_command()
    for failure in group.exceptions:
        session.recorder.finding(Finding(op.label, test, failure.title, failure.message.strip(), curl))


def _prepare(session: Session, case: Case[Any]) -> Operation:
    op = operation_for(case.operation.method, case.operation.path)
    if isinstance(case.body, dict):
        case.body = session.guard.steer_body(op.operation_id, case.body)
    if session.guard.refusal(op.operation_id, case.body):
        reject()  # hypothesis drops this example; the guard never lets it reach the server
    return op


MISSES_PER_TEST = 2
"""Requests without an answer after which a test sends no more: each one costs a whole deadline."""


def _call(session: Session, case: Case[Any], op: Operation, test: str) -> Response | None:
    """Send a case; None when it got no answer within its deadline (recorded as a failure, not
    raised: hypothesis would replay it, and each replay waits out the deadline again)."""
    if session.out_of_time():
        pytest.skip("--max-time reached: the rest of this test was not sent")
    if session.gone_silent():
        pytest.skip(f"{SILENT}: the rest of this test was not sent")
    record = session.recorder.current
    if record is not None and record.misses >= MISSES_PER_TEST:
        pytest.skip(f"{record.misses} requests got no answer in time: the rest of this test was not sent")
    session.recorder.case(op.label)
    try:
        response = case.call(headers=session.headers, session=session.requests)
    except NoAnswer as exc:
        title = f"no answer within {exc.seconds:g} s"
        detail = f"{op.label} did not finish its answer within {exc.seconds:g} s (--request-timeout)"
        session.recorder.finding(Finding(op.label, test, title, detail, case.as_curl_command()))
        session.answered(False)
        if record is not None:
            record.misses += 1
        return None
    except Exception as exc:  # the transport failed: a dropped connection, a reset...
        session.recorder.finding(Finding(op.label, test, "connection failure", repr(exc), case.as_curl_command()))
        session.answered(False)
        raise
    session.answered(True)
    session.guard.record(op.operation_id, case.body, response.status_code)
    return response


def send_case(session: Session, case: Case[Any], test: str) -> None:
    """Send one generated case through the guard, then run every enabled check on the answer."""
    op = _prepare(session, case)
    response = _call(session, case, op, test)
    if response is None:
        return
    try:
        case.validate_response(response, headers=session.headers)
    except FailureGroup as group:
        _record_failures(session, group, case, test)
        raise


def stateful_test(session: Session, schema: Any) -> Any:
    """A hypothesis state machine over the operations that change models, following the spec's links.

    schemathesis' own use-after-free check only sees path-addressed resources; this one tracks
    models by the names in the request bodies: a deleted model must answer 404 to show and
    delete, and be gone from tags; a created or copied one must be shown.
    """
    names = ["create_model", "copy_model", "delete_model", "show_model", "list_models"]
    if session.guard.owned:
        names.append("pull_model")  # a pull cannot be undone on a user's server, so it is left out there
    machine = schema.include(operation_id=names).as_state_machine()
    baseline: set[str] = set()

    class OllamaModels(machine):  # type: ignore[misc, valid-type]
        def setup(self) -> None:
            with session.http() as client:
                baseline.update(baseline or _listed(client))
            self.gone: set[str] = set()
            self.present: set[str] = set()

        def teardown(self) -> None:
            # Each scenario must start from the same server, or hypothesis sees the links fire
            # differently for the same draws: remove what this scenario made (on a user's
            # server, only what carries the run's own prefix).
            with session.http() as client:
                added = _listed(client) - baseline
            session.delete_models(n for n in added if session.guard.owned or n.startswith(session.guard.prefix))
            super().teardown()

        def before_call(self, case: Case[Any]) -> None:
            self.op = _prepare(session, case)

        def call(self, case: Case[Any], **kwargs: Any) -> Response:
            response = _call(session, case, self.op, "stateful")
            if response is None:
                pytest.skip("a request got no answer in time: the stateful test stopped there")
            return response

        def after_call(self, response: Response, case: Case[Any]) -> None:
            super().after_call(response, case)
            problem = self.broken_invariant(response, case)
            if problem:
                title, detail = problem
                session.recorder.finding(Finding(self.op.label, "stateful", title, detail, case.as_curl_command()))
                raise AssertionError(detail)

        def broken_invariant(self, response: Response, case: Case[Any]) -> tuple[str, str] | None:
            """Track what this scenario created and deleted; name the first answer that contradicts it."""
            from ._safety import normalize

            op_id, status = self.op.operation_id, response.status_code
            if op_id == "list_models" and status == 200:
                listed = {normalize(m.get("name", "")) for m in (json.loads(response.content).get("models") or [])}
                if self.gone & listed:
                    return "deleted model still there", f"tags still lists deleted models: {sorted(self.gone & listed)}"
                return None
            body = case.body if isinstance(case.body, dict) else {}
            name = body.get(self.op.target.field) if self.op.target else None
            # A request that breaks its schema may be refused whatever the state: judge only valid ones.
            if not isinstance(name, str) or request_errors(self.op, case.body, {}):
                return None
            key = normalize(name)
            if op_id == "delete_model" and status == 200:
                self.gone.add(key)
                self.present.discard(key)
            elif op_id in {"create_model", "copy_model", "pull_model"} and status == 200:
                if not _ends_in_error(response):
                    self.present.add(key)
                    self.gone.discard(key)
            elif op_id == "show_model" and key in self.gone and status != 404:
                return "deleted model still there", f"{name!r} was deleted, but show answered {status}"
            elif op_id == "show_model" and key in self.present and status != 200:
                return "created model missing", f"{name!r} was created, but show answered {status}"
            return None

        def validate_response(self, response: Response, case: Case[Any], *args: Any, **kwargs: Any) -> None:
            try:
                super().validate_response(response, case, *args, **kwargs)
            except FailureGroup as group:
                _record_failures(session, group, case, "stateful")
                raise

    return OllamaModels.TestCase


def _listed(client: httpx.Client) -> set[str]:
    from ._safety import listed_name, normalize

    models = client.get("/api/tags").json().get("models") or []
    return {normalize(listed_name(m) or "") for m in models}


def _ends_in_error(response: Response) -> bool:
    from ._policy import ndjson_ends_in_error

    content_type = (response.headers.get("content-type") or [""])[0]
    return ndjson_ends_in_error(content_type, response.content or b"")


def conformance_problems(op: Operation, response: httpx.Response) -> list[str]:
    """Everything in a response that the spec (under the run's profile) does not allow: the spec module's judge."""
    verdict = judge(
        op.method,
        op.path,
        response.status_code,
        response.headers.get("content-type"),
        response.content,
        profile=current_profile(),
    )
    return [f"{op.label}: {v.describe()}" for v in verdict.violations]


def exchange(
    session: Session,
    client: httpx.Client,
    operation_id: str,
    body: Any = None,
    *,
    path: dict[str, str] | None = None,
    content: bytes | None = None,
    test: str,
    bounded: bool = True,
) -> httpx.Response:
    """One scenario step: guard, send, record, and fail the test on any break of the contract.

    The body is bounded as a generated one is (`Guard.bound`) unless the step exists to change
    residency (`bounded=False`: the load and unload scenario, which only runs where it may)."""
    op = operations()[operation_id]
    if bounded:
        body = session.guard.bound(operation_id, body)
    refusal = session.guard.refusal(operation_id, body)
    if refusal:
        raise PermissionError(refusal)
    url = op.path.format(**(path or {}))
    session.recorder.case(op.label)
    curl = curl_command(op.method, session.base_url + url, body)
    seconds = session.request_seconds()
    payload: dict[str, Any] = {"content": content} if content is not None else {"json": body}
    try:
        response = httpx_within(client, op.method.upper(), url, seconds, **payload)
    except NoAnswer as exc:
        detail = f"{op.label} did not finish its answer within {exc.seconds:g} s (--request-timeout)"
        session.recorder.finding(Finding(op.label, test, f"no answer within {exc.seconds:g} s", detail, curl))
        session.answered(False)
        raise ContractFailure(f"{detail}\nreproduce: {curl}") from None
    except httpx.TransportError:
        session.answered(False)
        raise
    session.answered(True)
    session.guard.record(operation_id, body, response.status_code)
    problems = conformance_problems(op, response)
    if problems:
        detail = "\n".join(problems)
        session.recorder.finding(Finding(op.label, test, "response breaks the spec", detail, curl))
        raise ContractFailure(f"{op.label}: {detail}\nreproduce: {curl}")
    return response


def expect(session: Session, response: httpx.Response, status: int, operation_id: str, test: str, why: str) -> None:
    """Fail a scenario, with a recorded finding, when a step answers the wrong status."""
    if response.status_code != status:
        op = operations()[operation_id]
        curl = curl_command(op.method, str(response.request.url), _sent_json(response))
        detail = f"{why}: expected {status}, got {response.status_code} {response.text[:200]}"
        session.recorder.finding(Finding(op.label, test, "unexpected status", detail, curl))
        raise ContractFailure(f"{op.label}: {detail}\nreproduce: {curl}")


def _sent_json(response: httpx.Response) -> Any:
    raw = response.request.content
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return None
