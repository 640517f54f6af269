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
    Unset,
    defaults_on_class,
    model_repr,
    read_as_sent,
    zero_if_null,
)

if TYPE_CHECKING:
    from ..models.tool_call import ToolCall


T = TypeVar("T", bound="Message")


@defaults_on_class
@_attrs_define(slots=False)
class Message:
    """One message of a conversation. The server lower-cases `role` and does not check it; the
    roles it understands are `system`, `user`, `assistant` and `tool`.

    """

    role: str = _attrs_field(default="", kw_only=True)
    content: str = _attrs_field(default="", kw_only=True)
    """ The text. Responses always carry it, possibly empty. """
    thinking: str = _attrs_field(default="", kw_only=True)
    """ The model's reasoning, from a thinking model; may be sent back in the history. """
    images: list[str] = _attrs_field(factory=list, kw_only=True)
    """ Images for a vision model. Older servers send `null` in responses. """
    tool_calls: list[ToolCall] = _attrs_field(factory=list, kw_only=True)
    tool_name: str = _attrs_field(default="", kw_only=True)
    """ In a `tool` message, the tool whose result this is. """
    tool_call_id: str = _attrs_field(default="", kw_only=True)
    """ In a `tool` message, the `id` of the call this answers. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _omit_zero: ClassVar[frozenset[str]] = frozenset(
        (
            "thinking",
            "images",
            "tool_calls",
            "tool_name",
            "tool_call_id",
        )
    )

    def __repr__(self) -> str:
        """The fields that are set; unset ones are left out."""
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object. Read from JSON, it is what was read (a field that was left out stays
        out, though it reads as its zero value); built here, it is what Go writes (a field Go
        leaves out at its zero value is left out)."""
        given = self.__dict__
        absent = (
            [key for name, key in _ZERO if name not in given]
            if "_from_wire" in given
            else ()
        )
        field_dict = self._to_dict()
        for key in absent:
            del field_dict[key]
        if "_from_wire" not in given:
            for key in _OMIT:
                if not field_dict[key]:
                    del field_dict[key]
        return field_dict

    def _to_dict(self) -> dict[str, Any]:
        role = self.role

        content = self.content

        thinking = self.thinking

        images = self.images

        tool_calls = []
        for tool_calls_item_data in self.tool_calls:
            tool_calls_item = tool_calls_item_data.to_dict()
            tool_calls.append(tool_calls_item)

        tool_name = self.tool_name

        tool_call_id = self.tool_call_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
                "content": content,
                "thinking": thinking,
                "images": images,
                "tool_calls": tool_calls,
                "tool_name": tool_name,
                "tool_call_id": tool_call_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a parsed JSON object (fast when every key is a field; see _from_dict)."""
        if _KEYS.issuperset(src_dict):
            state: dict[str, Any] = dict(src_dict)
            if state.get("images", 0) is None:
                del state["images"]  # an old server's null: the zero value
            if "tool_calls" in state:
                tool_calls = []
                _tool_calls = state.pop("tool_calls")
                for tool_calls_item_data in _tool_calls:
                    tool_calls_item = ToolCall.from_dict(tool_calls_item_data)

                    tool_calls.append(tool_calls_item)

                state["tool_calls"] = tool_calls
            state["additional_properties"] = {}
            state["_from_wire"] = True  # to_dict writes back what was sent
            made = object.__new__(cls)
            made.__dict__ = (
                state  # the fields not given read their defaults from the class
            )
            return made
        if True:
            known = cls.from_dict(
                {key: value for key, value in src_dict.items() if key in _KEYS}
            )
            known.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KEYS
            }
            return known
        return cls._from_dict(src_dict)

    @classmethod
    def _from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tool_call import ToolCall

        d = dict(src_dict)
        role = zero_if_null(d.pop("role", None), "")

        content = zero_if_null(d.pop("content", None), "")

        thinking = zero_if_null(d.pop("thinking", None), "")

        images = cast(list[str], zero_if_null(d.pop("images", None), []))

        tool_calls = []
        _tool_calls = zero_if_null(d.pop("tool_calls", None), [])
        for tool_calls_item_data in _tool_calls:
            tool_calls_item = ToolCall.from_dict(tool_calls_item_data)

            tool_calls.append(tool_calls_item)

        tool_name = zero_if_null(d.pop("tool_name", None), "")

        tool_call_id = zero_if_null(d.pop("tool_call_id", None), "")

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
        read_as_sent(message, src_dict, _ZERO)
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
    def __getitem__(self, key: Literal["images"]) -> list[str]: ...
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
        "role",
        "content",
        "thinking",
        "images",
        "tool_calls",
        "tool_name",
        "tool_call_id",
    )
)
_ZERO: tuple[tuple[str, str], ...] = (
    ("role", "role"),
    ("content", "content"),
    ("thinking", "thinking"),
    ("images", "images"),
    ("tool_calls", "tool_calls"),
    ("tool_name", "tool_name"),
    ("tool_call_id", "tool_call_id"),
)
_OMIT: tuple[str, ...] = (
    "thinking",
    "images",
    "tool_calls",
    "tool_name",
    "tool_call_id",
)

from ..models.tool_call import ToolCall
