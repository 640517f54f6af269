"""What the run found, per operation: cases sent, failures, and a curl command for each failure.

The test modules report every request they send here; a pytest plugin prints the table at the
end of the run and writes it as Markdown next to the JUnit XML.
"""

from __future__ import annotations

import shlex
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

__all__ = ["Finding", "Recorder", "ReportPlugin", "curl_command"]


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


@dataclass
class Recorder:
    cases: Counter[str] = field(default_factory=Counter)
    findings: dict[tuple[str, str, str], Finding] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def case(self, operation: str) -> None:
        self.cases[operation] += 1

    def finding(self, finding: Finding) -> None:
        # Hypothesis replays a failure while it shrinks it: the last report is the smallest case.
        self.findings[(finding.operation, finding.test, finding.title)] = finding

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def failures_by_operation(self) -> Counter[str]:
        return Counter(f.operation for f in self.findings.values())

    def table(self) -> list[tuple[str, int, int]]:
        failures = self.failures_by_operation()
        ops = sorted(set(self.cases) | set(failures))
        return [(op, self.cases[op], failures[op]) for op in ops]


class ReportPlugin:
    """Prints the per-operation summary and writes report.md into the report folder."""

    def __init__(self, recorder: Recorder, report_dir: Path | None, target: str) -> None:
        self.recorder = recorder
        self.report_dir = report_dir
        self.target = target
        self.started = time.monotonic()
        self.outcomes: Counter[str] = Counter()
        self.findings_before = 0

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "setup":
            self.findings_before = len(self.recorder.findings)
        if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
            self.outcomes[report.outcome] += 1
        if report.failed and len(self.recorder.findings) == self.findings_before:
            # A failure no check explained (the suite itself broke, or an assertion in a test):
            # it still belongs in the report, or a red run would show nothing to look at.
            detail = "\n".join(report.longreprtext.strip().splitlines()[-15:])
            name = report.nodeid.rsplit("::", 1)[-1]
            self.recorder.finding(Finding(name, report.when, "test failed", detail, ""))

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        write = terminalreporter.write_line
        terminalreporter.section("contract report")
        for line in self.lines():
            write(line)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if self.report_dir is None:
            return
        self.report_dir.mkdir(parents=True, exist_ok=True)
        (self.report_dir / "report.md").write_text(self.markdown(), encoding="utf-8")

    def lines(self) -> list[str]:
        out = [f"target: {self.target}", ""]
        width = max([len("operation"), *(len(op) for op, _, _ in self.recorder.table())])
        out.append(f"{'operation'.ljust(width)}  cases  failures")
        for op, cases, failures in self.recorder.table():
            out.append(f"{op.ljust(width)}  {cases:5d}  {failures:8d}")
        for note in self.recorder.notes:
            out.append(f"note: {note}")
        for finding in self.recorder.findings.values():
            out += ["", f"FAIL {finding.operation} [{finding.test}] {finding.title}"]
            out += [f"    {line}" for line in finding.detail.splitlines()[:12]]
            if finding.curl:
                out.append(f"    reproduce: {finding.curl}")
        if self.report_dir is not None:
            out += ["", f"reports: {self.report_dir / 'report.md'}, {self.report_dir / 'junit.xml'}"]
        return out

    def markdown(self) -> str:
        elapsed = time.monotonic() - self.started
        verdict = "FAILED" if self.recorder.findings or self.outcomes["failed"] else "passed"
        md = [
            "# Ollama contract report",
            "",
            f"- target: `{self.target}`",
            f"- verdict: **{verdict}** ({self.outcomes['passed']} tests passed, {self.outcomes['failed']} failed, "
            f"{self.outcomes['skipped']} skipped, {elapsed:.0f} s)",
            "",
            "| operation | cases | failures |",
            "|---|---:|---:|",
        ]
        md += [f"| `{op}` | {cases} | {failures} |" for op, cases, failures in self.recorder.table()]
        if self.recorder.notes:
            md += ["", "## Notes", ""] + [f"- {note}" for note in self.recorder.notes]
        if self.recorder.findings:
            md += ["", "## Failures"]
            for f in self.recorder.findings.values():
                md += [
                    "",
                    f"### `{f.operation}`: {f.title}",
                    "",
                    f"Found by `{f.test}`.",
                    "",
                    "```text",
                    f.detail,
                    "```",
                ]
                if f.curl:
                    md += ["", "Reproduce:", "", "```sh", f.curl, "```"]
        return "\n".join(md) + "\n"
