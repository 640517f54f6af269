"""The nine everyday tasks of issue 9, written with the official client and with this one, run against the reference server.

For every task: both programs run and print what the task asks for; ours is no longer than the
official one (non-blank, non-comment lines); ours passes `mypy --strict` with no `isinstance`,
no `assert`, no `cast` and no `type: ignore` to get there. Where both send the same request, the
reference server (deterministic) answers the same, so both print the same.
"""

from __future__ import annotations

import ast
import base64
import os
import runpy
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ollama_contract.server import running_server

ROOT = Path(__file__).parents[2]
TASKS = ROOT / "examples" / "tasks"
NAMES = sorted(path.name for path in TASKS.iterdir() if (path / "ours.py").exists())
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAfbLI3wAAAABJRU5ErkJggg=="
)

# What each task must print (both versions), beyond running to the end.
EXPECTED = {
    "seed": ["same answer: True"],
    "chat_history": ["4 messages"],
    "tool": ["Based on the tool's answer, 21 degrees"],
    "structured": [],
    "image": ["image"],
    "embed": ["The sea is blue.", "I like trains."],
    "models": ["success", "tinyllama:latest", "llama", "False"],
    "errors": ["unknown model:", "server down:", "bad option:"],
    "async_chats": ["sky"],
}
# Tasks whose two versions send the very same requests, so the deterministic server answers alike.
SAME_REQUESTS = ["seed", "chat_history", "image", "embed", "async_chats"]


LINES = runpy.run_path(str(ROOT / "scripts" / "task_lines"))
code_lines = LINES["code_lines"]


def test_the_readme_table_is_what_the_script_counts() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"{LINES['BEGIN']}\n{LINES['table']()}{LINES['END']}" in readme, "run scripts/task_lines --write"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    image = tmp_path_factory.mktemp("image") / "dot.png"
    image.write_bytes(PNG)
    with running_server() as url:
        yield url, image


def run(server: tuple[str, Path], task: str, version: str) -> str:
    url, image = server
    env = {**os.environ, "OLLAMA_HOST": url, "PYTHONWARNINGS": "error::ResourceWarning"}
    result = subprocess.run(
        [sys.executable, str(TASKS / task / f"{version}.py"), str(image)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, f"{task}/{version}.py failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def test_all_nine_tasks_are_here() -> None:
    assert sorted(EXPECTED) == NAMES
    assert all((TASKS / name / "official.py").exists() for name in NAMES)


@pytest.mark.parametrize("task", NAMES)
def test_both_versions_run_and_do_the_task(server: tuple[str, Path], task: str) -> None:
    official, ours = run(server, task, "official"), run(server, task, "ours")
    for needle in EXPECTED[task]:
        assert needle in official and needle in ours
    if task in SAME_REQUESTS:
        assert ours == official
    else:
        assert ours.strip()


@pytest.mark.parametrize("task", NAMES)
def test_ours_is_no_longer_than_the_official(task: str) -> None:
    official, ours = code_lines(TASKS / task / "official.py"), code_lines(TASKS / task / "ours.py")
    print(f"{task}: official {official}, ours {ours}")
    assert ours <= official


@pytest.mark.parametrize("task", NAMES)
def test_ours_needs_no_narrowing(task: str) -> None:
    source = (TASKS / task / "ours.py").read_text()
    tree = ast.parse(source)
    assert not [node for node in ast.walk(tree) if isinstance(node, ast.Assert)]
    called = {node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    assert not called & {"isinstance", "cast"}
    assert "type: ignore" not in source


def test_ours_pass_mypy_strict() -> None:
    files = [str(TASKS / name / "ours.py") for name in NAMES]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--explicit-package-bases",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            *files,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_line_counter_counts_what_it_should(tmp_path: Path) -> None:
    program = tmp_path / "p.py"
    program.write_text('# a comment\n\nimport os  # trailing\n"""doc\n\nstring"""\nx = "# not a comment"\n')
    assert code_lines(program) == 4
