"""What the run found, per operation: cases sent, failures, and a curl command for each failure.

The test modules report every request they send here; the run's pytest plugin (`_plugin`) shows
it live, and writes it as Markdown and JUnit XML after every test.
"""

from __future__ import annotations

import shlex
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Finding", "Recorder", "TestRecord", "curl_command", "phase_of"]


def curl_command(method: str, url: str, body: Any = None, headers: dict[str, str] | None = None) -> str:
    """A shell-safe curl command that sends the same request (the API key is never written out)."""
    import json

    parts = ["curl", "-X", method.upper()]
    for name, value in (headers or {}).items():
        if name.lower() == "authorization":
            value = "Bearer $OLLAMA_API_KEY"
        parts += ["-H", f"{name}: {value}"]
    if body is not None:
        parts += ["-H", "Content-Type: application/json", "-d", json.dumps(body, ensure_ascii=False)]
    parts.append(url)
    return " ".join(shlex.quote(p) if "$OLLAMA_API_KEY" not in p else f'"{p}"' for p in parts)


@dataclass
class Finding:
    operation: str
    test: str
    title: str
    detail: str
    curl: str


def phase_of(nodeid: str) -> str:
    """The phase a test belongs to, from its module: property, stateful or scenarios."""
    module = nodeid.split("::", 1)[0].rsplit("/", 1)[-1].removesuffix(".py").removeprefix("test_")
    return {"operations": "property"}.get(module, module)


@dataclass
class TestRecord:
    """One test of the run as it goes: what it sent, what it found, how long it took."""

    nodeid: str
    started: float = field(default_factory=time.monotonic)
    cases: Counter[str] = field(default_factory=Counter)
    failures: int = 0
    misses: int = 0
    found: list[str] = field(default_factory=list)
    seconds: float | None = None
    outcome: str = "running"
    message: str = ""

    @property
    def phase(self) -> str:
        return phase_of(self.nodeid)

    @property
    def name(self) -> str:
        """`POST /api/chat` for a property test, the test's name otherwise."""
        last = self.nodeid.rsplit("::", 1)[-1]
        return last[last.index("[") + 1 : -1] if last.endswith("]") and "[" in last else last

    def elapsed(self) -> float:
        return self.seconds if self.seconds is not None else time.monotonic() - self.started


@dataclass
class Recorder:
    cases: Counter[str] = field(default_factory=Counter)
    findings: dict[tuple[str, str, str], Finding] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    tests: list[TestRecord] = field(default_factory=list)

    @property
    def current(self) -> TestRecord | None:
        return self.tests[-1] if self.tests and self.tests[-1].seconds is None else None

    def begin(self, nodeid: str) -> TestRecord:
        record = TestRecord(nodeid)
        self.tests.append(record)
        return record

    def case(self, operation: str) -> None:
        self.cases[operation] += 1
        if (record := self.current) is not None:
            record.cases[operation] += 1

    def finding(self, finding: Finding) -> None:
        # Hypothesis replays a failure while it shrinks it: the last report is the smallest case.
        key = (finding.operation, finding.test, finding.title)
        if key not in self.findings and (record := self.current) is not None:
            record.failures += 1
            record.found.append(f"{finding.operation}: {finding.title}\n{finding.detail}\nreproduce: {finding.curl}")
        self.findings[key] = finding

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def failures_by_operation(self) -> Counter[str]:
        return Counter(f.operation for f in self.findings.values())

    def table(self) -> list[tuple[str, int, int]]:
        failures = self.failures_by_operation()
        ops = sorted(set(self.cases) | set(failures))
        return [(op, self.cases[op], failures[op]) for op in ops]

    def phases(self) -> list[tuple[str, int, int, float]]:
        """(phase, tests, cases, seconds) in the order the phases ran."""
        out: dict[str, list[float]] = {}
        for record in self.tests:
            row = out.setdefault(record.phase, [0, 0, 0.0])
            row[0] += 1
            row[1] += sum(record.cases.values())
            row[2] += record.elapsed()
        return [(phase, int(t), int(c), s) for phase, (t, c, s) in out.items()]
