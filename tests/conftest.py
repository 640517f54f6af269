"""Shared test fixtures: the spec as its authors wrote it, and the wire fixtures."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import load_wire_fixtures, load_yaml_spec


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    return load_yaml_spec()


@pytest.fixture(scope="session")
def wire_fixtures() -> list[dict[str, Any]]:
    return load_wire_fixtures()
