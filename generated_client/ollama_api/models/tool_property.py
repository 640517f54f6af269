# Generated from openapi.yaml by scripts/regenerate: do not edit; change the spec or codegen/ instead.
from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
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

from ..types import (
    UNSET,
    Unset,
    defaults_on_class,
    model_repr,
)

if TYPE_CHECKING:
    from ..models.tool_property_properties import ToolPropertyProperties


T = TypeVar("T", bound="ToolProperty")


@defaults_on_class
@_attrs_define(slots=False)
class ToolProperty:
    """The JSON Schema of one argument."""

    type_: list[str] | str | Unset = UNSET
    """ A JSON type name, or several. The server refuses any other shape when it reads the request. """
    description: str | Unset = UNSET
    enum: list[Any] | Unset = UNSET
    items: Any | Unset = UNSET
    any_of: list[ToolProperty] | Unset = UNSET
    properties: ToolPropertyProperties | Unset = UNSET
    required: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        """The fields that are set; unset ones are left out."""
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        type_: list[str] | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, list):
            type_ = self.type_

        else:
            type_ = self.type_

        description = self.description

        enum: list[Any] | Unset = UNSET
        if not isinstance(self.enum, Unset):
            enum = self.enum

        items = self.items

        any_of: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.any_of, Unset):
            any_of = []
            for any_of_item_data in self.any_of:
                any_of_item = any_of_item_data.to_dict()
                any_of.append(any_of_item)

        properties: dict[str, Any] | Unset = UNSET
        if not isinstance(self.properties, Unset):
            properties = self.properties.to_dict()

        required: list[str] | Unset = UNSET
        if not isinstance(self.required, Unset):
            required = self.required

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if description is not UNSET:
            field_dict["description"] = description
        if enum is not UNSET:
            field_dict["enum"] = enum
        if items is not UNSET:
            field_dict["items"] = items
        if any_of is not UNSET:
            field_dict["anyOf"] = any_of
        if properties is not UNSET:
            field_dict["properties"] = properties
        if required is not UNSET:
            field_dict["required"] = required

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a parsed JSON object (fast when every key is a field; see _from_dict)."""
        if _KEYS.issuperset(src_dict):
            state: dict[str, Any] = dict(src_dict)
            if "type" in state:

                def _parse_type_(data: object) -> list[str] | str | Unset:
                    if isinstance(data, Unset):
                        return data
                    try:
                        if not isinstance(data, list):
                            raise TypeError()
                        componentsschemas_property_type_type_1 = cast(list[str], data)

                        return componentsschemas_property_type_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(list[str] | str | Unset, data)

                type_ = _parse_type_(state.pop("type"))

                state["type_"] = type_
            if "anyOf" in state:
                _any_of = state.pop("anyOf")
                any_of: list[ToolProperty] | Unset = UNSET
                if _any_of is not UNSET:
                    any_of = []
                    for any_of_item_data in _any_of:
                        any_of_item = ToolProperty.from_dict(any_of_item_data)

                        any_of.append(any_of_item)

                state["any_of"] = any_of
            if "properties" in state:
                _properties = state.pop("properties")
                properties: ToolPropertyProperties | Unset
                if isinstance(_properties, Unset):
                    properties = UNSET
                else:
                    properties = ToolPropertyProperties.from_dict(_properties)

                state["properties"] = properties
            state["additional_properties"] = {}
            made = object.__new__(cls)
            made.__dict__ = (
                state  # the fields not given read their defaults from the class
            )
            return made
        return cls._from_dict(src_dict)

    @classmethod
    def _from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tool_property_properties import ToolPropertyProperties

        d = dict(src_dict)

        def _parse_type_(data: object) -> list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_property_type_type_1 = cast(list[str], data)

                return componentsschemas_property_type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        description = d.pop("description", UNSET)

        enum = cast(list[Any], d.pop("enum", UNSET))

        items = d.pop("items", UNSET)

        _any_of = d.pop("anyOf", UNSET)
        any_of: list[ToolProperty] | Unset = UNSET
        if _any_of is not UNSET:
            any_of = []
            for any_of_item_data in _any_of:
                any_of_item = ToolProperty.from_dict(any_of_item_data)

                any_of.append(any_of_item)

        _properties = d.pop("properties", UNSET)
        properties: ToolPropertyProperties | Unset
        if isinstance(_properties, Unset):
            properties = UNSET
        else:
            properties = ToolPropertyProperties.from_dict(_properties)

        required = cast(list[str], d.pop("required", UNSET))

        tool_property = cls(
            type_=type_,
            description=description,
            enum=enum,
            items=items,
            any_of=any_of,
            properties=properties,
            required=required,
        )

        tool_property.additional_properties = d
        return tool_property

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    _wire_names: ClassVar[dict[str, str]] = {
        "type": "type_",
        "description": "description",
        "enum": "enum",
        "items": "items",
        "anyOf": "any_of",
        "properties": "properties",
        "required": "required",
    }

    @overload
    def __getitem__(self, key: Literal["type"]) -> list[str] | str: ...
    @overload
    def __getitem__(self, key: Literal["description"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["enum"]) -> list[Any]: ...
    @overload
    def __getitem__(self, key: Literal["items"]) -> Any: ...
    @overload
    def __getitem__(self, key: Literal["anyOf"]) -> list[ToolProperty]: ...
    @overload
    def __getitem__(self, key: Literal["properties"]) -> ToolPropertyProperties: ...
    @overload
    def __getitem__(self, key: Literal["required"]) -> list[str]: ...
    @overload
    def __getitem__(self, key: str) -> Any: ...
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


_KEYS: frozenset[str] = frozenset(
    (
        "type",
        "description",
        "enum",
        "items",
        "anyOf",
        "properties",
        "required",
    )
)

from ..models.tool_property_properties import ToolPropertyProperties
