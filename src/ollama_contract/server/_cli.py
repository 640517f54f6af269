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
        help="inject a fault into every response, e.g. delay=50 or status=503@2 (repeatable)",
    )
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    import sys

    from ._state import resolve_models
    from .http.faults import parse_faults
    from .http.serving import serve

    try:
        parse_faults(args.fault)
        resolve_models(args.models)
    except ValueError as exc:
        print(f"ollama-contract serve: {exc}", file=sys.stderr)
        return 2
    print(f"ollama-contract: offline Ollama listening on http://{args.host}:{args.port}", file=sys.stderr, flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        serve(host=args.host, port=args.port, data_dir=args.data_dir, models=args.models, faults=args.fault)
    return 0
