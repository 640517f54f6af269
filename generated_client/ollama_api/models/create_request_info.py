# Generated from openapi.yaml by scripts/regenerate: do not edit; change the spec or codegen/ instead.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self


class CreateRequestInfo(dict[str, Any]):
    """Extra facts about the model.

    A JSON object of any keys: a `dict`.
    """

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        return cls(src_dict)

    def to_dict(self) -> dict[str, Any]:
        return dict(self)

    @property
    def additional_properties(self) -> dict[str, Any]:
        """The object itself: every key of a free-form object is an additional one."""
        return self

    @property
    def additional_keys(self) -> list[str]:
        return list(self)
