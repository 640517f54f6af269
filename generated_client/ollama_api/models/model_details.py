# Generated from openapi.yaml by scripts/regenerate: do not edit; change the spec or codegen/ instead.
from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    ClassVar,
    Literal,
    Self,
    TypeVar,
    cast,
    overload,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, defaults_on_class, model_repr

T = TypeVar("T", bound="ModelDetails")


@defaults_on_class
@_attrs_define(slots=False)
class ModelDetails:
    parent_model: str | Unset = UNSET
    format_: str | Unset = UNSET
    family: str | Unset = UNSET
    families: list[str] | None | Unset = UNSET
    """ Model families; `null` when the model declares none. """
    parameter_size: str | Unset = UNSET
    quantization_level: str | Unset = UNSET
    context_length: int | Unset = UNSET
    embedding_length: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        """The fields that are set; unset ones are left out."""
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        parent_model = self.parent_model

        format_ = self.format_

        family = self.family

        families: list[str] | None | Unset
        if isinstance(self.families, Unset):
            families = UNSET
        elif isinstance(self.families, list):
            families = self.families

        else:
            families = self.families

        parameter_size = self.parameter_size

        quantization_level = self.quantization_level

        context_length = self.context_length

        embedding_length = self.embedding_length

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if parent_model is not UNSET:
            field_dict["parent_model"] = parent_model
        if format_ is not UNSET:
            field_dict["format"] = format_
        if family is not UNSET:
            field_dict["family"] = family
        if families is not UNSET:
            field_dict["families"] = families
        if parameter_size is not UNSET:
            field_dict["parameter_size"] = parameter_size
        if quantization_level is not UNSET:
            field_dict["quantization_level"] = quantization_level
        if context_length is not UNSET:
            field_dict["context_length"] = context_length
        if embedding_length is not UNSET:
            field_dict["embedding_length"] = embedding_length

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a parsed JSON object (fast when every key is a field; see _from_dict)."""
        if _KEYS.issuperset(src_dict):
            state: dict[str, Any] = dict(src_dict)
            if "format" in state:
                state["format_"] = state.pop("format")
            if "families" in state:

                def _parse_families(data: object) -> list[str] | None | Unset:
                    if data is None:
                        return data
                    if isinstance(data, Unset):
                        return data
                    try:
                        if not isinstance(data, list):
                            raise TypeError()
                        families_type_0 = cast(list[str], data)

                        return families_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(list[str] | None | Unset, data)

                families = _parse_families(state.pop("families"))

                state["families"] = families
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
        parent_model = d.pop("parent_model", UNSET)

        format_ = d.pop("format", UNSET)

        family = d.pop("family", UNSET)

        def _parse_families(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                families_type_0 = cast(list[str], data)

                return families_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        families = _parse_families(d.pop("families", UNSET))

        parameter_size = d.pop("parameter_size", UNSET)

        quantization_level = d.pop("quantization_level", UNSET)

        context_length = d.pop("context_length", UNSET)

        embedding_length = d.pop("embedding_length", UNSET)

        model_details = cls(
            parent_model=parent_model,
            format_=format_,
            family=family,
            families=families,
            parameter_size=parameter_size,
            quantization_level=quantization_level,
            context_length=context_length,
            embedding_length=embedding_length,
        )

        model_details.additional_properties = d
        return model_details

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    _wire_names: ClassVar[dict[str, str]] = {
        "parent_model": "parent_model",
        "format": "format_",
        "family": "family",
        "families": "families",
        "parameter_size": "parameter_size",
        "quantization_level": "quantization_level",
        "context_length": "context_length",
        "embedding_length": "embedding_length",
    }

    @overload
    def __getitem__(self, key: Literal["parent_model"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["format"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["family"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["families"]) -> list[str] | None: ...
    @overload
    def __getitem__(self, key: Literal["parameter_size"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["quantization_level"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["context_length"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["embedding_length"]) -> int: ...
    @overload
    def __getitem__(self, key: str) -> Any: ...
    def __getitem__(self, key: str) -> Any:
        """The value of a property by its JSON name; KeyError when it is unset."""
        name = self._wire_names.get(key)
        if name is None:
            return self.additional_properties[key]
        value = getattr(self, name)
        if isinstance(value, Unset):
            raise KeyError(key)
        return value

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
        return not isinstance(getattr(self, name), Unset)

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

    @property
    def format(self) -> str | Unset:
        """The same as `format_`, under its JSON name."""
        return self.format_

    @format.setter
    def format(self, value: str | Unset) -> None:
        self.format_ = value


_KEYS: frozenset[str] = frozenset(
    (
        "parent_model",
        "format",
        "family",
        "families",
        "parameter_size",
        "quantization_level",
        "context_length",
        "embedding_length",
    )
)
