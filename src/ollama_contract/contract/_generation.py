"""The same cases on every run: what makes hypothesis' generation depend on the process, turned off.

Hypothesis mixes into its draws the constants it finds in the source of "local" modules (those
outside site-packages and the standard library) among the modules imported so far, now and then
drawing one of them instead of a random value. Which modules those are depends on how the suite
was started and installed: a single run's process has imported the command line's modules, a
pytest-xdist worker of a fleet has not, an editable install counts as local and a wheel does not,
and a user's own modules count too. So the same derandomized test sent other requests in a fleet's
worker than in a run of its own (another load state, other stateful sequences). Without the local
constants, the cases depend only on the spec, the profile and the seed.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["warm_unicode_tables", "without_local_constants"]


def without_local_constants() -> bool:
    """Make hypothesis draw no constants from local modules; False when this hypothesis has no
    such feature (older releases did not), so there is nothing to turn off."""
    try:
        from hypothesis.internal.conjecture import providers
    except ImportError:  # pragma: no cover - hypothesis reorganised its internals
        return False
    empty = getattr(providers, "_local_constants", None)
    if empty is None or not hasattr(providers, "_get_local_constants"):
        return False
    providers._get_local_constants = lambda: empty
    return True


def warm_unicode_tables(home: Path) -> None:
    """Compute hypothesis' Unicode tables once into `home` (its cache folder for the run).

    Hypothesis builds them by asking `unicodedata` about every code point, about 1.5 s of CPU,
    the first time a run's cache folder is used. A fleet's workers share one folder
    (`<report-dir>/.hypothesis`), and the controller fills it before they start, so that four
    workers on two cores do not each spend that at once. The files are written atomically,
    so a worker that still computes them races nobody."""
    from hypothesis.configuration import set_hypothesis_home_dir
    from hypothesis.internal.charmap import charmap, intervals_from_codec

    set_hypothesis_home_dir(home)
    charmap()
    intervals_from_codec("utf-8")
