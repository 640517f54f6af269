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

from ..types import UNSET, Unset, defaults_on_class, model_repr

if TYPE_CHECKING:
    from ..models.tool_call_arguments import ToolCallArguments


T = TypeVar("T", bound="ToolCallFunction")


@defaults_on_class
@_attrs_define(slots=False)
class ToolCallFunction:
    name: str
    index: int | Unset = UNSET
    """ Position of the call among the calls of one message. """
    arguments: None | ToolCallArguments | Unset = UNSET
    """ The arguments. Servers from before the arguments kept their order could send `null` for
    a call without arguments.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        """The fields that are set; unset ones are left out."""
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.tool_call_arguments import ToolCallArguments

        name = self.name

        index = self.index

        arguments: dict[str, Any] | None | Unset
        if isinstance(self.arguments, Unset):
            arguments = UNSET
        elif isinstance(self.arguments, ToolCallArguments):
            arguments = self.arguments.to_dict()
        else:
            arguments = self.arguments

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if index is not UNSET:
            field_dict["index"] = index
        if arguments is not UNSET:
            field_dict["arguments"] = arguments

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a parsed JSON object (fast when every key is a field; see _from_dict)."""
        if _KEYS.issuperset(src_dict) and "name" in src_dict:
            state: dict[str, Any] = dict(src_dict)
            if "arguments" in state:

                def _parse_arguments(data: object) -> None | ToolCallArguments | Unset:
                    if data is None:
                        return data
                    if isinstance(data, Unset):
                        return data
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        arguments_type_0 = ToolCallArguments.from_dict(data)

                        return arguments_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(None | ToolCallArguments | Unset, data)

                arguments = _parse_arguments(state.pop("arguments"))

                state["arguments"] = arguments
            state["additional_properties"] = {}
            made = object.__new__(cls)
            made.__dict__ = (
                state  # the fields not given read their defaults from the class
            )
            return made
        return cls._from_dict(src_dict)

    @classmethod
    def _from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tool_call_arguments import ToolCallArguments

        d = dict(src_dict)
        name = d.pop("name")

        index = d.pop("index", UNSET)

        def _parse_arguments(data: object) -> None | ToolCallArguments | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                arguments_type_0 = ToolCallArguments.from_dict(data)

                return arguments_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ToolCallArguments | Unset, data)

        arguments = _parse_arguments(d.pop("arguments", UNSET))

        tool_call_function = cls(
            name=name,
            index=index,
            arguments=arguments,
        )

        tool_call_function.additional_properties = d
        return tool_call_function

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    _wire_names: ClassVar[dict[str, str]] = {
        "name": "name",
        "index": "index",
        "arguments": "arguments",
    }

    @overload
    def __getitem__(self, key: Literal["name"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["index"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["arguments"]) -> None | ToolCallArguments: ...
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


_KEYS: frozenset[str] = frozenset(
    (
        "name",
        "index",
        "arguments",
    )
)

from ..models.tool_call_arguments import ToolCallArguments
