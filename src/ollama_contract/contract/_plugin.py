"""The run's pytest plugin: live progress, and a report that is always on disk.

report.md, junit.xml and result.json (the same facts for a program: the fleet's matrix is made
from it) are rewritten (atomically) after every test, so a run stopped by a signal, by
--max-time or by a crash still leaves a readable account of what it did. A test whose
checks all passed but during which the run recorded a failure (a request that got no answer in
time is recorded, not raised, so that hypothesis does not replay it while shrinking) is reported
as failed.
"""

from __future__ import annotations

import os
import time
import xml.etree.ElementTree as ET
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest

from ._progress import Progress, describe
from ._report import Recorder

__all__ = ["ReportPlugin"]


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


INTERRUPTED = "interrupted (signal or Ctrl-C): the report covers the tests that ran"


class ReportPlugin:
    def __init__(
        self,
        recorder: Recorder,
        report_dir: Path | None,
        target: str,
        progress: Progress,
        suite: Path | None = None,
        *,
        url: str = "",
        version: str | None = None,
        profile: str = "all",
        quiet: bool = False,
    ) -> None:
        self.suite = suite
        self.url = url
        self.version = version
        self.profile = profile
        self.quiet = quiet
        """A fleet's worker: the controller prints the summary, from result.json."""
        self.recorder = recorder
        self.report_dir = report_dir
        self.target = target
        self.progress = progress
        self.started = time.monotonic()
        self.status = "running"
        self.session: pytest.Session | None = None

    def interrupted(self) -> None:
        """A signal came (SIGTERM, from the signal handler). The KeyboardInterrupt raised with it
        can land inside code that swallows it (a cleanup that catches everything): the run then
        still stops after the current test, and still ends as interrupted."""
        self.status = INTERRUPTED
        if self.session is not None:
            self.session.shouldstop = "interrupted by a signal"

    # --- pytest hooks ---------------------------------------------------------------------------

    def pytest_sessionstart(self, session: pytest.Session) -> None:
        self.session = session
        self.progress.start()
        self.write()

    def pytest_runtest_logstart(self, nodeid: str, location: Any) -> None:
        self.recorder.begin(nodeid)
        if self.quiet:
            self.write_result()  # the fleet's progress line shows the test that runs now

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: Any) -> Generator[None, pytest.TestReport, Any]:
        report = yield
        record = self.recorder.current
        if report.when == "call" and not report.failed and record is not None and record.failures:
            report.outcome = "failed"
            report.longrepr = "\n\n".join(record.found)
        return report

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        from ._report import Finding

        record = self.recorder.current
        if record is None:
            return
        if report.failed and not record.failures:
            # A failure no check explained (the suite itself broke, or an assertion in a test):
            # it still belongs in the report, or a red run would show nothing to look at.
            detail = "\n".join(report.longreprtext.strip().splitlines()[-15:])
            self.recorder.finding(Finding(record.name, report.when, "test failed", detail, ""))
        if report.failed:
            record.outcome = "FAILED"
            record.message = record.message or report.longreprtext.strip()[-2000:]
        elif report.skipped and record.outcome == "running":
            record.outcome = "skipped"
            longrepr = report.longrepr
            record.message = str(longrepr[2]) if isinstance(longrepr, tuple) else str(longrepr)

    def pytest_runtest_logfinish(self, nodeid: str, location: Any) -> None:
        record = self.recorder.current
        if record is None:
            return
        record.seconds = time.monotonic() - record.started
        if record.outcome == "running":
            record.outcome = "passed"
        self.progress.finished(record)
        self.write()

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            from ._report import Finding

            detail = "\n".join(report.longreprtext.strip().splitlines()[-15:])
            self.recorder.finding(Finding(report.nodeid or "suite", "collection", "could not collect", detail, ""))

    def pytest_keyboard_interrupt(self, excinfo: Any) -> None:
        self.status = INTERRUPTED

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        self.progress.stop()
        if self.status == "running":
            from ._session import SILENT

            skipped = [t for t in self.recorder.tests if "--max-time" in t.message]
            silent = [t for t in self.recorder.tests if SILENT in t.message]
            self.status = f"stopped at --max-time ({len(skipped)} tests not run)" if skipped else "finished"
            if silent and not skipped:
                self.status = f"stopped: {SILENT} ({len(silent)} tests not run)"
        self.finish_current("stopped")
        self.write()
        if not self.quiet:
            for line in self.lines():
                print(line)
        if self.status == INTERRUPTED:
            session.exitstatus = pytest.ExitCode.INTERRUPTED
        elif self.recorder.findings and session.exitstatus == 0:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    # --- the report ------------------------------------------------------------------------------

    def finish_current(self, outcome: str) -> None:
        record = self.recorder.current
        if record is not None:
            record.seconds = time.monotonic() - record.started
            record.outcome = outcome

    @property
    def verdict(self) -> str:
        failed = self.recorder.findings or any(t.outcome == "FAILED" for t in self.recorder.tests)
        if failed:
            return "FAILED"
        complete = self.status in {"running", "finished"} or self.status.startswith("stopped")
        return "passed" if complete else "incomplete"

    def write(self) -> None:
        if self.report_dir is None:
            return
        _write(self.report_dir / "report.md", self.markdown())
        _write(self.report_dir / "junit.xml", self.junit())
        self.write_result()

    def write_result(self) -> None:
        if self.report_dir is not None:
            import json

            _write(self.report_dir / "result.json", json.dumps(self.result(), indent=1, ensure_ascii=False) + "\n")

    def result(self) -> dict[str, Any]:
        """What the run found, for a program: the fleet's matrix is built from this, so a target
        in a fleet is reported from exactly what a run of its own would say."""
        current = self.recorder.current
        return {
            "url": self.url,
            "target": self.target,
            "version": self.version,
            "profile": self.profile,
            "status": self.status,
            "verdict": self.verdict,
            "seconds": round(time.monotonic() - self.started, 3),
            "cases": sum(self.recorder.cases.values()),
            "current": None if current is None else {"phase": current.phase, "name": current.name},
            "tests": [
                {
                    "phase": r.phase,
                    "name": r.name,
                    "outcome": r.outcome,
                    "failures": r.failures,
                    "cases": sum(r.cases.values()),
                    "seconds": round(r.elapsed(), 3),
                    "message": r.message[:500],
                }
                for r in self.recorder.tests
                if r is not current
            ],
            "operations": [{"operation": op, "cases": c, "failures": f} for op, c, f in self.recorder.table()],
            "findings": [
                {"operation": f.operation, "test": f.test, "check": f.title, "message": f.detail, "curl": f.curl}
                for f in self.recorder.findings.values()
            ],
            "notes": list(self.recorder.notes),
        }

    def _outcomes(self) -> dict[str, int]:
        counts = {"passed": 0, "FAILED": 0, "skipped": 0}
        for record in self.recorder.tests:
            counts[record.outcome] = counts.get(record.outcome, 0) + 1
        return counts

    def lines(self) -> list[str]:
        out = ["", f"target: {self.target}", f"suite: {self.suite}", f"status: {self.status}", ""]
        width = max([len("operation"), *(len(op) for op, _, _ in self.recorder.table())])
        out.append(f"{'operation'.ljust(width)}  cases  failures")
        for op, cases, failures in self.recorder.table():
            out.append(f"{op.ljust(width)}  {cases:5d}  {failures:8d}")
        out.append("")
        for phase, tests, cases, seconds in self.recorder.phases():
            out.append(f"phase {phase}: {tests} tests, {cases} cases, {seconds:.0f} s")
        for note in self.recorder.notes:
            out.append(f"note: {note}")
        for finding in self.recorder.findings.values():
            out += ["", f"FAIL {finding.operation} [{finding.test}] {finding.title}"]
            out += [f"    {line}" for line in finding.detail.splitlines()[:12]]
            if finding.curl:
                out.append(f"    reproduce: {finding.curl}")
        out += ["", f"verdict: {self.verdict}"]
        if self.report_dir is not None:
            out.append(f"reports: {self.report_dir / 'report.md'}, {self.report_dir / 'junit.xml'}")
        return out

    def markdown(self) -> str:
        elapsed = time.monotonic() - self.started
        counts = self._outcomes()
        md = [
            "# Ollama contract report",
            "",
            f"- target: `{self.target}`",
            f"- status: {self.status}",
            f"- verdict: **{self.verdict}** ({counts['passed']} tests passed, {counts['FAILED']} failed, "
            f"{counts['skipped']} skipped, {elapsed:.0f} s)",
            "",
            "| operation | cases | failures |",
            "|---|---:|---:|",
        ]
        md += [f"| `{op}` | {cases} | {failures} |" for op, cases, failures in self.recorder.table()]
        md += ["", "## Time per phase", "", "| phase | tests | cases | seconds |", "|---|---:|---:|---:|"]
        md += [f"| {p} | {t} | {c} | {s:.1f} |" for p, t, c, s in self.recorder.phases()]
        md += [
            "",
            "## Tests",
            "",
            "| phase | test | cases | failures | seconds | outcome |",
            "|---|---|---:|---:|---:|---|",
        ]
        for r in self.recorder.tests:
            md.append(
                f"| {r.phase} | `{r.name}` | {sum(r.cases.values())} | {r.failures} | {r.elapsed():.1f} | {r.outcome} |"
            )
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

    def junit(self) -> str:
        counts = self._outcomes()
        suite = ET.Element(
            "testsuite",
            name="ollama-contract",
            tests=str(len(self.recorder.tests)),
            failures=str(counts["FAILED"]),
            skipped=str(counts["skipped"]),
            errors="0",
            time=f"{time.monotonic() - self.started:.3f}",
        )
        ET.SubElement(ET.SubElement(suite, "properties"), "property", name="status", value=self.status)
        for record in self.recorder.tests:
            case = ET.SubElement(
                suite, "testcase", classname=record.phase, name=record.name, time=f"{record.elapsed():.3f}"
            )
            if record.outcome == "FAILED":
                ET.SubElement(case, "failure", message=describe(record, "FAILED")).text = record.message
            elif record.outcome == "skipped":
                ET.SubElement(case, "skipped", message=record.message[:500])
            elif record.outcome != "passed":
                ET.SubElement(case, "skipped", message=f"{record.outcome}: {self.status}")
        root = ET.Element("testsuites")
        root.append(suite)
        ET.indent(root)
        return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
