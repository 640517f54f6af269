"""The server's log: lines in the key=value style of Ollama's own (Go's slog text handler).

The emulation logs through the standard `logging` module under `ollama_contract.server`, so a
program embedding the server (or a test, through pytest's `caplog`) sees the lines only if it
asks; the `serve` command sends them to stderr. One line per model load:

    time=2026-12-01T17:00:00.123Z level=INFO msg="load model" model=llama3.2:latest reason=new num_ctx=4096

`reason` is `new` (the model was not in memory) or `changed:<options>` (a load-time option
differs from the loaded runner's, so Ollama would reload it).
"""

from __future__ import annotations

import logging
import sys
import time

__all__ = ["LOGGER", "log_to_stderr"]

LOGGER = "ollama_contract.server"


class _Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        ns = int(record.created * 1e9)
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ns // 1_000_000_000))
        return f"time={stamp}.{ns // 1_000_000 % 1000:03d}Z level={record.levelname} {record.getMessage()}"


def log_to_stderr(level: int = logging.INFO) -> None:
    """Send the server's log lines to stderr, each written at once."""
    logger = logging.getLogger(LOGGER)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False
