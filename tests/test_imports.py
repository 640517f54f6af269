"""The import graph of the hand-written package: no cycle, and the runtime layer in its layers.

The graph is grimp's (the library under import-linter), built from the source with the imports
inside functions counted (a lazy import closes a cycle as surely as a top-level one) and those
under `if TYPE_CHECKING:` left out (they run for type checkers only). The generated package is
outside it: it imports nothing hand-written, which tests/test_generated.py holds.
"""

from __future__ import annotations

from collections.abc import Iterable

import grimp
import pytest

PACKAGE = "ollama_contract"

SHELLS = ("_client", "_object", "_streams", "_hooks")
"""What users (and the generated functions, through the hooks) call: they drive the stages."""
STAGES = ("_request", "_transport", "_judge", "_ndjson", "_answer")
"""One module a stage of a call: prepare, send, judge, decode (a stream) or build (a whole answer)."""
LIBRARIES = ("_validation", "_spec", "_facts", "_profiles", "_errors", "_config", "_version")
"""What the stages share: the spec as data, the compiled schemas and the checker, the errors."""


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph(PACKAGE, exclude_type_checking_imports=True)


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each a cycle's modules."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in edges.get(node, ()):
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def edges_of(graph: grimp.ImportGraph) -> dict[str, set[str]]:
    return {m: set(graph.find_modules_directly_imported_by(m)) & graph.modules for m in graph.modules}


def test_the_hand_written_package_has_no_import_cycle(graph: grimp.ImportGraph) -> None:
    found = cycles(edges_of(graph))
    assert not found, "import cycles: " + "; ".join(" <-> ".join(c) for c in found)


def test_the_cycle_finder_finds_a_planted_cycle(graph: grimp.ImportGraph) -> None:
    """The test above can fail: the same graph with one import added back that used to close a
    cycle (`_validation` importing `_judge`, as its judge_response once did) has one."""
    edges = edges_of(graph)
    edges[f"{PACKAGE}._validation"].add(f"{PACKAGE}._judge")
    assert [f"{PACKAGE}._judge", f"{PACKAGE}._validation"] in cycles(edges)
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def _imports(graph: grimp.ImportGraph, module: str, among: Iterable[str]) -> list[str]:
    direct = graph.find_modules_directly_imported_by(f"{PACKAGE}.{module}")
    return sorted(m for m in among if f"{PACKAGE}.{m}" in direct)


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_imports_no_other_stage_and_no_shell(graph: grimp.ImportGraph, stage: str) -> None:
    """A stage gets what it works on from the shell that calls it, and calls no other stage: so
    no later stage can call back into an earlier one, nor any stage into a shell."""
    assert _imports(graph, stage, [s for s in STAGES if s != stage] + list(SHELLS)) == []


@pytest.mark.parametrize("library", LIBRARIES)
def test_a_library_imports_no_stage_and_no_shell(graph: grimp.ImportGraph, library: str) -> None:
    assert _imports(graph, library, STAGES + SHELLS) == []


def test_every_runtime_module_has_its_place(graph: grimp.ImportGraph) -> None:
    """A new private module of the runtime layer must be put in its layer above, or this fails."""
    private = {m.removeprefix(f"{PACKAGE}.") for m in graph.find_children(PACKAGE)}
    private = {m for m in private if m.startswith("_") and m != "__main__"}
    assert private == set(SHELLS + STAGES + LIBRARIES)
