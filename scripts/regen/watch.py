"""`scripts/regenerate --watch`: for whoever edits the spec, every save answered in seconds.

On each save of a watched path (by default `openapi.yaml` and everything under `codegen/`), in order:

1. the spec is parsed and validated (openapi-spec-validator); a spec that fails prints its error
   and waits for the next save, and generated_client/ is left exactly as it was;
2. the client is regenerated into a temporary folder and installed only if that succeeded;
3. the `--changes` report against HEAD is printed (on the package just installed);
4. the spec's own tests run (`tests/test_spec.py tests/test_generated.py` unless told otherwise).

Files are watched through their folders, not one by one: an editor that saves by writing a new
file and renaming it over the old one replaces the file a watch on the file itself would follow.
Folders are watched without recursion (the repository root holds .venv), each subfolder of a
watched folder on its own.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from . import changes

__all__ = ["DEFAULT_TESTS", "run"]

DEFAULT_TESTS = "tests/test_spec.py tests/test_generated.py"
IGNORED_SUFFIXES = (".swp", ".swx", "~", ".tmp", ".pyc")


def _folders(paths: Iterable[Path]) -> tuple[list[Path], Callable[[str], bool]]:
    """The folders to watch for `paths`, and a test telling whether a changed path is one of ours."""
    files: set[Path] = set()
    trees: list[Path] = []
    folders: set[Path] = set()
    for path in (p.resolve() for p in paths):
        if path.is_dir():
            trees.append(path)
            folders.add(path)
            folders.update(p for p in path.rglob("*") if p.is_dir() and "__pycache__" not in p.parts)
        else:
            files.add(path)
            folders.add(path.parent)

    def ours(changed: str) -> bool:
        path = Path(changed)
        if path.name.endswith(IGNORED_SUFFIXES) or "__pycache__" in path.parts or path.name.startswith(".#"):
            return False
        return path in files or any(path.is_relative_to(tree) for tree in trees)

    return sorted(folders), ours


def check_spec(spec: Path) -> str | None:
    """Why the spec cannot be used (it does not parse, or is not a valid OpenAPI document), or None."""
    import yaml
    from openapi_spec_validator import validate

    try:
        doc = yaml.safe_load(spec.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return f"{spec.name} does not parse: {exc}"
    if not isinstance(doc, dict):
        return f"{spec.name} is not a mapping"
    try:
        validate(doc)
    except Exception as exc:  # the validator raises several kinds, all of them meaning "invalid"
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return f"{spec.name} is not a valid OpenAPI document: {first}"
    return None


def handle(root: Path, regenerate: Callable[[], Path], tests: str) -> bool:
    """One save: validate, regenerate, report, test. False when the spec or the generator failed."""
    problem = check_spec(root / "openapi.yaml")
    if problem is not None:
        print(f"watch: {problem}", flush=True)
        print("watch: generated_client/ left as it was; waiting for the next save.", flush=True)
        return False
    try:
        package = regenerate()
    except SystemExit as exc:  # generate() exits with the generator's own message
        print(f"watch: {exc}", flush=True)
        print("watch: generated_client/ left as it was; waiting for the next save.", flush=True)
        return False
    try:
        result = changes.report(root, "HEAD", lambda out: package)
    except changes.GitError as exc:
        print(f"watch: no report ({exc})", flush=True)
    else:
        lines = result.lines()
        print(f"watch: {len(lines)} change(s) since HEAD", flush=True)
        for line in lines:
            print(line, flush=True)
    if tests.strip():
        cmd = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *shlex.split(tests)]
        proc = subprocess.run(cmd, cwd=root, capture_output=True, text=True)
        tail = (proc.stdout.strip().splitlines() or [""])[-1]
        print(f"watch: tests {'passed' if proc.returncode == 0 else 'FAILED'}: {tail}", flush=True)
        if proc.returncode != 0:
            print(proc.stdout[-4000:], flush=True)
    return True


def run(
    root: Path, paths: list[Path], regenerate: Callable[[], Path], rounds: int = 0, tests: str = DEFAULT_TESTS
) -> int:
    """Watch until interrupted (or, with rounds > 0, until that many saves were handled)."""
    import watchfiles

    folders, ours = _folders(paths)
    print(f"watch: watching {', '.join(str(p) for p in paths)} (Ctrl-C to stop)", flush=True)
    for handled, batch in enumerate(
        watchfiles.watch(
            *folders,
            watch_filter=lambda _change, path: ours(path),
            recursive=False,
            debounce=400,
            step=50,
            raise_interrupt=False,
        ),
        start=1,
    ):
        names = sorted({Path(p).name for _, p in batch})
        print(f"watch: saved {', '.join(names)}", flush=True)
        handle(root, regenerate, tests)
        if rounds and handled >= rounds:
            break
    print("watch: stopped", flush=True)
    return 0
