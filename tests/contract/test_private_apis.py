"""The private parts of dependencies that the fleet run leans on, checked on the installed releases.

`contract/_generation.py` turns off hypothesis' local constants (`providers._get_local_constants`),
and `contract/_fleet.py` starts a waiting target's worker with xdist's own node manager
(`DSession._active_nodes`, `NodeManager.setup_node`). pyproject.toml pins the ranges they were
checked on (hypothesis 6.170, pytest-xdist 3.8); a release that moves them fails here, by name,
rather than as a fleet whose columns drift or whose waiting targets never start.
"""

from __future__ import annotations

import inspect


def test_hypothesis_still_draws_local_constants_through_the_patched_function() -> None:
    from hypothesis.internal.conjecture import providers

    from ollama_contract.contract._generation import without_local_constants

    assert callable(providers._get_local_constants)
    assert hasattr(providers, "_local_constants")
    source = inspect.getsource(providers)
    assert "_get_local_constants()" in source  # still called where the constants are drawn
    before = providers._get_local_constants
    try:
        assert without_local_constants() is True
        assert providers._get_local_constants() is providers._local_constants
    finally:
        providers._get_local_constants = before


def test_xdist_still_has_the_node_manager_the_fleet_uses() -> None:
    from xdist.dsession import DSession
    from xdist.workermanage import NodeManager

    assert "self._active_nodes" in inspect.getsource(DSession)
    assert list(inspect.signature(NodeManager.setup_node).parameters)[:3] == ["self", "spec", "putevent"]
