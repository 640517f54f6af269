"""The official client's own examples, and the nine everyday tasks, run with the official package and with only their import changed to ours.

Every program that needs no network beyond the reference server and nothing the server lacks
must behave the same both ways, each run against a reference server of its own, started fresh:
if it runs with the official client it runs with ours and prints the same stdout, line for line,
and if it fails, ours fails with the same message. Two things may differ, and are named here:

- the examples whose tools answer with `random` (TOOLS), which must still run and print;
- wall-clock times: each fresh server makes its models when it starts and stamps each answer
  when it sends it, so the digits differ from run to run; their form (`2026-12-05 21:42:24.205863+00:00`
  for a `datetime`, `...T...Z` for the wire text) must not.

The server renders tools as Ollama does (Go's field order, what Go drops dropped), so the tool
schemas the two clients write in different key orders get the same answers. The examples are
read from the mirror of the official repository (they are its code, so they are not copied into
this one); the tasks are `examples/tasks/*/official.py`.
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from ollama_contract.server import running_server

MIRROR = Path("/work/.mirror/ollama+ollama-python/repo")
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAfbLI3wAAAABJRU5ErkJggg=="
)
# They call ollama.com (web search and fetch, cloud models), or need an MCP server.
NOT_OFFLINE = {"web-search.py", "web-search-gpt-oss.py", "web-search-mcp.py", "web_search_gpt_oss_helper.py"}
# Their tools answer with `random` (multi-tool.py also picks its prompt so), so their runs differ by design.
TOOLS = {"gpt-oss-tools.py", "gpt-oss-tools-stream.py", "multi-tool.py"}
# They print a call's arguments, and print nothing random: the server's call and its answer after
# the call must be the same both ways (see the test of that below).
CALLS = {"async-tools.py", "tools.py"}
TASKS = Path(__file__).parents[2] / "examples" / "tasks"
# Sends an option of the wrong type: the official client gets the server's 500, the drop-in refuses
# it before sending (a 400 that is a RequestError, a ResponseError and a ContractViolation), as the
# README's table of differences says. Every other line must match.
REFUSED = {"task-errors.py": "bad option:"}
# Examples name models the catalogue lacks; the server gets them as copies of models that can do the same.
ALIASES = {"gemma3": "llava", "gpt-oss:20b": "qwen3"}


def _examples() -> dict[str, str]:
    if not (MIRROR / "HEAD").exists() and not (MIRROR / ".git").exists():
        return {}
    names = subprocess.run(
        ["git", "-C", str(MIRROR), "ls-tree", "--name-only", "HEAD", "examples/"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return {
        Path(name).name: subprocess.run(
            ["git", "-C", str(MIRROR), "show", f"HEAD:{name}"], capture_output=True, text=True, check=True
        ).stdout
        for name in names
        if name.endswith(".py") and Path(name).name not in NOT_OFFLINE
    }


EXAMPLES = _examples()
pytestmark = pytest.mark.skipif(not EXAMPLES, reason="no mirror of the official client's repository here")
PROGRAMS = {
    **EXAMPLES,
    **{f"task-{path.parent.name}.py": path.read_text() for path in sorted(TASKS.glob("*/official.py"))},
}


def ours(source: str) -> str:
    """The example with its import of `ollama` changed to this package's drop-in module, and nothing else."""
    changed = re.sub(r"^from ollama(\._types)? import", "from ollama_contract.compat import", source, flags=re.M)
    changed = re.sub(r"^import ollama$", "import ollama_contract.compat as ollama", changed, flags=re.M)
    assert changed != source
    return changed


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    made = tmp_path_factory.mktemp("examples")
    (made / "dot.png").write_bytes(PNG)
    return made


def run(folder: Path, name: str, source: str) -> tuple[int, str, str]:
    """One program against a reference server of its own, started for it and stopped after. Its
    models live in a folder named after the program, made afresh, so that both runs of a program
    see the same paths (`show.py` prints the model's blob path)."""
    import ollama

    path = folder / name
    path.write_text(source)
    data = folder / "data" / name.removeprefix("ours_")
    shutil.rmtree(data, ignore_errors=True)
    with running_server(models="all", data_dir=data) as url:
        with ollama.Client(host=url) as client:
            for alias, model in ALIASES.items():
                client.copy(model, alias)
        result = subprocess.run(
            [sys.executable, str(path), str(folder / "dot.png")],  # the tasks read the image path here
            env={**os.environ, "OLLAMA_HOST": url},
            capture_output=True,
            text=True,
            timeout=120,
            cwd=folder,
            input=f"{folder / 'dot.png'}\nexit\n",  # the examples that ask for an image path, then a question
        )
    last = result.stderr.strip().splitlines()[-1:] or [""]
    # The exception's message without its class: ours are also this package's typed errors.
    return result.returncode, result.stdout, last[0].split(": ", 1)[-1]


def refused(outcome: tuple[int, str, str]) -> tuple[int, str, str]:
    """The outcome without the line that the drop-in's request check changes on purpose."""
    code, out, err = outcome
    kept = [line for line in out.splitlines() if not any(line.startswith(p) for p in REFUSED.values())]
    assert len(kept) == len(out.splitlines()) - 1, out
    return code, "\n".join(kept), err


TIME = re.compile(r"\d{4}-\d\d-\d\d([T ])\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?")


def clock_free(text: str) -> str:
    """Each timestamp's digits masked, its form kept: separator, whether it has a fraction, its zone."""

    def form(found: re.Match[str]) -> str:
        zone = found.group(3) or ""
        return f"YYYY-MM-DD{found.group(1)}hh:mm:ss{'.f' if found.group(2) else ''}{zone if zone == 'Z' else zone[:1] + 'hh:mm' if zone else ''}"

    return TIME.sub(form, text)


@pytest.fixture(scope="module")
def outcomes(folder: Path) -> dict[str, tuple[tuple[int, str, str], tuple[int, str, str]]]:
    """Every program run both ways, a few at a time (each is a Python process waiting on its server)."""

    def both(name: str) -> tuple[tuple[int, str, str], tuple[int, str, str]]:
        return run(folder, name, PROGRAMS[name]), run(folder, f"ours_{name}", ours(PROGRAMS[name]))

    with ThreadPoolExecutor(max_workers=3) as pool:
        return dict(zip(PROGRAMS, pool.map(both, PROGRAMS), strict=True))


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_an_official_example_behaves_the_same_after_one_import_changes(
    outcomes: dict[str, tuple[tuple[int, str, str], tuple[int, str, str]]], name: str
) -> None:
    official, mine = outcomes[name]
    assert mine[0] == official[0], f"official: {official}\nours: {mine}"
    if name in REFUSED:
        mine, official = refused(mine), refused(official)
    if official[0] != 0:
        assert mine[2] == official[2]
    elif name in TOOLS:
        assert mine[1].strip() and official[1].strip()
    else:
        assert clock_free(mine[1]).splitlines() == clock_free(official[1]).splitlines()


def test_most_examples_run_offline(outcomes: dict[str, tuple[tuple[int, str, str], tuple[int, str, str]]]) -> None:
    """Not a vacuous pass: the bulk of the official examples really run, both ways, against the reference server."""
    ran = sorted(name for name, (official, mine) in outcomes.items() if official[0] == mine[0] == 0)
    assert len(ran) >= 29, ran
    assert {f"task-{path.parent.name}.py" for path in TASKS.glob("*/official.py")} <= set(ran)


@pytest.mark.parametrize("name", sorted(CALLS & set(EXAMPLES)))
def test_the_call_and_the_answer_after_it_are_the_same_both_ways(
    outcomes: dict[str, tuple[tuple[int, str, str], tuple[int, str, str]]], name: str
) -> None:
    """The tool schemas the two clients write differ in key order only; Ollama re-marshals them,
    so the call, its arguments (a dict both ways), the function's output and the final answer
    are the same."""
    official, mine = outcomes[name]
    assert official[0] == mine[0] == 0, (official, mine)
    assert any(line.startswith("Final response:") for line in official[1].splitlines()), official[1]
    assert any(line.startswith("Arguments: {") for line in official[1].splitlines()), official[1]
    assert mine[1].splitlines() == official[1].splitlines()


def test_the_comparison_sees_a_changed_time_form_and_a_changed_line() -> None:
    """The masking keeps what the issue was about: a datetime printed as wire text differs."""
    assert clock_free("Modified at: 2026-12-05 21:42:24.205863+00:00") == clock_free(
        "Modified at: 2027-01-01 01:02:03.000001+00:00"
    )
    assert clock_free("Modified at: 2026-12-05 21:42:24.205863+00:00") != clock_free(
        "Modified at: 2026-12-05T21:42:33.371052125Z"
    )
    assert clock_free("Arguments: {'a': 1}") != clock_free(
        "Arguments: ToolCallArguments(additional_properties={'a': 1})"
    )
