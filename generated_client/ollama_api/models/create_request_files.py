# Generated from openapi.yaml by scripts/regenerate: do not edit; change the spec or codegen/ instead.
from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    ClassVar,
    Self,
    TypeVar,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Unset,
    defaults_on_class,
    model_repr,
)

T = TypeVar("T", bound="CreateRequestFiles")


@defaults_on_class
@_attrs_define(slots=False)
class CreateRequestFiles:
    """File name to blob digest, for GGUF or Safetensors files uploaded as blobs."""

    additional_properties: dict[str, str] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        """The fields that are set; unset ones are left out."""
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a parsed JSON object (fast when every key is a field; see _from_dict)."""
        if _KEYS.issuperset(src_dict):
            state: dict[str, Any] = dict(src_dict)
            state["additional_properties"] = {}
            made = object.__new__(cls)
            made.__dict__ = (
                state  # the fields not given read their defaults from the class
            )
            return made
        return cls._from_dict(src_dict)

    @classmethod
    def _from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        create_request_files = cls()

        create_request_files.additional_properties = d
        return create_request_files

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    _wire_names: ClassVar[dict[str, str]] = {}

    def __getitem__(self, key: str) -> Any:
        """The value of a property by its JSON name; KeyError when it is unset."""
        name = self._wire_names.get(key)
        if name is None:
            return self.additional_properties[key]
        if not self._has(name):
            raise KeyError(key)
        return getattr(self, name)

    def __setitem__(self, key: str, value: Any) -> None:
        name = self._wire_names.get(key)
        if name is not None:
            setattr(self, name, value)
        else:
            self.additional_properties[key] = value

    def __contains__(self, key: object) -> bool:
        name = self._wire_names.get(key) if isinstance(key, str) else None
        if name is None:
            return key in self.additional_properties
        return self._has(name)

    def _has(self, name: str) -> bool:
        """Whether a field is there as the JSON has it: sent, for a model read from JSON (a field
        not sent reads as its zero value, but is not there); set and not left out by Go at its
        zero value, for one built here (what `to_dict()` writes)."""
        state = self.__dict__
        if "_from_wire" in state and name not in state:
            return False
        value = getattr(self, name)
        if isinstance(value, Unset):
            return False
        return (
            bool(value)
            or "_from_wire" in state
            or name not in getattr(self, "_omit_zero", ())
        )

    def get(self, key: str, default: Any = None) -> Any:
        """The value of a property by its JSON name, or `default` when it is unset."""
        try:
            return self[key]
        except KeyError:
            return default

    def keys(self) -> list[str]:
        """The JSON names of the properties that are set, so `dict(model)` and `{**model}` work."""
        return [key for key in self._wire_names if key in self] + list(
            self.additional_properties
        )


_KEYS: frozenset[str] = frozenset(())
