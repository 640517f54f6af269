"""Progress that shows a run is alive: against a slow server one operation can take minutes.

In a terminal one live line (rich) shows the test running now, the cases it has sent, its
failures and its time, with the run's totals; each finished test leaves a line above it. When
the output is not a terminal (CI logs), the same line is printed every `interval` seconds, so a
hung run and a working one no longer look the same.
"""

from __future__ import annotations

import sys
import threading
import time
from typing import IO, Any

from ._report import Recorder, TestRecord

__all__ = ["Progress", "describe"]


def _duration(seconds: float) -> str:
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes}m{rest:02d}s" if minutes else f"{seconds:.0f}s"


def describe(record: TestRecord, status: str) -> str:
    cases = sum(dict(record.cases).values())
    failures = f"{record.failures} failure" + ("" if record.failures == 1 else "s")
    return f"{status:<8} {record.phase:<9} {record.name}: {cases} cases, {failures}, {_duration(record.elapsed())}"


class Progress:
    def __init__(self, recorder: Recorder, mode: str, stream: IO[str] | None = None, interval: float = 15.0) -> None:
        self.recorder = recorder
        self.stream = stream or sys.stdout
        if mode == "auto":
            mode = "live" if self.stream.isatty() else "plain"
        self.mode = mode
        self.interval = interval
        self.started = time.monotonic()
        self._live: Any = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last = ""

    def _totals(self) -> str:
        cases = sum(dict(self.recorder.cases).values())
        failures = len(self.recorder.findings)
        return f"run: {cases} cases, {failures} failures, {_duration(time.monotonic() - self.started)}"

    def line(self) -> str:
        try:
            record = self.recorder.current
            now = describe(record, "running") if record is not None else "between tests"
            self._last = f"{now}  |  {self._totals()}"
        except RuntimeError:  # a counter grew while it was read: show the previous line
            pass
        return self._last

    def start(self) -> None:
        if self.mode == "live":
            from rich.console import Console
            from rich.live import Live
            from rich.text import Text

            console = Console(file=self.stream)
            self._live = Live(
                get_renderable=lambda: Text(self.line(), no_wrap=True, overflow="ellipsis"),
                console=console,
                refresh_per_second=2,
            )
            self._live.start()
        elif self.mode == "plain":
            self._thread = threading.Thread(target=self._tick, name="contract-progress", daemon=True)
            self._thread.start()

    def _tick(self) -> None:
        while not self._stop.wait(self.interval):
            if self.recorder.current is not None:
                self.print(self.line())

    def print(self, text: str) -> None:
        if self._live is not None:
            self._live.console.print(text, markup=False, highlight=False)
        elif self.mode != "off":
            self.stream.write(text + "\n")
            self.stream.flush()

    def finished(self, record: TestRecord) -> None:
        self.print(describe(record, record.outcome))

    def stop(self) -> None:
        self._stop.set()
        if self._live is not None:
            self._live.stop()
            self._live = None
