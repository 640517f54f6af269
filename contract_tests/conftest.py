"""Configuration of the contract suite: which server, how hard, and where the report goes.

Run it with `ollama-contract check` (or `pytest contract_tests` in a clone). With no URL it starts
the reference server for the run and stops it afterwards.
"""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.configuration import set_hypothesis_home_dir

from ollama_contract._spec import operations
from ollama_contract.contract import CheckOptions, _session
from ollama_contract.contract._generation import without_local_constants
from ollama_contract.contract._plugin import ReportPlugin
from ollama_contract.contract._preflight import TargetError
from ollama_contract.contract._progress import Progress

settings.register_profile(
    "contract",
    database=None,  # nothing written into the user's folder; the run is derandomized anyway
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    print_blob=False,
)
settings.load_profile("contract")
without_local_constants()

_SERVER_KEY = pytest.StashKey[_session.ReferenceServer | None]()
_SESSION_KEY = pytest.StashKey[_session.Session]()

GRACE_SECONDS = 15.0
"""How long after --max-time the watchdog waits for the run to wind down before it ends it."""


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("ollama-contract")
    group.addoption("--ollama-url", default=None, help="server to check (default: start the reference server)")
    group.addoption("--allow-writes", action="store_true", help="let the run create, copy, delete, pull and push")
    group.addoption("--model", default=None, help="installed model used for generate and chat")
    group.addoption("--embed-model", default=None, help="installed model used for embed (default: --model)")
    group.addoption("--pull-model", action="append", default=[], help="a model the run may pull (repeatable)")
    group.addoption(
        "--max-examples", type=int, default=CheckOptions.max_examples, help="generated cases per operation and phase"
    )
    group.addoption("--max-time", type=float, default=None, help="end the run after this many seconds")
    group.addoption(
        "--request-timeout", type=float, default=CheckOptions.request_timeout, help="seconds for each whole answer"
    )
    group.addoption("--quick", action="store_true", help="no coverage phase: a smaller run, for CI")
    group.addoption("--operation", action="append", default=[], help="property-test only this operationId")
    group.addoption("--profile", default=None, help="contract to hold the server to: VERSION or all (default: its own)")
    group.addoption("--server-fault", action="append", default=[], help="fault for the reference server (tests)")
    group.addoption("--report-dir", default=None, help="folder for junit.xml and report.md")
    group.addoption("--progress", default="off", choices=["auto", "live", "plain", "off"], help="progress display")
    group.addoption("--fleet", action="store_true", help="a fleet run: each xdist worker checks the target it is given")


def _stop_on_sigterm(plugin: ReportPlugin) -> None:
    """SIGTERM ends the run as Ctrl-C does: pytest winds down and the report is written."""

    def interrupt(signum: int, frame: Any) -> None:
        plugin.interrupted()
        raise KeyboardInterrupt(f"signal {signum}")

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, interrupt)


def _watchdog(
    session: _session.Session, plugin: ReportPlugin, server: _session.ReferenceServer | None, quiet: bool = False
) -> None:
    """--max-time is a hard bound: if the run has not ended GRACE_SECONDS after it, end it here."""
    import os
    import time

    assert session.max_time is not None
    time.sleep(max(0.0, session.max_time - (time.monotonic() - session.started)) + GRACE_SECONDS)
    plugin.progress.stop()
    plugin.status = f"ended by the --max-time watchdog ({session.max_time:g} s + {GRACE_SECONDS:g} s)"
    plugin.finish_current("stopped")
    plugin.write()
    for line in [] if quiet else plugin.lines():
        print(line, flush=True)
    try:
        if server is not None:
            server.stop()
        else:
            session.remove_own_models()
    finally:
        os._exit(1 if plugin.verdict == "FAILED" else 0)


class _Unchecked:
    """A fleet's worker whose target could not be checked: nothing is collected, and its report
    says why (raising here would end the worker, and xdist would stop the whole fleet)."""

    def __init__(self, plugin: ReportPlugin, reason: str) -> None:
        self.plugin, self.reason = plugin, reason

    def pytest_ignore_collect(self, collection_path: Path) -> bool:
        return collection_path.suffix == ".py"

    def pytest_sessionstart(self) -> None:
        from ollama_contract.contract._report import Finding

        self.plugin.recorder.finding(Finding("target", "preflight", "target cannot be checked", self.reason, ""))
        self.plugin.status = "not checked: the target cannot be checked"


def pytest_configure(config: pytest.Config) -> None:
    from ollama_contract.contract._targets import Target

    given = getattr(config, "workerinput", {}).get("ollama_contract_target")
    if config.getoption("--fleet") and given is None:
        return  # the fleet's controller: its workers check the targets, it only reports
    target = Target.from_dict(given) if given is not None else None
    report_dir = config.getoption("--report-dir")
    if target is not None:
        report_dir = str(Path(report_dir) / target.name)
    try:
        session, server = _session.open_session(
            base_url=config.getoption("--ollama-url") if target is None else target.url,
            allow_writes=config.getoption("--allow-writes") if target is None else target.allow_writes,
            model=config.getoption("--model") if target is None else target.model,
            embed_model=config.getoption("--embed-model") if target is None else target.embed_model,
            pull_models=config.getoption("--pull-model") if target is None else target.pull_models,
            max_examples=config.getoption("--max-examples"),
            max_time=config.getoption("--max-time"),
            faults=config.getoption("--server-fault"),
            request_timeout=config.getoption("--request-timeout"),
            quick=config.getoption("--quick"),
            profile=config.getoption("--profile") if target is None else target.profile,
            headers=None if target is None else target.request_headers(),
        )
    except TargetError as exc:
        if target is None:
            raise pytest.UsageError(str(exc)) from None
        from ollama_contract.contract._report import Recorder

        recorder = Recorder()
        plugin = ReportPlugin(
            recorder, Path(report_dir), target.url, Progress(recorder, "off"), url=target.url, quiet=True
        )
        config.pluginmanager.register(plugin)
        config.pluginmanager.register(_Unchecked(plugin, str(exc)))
        return
    unknown = set(config.getoption("--operation")) - set(operations())
    if unknown:
        raise pytest.UsageError(f"--operation {', '.join(sorted(unknown))}: not an operationId of the spec")
    session.operations = tuple(config.getoption("--operation"))
    config.stash[_SERVER_KEY] = server
    config.stash[_SESSION_KEY] = session
    _session.install(session)
    if report_dir:
        # Hypothesis keeps caches (its unicode tables) in `.hypothesis/` of the current folder by
        # default: a run writes nothing outside its report folder. A fleet's workers share the
        # fleet's (its controller computed the tables there before they started).
        home = Path(config.getoption("--report-dir") if target is not None else report_dir)
        set_hypothesis_home_dir(home / ".hypothesis")
    label = session.base_url + (" (reference server started for this run)" if server else "")
    quiet = target is not None
    progress = Progress(session.recorder, "off" if quiet else config.getoption("--progress"))
    report = Path(report_dir) if report_dir else None
    plugin = ReportPlugin(
        session.recorder,
        report,
        label,
        progress,
        suite=Path(__file__).parent,
        url=session.base_url,
        version=session.version,
        profile=session.profile,
        quiet=quiet,
    )
    config.pluginmanager.register(plugin)
    _stop_on_sigterm(plugin)
    if session.max_time is not None:
        args = (session, plugin, server, quiet)
        threading.Thread(target=_watchdog, args=args, name="max-time", daemon=True).start()


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    """Before the report is written (so that it says what was unloaded): a server the run did
    not start gets back the load state it had."""
    if session.config.stash.get(_SERVER_KEY, None) is None:
        contract = session.config.stash.get(_SESSION_KEY, None)
        if contract is not None:
            contract.restore_residency()


def pytest_unconfigure(config: pytest.Config) -> None:
    session = config.stash.get(_SESSION_KEY, None)
    server = config.stash.get(_SERVER_KEY, None)
    if server is not None:
        server.stop()
    elif session is not None:
        session.remove_own_models()
    _session.install(None)


def pytest_runtest_setup(item: pytest.Item) -> None:
    session = _session.current()
    if session.out_of_time():
        pytest.skip("--max-time reached before this test started")
    if session.gone_silent():
        pytest.skip(f"{_session.SILENT}: this test was not started")
