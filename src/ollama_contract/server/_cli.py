"""The `ollama-contract serve` command. Heavy imports wait until the command runs."""

from __future__ import annotations

import argparse
import contextlib
from typing import Any

__all__ = ["register"]


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "serve",
        help="serve an offline reference Ollama",
        description="Serve an offline Ollama that behaves like the real one, for tests and CI.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    parser.add_argument("--port", type=int, default=11434, help="port to listen on (default: %(default)s)")
    parser.add_argument("--data-dir", default=None, help="where models are stored (default: a temporary folder)")
    parser.add_argument(
        "--models",
        default=None,
        help='catalogue models installed at start: "default", "all", "none" or a comma-separated list',
    )
    parser.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="SPEC",
        help="inject a fault into every response, e.g. delay=50, status=503@2, endless, hang@3 (repeatable)",
    )
    parser.add_argument(
        "--account",
        choices=("offline", "signed-in", "signed-out"),
        default="offline",
        help="how ollama.com looks: offline (Ollama's answers with no network; default), signed-in (an account "
        "and deterministic web search, for client tests) or signed-out",
    )
    parser.add_argument(
        "--quiet", action="store_true", help="do not log a line per request (model loads are still logged)"
    )
    versions = parser.add_argument_group("versions")
    versions.add_argument(
        "--ollama-version",
        default=None,
        metavar="X",
        help="answer as Ollama X did, as far as the spec's version facts know it: routes X did not have yet "
        "answer 404, fields X does not always send are left out, /api/version says X (default: the newest)",
    )
    versions.add_argument(
        "--leave-out",
        choices=("zero", "always", "random"),
        default="zero",
        help="with --ollama-version, which fields X does not always send are left out: those holding their zero "
        "value, as X's omitempty did (zero; default), every one (always) or each at random from --seed (random)",
    )
    versions.add_argument("--seed", type=int, default=0, help="seed of --leave-out random (default: 0)")
    pace = parser.add_argument_group("pace")
    pace.add_argument(
        "--pace",
        choices=("instant", "real"),
        default="instant",
        help="instant: answers take no time; real: loads, prompts and tokens take the time they report",
    )
    for flag, metavar, text in (
        ("--token-rate", "N", "tokens generated per second with --pace real (default: 50)"),
        ("--prompt-rate", "N", "prompt tokens evaluated per second with --pace real (default: 2000)"),
        ("--load-time", "S", "seconds a model load takes with --pace real (default: 1.25)"),
    ):
        pace.add_argument(flag, type=float, default=None, metavar=metavar, help=text)
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    import sys

    from ._state import resolve_models
    from .emulation.pace import Pace
    from .http.faults import parse_faults
    from .http.logs import log_to_stderr
    from .http.serving import listen, serve
    from .http.versions import release

    try:
        parse_faults(args.fault)
        resolve_models(args.models)
        if args.ollama_version is not None:
            release(args.ollama_version, args.leave_out, args.seed)
        pace = Pace.named(
            args.pace, token_rate=args.token_rate, prompt_rate=args.prompt_rate, load_seconds=args.load_time
        )
    except ValueError as exc:
        print(f"ollama-contract serve: {exc}", file=sys.stderr)
        return 2
    try:
        sock = listen(args.host, args.port)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        print(
            f"ollama-contract serve: cannot listen on {args.host}:{args.port}: {reason}"
            " (is another server using it? choose another --port)",
            file=sys.stderr,
        )
        return 2
    log_to_stderr(requests=not args.quiet)
    port = sock.getsockname()[1]
    as_version = f" (as Ollama {release(args.ollama_version).text})" if args.ollama_version is not None else ""
    print(
        f"ollama-contract: offline Ollama{as_version} listening on http://{args.host}:{port}",
        file=sys.stderr,
        flush=True,
    )
    with contextlib.suppress(KeyboardInterrupt):
        serve(
            sock,
            data_dir=args.data_dir,
            models=args.models,
            faults=args.fault,
            pace=pace,
            account=args.account,
            ollama_version=args.ollama_version,
            leave_out=args.leave_out,
            seed=args.seed,
        )
    return 0
