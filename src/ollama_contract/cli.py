"""The `ollama-contract` command.

Each subcommand lives beside the code it drives, in a `_cli` module with a `register(subparsers)`
function. Those modules import their heavy dependencies only when the command runs, so that
`ollama-contract --help` works on an install without the optional extras.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from ._version import __version__

__all__ = ["main"]

_COMMAND_MODULES = ("ollama_contract.server._cli", "ollama_contract.contract._cli")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ollama-contract",
        description="Check that an Ollama server speaks the contract, or serve an offline reference Ollama.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name is None or not name.startswith(exc.name):
                raise
            continue
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    status: int = args.run(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
