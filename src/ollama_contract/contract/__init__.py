"""The contract suite: schemathesis property-based, stateful and scenario tests against any Ollama.

The test modules live in contract_tests/ (shipped inside the package); this package holds what
they share and the `ollama-contract check` command that runs them.
"""

from ._runner import CheckOptions, run_check, suite_dir

__all__ = ["CheckOptions", "run_check", "suite_dir"]
