# Generated from openapi.yaml by scripts/regenerate: do not edit; change the spec or codegen/ instead.
from typing import Literal

FormatType0 = Literal["", "json"]

FORMAT_TYPE_0_VALUES: set[FormatType0] = {
    "",
    "json",
}


def check_format_type_0(value: str) -> FormatType0:
    if value in FORMAT_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {FORMAT_TYPE_0_VALUES!r}"
    )
