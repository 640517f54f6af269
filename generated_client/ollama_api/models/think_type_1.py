# Generated from openapi.yaml by scripts/regenerate: do not edit; change the spec or codegen/ instead.
from typing import Literal

ThinkType1 = Literal["high", "low", "max", "medium"]

THINK_TYPE_1_VALUES: set[ThinkType1] = {
    "high",
    "low",
    "max",
    "medium",
}


def check_think_type_1(value: str) -> ThinkType1:
    if value in THINK_TYPE_1_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {THINK_TYPE_1_VALUES!r}"
    )
