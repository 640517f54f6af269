"""Users' code type-checks as written: every README Python example and every example program,
under `mypy --strict` and pyright's strict mode (basedpyright, the PyPI build that brings its own
Node and runs offline), with no narrowing of the fields every program reads.

Each program is copied under a name of its own (`tasks_tool_ours.py`), so that the two checkers
see separate scripts, not nine modules all named `ours`. Two kinds are held to another rule:

- `examples/tasks/*/official.py` are the official client's versions, kept for the comparison of
  line counts and outputs; they are checked by neither (four of the nine fail `mypy --strict` as
  the official client's users write them).
- A program on `ollama_contract.compat` is typed by the official package's own signatures, on
  purpose (it is the drop-in): it must get from pyright exactly what the same program with
  `import ollama` gets (the official `chat` is "partially unknown" to pyright's strict mode, as
  its `tools` take a bare `Callable`), and pass `mypy --strict` as it does.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
README = ROOT / "README.md"
EXAMPLES = sorted(path for path in (ROOT / "examples").rglob("*.py") if path.name != "official.py")
COMPAT = "import ollama_contract.compat as ollama\n"
BASEDPYRIGHT = Path(sys.executable).parent / "basedpyright"


def readme_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)


@pytest.fixture(scope="module")
def programs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("programs")
    for i, block in enumerate(readme_blocks()):
        if COMPAT not in block:
            (folder / f"readme_{i:02d}.py").write_text(block, encoding="utf-8")
    for path in EXAMPLES:
        name = "_".join(path.relative_to(ROOT / "examples").with_suffix("").parts)
        shutil.copyfile(path, folder / f"{name}.py")
    return folder


def test_the_programs_are_collected(programs: Path) -> None:
    assert len(readme_blocks()) >= 11
    assert len(EXAMPLES) >= 9  # the nine everyday tasks, at least
    compat = [block for block in readme_blocks() if COMPAT in block]
    assert len(list(programs.glob("*.py"))) == len(readme_blocks()) - len(compat) + len(EXAMPLES)


def test_mypy_strict(programs: Path) -> None:
    cmd = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(ROOT / ".mypy_cache")]
    run = subprocess.run([*cmd, *sorted(map(str, programs.glob("*.py")))], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def pyright(folder: Path) -> subprocess.CompletedProcess[str]:
    config = {"typeCheckingMode": "strict", "pythonVersion": "3.11", "include": ["."]}
    (folder / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    return subprocess.run(
        [str(BASEDPYRIGHT), "--pythonpath", sys.executable, "--project", str(folder)],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=600,
    )


def test_pyright_strict(programs: Path) -> None:
    run = pyright(programs)
    assert run.returncode == 0, run.stdout + run.stderr


def test_compat_programs_type_as_with_the_official_package(tmp_path: Path) -> None:
    blocks = [block for block in readme_blocks() if COMPAT in block]
    assert blocks
    for i, block in enumerate(blocks):
        for name, text in (("compat", block), ("official", block.replace(COMPAT, "import ollama\n"))):
            (tmp_path / name).mkdir(exist_ok=True)
            (tmp_path / name / f"program_{i}.py").write_text(text, encoding="utf-8")
    found = {}
    for name in ("compat", "official"):
        run = pyright(tmp_path / name)
        found[name] = sorted(re.findall(r"program_\d+\.py:(\d+:\d+ - .*)", run.stdout))
        mypy = subprocess.run([sys.executable, "-m", "mypy", "--strict", str(tmp_path / name)], capture_output=True)
        assert mypy.returncode == 0, mypy.stdout
    assert found["compat"] == found["official"]


def test_a_wrong_program_fails_both(tmp_path: Path) -> None:
    """The checks above can fail: a program that reads a field the answer does not have."""
    (tmp_path / "wrong.py").write_text(
        "from ollama_contract import Ollama\n\nprint(Ollama().list().models[0].no_such_field)\n", encoding="utf-8"
    )
    mypy = subprocess.run([sys.executable, "-m", "mypy", "--strict", str(tmp_path / "wrong.py")], capture_output=True)
    (tmp_path / "pyrightconfig.json").write_text(json.dumps({"typeCheckingMode": "strict"}), encoding="utf-8")
    pyright = subprocess.run(
        [str(BASEDPYRIGHT), "--pythonpath", sys.executable, "--project", str(tmp_path)],
        capture_output=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert mypy.returncode != 0 and pyright.returncode != 0
