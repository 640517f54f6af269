"""Configuration of the contract suite: which server, how hard, and where the report goes.

Run it with `ollama-contract check` (or `pytest contract_tests` in a clone). With no URL it starts
the reference server for the run and stops it afterwards.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from ollama_contract.contract import CheckOptions, _session
from ollama_contract.contract._report import ReportPlugin

settings.register_profile(
    "contract",
    database=None,  # nothing written into the user's folder; the run is derandomized anyway
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    print_blob=False,
)
settings.load_profile("contract")

_SERVER_KEY = pytest.StashKey[_session.ReferenceServer | None]()
_SESSION_KEY = pytest.StashKey[_session.Session]()


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
    group.addoption("--max-time", type=float, default=None, help="stop starting tests after this many seconds")
    group.addoption("--profile", default=None, help="contract to hold the server to: VERSION or all (default: its own)")
    group.addoption("--server-fault", action="append", default=[], help="fault for the reference server (tests)")
    group.addoption("--report-dir", default=None, help="folder for junit.xml and report.md")


def pytest_configure(config: pytest.Config) -> None:
    session, server = _session.open_session(
        base_url=config.getoption("--ollama-url"),
        allow_writes=config.getoption("--allow-writes"),
        model=config.getoption("--model"),
        embed_model=config.getoption("--embed-model"),
        pull_models=config.getoption("--pull-model"),
        max_examples=config.getoption("--max-examples"),
        max_time=config.getoption("--max-time"),
        faults=config.getoption("--server-fault"),
        profile=config.getoption("--profile"),
    )
    config.stash[_SERVER_KEY] = server
    config.stash[_SESSION_KEY] = session
    _session.install(session)
    report_dir = config.getoption("--report-dir")
    if report_dir:
        config.option.xmlpath = str(Path(report_dir) / "junit.xml")
    target = session.base_url + (" (reference server started for this run)" if server else "")
    config.pluginmanager.register(ReportPlugin(session.recorder, Path(report_dir) if report_dir else None, target))


def pytest_unconfigure(config: pytest.Config) -> None:
    session = config.stash.get(_SESSION_KEY, None)
    server = config.stash.get(_SERVER_KEY, None)
    if server is not None:
        server.stop()
    elif session is not None:
        session.remove_own_models()
    _session.install(None)


def pytest_runtest_setup(item: pytest.Item) -> None:
    if _session.current().out_of_time():
        pytest.skip("--max-time reached before this test started")
