"""`scripts/regenerate --changes / --changelog / --ci`: the report of what a spec edit does to users.

The report has two parts, both against a git ref (default `HEAD`, the last commit):

1. the spec: `git show REF:openapi.yaml` against the work tree's `openapi.yaml` (specdiff.py);
2. the Python API: the packages committed at REF (`generated_client/ollama_api`, `src/ollama_contract`,
   extracted with `git archive`) against the package just regenerated from the work tree's spec and
   the work tree's `src/ollama_contract` (apidiff.py, griffe).

When neither `openapi.yaml` nor `codegen/` differs from REF nothing is generated and no change
line is printed. In CI (`--ci`) the ref is the previous commit, or the merge base with `main` on
another branch; a clone without that history (shallow, or no git at all) says so and skips,
since no verdict is better than a made-up one. A `breaking:` line fails CI unless
`project.version` in pyproject.toml differs from the ref's.
"""

from __future__ import annotations

import datetime
import io
import os
import subprocess
import tarfile
import tempfile
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .apidiff import borrowed, compare_borrowed, compare_packages
from .specdiff import Change, compare_specs

__all__ = ["ChangeReport", "changelog_entry", "ci", "report"]

SPEC = "openapi.yaml"
CODEGEN = "codegen"
PACKAGES = (("ollama_api", "generated_client"), ("ollama_contract", "src"))
NOT_THE_CLIENT = {"ollama_contract": ("server", "contract", "cli")}
"""Subpackages that are programs of their own (reference server, contract suite, CLI), not the client's API."""


class GitError(Exception):
    """A git command failed: the ref is unknown, or this is no git work tree."""


def git(root: Path, *args: str) -> bytes:
    proc = subprocess.run(["git", *args], cwd=root, capture_output=True)
    if proc.returncode != 0:
        raise GitError(proc.stderr.decode("utf-8", "replace").strip() or f"git {' '.join(args)} failed")
    return proc.stdout


def _exists(root: Path, ref: str, path: str) -> bool:
    return bool(git(root, "ls-tree", "--name-only", ref, "--", path).strip())


def _spec_at(root: Path, ref: str) -> tuple[bytes, dict[str, Any]]:
    import yaml

    if not _exists(root, ref, SPEC):
        return b"", {}
    raw = git(root, "show", f"{ref}:{SPEC}")
    doc = yaml.safe_load(raw)
    return raw, doc if isinstance(doc, dict) else {}


def _tree_id(root: Path, ref: str, path: str) -> str:
    return git(root, "rev-parse", f"{ref}:{path}").decode().strip() if _exists(root, ref, path) else ""


def _codegen_changed(root: Path, ref: str) -> bool:
    """Does the work tree's codegen/ differ from REF's (committed or not, new files included)?"""
    if git(root, "status", "--porcelain", "--untracked-files=all", "--", CODEGEN).strip():
        return True
    return _tree_id(root, ref, CODEGEN) != _tree_id(root, "HEAD", CODEGEN)


def _extract(root: Path, ref: str, dest: Path) -> Path:
    """The ref's copy of every package folder, under dest (as `git archive` writes it)."""
    paths = [f"{parent}/{name}" for name, parent in PACKAGES if _exists(root, ref, f"{parent}/{name}")]
    if paths:
        data = git(root, "archive", "--format=tar", ref, "--", *paths)
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            tar.extractall(dest, filter="data")
    return dest


class ChangeReport:
    """The changes since a ref, the spec's first."""

    def __init__(self, ref: str, spec: list[Change], api: list[Change], touched: bool) -> None:
        self.ref = ref
        self.spec = spec
        self.api = api
        self.touched = touched
        """True when the spec or codegen/ differs from the ref at all (even by a comment)."""

    @property
    def all(self) -> list[Change]:
        return self.spec + self.api

    @property
    def breaking(self) -> bool:
        return any(c.breaking for c in self.all)

    def lines(self) -> list[str]:
        api = [f"{'breaking' if c.breaking else 'compatible'}: python {c.where}: {c.what}" for c in self.api]
        return [str(c) for c in self.spec] + api


def report(root: Path, ref: str, generate: Callable[[Path], Path]) -> ChangeReport:
    """Compare the work tree with `ref`; `generate(out)` regenerates the package into out/ and
    returns the package folder."""
    import yaml

    git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    old_raw, old_doc = _spec_at(root, ref)
    new_raw = (root / SPEC).read_bytes()
    touched = old_raw != new_raw or _codegen_changed(root, ref)
    if not touched:
        return ChangeReport(ref, [], [], False)
    new_doc = yaml.safe_load(new_raw)
    spec = compare_specs(old_doc, new_doc) if old_raw != new_raw else []
    api: list[Change] = []
    with tempfile.TemporaryDirectory(prefix="regenerate-changes-") as tmp:
        fresh = generate(Path(tmp) / "new")
        old = _extract(root, ref, Path(tmp) / "old")
        roots = {
            name: (old / parent, fresh.parent if name == fresh.name else root / parent) for name, parent in PACKAGES
        }
        for name, (old_root, new_root) in roots.items():
            api += compare_packages(name, old_root, new_root, NOT_THE_CLIENT.get(name, ()))
        # The client object's methods live in a private module of the generated package.
        client, generated = roots["ollama_contract"], roots["ollama_api"]
        paths = borrowed("ollama_contract", client[0], "ollama_api") | borrowed(
            "ollama_contract", client[1], "ollama_api"
        )
        api += compare_borrowed(paths, "ollama_api", *generated)
    api = sorted(dict.fromkeys(api), key=lambda c: (not c.breaking, c.where, c.what))
    return ChangeReport(ref, spec, api, True)


def version_at(root: Path, ref: str | None) -> str | None:
    """`project.version` of pyproject.toml, at a ref or (None) in the work tree."""
    try:
        text = git(root, "show", f"{ref}:pyproject.toml") if ref else (root / "pyproject.toml").read_bytes()
    except (GitError, OSError):
        return None
    version = tomllib.loads(text.decode("utf-8")).get("project", {}).get("version")
    return str(version) if version is not None else None


def changelog_entry(result: ChangeReport, version: str | None, day: datetime.date | None = None) -> str:
    """A Markdown entry for CHANGELOG.md: the version and date, then the breaking and the compatible changes."""
    day = day or datetime.datetime.now(datetime.UTC).date()
    out = [f"## {version or 'unreleased'} ({day.isoformat()})", "", f"Changes to `openapi.yaml` since `{result.ref}`."]
    for title, breaking in (("Breaking", True), ("Compatible", False)):
        spec = [c for c in result.spec if c.breaking is breaking]
        api = [c for c in result.api if c.breaking is breaking]
        if not spec and not api:
            continue
        out += ["", f"### {title}", ""]
        out += [f"- `{c.where}`: {c.what}" for c in spec]
        out += [f"- Python `{c.where}`: {c.what}" for c in api]
    if not result.all:
        out += ["", "No change that users can see."]
    return "\n".join(out) + "\n"


def ci_base(root: Path) -> tuple[str | None, str]:
    """The ref CI compares with, or None and why not."""
    try:
        git(root, "rev-parse", "--git-dir")
    except (GitError, OSError) as exc:
        return None, f"not a git work tree ({exc})"
    if explicit := os.environ.get("REGENERATE_BASE"):
        return explicit, f"REGENERATE_BASE={explicit}"
    shallow = git(root, "rev-parse", "--is-shallow-repository").decode().strip() == "true"
    branch = git(root, "rev-parse", "--abbrev-ref", "HEAD").decode().strip()
    if branch not in ("main", "HEAD"):
        try:
            base = git(root, "merge-base", "HEAD", "main").decode().strip()
            if base and base != git(root, "rev-parse", "HEAD").decode().strip():
                return base, f"the merge base with main ({base[:12]})"
        except GitError:
            pass
    try:
        parent = git(root, "rev-parse", "--verify", "--quiet", "HEAD~1^{commit}").decode().strip()
    except GitError:
        parent = ""
    if not parent:
        why = "a shallow clone without the previous commit" if shallow else "the first commit, with no previous one"
        return None, why
    return parent, f"the previous commit ({parent[:12]})"


def ci(root: Path, generate: Callable[[Path], Path], say: Callable[[str], None] = print) -> int:
    """CI's gate: print the report when the spec or codegen/ changed; 1 on an unversioned breaking change."""
    base, why = ci_base(root)
    if base is None:
        say(f"regenerate --ci: skipped, {why}: there is nothing to compare the spec with.")
        return 0
    result = report(root, base, generate)
    if not result.touched:
        say(f"regenerate --ci: openapi.yaml and codegen/ are as in {why}.")
        return 0
    say(f"regenerate --ci: what the change to the spec or codegen/ does to users, since {why}:")
    for line in result.lines() or ["(no change that users can see)"]:
        say(f"  {line}")
    old, new = version_at(root, base), version_at(root, None)
    if result.breaking and old == new:
        say(f"regenerate --ci: a breaking change without a new version: project.version is still {new}.")
        say("Bump `version` in pyproject.toml, and add the entry `scripts/regenerate --changelog` drafts")
        say("to CHANGELOG.md.")
        return 1
    if result.breaking:
        say(f"regenerate --ci: breaking, and the version moved from {old} to {new}: fine.")
    return 0
