"""The `check` subcommand."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ._runner import CheckOptions

__all__ = ["register"]

_HELP = """\
Check that an Ollama server speaks the contract of openapi.yaml.

With no target it starts the bundled reference server, checks it and stops it. With --base-url
or OLLAMA_HOST it checks that server in safe mode: nothing is created, copied, deleted, pulled or
pushed unless --allow-writes is given, and even then only models the run created are deleted.
Generation there is bounded (1 to 16 tokens as Ollama reads the request), and nothing reloads,
pins or unloads the model in use.

With --base-url given more than once, or --targets FILE, it checks a fleet in one run: each
server on a pytest-xdist worker of its own, all at once, each exactly as a run of its own would
check it; report.md then opens with a matrix (tests down, servers across), and matrix.json and a
junit-<name>.xml per server go beside it.

Exit status: 0 the server (every server) keeps the contract, 1 it (any) breaks it, 2 the command
or its target is wrong, 130 interrupted. The report is written as the run goes.
"""


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "check", help="run the contract suite against a server", description=_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    target = parser.add_argument_group("target")
    target.add_argument(
        "--base-url",
        action="append",
        default=[],
        metavar="URL",
        help="the server to check (default: OLLAMA_HOST, else the reference server); repeat it to check a fleet",
    )
    target.add_argument(
        "--targets",
        type=Path,
        metavar="FILE",
        help="a TOML file of [[target]] tables (url, name, model, embed_model, api_key_env, allow_writes, headers, "
        "profile, pull_models) to check in one run, each on an xdist worker of its own",
    )
    target.add_argument(
        "--tx",
        action="append",
        default=[],
        metavar="SPEC",
        help="where the worker of each target runs, in order (xdist gateway spec, e.g. ssh=user@box//python=python3; "
        "default: a local process)",
    )
    target.add_argument(
        "-n",
        "--workers",
        type=int,
        metavar="N",
        help="in a fleet, check at most N targets at once, each next one as a worker ends (default: all at once)",
    )
    target.add_argument(
        "--reference", action="store_true", help="check the bundled reference server, ignoring OLLAMA_HOST"
    )
    target.add_argument(
        "--allow-writes", action="store_true", help="let the run create, copy, pull, push and delete its own models"
    )
    target.add_argument("--model", help="installed model for generate and chat (default: the first listed)")
    target.add_argument("--embed-model", help="installed model for embed (default: the first embedding model)")
    target.add_argument("--pull-model", action="append", default=[], metavar="NAME", help="a model the run may pull")
    target.add_argument(
        "--profile",
        metavar="VERSION|all",
        type=_profile,
        help="hold the server to what this Ollama version always sends, or `all` for the all-versions contract "
        "(default: the version the server reports on /api/version)",
    )
    bounds = parser.add_argument_group("bounds")
    bounds.add_argument(
        "--max-examples",
        type=int,
        default=CheckOptions.max_examples,
        help="generated cases per operation (default: %(default)s)",
    )
    bounds.add_argument(
        "--max-time", type=float, help="end the run after this many seconds, with its report (default: no bound)"
    )
    bounds.add_argument(
        "--request-timeout",
        type=float,
        default=CheckOptions.request_timeout,
        help="seconds each request may take for its whole answer; a slower one is a failure (default: %(default)s)",
    )
    bounds.add_argument(
        "--operation",
        action="append",
        default=[],
        metavar="ID",
        help="property-test only this operation (an operationId of the spec, e.g. chat; repeatable)",
    )
    bounds.add_argument(
        "--quick", action="store_true", help="leave out the boundary-value (coverage) phase: a smaller run, for CI"
    )
    parser.add_argument(
        "--progress",
        choices=["auto", "live", "plain", "off"],
        default="auto",
        help="live line in a terminal, periodic lines otherwise (default: %(default)s)",
    )
    parser.add_argument(
        "--report-dir", type=Path, default=Path("ollama-contract-report"), help="where junit.xml and report.md go"
    )
    parser.add_argument("--server-fault", action="append", default=[], metavar="SPEC", help=argparse.SUPPRESS)
    parser.add_argument("pytest_args", nargs="*", help="extra arguments for pytest, after --")
    parser.set_defaults(run=_run)


def _profile(text: str) -> str:
    """`--profile` read once, at the command line: a bad value is a usage error, not a traceback."""
    from .._profiles import normalise

    try:
        return normalise(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _run(args: argparse.Namespace) -> int:
    from ._runner import run_check

    return run_check(
        CheckOptions(
            base_url=args.base_url[0] if args.base_url else None,
            base_urls=args.base_url[1:],
            targets_file=args.targets,
            tx=args.tx,
            workers=args.workers,
            reference=args.reference,
            allow_writes=args.allow_writes,
            model=args.model,
            embed_model=args.embed_model,
            pull_models=args.pull_model,
            max_examples=args.max_examples,
            max_time=args.max_time,
            request_timeout=args.request_timeout,
            progress=args.progress,
            quick=args.quick,
            operations=args.operation,
            report_dir=args.report_dir,
            profile=args.profile,
            server_faults=args.server_fault,
            pytest_args=args.pytest_args,
        )
    )
