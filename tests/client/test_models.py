"""The fast builder makes objects equal to the generated from_dict's, or falls back to from_dict."""

from __future__ import annotations

from typing import Any

import attrs
import ollama_api.models
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import instances
from wire import FIXTURES

from ollama_contract._models import builder_for
from ollama_contract._spec import load_spec, model_for, operations

ALL_MODELS = sorted(
    (cls for cls in vars(ollama_api.models).values() if isinstance(cls, type) and attrs.has(cls)),
    key=lambda c: c.__name__,
)
SCHEMAS = load_spec()["components"]["schemas"]
MODELS = [cls for cls in ALL_MODELS if cls.__name__ in SCHEMAS]
INLINE = [cls for cls in ALL_MODELS if cls.__name__ not in SCHEMAS]


def same(cls: type[Any], value: Any) -> None:
    try:
        expected = cls.from_dict(value)
    except Exception as exc:  # the generated code refuses it: the builder must refuse it the same way
        with pytest.raises(type(exc)):
            builder_for(cls)(value)
        return
    built = builder_for(cls)(value)
    assert type(built) is cls
    assert built == expected
    assert built.to_dict() == expected.to_dict()


@pytest.mark.parametrize("cls", MODELS, ids=lambda c: c.__name__)
def test_builder_equals_from_dict_on_generated_instances(cls: type[Any]) -> None:
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


def _fixture_items() -> list[tuple[type[Any], Any]]:
    out = []
    for exchange in FIXTURES:
        op = operations()[exchange["operation"]]
        json_ptr = op.responses.get(exchange["status"], {}).get("application/json")
        cls = model_for(json_ptr)
        for value in exchange.get("lines") or ([exchange["body"]] if isinstance(exchange.get("body"), dict) else []):
            if cls is not None and "error" not in value:
                out.append((cls, value))
    return out


@pytest.mark.parametrize(("cls", "value"), _fixture_items())
def test_builder_equals_from_dict_on_fixtures(cls: type[Any], value: Any) -> None:
    same(cls, value)


def test_classes_of_inline_schemas_always_use_from_dict() -> None:
    assert INLINE, "the generator names classes after inline schemas too"
    for cls in INLINE:
        assert not builder_for(cls)._plain, cls


def test_hot_classes_take_the_fast_path() -> None:
    """The stream items build without from_dict when their lines hold only known fields."""
    for name in ("GenerateResponse", "ChatResponse", "ProgressResponse", "Message", "Logprob", "ToolCall"):
        builder = builder_for(getattr(ollama_api.models, name))
        assert builder._plain, name


def test_renamed_and_unknown_keys_go_to_from_dict() -> None:
    builder = builder_for(ollama_api.models.GenerateResponse)
    line = {
        "model": "m",
        "created_at": "2025-01-01T00:00:00Z",
        "done": False,
        "_debug_info": {"image_count": 1},
        "new_field": 1,
    }
    built = builder(line)
    assert built.field_debug_info.image_count == 1
    assert built.additional_properties == {"new_field": 1}
    assert builder({**line, "field_debug_info": 5}).additional_properties["field_debug_info"] == 5
