"""The generated fast `from_dict` (codegen/templates/model.py.jinja) builds what upstream's builds.

Upstream's from_dict stays in every model as `_from_dict`; tests/test_generated.py compares both
on the spec's examples and fixtures. Here they are compared on hypothesis-generated instances of
every schema, and on dicts with unknown keys, which must take upstream's path.
"""

from __future__ import annotations

from typing import Any

import attrs
import ollama_api.models
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import instances

from ollama_contract._spec import load_spec

ALL_MODELS = sorted(
    (cls for cls in vars(ollama_api.models).values() if isinstance(cls, type) and attrs.has(cls)),
    key=lambda c: c.__name__,
)
SCHEMAS = load_spec()["components"]["schemas"]
MODELS = [cls for cls in ALL_MODELS if cls.__name__ in SCHEMAS]


def same(cls: type[Any], value: Any) -> None:
    try:
        expected = cls._from_dict(value)
    except Exception as exc:  # upstream refuses it: the fast path must refuse it the same way
        with pytest.raises(type(exc)):
            cls.from_dict(value)
        return
    built = cls.from_dict(value)
    assert type(built) is cls
    assert built == expected
    assert built.to_dict() == expected.to_dict()
    assert repr(built) == repr(expected)


@pytest.mark.parametrize("cls", MODELS, ids=lambda c: c.__name__)
def test_from_dict_equals_upstreams_on_generated_instances(cls: type[Any]) -> None:
    schema = SCHEMAS[cls.__name__]

    @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), database=None, derandomize=True)
    @given(
        value=instances(load_spec(), schema, noise=False)
        | st.dictionaries(st.text(max_size=4), st.integers(), max_size=2)
    )
    def check(value: Any) -> None:
        if isinstance(value, dict):
            same(cls, value)

    check()


def test_an_instance_holds_only_the_fields_it_was_given() -> None:
    """A chunk built from 4 keys stores 4 (its additional properties, and the mark that it was
    read from JSON): the other 17 fields read their zero value or UNSET from the class, and
    setting one stores it on that instance alone."""
    from ollama_api.models import GenerateResponse
    from ollama_api.types import UNSET, parse_time

    line = {"model": "m", "created_at": "2025-01-01T00:00:00Z", "done": False, "response": "hi"}
    first, second = GenerateResponse.from_dict(line), GenerateResponse.from_dict(line)
    assert set(vars(first)) == {*line, "additional_properties", "_from_wire"}
    assert first.thinking == "" and first.context == [] and first.image is UNSET
    first.thinking = "hmm"
    first.context.append(1)  # a zero list is made on first read, for this instance
    first.additional_properties["x"] = 1
    assert second.thinking == "" and second.context == [] and second.additional_properties == {}
    assert GenerateResponse.thinking == ""
    assert first != second and second == GenerateResponse(
        model="m", created_at=parse_time(line["created_at"]), done=False, response="hi"
    )
    line["response"] = "changed"  # the instance holds a copy of the dict it was built from
    assert second.response == "hi"
    assert first.to_dict() == {**line, "response": "hi", "thinking": "hmm", "context": [1], "x": 1}


def test_renamed_and_unknown_keys() -> None:
    from ollama_api.models import GenerateResponse

    line = {
        "model": "m",
        "created_at": "2025-01-01T00:00:00Z",
        "done": False,
        "_debug_info": {"image_count": 1},
    }
    built = GenerateResponse.from_dict(line)
    assert built.field_debug_info.image_count == 1
    assert "_debug_info" not in vars(built)
    extra = GenerateResponse.from_dict({**line, "new_field": 1})
    assert extra.additional_properties == {"new_field": 1}
    assert GenerateResponse.from_dict({**line, "field_debug_info": 5}).additional_properties["field_debug_info"] == 5
