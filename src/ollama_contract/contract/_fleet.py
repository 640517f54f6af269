"""One run, many servers: each target gets a pytest-xdist worker of its own, and one matrix report.

The suite reads its target when its modules are imported (schemathesis builds the tests from the
target's profile), so a process checks one target. xdist's `each` scheduler gives every worker
all of its own collection: one worker per target, each a complete single run (profile from its
/api/version, safety, deadlines, restoration of load state, its reports in `<report-dir>/<name>/`),
so a target in a fleet is judged exactly as a run of its own would judge it. This process, xdist's
controller, only hands each worker its target (`pytest_configure_node`), shows one line per
target, and builds the matrix from the workers' result.json once they end. A worker that hangs or
dies leaves its last result.json behind; one that never wrote any is reported as such; a target
that does not answer at the start gets no worker and a failing column. With `--workers N` below
the number of targets, N workers start, and each that ends hands its slot to the next target
(xdist's node manager starts the worker, as it does one that replaces a crashed worker).
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

import pytest
from xdist.scheduler import EachScheduling  # type: ignore[import-untyped]

from ._generation import warm_unicode_tables
from ._matrix import Column, failing, header, unchecked, write_reports
from ._preflight import TargetError, Unreachable, check_models, check_target
from ._targets import Target

__all__ = ["FleetPlugin", "FleetProgress", "preflight_fleet", "run_fleet", "summary_lines"]

WATCHDOG_SECONDS = 30.0
"""How long after --max-time the controller waits for its workers (theirs end them 15 s after)."""
_TX_ID = "target"


def preflight_fleet(targets: list[Target]) -> dict[str, str]:
    """Check every target at once; the ones that do not answer, with why (their columns fail).
    A mistake in the command (a model that is not installed) raises TargetError for the run."""
    from ._report import Recorder
    from ._session import _installed

    def one(target: Target) -> str | None:
        headers = target.request_headers()
        try:
            check_target(target.url, target.url, headers)
        except Unreachable as exc:
            return str(exc)
        installed = _installed(target.url, headers, Recorder())
        if installed is not None:
            wanted = [("--model", target.model), ("--embed-model", target.embed_model)]
            check_models(installed, wanted, f"{target.url} ({target.name})")
        return None

    with concurrent.futures.ThreadPoolExecutor(max_workers=min(16, len(targets))) as pool:
        reasons = list(pool.map(one, targets))
    return {t.name: reason for t, reason in zip(targets, reasons, strict=True) if reason is not None}


def _read(path: Path) -> dict[str, Any] | None:
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return data
    except (OSError, ValueError):
        return None


def _duration(seconds: float) -> str:
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes}m{rest:02d}s" if minutes else f"{seconds:.0f}s"


class FleetProgress:
    """One line per target, read from the result.json its worker rewrites at each test: live
    (rich) in a terminal, and in a log one line per running target every `interval` seconds,
    plus one when a target ends."""

    def __init__(
        self, targets: list[Target], folder: Path, mode: str, stream: IO[str] | None = None, interval: float = 15.0
    ) -> None:
        self.targets = targets
        self.folder = folder
        self.stream = stream or sys.stdout
        self.mode = ("live" if self.stream.isatty() else "plain") if mode == "auto" else mode
        self.interval = interval
        self.started = time.monotonic()
        self.totals: dict[str, int] = {}
        self.unchecked: dict[str, str] = {}
        self._ended: set[str] = set()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._live: Any = None

    def state(self, target: Target) -> tuple[str, str]:
        """(state, line) of one target now."""
        width = max(len(t.name) for t in self.targets)
        if target.name in self.unchecked:
            return "FAILED", f"{target.name:<{width}}  FAILED   not checked: {self.unchecked[target.name]}"
        result = _read(self.folder / target.name / "result.json")
        if result is None:
            return "starting", f"{target.name:<{width}}  starting {_duration(time.monotonic() - self.started)}"
        running = result["status"] == "running"
        state = "running" if running else result["verdict"]
        done, total = len(result["tests"]), self.totals.get(target.name)
        bad = sum(1 for t in result["tests"] if t["outcome"] == "FAILED")
        tests = f"{done}/{total} tests" if total is not None else f"{done} tests"
        now = result.get("current")
        where = f"  {now['phase']} {now['name']}" if running and now else ("" if running else f"  {result['status']}")
        version = result.get("version") or "?"
        line = (
            f"{target.name:<{width}}  {state:<8} {version:<8} {tests}, {result['cases']} cases, {bad} failed, "
            f"{_duration(result['seconds'])}{where}"
        )
        return state, line

    def lines(self) -> list[str]:
        return [self.state(t)[1] for t in self.targets]

    def start(self) -> None:
        if self.mode == "live":
            from rich.console import Console, Group
            from rich.live import Live
            from rich.text import Text

            self._live = Live(
                get_renderable=lambda: Group(*(Text(line, no_wrap=True, overflow="ellipsis") for line in self.lines())),
                console=Console(file=self.stream),
                refresh_per_second=2,
            )
            self._live.start()
        elif self.mode == "plain":
            self._thread = threading.Thread(target=self._tick, name="fleet-progress", daemon=True)
            self._thread.start()

    def _tick(self) -> None:
        while not self._stop.wait(min(self.interval, 1.0)):
            periodic = time.monotonic() - self.started >= self.interval * (1 + getattr(self, "_ticks", 0))
            if periodic:
                self._ticks = getattr(self, "_ticks", 0) + 1
            for target in self.targets:
                state, line = self.state(target)
                if state not in {"running", "starting"} and target.name not in self._ended:
                    self._ended.add(target.name)
                    self._print(line)
                elif periodic and state in {"running", "starting"}:
                    self._print(line)

    def _print(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
            for target in self.targets:  # the ones that ended since the last tick
                if target.name not in self._ended:
                    self._ended.add(target.name)
                    self._print(self.state(target)[1])
        if self._live is not None:
            self._live.stop()
            self._live = None


class FleetPlugin:
    """The xdist controller's side: hand each worker its target, watch the time, show progress."""

    def __init__(
        self,
        targets: list[Target],
        progress: FleetProgress,
        finish: Any,
        max_time: float | None,
        waiting: list[str] | None = None,
    ) -> None:
        self.targets = targets
        self.progress = progress
        self.finish = finish
        self.max_time = max_time
        self.waiting = list(waiting or [])
        """xdist gateway specs (their id naming the target) of the workers not started yet: with
        fewer workers than targets, each one starts when a running worker ends."""
        self.starting: set[str] = set()
        """Workers started for a waiting target that have not sent their collection yet."""
        self.config: pytest.Config | None = None

    @pytest.hookimpl(optionalhook=True)
    def pytest_xdist_make_scheduler(self, config: pytest.Config, log: Any) -> Any:
        return _RollingEach(config, log, self)

    @pytest.hookimpl(optionalhook=True)
    def pytest_testnodedown(self, node: Any, error: Any) -> None:
        """A worker ended: its slot goes to the next waiting target (xdist's own node manager
        starts it, as it does a worker it replaces)."""
        self.starting.discard(str(node.gateway.id))
        dsession = self.config.pluginmanager.getplugin("dsession") if self.config is not None else None
        if not self.waiting or dsession is None or dsession.shuttingdown:
            return
        import execnet

        spec = execnet.XSpec(self.waiting.pop(0))
        self.starting.add(str(spec.id))
        dsession._active_nodes.add(dsession.nodemanager.setup_node(spec, dsession.queue.put))

    @pytest.hookimpl(optionalhook=True)
    def pytest_configure_node(self, node: Any) -> None:
        index = int(str(node.gateway.id).removeprefix(_TX_ID))
        node.workerinput["ollama_contract_target"] = self.targets[index].as_dict()

    @pytest.hookimpl(optionalhook=True)
    def pytest_xdist_node_collection_finished(self, node: Any, ids: list[str]) -> None:
        self.starting.discard(str(node.gateway.id))
        index = int(str(node.gateway.id).removeprefix(_TX_ID))
        self.progress.totals[self.targets[index].name] = len(ids)

    def pytest_configure(self, config: pytest.Config) -> None:
        self.config = config

    def pytest_sessionstart(self, session: pytest.Session) -> None:
        # After hypothesis' own session start (it warns of its storage touched before), and
        # before xdist's (trylast), which starts the workers.
        warm_unicode_tables(self.progress.folder / ".hypothesis")
        self.progress.start()
        if self.max_time is not None:
            threading.Thread(target=self._watchdog, name="fleet-max-time", daemon=True).start()

    def _watchdog(self) -> None:
        """The hard bound of the fleet: if a worker has not ended WATCHDOG_SECONDS after
        --max-time, write every report from what the workers left, and end."""
        assert self.max_time is not None
        time.sleep(self.max_time + WATCHDOG_SECONDS)
        self.progress.stop()
        code = self.finish(f"ended by the --max-time watchdog ({self.max_time:g} s + {WATCHDOG_SECONDS:g} s)")
        sys.stdout.flush()
        os._exit(code)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        self.progress.stop()


class _RollingEach(EachScheduling):  # type: ignore[misc]
    """xdist's `each` scheduling (every worker runs all of its own collection), with workers that
    start while the run goes on: the run is not finished while a target waits for a worker, or a
    worker started for one has not collected yet."""

    def __init__(self, config: pytest.Config, log: Any, plugin: FleetPlugin) -> None:
        super().__init__(config, log)
        self.plugin = plugin

    @property
    def tests_finished(self) -> bool:
        collected = all(node in self.node2collection for node in self.node2pending)
        return bool(super().tests_finished and collected and not self.plugin.waiting and not self.plugin.starting)

    def add_node_collection(self, node: Any, collection: Sequence[str]) -> None:
        if self.collection_is_completed and not self._removed2pending:
            # A worker that started late, for a target of its own: it runs all it collected.
            self.node2collection[node] = list(collection)
            self.node2pending[node] = []
            return
        super().add_node_collection(node, collection)

    def schedule(self) -> None:
        """As `each` does, for the workers that have collected (one started late may not have)."""
        for node, pending in self.node2pending.items():
            if node in self._started or node not in self.node2collection:
                continue
            pending[:] = range(len(self.node2collection[node]))
            node.send_runtest_all()
            node.shutdown()
            self._started.append(node)


def summary_lines(columns: list[Column], paths: list[Path]) -> list[str]:
    width = max(len(header(t, r)) for t, r in columns)
    out = ["", "target".ljust(width) + "  verdict     failures  tests  status"]
    for target, result in columns:
        passed = sum(1 for t in result["tests"] if t["outcome"] == "passed")
        out.append(
            f"{header(target, result).ljust(width)}  {result['verdict']:<10}  {len(result['findings']):8d}  "
            f"{passed:>2}/{len(result['tests']):<2}  {result['status']}"
        )
    for target, result in columns:
        for f in result["findings"][:10]:
            out.append(f"FAIL {target.name}: {f['operation']} [{f['test']}] {f['check']}")
        if len(result["findings"]) > 10:
            out.append(f"FAIL {target.name}: ... {len(result['findings']) - 10} more in its report")
    out.append(f"reports: {', '.join(str(p) for p in paths[:3])}, junit-<name>.xml per target")
    bad = failing(columns)
    out.append(
        f"failing targets: {', '.join(bad)}"
        if bad
        else f"every target keeps the contract: {', '.join(t.name for t, _ in columns)}"
    )
    return out


def run_fleet(options: Any, targets: list[Target], base_args: list[str]) -> int:
    """Check every target at once; 0 when all keep the contract, 1 when any does not."""
    folder = options.report_dir.resolve()
    try:
        reasons = preflight_fleet(targets)
    except TargetError as exc:
        print(f"ollama-contract check: {exc}", file=sys.stderr)
        return 2
    checked = [t for t in targets if t.name not in reasons]
    progress = FleetProgress(targets, folder, options.progress)
    progress.unchecked.update(reasons)
    for target in targets:  # a report of an earlier run in the same folder must not be taken for this one's
        (folder / target.name / "result.json").unlink(missing_ok=True)
    lock = threading.Lock()

    def finish(status: str) -> int:
        with lock:
            columns: list[Column] = []
            for target in targets:
                result = _read(folder / target.name / "result.json")
                if target.name in reasons:
                    result = unchecked(target, reasons[target.name])
                elif result is None:
                    result = unchecked(target, "its worker ended before it wrote a report", "ended without a report")
                elif result["status"] == "running":
                    result = {**result, "status": f"worker ended mid-run ({status})"}
                    result["verdict"] = "FAILED" if result["findings"] else "incomplete"
                columns.append((target, result))
            paths = write_reports(columns, folder, status)
            for line in summary_lines(columns, paths):
                print(line, flush=True)
            return 1 if failing(columns) else 0

    status = "finished"
    if checked:
        tx = list(getattr(options, "tx", []) or [])
        args = [*base_args, "--fleet", "-p", "xdist", "--dist", "each", "--max-worker-restart", "0"]
        specs = [
            f"{tx[index] if index < len(tx) else 'popen'}//id={_TX_ID}{index}"
            for index, target in enumerate(targets)
            if target.name not in reasons
        ]
        workers = min(len(specs), getattr(options, "workers", None) or len(specs))
        for spec in specs[:workers]:
            args += ["--tx", spec]
        plugin = FleetPlugin(targets, progress, finish, options.max_time, waiting=specs[workers:])
        code = int(pytest.main(args, plugins=[plugin]))
        if code == int(pytest.ExitCode.INTERRUPTED):
            status = "interrupted (signal or Ctrl-C): the report covers the tests that ran"
        elif code == int(pytest.ExitCode.USAGE_ERROR):
            return 2
    verdict = finish(status)
    return 130 if status.startswith("interrupted") else verdict
