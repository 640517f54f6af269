"""`ollama-contract check`: find the suite, point it at a server, run it, keep the reports."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["CheckOptions", "run_check", "suite_dir"]


@dataclass
class CheckOptions:
    base_url: str | None = None
    """The server to check; None means OLLAMA_HOST, or the reference server when that is unset."""
    reference: bool = False
    """Check the bundled reference server even when OLLAMA_HOST is set."""
    allow_writes: bool = False
    model: str | None = None
    embed_model: str | None = None
    pull_models: list[str] = field(default_factory=list)
    max_examples: int = 50
    max_time: float | None = None
    """A hard bound on the run, in seconds: no test starts after it, no request waits past it."""
    request_timeout: float = 60.0
    """Seconds each request may take for its whole answer; a request past it is a failure."""
    operations: list[str] = field(default_factory=list)
    """Property-test only these operationIds (all when empty); the scenarios still run."""
    quick: bool = False
    """Leave out schemathesis' coverage phase (boundary values, most of the cases): for CI."""
    progress: str = "auto"
    """auto (live in a terminal, periodic lines otherwise), live, plain or off."""
    report_dir: Path = Path("ollama-contract-report")
    profile: str | None = None
    """The contract to hold the server to: a version (`0.33.0`), `all`, or None for the version
    the server reports on /api/version."""
    server_faults: list[str] = field(default_factory=list)
    """Faults for the reference server: how the project proves the suite can fail."""
    pytest_args: list[str] = field(default_factory=list)
    base_urls: list[str] = field(default_factory=list)
    """More servers to check in the same run (with `base_url`, each given --base-url)."""
    targets_file: Path | None = None
    """A TOML list of targets (`[[target]]` tables): a fleet run."""
    tx: list[str] = field(default_factory=list)
    """xdist gateway specs, one per target in order (default: a local process each)."""
    workers: int | None = None
    """In a fleet, how many targets are checked at once (None: all); the others wait for a worker."""

    def fleet(self) -> list[Any] | None:
        """The targets of a fleet run (a Target each), or None for a run against one server."""
        from ._targets import read_targets_file, targets_from_urls

        urls = ([self.base_url] if self.base_url else []) + self.base_urls
        if self.targets_file is None and len(urls) < 2:
            return None
        writes, profile = self.allow_writes, self.profile
        listed = targets_from_urls(
            urls, model=self.model, embed_model=self.embed_model, allow_writes=writes, profile=profile
        )
        if self.targets_file is not None:
            listed += read_targets_file(self.targets_file, allow_writes=writes, profile=profile)
        from ._targets import _unique

        return _unique(listed)


def suite_dir() -> Path:
    """contract_tests/, inside the installed package or, in a clone, at the repository's root."""
    packaged = resources.files("ollama_contract").joinpath("contract_tests")
    if packaged.is_dir():
        return Path(str(packaged))
    clone = Path(__file__).resolve().parents[3] / "contract_tests"
    if clone.is_dir():
        return clone
    raise FileNotFoundError("the contract suite is missing from this installation of ollama-contract")


def target_url(options: CheckOptions) -> str | None:
    """The server to check, or None for the reference server."""
    from .._config import parse_host

    if options.reference:
        return None
    host = options.base_url or os.environ.get("OLLAMA_HOST")
    return parse_host(host) if host else None


def pytest_arguments(options: CheckOptions) -> list[str]:
    suite = suite_dir()
    report = options.report_dir.resolve()
    args = [
        str(suite),
        "-c", str(suite / "pytest.ini"),
        "--rootdir", str(suite),
        "-p", "no:terminal",  # the suite's plugin prints progress and the summary itself,
        "--capture=no",  # ... and from a thread while a test runs, which capturing would swallow
        "--report-dir", str(report),
        "--max-examples", str(options.max_examples),
        "--request-timeout", str(options.request_timeout),
        "--progress", options.progress,
    ]  # fmt: skip
    if (url := target_url(options)) is not None:
        args += ["--ollama-url", url]
    if options.allow_writes:
        args.append("--allow-writes")
    if options.quick:
        args.append("--quick")
    for operation_id in options.operations:
        args += ["--operation", operation_id]
    if options.model:
        args += ["--model", options.model]
    if options.embed_model:
        args += ["--embed-model", options.embed_model]
    for name in options.pull_models:
        args += ["--pull-model", name]
    if options.max_time is not None:
        args += ["--max-time", str(options.max_time)]
    if options.profile is not None:
        args += ["--profile", options.profile]
    for fault in options.server_faults:
        args += ["--server-fault", fault]
    return args + options.pytest_args


def preflight(options: CheckOptions) -> None:
    """Refuse, before pytest starts, a target that cannot be checked (TargetError)."""
    from ._preflight import TargetError, check_models, check_target
    from ._report import Recorder
    from ._session import _installed, api_key_headers

    if options.request_timeout <= 0 or (options.max_time is not None and options.max_time <= 0):
        raise TargetError("--request-timeout and --max-time take a number of seconds above zero")
    given = options.base_url or os.environ.get("OLLAMA_HOST") or ""
    if (url := target_url(options)) is None:
        return
    headers = api_key_headers()
    check_target(url, given, headers)
    installed = _installed(url, headers, Recorder())
    if installed is not None:
        check_models(installed, [("--model", options.model), ("--embed-model", options.embed_model)], url)


def run_check(options: CheckOptions) -> int:
    """Run the suite: 0 when the server keeps the contract, 1 when it breaks it, 2 when the
    command or its target is wrong, 130 when the run was interrupted (its report is still written)."""
    import sys

    from ._preflight import TargetError

    try:
        targets = options.fleet()
    except TargetError as exc:
        print(f"ollama-contract check: {exc}", file=sys.stderr)
        return 2
    if targets is not None:
        return _run_fleet(options, targets)
    try:
        preflight(options)
    except TargetError as exc:
        print(f"ollama-contract check: {exc}", file=sys.stderr)
        return 2
    import pytest

    code = int(pytest.main(pytest_arguments(options)))
    return {0: 0, 1: 1, 2: 130, 4: 2, 5: 2}.get(code, code)


def _run_fleet(options: CheckOptions, targets: list[Any]) -> int:
    import sys
    from dataclasses import replace

    from ._fleet import run_fleet

    if options.request_timeout <= 0 or (options.max_time is not None and options.max_time <= 0):
        print(
            "ollama-contract check: --request-timeout and --max-time take a number of seconds above zero",
            file=sys.stderr,
        )
        return 2
    if options.workers is not None and options.workers < 1:
        print("ollama-contract check: --workers takes a number of workers, 1 or more", file=sys.stderr)
        return 2
    if options.server_faults or options.reference:
        print("ollama-contract check: --reference and --server-fault check one server, not a fleet", file=sys.stderr)
        return 2
    # The run-wide options; each worker's target brings its own URL, models, safety and profile.
    common = replace(
        options, base_url=None, reference=False, allow_writes=False, model=None, embed_model=None, pull_models=[],
        profile=None, progress="off",
    )  # fmt: skip
    return run_fleet(options, targets, pytest_arguments(common))
