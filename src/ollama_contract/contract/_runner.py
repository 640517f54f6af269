"""`ollama-contract check`: find the suite, point it at a server, run it, keep the reports."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

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
    report_dir: Path = Path("ollama-contract-report")
    profile: str | None = None
    """The contract to hold the server to: a version (`0.33.0`), `all`, or None for the version
    the server reports on /api/version."""
    server_faults: list[str] = field(default_factory=list)
    """Faults for the reference server: how the project proves the suite can fail."""
    pytest_args: list[str] = field(default_factory=list)


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
        "--junitxml", str(report / "junit.xml"),
        "--report-dir", str(report),
        "--max-examples", str(options.max_examples),
    ]  # fmt: skip
    if (url := target_url(options)) is not None:
        args += ["--ollama-url", url]
    if options.allow_writes:
        args.append("--allow-writes")
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


def run_check(options: CheckOptions) -> int:
    """Run the suite; 0 when the server keeps the contract, 1 when it breaks it."""
    import pytest

    return int(pytest.main(pytest_arguments(options)))
