"""`scripts/regenerate --ci`: the report when the spec changed, and the version gate on breaking changes."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from conftest import dump, git, load, regenerate


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "REGENERATE_BASE"}


def test_a_breaking_commit_fails_until_the_version_moves(scratch: Path) -> None:
    head = git(scratch, "rev-parse", "HEAD").strip()
    spec_path, pyproject = scratch / "openapi.yaml", scratch / "pyproject.toml"
    try:
        git(scratch, "commit", "-q", "--allow-empty", "-m", "a commit that leaves the spec alone")
        assert "are as in" in regenerate(scratch, "--ci", env=_env()).stdout
        doc = load(spec_path)
        del doc["components"]["schemas"]["GenerateResponse"]["allOf"][0]["properties"]["thinking"]
        dump(spec_path, doc)
        git(scratch, "commit", "-qam", "remove a response field")
        failed = regenerate(scratch, "--ci", env=_env())
        assert failed.returncode == 1, failed.stdout + failed.stderr
        assert "breaking: GenerateResponse (response).thinking: field removed" in failed.stdout
        assert "without a new version" in failed.stdout
        text = pyproject.read_text(encoding="utf-8")
        pyproject.write_text(re.sub(r'(?m)^version = ".*"$', 'version = "9.0.0"', text, count=1), encoding="utf-8")
        git(scratch, "commit", "-qam", "a new version")
        # The previous commit is now the bump itself; compare with the commit before the change.
        passed = regenerate(scratch, "--ci", env=dict(_env(), REGENERATE_BASE=head))
        assert passed.returncode == 0, passed.stdout + passed.stderr
        assert "version moved" in passed.stdout
    finally:
        git(scratch, "reset", "-q", "--hard", head)


def test_a_shallow_clone_skips_with_a_reason(scratch: Path, tmp_path: Path) -> None:
    head = git(scratch, "rev-parse", "HEAD").strip()
    git(scratch, "commit", "-q", "--allow-empty", "-m", "a second commit")
    clone = tmp_path / "shallow"
    try:
        subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{scratch}", str(clone)], check=True)
    finally:
        git(scratch, "reset", "-q", "--hard", head)
    result = regenerate(clone, "--ci", env=_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "skipped, a shallow clone" in result.stdout
