"""Pull, push and create progress: numbers you can use, and bars drawn by tqdm.

Ollama sends one line per step: a status, and for a layer being transferred its digest, `total`
bytes and `completed` bytes (left out while zero). `Progress` is one such line with the gaps
filled (`completed` 0 rather than missing) and `fraction` worked out; `progress_bars` wraps a
stream of lines, draws one bar per layer (tqdm writes to stderr and stays quiet when it is not a
terminal, unless asked) and yields each line as a `Progress`, so the caller still sees every step.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from tqdm import tqdm

__all__ = ["Progress", "aprogress_bars", "progress_bars"]


@dataclass(frozen=True, slots=True)
class Progress:
    """One progress line of a pull, push or create."""

    status: str
    digest: str | None
    completed: int
    """Bytes done so far (0 when the server left the field out)."""
    total: int | None
    """Bytes in all, for a step that transfers a layer; None for the other steps."""
    item: Any
    """The line as the stream gave it (a generated `ProgressResponse`)."""

    @property
    def fraction(self) -> float | None:
        """`completed / total` in [0, 1], or None for a step with no size."""
        if not self.total:
            return None
        return min(1.0, self.completed / self.total)

    @property
    def done(self) -> bool:
        return self.status == "success"

    @classmethod
    def of(cls, item: Any) -> Progress:
        """A `Progress` from a generated `ProgressResponse`, the official client's, or a dict."""

        def get(name: str) -> Any:
            return item.get(name) if isinstance(item, dict) else getattr(item, name, None)

        return cls(
            status=str(get("status") or ""),
            digest=_int_or_str(get("digest")),
            completed=_number(get("completed")) or 0,
            total=_number(get("total")),
            item=item,
        )


def _number(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _int_or_str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


class _Bars:
    """One tqdm bar per digest, and one line of text for the steps that move no bytes."""

    def __init__(self, **options: Any) -> None:
        self._options = {"unit": "B", "unit_scale": True, "unit_divisor": 1024, "leave": True, **options}
        self._bars: dict[str, tqdm[Any]] = {}
        self._status: str | None = None

    def show(self, step: Progress) -> None:
        if step.digest and step.total:
            bar = self._bars.get(step.digest)
            if bar is None:
                bar = self._bars[step.digest] = tqdm(total=step.total, desc=step.status, **self._options)
            bar.update(step.completed - bar.n)
        elif step.status != self._status and not self._options.get("disable"):
            tqdm.write(step.status, file=self._options.get("file"))
        self._status = step.status

    def close(self) -> None:
        for bar in self._bars.values():
            bar.close()


def progress_bars(items: Iterable[Any], **tqdm_options: Any) -> Iterator[Progress]:
    """Draw bars for a progress stream and yield each of its lines as a `Progress`.

    `tqdm_options` go to each bar (`file=`, `disable=`, `ncols=`...).
    """
    bars = _Bars(**tqdm_options)
    try:
        for item in items:
            step = Progress.of(item)
            bars.show(step)
            yield step
    finally:
        bars.close()


async def aprogress_bars(items: AsyncIterable[Any], **tqdm_options: Any) -> AsyncIterator[Progress]:
    """The async `progress_bars`."""
    bars = _Bars(**tqdm_options)
    try:
        async for item in items:
            step = Progress.of(item)
            bars.show(step)
            yield step
    finally:
        bars.close()
