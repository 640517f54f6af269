"""How fast the emulated model works: instantly (the default) or at the pace of a real one.

With an instant pace, answers report plausible durations and take none. With a real pace, a
load, the prompt's evaluation and every token take the time the answer then reports (measured,
not computed), and streamed lines leave at that pace: what a user needs to see their own
timeouts, deadlines and progress displays at work without a GPU.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

__all__ = ["INSTANT", "PACES", "Pace", "sleep_until"]

PACES = ("instant", "real")


@dataclass(frozen=True)
class Pace:
    real: bool = False
    token_rate: float = 50.0
    """Tokens generated per second (a small model on a laptop CPU)."""
    prompt_rate: float = 2000.0
    """Prompt tokens evaluated per second."""
    load_seconds: float = 1.25
    """How long loading a model takes."""

    def __post_init__(self) -> None:
        if self.token_rate <= 0 or self.prompt_rate <= 0 or self.load_seconds < 0:
            raise ValueError("token and prompt rates must be positive and the load time not negative")

    @classmethod
    def named(
        cls,
        name: str,
        *,
        token_rate: float | None = None,
        prompt_rate: float | None = None,
        load_seconds: float | None = None,
    ) -> Pace:
        """A pace by its name ("instant" or "real"); None keeps a default."""
        if name not in PACES:
            raise ValueError(f"unknown pace {name!r}; choose one of: {', '.join(PACES)}")
        base = cls()
        return cls(
            real=name == "real",
            token_rate=base.token_rate if token_rate is None else token_rate,
            prompt_rate=base.prompt_rate if prompt_rate is None else prompt_rate,
            load_seconds=base.load_seconds if load_seconds is None else load_seconds,
        )


INSTANT = Pace()


async def sleep_until(moment: float) -> None:
    """Wait until `time.monotonic()` reaches `moment` (at once if it has)."""
    delay = moment - time.monotonic()
    if delay > 0:
        await asyncio.sleep(delay)
