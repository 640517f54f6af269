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
    from ..models.tool_call import ToolCall


T = TypeVar("T", bound="Message")


@defaults_on_class
@_attrs_define(slots=False)
class Message:
    """One message of a conversation. The server lower-cases `role` and does not check it; the
    roles it understands are `system`, `user`, `assistant` and `tool`.

    """

    role: str | Unset = UNSET
    content: str | Unset = UNSET
    """ The text. Responses always carry it, possibly empty. """
    thinking: str | Unset = UNSET
    """ The model's reasoning, from a thinking model; may be sent back in the history. """
    images: list[str] | None | Unset = UNSET
    """ Images for a vision model. Older servers send `null` in responses. """
    tool_calls: list[ToolCall] | Unset = UNSET
    tool_name: str | Unset = UNSET
    """ In a `tool` message, the tool whose result this is. """
    tool_call_id: str | Unset = UNSET
    """ In a `tool` message, the `id` of the call this answers. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        """The fields that are set; unset ones are left out."""
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        role = self.role

        content = self.content

        thinking = self.thinking

        images: list[str] | None | Unset
        if isinstance(self.images, Unset):
            images = UNSET
        elif isinstance(self.images, list):
            images = self.images

        else:
            images = self.images

        tool_calls: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tool_calls, Unset):
            tool_calls = []
            for tool_calls_item_data in self.tool_calls:
                tool_calls_item = tool_calls_item_data.to_dict()
                tool_calls.append(tool_calls_item)

        tool_name = self.tool_name

        tool_call_id = self.tool_call_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if role is not UNSET:
            field_dict["role"] = role
        if content is not UNSET:
            field_dict["content"] = content
        if thinking is not UNSET:
            field_dict["thinking"] = thinking
        if images is not UNSET:
            field_dict["images"] = images
        if tool_calls is not UNSET:
            field_dict["tool_calls"] = tool_calls
        if tool_name is not UNSET:
            field_dict["tool_name"] = tool_name
        if tool_call_id is not UNSET:
            field_dict["tool_call_id"] = tool_call_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a parsed JSON object (fast when every key is a field; see _from_dict)."""
        if _KEYS.issuperset(src_dict):
            state: dict[str, Any] = dict(src_dict)
            if "images" in state:

                def _parse_images(data: object) -> list[str] | None | Unset:
                    if data is None:
                        return data
                    if isinstance(data, Unset):
                        return data
                    try:
                        if not isinstance(data, list):
                            raise TypeError()
                        images_type_0 = cast(list[str], data)

                        return images_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(list[str] | None | Unset, data)

                images = _parse_images(state.pop("images"))

                state["images"] = images
            if "tool_calls" in state:
                _tool_calls = state.pop("tool_calls")
                tool_calls: list[ToolCall] | Unset = UNSET
                if _tool_calls is not UNSET:
                    tool_calls = []
                    for tool_calls_item_data in _tool_calls:
                        tool_calls_item = ToolCall.from_dict(tool_calls_item_data)

                        tool_calls.append(tool_calls_item)

                state["tool_calls"] = tool_calls
            state["additional_properties"] = {}
            made = object.__new__(cls)
            made.__dict__ = (
                state  # the fields not given read their defaults from the class
            )
            return made
        return cls._from_dict(src_dict)

    @classmethod
    def _from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tool_call import ToolCall

        d = dict(src_dict)
        role = d.pop("role", UNSET)

        content = d.pop("content", UNSET)

        thinking = d.pop("thinking", UNSET)

        def _parse_images(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                images_type_0 = cast(list[str], data)

                return images_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        images = _parse_images(d.pop("images", UNSET))

        _tool_calls = d.pop("tool_calls", UNSET)
        tool_calls: list[ToolCall] | Unset = UNSET
        if _tool_calls is not UNSET:
            tool_calls = []
            for tool_calls_item_data in _tool_calls:
                tool_calls_item = ToolCall.from_dict(tool_calls_item_data)

                tool_calls.append(tool_calls_item)

        tool_name = d.pop("tool_name", UNSET)

        tool_call_id = d.pop("tool_call_id", UNSET)

        message = cls(
            role=role,
            content=content,
            thinking=thinking,
            images=images,
            tool_calls=tool_calls,
            tool_name=tool_name,
            tool_call_id=tool_call_id,
        )

        message.additional_properties = d
        return message

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    _wire_names: ClassVar[dict[str, str]] = {
        "role": "role",
        "content": "content",
        "thinking": "thinking",
        "images": "images",
        "tool_calls": "tool_calls",
        "tool_name": "tool_name",
        "tool_call_id": "tool_call_id",
    }

    @overload
    def __getitem__(self, key: Literal["role"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["content"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["thinking"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["images"]) -> list[str] | None: ...
    @overload
    def __getitem__(self, key: Literal["tool_calls"]) -> list[ToolCall]: ...
    @overload
    def __getitem__(self, key: Literal["tool_name"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["tool_call_id"]) -> str: ...
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
        "role",
        "content",
        "thinking",
        "images",
        "tool_calls",
        "tool_name",
        "tool_call_id",
    )
)

from ..models.tool_call import ToolCall
