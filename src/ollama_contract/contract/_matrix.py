"""The fleet's reports: one matrix (tests down, targets across) made from each target's result.json.

Each worker writes, for its target, exactly the reports of a single run (`<report-dir>/<name>/`).
This module only reads them back and lays them side by side: report.md opens with the matrix and
lists each target's failures with their curl, matrix.json says the same for programs, and each
target's junit.xml is copied to `junit-<name>.xml` and gathered into one combined junit.xml.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from ._plugin import _write
from ._targets import Target

__all__ = ["Column", "unchecked", "write_reports"]

Column = tuple[Target, dict[str, Any]]
"""A target and what its run found (the dict of its result.json)."""


def unchecked(target: Target, reason: str, status: str = "not checked: the target cannot be checked") -> dict[str, Any]:
    """The result of a target no worker could report on: its column fails, with the reason."""
    finding = {"operation": "target", "test": "preflight", "check": "target cannot be checked", "message": reason}
    return {
        "url": target.url,
        "version": None,
        "profile": None,
        "status": status,
        "verdict": "FAILED",
        "tests": [],
        "operations": [],
        "findings": [{**finding, "curl": ""}],
        "notes": [],
        "cases": 0,
        "seconds": 0,
    }


def header(target: Target, result: dict[str, Any]) -> str:
    return f"{target.name} ({result.get('version') or 'version unknown'})"


def _cell(test: dict[str, Any] | None) -> str:
    if test is None:
        return "—"
    outcome = str(test["outcome"])
    if outcome == "passed":
        return "pass"
    if outcome == "FAILED":
        return f"**fail ({max(1, test['failures'])})**"
    if outcome == "skipped":
        why = " ".join(str(test.get("message", "")).split()).removeprefix("Skipped: ")
        why = why.split(":")[0] if ":" in why[:40] else why
        return f"skipped ({why[:40]}{'…' if len(why) > 40 else ''})" if why else "skipped"
    return outcome


def rows(columns: list[Column]) -> list[tuple[str, str, list[dict[str, Any] | None]]]:
    """(phase, test, the test's record per target), in the order the tests ran."""
    order: dict[tuple[str, str], None] = {}
    for _, result in columns:
        for test in result["tests"]:
            order.setdefault((test["phase"], test["name"]), None)
    by_target = [{(t["phase"], t["name"]): t for t in result["tests"]} for _, result in columns]
    return [(phase, name, [tests.get((phase, name)) for tests in by_target]) for phase, name in order]


def failing(columns: list[Column]) -> list[str]:
    return [target.name for target, result in columns if result["verdict"] != "passed"]


def markdown(columns: list[Column], status: str) -> str:
    heads = [header(t, r) for t, r in columns]
    md = ["# Ollama contract report: fleet", "", f"- status: {status}"]
    bad = failing(columns)
    md.append(f"- failing targets: {', '.join(bad)}" if bad else f"- every target keeps the contract ({len(columns)})")
    md += ["", "| phase | test | " + " | ".join(f"`{h}`" for h in heads) + " |"]
    md.append("|---|---|" + "---|" * len(columns))
    md.append("| | **verdict** | " + " | ".join(f"**{r['verdict']}**" for _, r in columns) + " |")
    md.append("| | url | " + " | ".join(f"`{t.url}`" for t, _ in columns) + " |")
    md.append("| | contract | " + " | ".join(str(r.get("profile") or "—") for _, r in columns) + " |")
    for phase, name, tests in rows(columns):
        md.append(f"| {phase} | `{name}` | " + " | ".join(_cell(t).replace("|", "\\|") for t in tests) + " |")
    md += ["", "Each target's full report: `<name>/report.md`; its JUnit XML: `junit-<name>.xml`."]
    for (target, result), head in zip(columns, heads, strict=True):
        md += ["", f"## `{head}`: {result['verdict']}", "", f"- url: `{target.url}`", f"- status: {result['status']}"]
        md += [f"- note: {note}" for note in result.get("notes", [])]
        for f in result["findings"]:
            md += ["", f"### `{f['operation']}`: {f['check']}", "", f"Found by `{f['test']}`.", "", "```text"]
            md += [f["message"], "```"]
            if f.get("curl"):
                md += ["", "Reproduce:", "", "```sh", f["curl"], "```"]
    return "\n".join(md) + "\n"


def matrix_json(columns: list[Column], status: str) -> dict[str, Any]:
    return {
        "status": status,
        "targets": [
            {
                "name": target.name,
                "url": target.url,
                "version": result.get("version"),
                "profile": result.get("profile"),
                "status": result["status"],
                "verdict": result["verdict"],
                "failures": [
                    {k: f[k] for k in ("operation", "check", "message", "test", "curl")} for f in result["findings"]
                ],
                "tests": result["tests"],
            }
            for target, result in columns
        ],
    }


def _suite(target: Target, result: dict[str, Any], folder: Path) -> ET.Element:
    """The target's own junit testsuite (from its run), named after the target."""
    path = folder / target.name / "junit.xml"
    suite = None
    if path.exists():
        try:
            suite = ET.parse(path).getroot().find("testsuite")
        except ET.ParseError:
            suite = None
    if suite is None:
        suite = ET.Element("testsuite", tests="1", failures="1", skipped="0", errors="0", time="0")
        case = ET.SubElement(suite, "testcase", classname="preflight", name="target")
        message = "; ".join(f["message"] for f in result["findings"]) or result["status"]
        ET.SubElement(case, "failure", message=message[:500]).text = message
    suite.set("name", target.name)
    return suite


def write_reports(columns: list[Column], folder: Path, status: str) -> list[Path]:
    """report.md, matrix.json, junit-<name>.xml per target and the combined junit.xml."""
    combined = ET.Element("testsuites")
    written = []
    for target, result in columns:
        suite = _suite(target, result, folder)
        root = ET.Element("testsuites")
        root.append(suite)
        ET.indent(root)
        path = folder / f"junit-{target.name}.xml"
        _write(path, ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n")
        written.append(path)
        combined.append(suite)
    ET.indent(combined)
    _write(folder / "junit.xml", ET.tostring(combined, encoding="unicode", xml_declaration=True) + "\n")
    _write(folder / "matrix.json", json.dumps(matrix_json(columns, status), indent=1, ensure_ascii=False) + "\n")
    _write(folder / "report.md", markdown(columns, status))
    return [folder / "report.md", folder / "matrix.json", folder / "junit.xml", *written]
