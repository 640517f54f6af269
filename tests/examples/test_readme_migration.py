"""The README's migration section: its programs are complete, pass mypy --strict and run against the reference server."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import ollama

import ollama_contract.compat as compat
from ollama_contract.server import running_server

README = Path(__file__).resolve().parents[2] / "README.md"


def section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("## Coming from the official `ollama` client")
    return text[start : text.index("\n## ", start + 1)]


def blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", section(), flags=re.S)


def test_the_programs_pass_mypy_strict(tmp_path: Path) -> None:
    found = blocks()
    assert len(found) == 2
    for i, block in enumerate(found):
        (tmp_path / f"migration_{i}.py").write_text(block, encoding="utf-8")
    cmd = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(README.parent / ".mypy_cache")]
    run = subprocess.run([*cmd, *sorted(str(p) for p in tmp_path.glob("*.py"))], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_programs_run(tmp_path: Path) -> None:
    with running_server() as url:
        outputs = []
        for i, block in enumerate(blocks()):
            program = tmp_path / f"migration_{i}.py"
            program.write_text(block, encoding="utf-8")
            run = subprocess.run(
                [sys.executable, str(program)],
                capture_output=True,
                text=True,
                env={**os.environ, "OLLAMA_HOST": url},
                timeout=120,
            )
            assert run.returncode == 0, f"{block}\n{run.stderr}"
            outputs.append(run.stdout)
    drop_in, new = outputs
    assert "404 model 'no-such-model' not found" in drop_in
    assert "Based on the tool's answer, 21 degrees" in new and "success" in new


def test_the_first_program_is_an_official_one_with_its_import_changed(tmp_path: Path) -> None:
    """Put the official import back: the same program runs on the official package and prints the same."""
    drop_in = blocks()[0]
    official = drop_in.replace("import ollama_contract.compat as ollama", "import ollama")
    assert official != drop_in
    with running_server() as url:
        env = {**os.environ, "OLLAMA_HOST": url}
        printed = []
        for name, source in (("official.py", official), ("ours.py", drop_in)):
            (tmp_path / name).write_text(source, encoding="utf-8")
            run = subprocess.run(
                [sys.executable, str(tmp_path / name)], capture_output=True, text=True, env=env, timeout=120
            )
            assert run.returncode == 0, run.stderr
            printed.append(run.stdout)
    assert printed[0] == printed[1]


def test_the_names_the_section_lists_exist() -> None:
    listed = set(re.findall(r"`([A-Za-z]+)`", section().split("What you gain")[0]))
    assert listed & set(ollama.__all__) <= set(compat.__all__)
