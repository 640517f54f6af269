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

from ..models.format_type_0 import FormatType0, check_format_type_0
from ..models.think_type_1 import ThinkType1, check_think_type_1
from ..types import (
    UNSET,
    Unset,
    defaults_on_class,
    model_repr,
)

if TYPE_CHECKING:
    from ..models.format_type_1 import FormatType1
    from ..models.message import Message
    from ..models.options import Options
    from ..models.tool import Tool


T = TypeVar("T", bound="ChatRequest")


@defaults_on_class
@_attrs_define(slots=False)
class ChatRequest:
    model: str
    """ A model name, `[host/][namespace/]model[:tag]`. The host defaults to `registry.ollama.ai`,
    the namespace to `library` and the tag to `latest`. Matching is case-insensitive. Each part
    starts with a letter, digit or underscore; the model and tag may also hold `.`, `-` and `_`
    (up to 80 characters each), the namespace `-` and `_`, the host `.`, `:` and `-` (up to 350).
    With two parts the first is a namespace, so a host needs all three.
     """
    messages: list[Message] | Unset = UNSET
    """ The conversation so far. Empty or absent loads the model without generating. """
    tools: list[Tool] | Unset = UNSET
    """ Tools the model may call. Needs the `tools` capability. """
    stream: bool | Unset = UNSET
    """ Server default: `true`. """
    format_: FormatType0 | FormatType1 | None | Unset = UNSET
    """ The shape of the output: `"json"` for any JSON value, a JSON Schema object for structured
    output, or `""`/`null` for free text (the default).
     """
    keep_alive: float | None | str | Unset = UNSET
    """ How long the model stays in memory after the request: a Go duration string (`"5m"`,
    `"1h30m"`, `"0"`) or a number of seconds. Zero unloads the model at once, a negative value
    keeps it loaded forever, and `null` or no value means the server's default (5 minutes).
    A string without a unit, such as `"10"`, is refused.
     """
    options: Options | Unset = UNSET
    """ Model options. They override the model's own parameters, which override the server's
    defaults. Unknown keys are ignored, and so is `null`. A wrongly typed value is refused
    with a 500 when the model is scheduled. Integer options also accept a number with a
    fraction, which the server truncates. The options marked `x-load-time: true` are fixed
    when the model is loaded: a request that asks for other values reloads the model (Ollama's
    scheduler compares them in `needsReload`), which costs seconds to minutes.
     """
    think: bool | ThinkType1 | Unset = UNSET
    """ Whether a thinking model thinks before it answers: `true`/`false`, or an effort level.
    `true` means `medium`. Models that cannot think refuse `true` and the levels; `false` is
    always accepted. Thinking models think when the field is absent.
     """
    truncate: bool | Unset = UNSET
    """ Drop the oldest messages to fit the context window instead of failing. Server default: `true`. """
    shift: bool | Unset = UNSET
    """ Server default: `true`. """
    logprobs: bool | Unset = UNSET
    """ Server default: `false`. """
    top_logprobs: int | Unset = UNSET
    """ Server default: `0`. """
    field_debug_render_only: bool | Unset = UNSET
    """ Server default: `false`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        """The fields that are set; unset ones are left out."""
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.format_type_1 import FormatType1

        model = self.model

        messages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.messages, Unset):
            messages = []
            for messages_item_data in self.messages:
                messages_item = messages_item_data.to_dict()
                messages.append(messages_item)

        tools: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tools, Unset):
            tools = []
            for tools_item_data in self.tools:
                tools_item = tools_item_data.to_dict()
                tools.append(tools_item)

        stream = self.stream

        format_: dict[str, Any] | None | str | Unset
        if isinstance(self.format_, Unset):
            format_ = UNSET
        elif isinstance(self.format_, str):
            format_ = self.format_
        elif isinstance(self.format_, FormatType1):
            format_ = self.format_.to_dict()
        else:
            format_ = self.format_

        keep_alive: float | None | str | Unset
        if isinstance(self.keep_alive, Unset):
            keep_alive = UNSET
        else:
            keep_alive = self.keep_alive

        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()

        think: bool | str | Unset
        if isinstance(self.think, Unset):
            think = UNSET
        elif isinstance(self.think, str):
            think = self.think
        else:
            think = self.think

        truncate = self.truncate

        shift = self.shift

        logprobs = self.logprobs

        top_logprobs = self.top_logprobs

        field_debug_render_only = self.field_debug_render_only

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
            }
        )
        if messages is not UNSET:
            field_dict["messages"] = messages
        if tools is not UNSET:
            field_dict["tools"] = tools
        if stream is not UNSET:
            field_dict["stream"] = stream
        if format_ is not UNSET:
            field_dict["format"] = format_
        if keep_alive is not UNSET:
            field_dict["keep_alive"] = keep_alive
        if options is not UNSET:
            field_dict["options"] = options
        if think is not UNSET:
            field_dict["think"] = think
        if truncate is not UNSET:
            field_dict["truncate"] = truncate
        if shift is not UNSET:
            field_dict["shift"] = shift
        if logprobs is not UNSET:
            field_dict["logprobs"] = logprobs
        if top_logprobs is not UNSET:
            field_dict["top_logprobs"] = top_logprobs
        if field_debug_render_only is not UNSET:
            field_dict["_debug_render_only"] = field_debug_render_only

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a parsed JSON object (fast when every key is a field; see _from_dict)."""
        if _KEYS.issuperset(src_dict) and "model" in src_dict:
            state: dict[str, Any] = dict(src_dict)
            if "messages" in state:
                _messages = state.pop("messages")
                messages: list[Message] | Unset = UNSET
                if _messages is not UNSET:
                    messages = []
                    for messages_item_data in _messages:
                        messages_item = Message.from_dict(messages_item_data)

                        messages.append(messages_item)

                state["messages"] = messages
            if "tools" in state:
                _tools = state.pop("tools")
                tools: list[Tool] | Unset = UNSET
                if _tools is not UNSET:
                    tools = []
                    for tools_item_data in _tools:
                        tools_item = Tool.from_dict(tools_item_data)

                        tools.append(tools_item)

                state["tools"] = tools
            if "format" in state:

                def _parse_format_(
                    data: object,
                ) -> FormatType0 | FormatType1 | None | Unset:
                    if data is None:
                        return data
                    if isinstance(data, Unset):
                        return data
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        componentsschemas_format_type_0 = check_format_type_0(data)

                        return componentsschemas_format_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_format_type_1 = FormatType1.from_dict(data)

                        return componentsschemas_format_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(FormatType0 | FormatType1 | None | Unset, data)

                format_ = _parse_format_(state.pop("format"))

                state["format_"] = format_
            if "keep_alive" in state:

                def _parse_keep_alive(data: object) -> float | None | str | Unset:
                    if data is None:
                        return data
                    if isinstance(data, Unset):
                        return data
                    return cast(float | None | str | Unset, data)

                keep_alive = _parse_keep_alive(state.pop("keep_alive"))

                state["keep_alive"] = keep_alive
            if "options" in state:
                _options = state.pop("options")
                options: Options | Unset
                if isinstance(_options, Unset):
                    options = UNSET
                else:
                    options = Options.from_dict(_options)

                state["options"] = options
            if "think" in state:

                def _parse_think(data: object) -> bool | ThinkType1 | Unset:
                    if isinstance(data, Unset):
                        return data
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        componentsschemas_think_type_1 = check_think_type_1(data)

                        return componentsschemas_think_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(bool | ThinkType1 | Unset, data)

                think = _parse_think(state.pop("think"))

                state["think"] = think
            if "_debug_render_only" in state:
                state["field_debug_render_only"] = state.pop("_debug_render_only")
            state["additional_properties"] = {}
            made = object.__new__(cls)
            made.__dict__ = (
                state  # the fields not given read their defaults from the class
            )
            return made
        return cls._from_dict(src_dict)

    @classmethod
    def _from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.format_type_1 import FormatType1
        from ..models.message import Message
        from ..models.options import Options
        from ..models.tool import Tool

        d = dict(src_dict)
        model = d.pop("model")

        _messages = d.pop("messages", UNSET)
        messages: list[Message] | Unset = UNSET
        if _messages is not UNSET:
            messages = []
            for messages_item_data in _messages:
                messages_item = Message.from_dict(messages_item_data)

                messages.append(messages_item)

        _tools = d.pop("tools", UNSET)
        tools: list[Tool] | Unset = UNSET
        if _tools is not UNSET:
            tools = []
            for tools_item_data in _tools:
                tools_item = Tool.from_dict(tools_item_data)

                tools.append(tools_item)

        stream = d.pop("stream", UNSET)

        def _parse_format_(data: object) -> FormatType0 | FormatType1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_format_type_0 = check_format_type_0(data)

                return componentsschemas_format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_format_type_1 = FormatType1.from_dict(data)

                return componentsschemas_format_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FormatType0 | FormatType1 | None | Unset, data)

        format_ = _parse_format_(d.pop("format", UNSET))

        def _parse_keep_alive(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        keep_alive = _parse_keep_alive(d.pop("keep_alive", UNSET))

        _options = d.pop("options", UNSET)
        options: Options | Unset
        if isinstance(_options, Unset):
            options = UNSET
        else:
            options = Options.from_dict(_options)

        def _parse_think(data: object) -> bool | ThinkType1 | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_think_type_1 = check_think_type_1(data)

                return componentsschemas_think_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | ThinkType1 | Unset, data)

        think = _parse_think(d.pop("think", UNSET))

        truncate = d.pop("truncate", UNSET)

        shift = d.pop("shift", UNSET)

        logprobs = d.pop("logprobs", UNSET)

        top_logprobs = d.pop("top_logprobs", UNSET)

        field_debug_render_only = d.pop("_debug_render_only", UNSET)

        chat_request = cls(
            model=model,
            messages=messages,
            tools=tools,
            stream=stream,
            format_=format_,
            keep_alive=keep_alive,
            options=options,
            think=think,
            truncate=truncate,
            shift=shift,
            logprobs=logprobs,
            top_logprobs=top_logprobs,
            field_debug_render_only=field_debug_render_only,
        )

        chat_request.additional_properties = d
        return chat_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    _wire_names: ClassVar[dict[str, str]] = {
        "model": "model",
        "messages": "messages",
        "tools": "tools",
        "stream": "stream",
        "format": "format_",
        "keep_alive": "keep_alive",
        "options": "options",
        "think": "think",
        "truncate": "truncate",
        "shift": "shift",
        "logprobs": "logprobs",
        "top_logprobs": "top_logprobs",
        "_debug_render_only": "field_debug_render_only",
    }

    @overload
    def __getitem__(self, key: Literal["model"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["messages"]) -> list[Message]: ...
    @overload
    def __getitem__(self, key: Literal["tools"]) -> list[Tool]: ...
    @overload
    def __getitem__(self, key: Literal["stream"]) -> bool: ...
    @overload
    def __getitem__(
        self, key: Literal["format"]
    ) -> FormatType0 | FormatType1 | None: ...
    @overload
    def __getitem__(self, key: Literal["keep_alive"]) -> float | None | str: ...
    @overload
    def __getitem__(self, key: Literal["options"]) -> Options: ...
    @overload
    def __getitem__(self, key: Literal["think"]) -> bool | ThinkType1: ...
    @overload
    def __getitem__(self, key: Literal["truncate"]) -> bool: ...
    @overload
    def __getitem__(self, key: Literal["shift"]) -> bool: ...
    @overload
    def __getitem__(self, key: Literal["logprobs"]) -> bool: ...
    @overload
    def __getitem__(self, key: Literal["top_logprobs"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["_debug_render_only"]) -> bool: ...
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

    @property
    def format(self) -> FormatType0 | FormatType1 | None | Unset:
        """The same as `format_`, under its JSON name."""
        return self.format_

    @format.setter
    def format(self, value: FormatType0 | FormatType1 | None | Unset) -> None:
        self.format_ = value


_KEYS: frozenset[str] = frozenset(
    (
        "model",
        "messages",
        "tools",
        "stream",
        "format",
        "keep_alive",
        "options",
        "think",
        "truncate",
        "shift",
        "logprobs",
        "top_logprobs",
        "_debug_render_only",
    )
)

from ..models.format_type_1 import FormatType1
from ..models.message import Message
from ..models.options import Options
from ..models.tool import Tool
