# Generated from openapi.yaml by scripts/regenerate: do not edit; change the spec or codegen/ instead.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ShowResponseProjectorInfo")


@_attrs_define
class ShowResponseProjectorInfo:
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a parsed JSON object (fast when every key is a field; see _from_dict)."""
        if src_dict.keys() <= _PLAIN:
            try:
                return cls(**src_dict)
            except (
                TypeError
            ):  # a required field is missing: upstream's code raises its KeyError
                pass
        return cls._from_dict(src_dict)

    @classmethod
    def _from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        show_response_projector_info = cls()

        show_response_projector_info.additional_properties = d
        return show_response_projector_info

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


_PLAIN: frozenset[str] = frozenset(())
