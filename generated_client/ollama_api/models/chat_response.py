# Generated from openapi.yaml by scripts/regenerate: do not edit; change the spec or codegen/ instead.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Literal,
    Self,
    TypeVar,
    overload,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    GO_ZERO_TIME,
    UNSET,
    Unset,
    defaults_on_class,
    go_time,
    model_repr,
    parse_time,
    read_as_sent,
    zero_if_null,
)

if TYPE_CHECKING:
    from ..models.debug_info import DebugInfo
    from ..models.logprob import Logprob
    from ..models.message import Message


T = TypeVar("T", bound="ChatResponse")


@defaults_on_class
@_attrs_define(slots=False)
class ChatResponse:
    """A whole response, or one chunk of a streamed one."""

    total_duration: int = _attrs_field(default=0, kw_only=True)
    """ Time spent on the whole request, in nanoseconds. """
    load_duration: int = _attrs_field(default=0, kw_only=True)
    """ Time spent loading the model, in nanoseconds. Cloud models send none. """
    prompt_eval_count: int = _attrs_field(default=0, kw_only=True)
    """ Tokens in the prompt. """
    prompt_eval_duration: int = _attrs_field(default=0, kw_only=True)
    """ Time spent on the prompt, in nanoseconds. """
    eval_count: int = _attrs_field(default=0, kw_only=True)
    """ Tokens generated. """
    eval_duration: int = _attrs_field(default=0, kw_only=True)
    """ Time spent generating, in nanoseconds. """
    model: str = _attrs_field(default="", kw_only=True)
    created_at: datetime.datetime = _attrs_field(default=GO_ZERO_TIME, kw_only=True)
    """ An RFC 3339 date-time with 0 to 9 fractional digits, in UTC (`Z`) or with an offset.
     """
    message: Message = _attrs_field(factory=lambda: Message(), kw_only=True)
    """ One message of a conversation. The server lower-cases `role` and does not check it; the
    roles it understands are `system`, `user`, `assistant` and `tool`.
     """
    done: bool = _attrs_field(default=False, kw_only=True)
    done_reason: str = _attrs_field(default="", kw_only=True)
    logprobs: list[Logprob] = _attrs_field(factory=list, kw_only=True)
    remote_model: str = _attrs_field(default="", kw_only=True)
    remote_host: str = _attrs_field(default="", kw_only=True)
    field_debug_info: DebugInfo | Unset = UNSET
    """ Sent instead of a generation when the request sets `_debug_render_only`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _wire_times: ClassVar[tuple[str, ...]] = ("created_at",)
    _omit_zero: ClassVar[frozenset[str]] = frozenset(
        (
            "total_duration",
            "load_duration",
            "prompt_eval_count",
            "prompt_eval_duration",
            "eval_count",
            "eval_duration",
            "done_reason",
            "logprobs",
            "remote_model",
            "remote_host",
        )
    )

    def __repr__(self) -> str:
        """The fields that are set; unset ones are left out."""
        return model_repr(self)

    @property
    def text(self) -> str:
        """The message's content ("" when none was sent)."""
        content = self.message.content if not isinstance(self.message, Unset) else UNSET
        return content if isinstance(content, str) else ""

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
        total_duration = self.total_duration

        load_duration = self.load_duration

        prompt_eval_count = self.prompt_eval_count

        prompt_eval_duration = self.prompt_eval_duration

        eval_count = self.eval_count

        eval_duration = self.eval_duration

        model = self.model

        created_at = go_time(self.created_at)

        message = self.message.to_dict()

        done = self.done

        done_reason = self.done_reason

        logprobs = []
        for logprobs_item_data in self.logprobs:
            logprobs_item = logprobs_item_data.to_dict()
            logprobs.append(logprobs_item)

        remote_model = self.remote_model

        remote_host = self.remote_host

        field_debug_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_debug_info, Unset):
            field_debug_info = self.field_debug_info.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total_duration": total_duration,
                "load_duration": load_duration,
                "prompt_eval_count": prompt_eval_count,
                "prompt_eval_duration": prompt_eval_duration,
                "eval_count": eval_count,
                "eval_duration": eval_duration,
                "model": model,
                "created_at": created_at,
                "message": message,
                "done": done,
                "done_reason": done_reason,
                "logprobs": logprobs,
                "remote_model": remote_model,
                "remote_host": remote_host,
            }
        )
        if field_debug_info is not UNSET:
            field_dict["_debug_info"] = field_debug_info

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a parsed JSON object (fast when every key is a field; see _from_dict)."""
        if _KEYS.issuperset(src_dict):
            state: dict[str, Any] = dict(src_dict)
            if "message" in state:
                message = Message.from_dict(state.pop("message"))

                state["message"] = message
            if "logprobs" in state:
                logprobs = []
                _logprobs = state.pop("logprobs")
                for logprobs_item_data in _logprobs:
                    logprobs_item = Logprob.from_dict(logprobs_item_data)

                    logprobs.append(logprobs_item)

                state["logprobs"] = logprobs
            if "_debug_info" in state:
                _field_debug_info = state.pop("_debug_info")
                field_debug_info: DebugInfo | Unset
                if isinstance(_field_debug_info, Unset):
                    field_debug_info = UNSET
                else:
                    field_debug_info = DebugInfo.from_dict(_field_debug_info)

                state["field_debug_info"] = field_debug_info
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
        from ..models.debug_info import DebugInfo
        from ..models.logprob import Logprob
        from ..models.message import Message

        d = dict(src_dict)
        total_duration = zero_if_null(d.pop("total_duration", None), 0)

        load_duration = zero_if_null(d.pop("load_duration", None), 0)

        prompt_eval_count = zero_if_null(d.pop("prompt_eval_count", None), 0)

        prompt_eval_duration = zero_if_null(d.pop("prompt_eval_duration", None), 0)

        eval_count = zero_if_null(d.pop("eval_count", None), 0)

        eval_duration = zero_if_null(d.pop("eval_duration", None), 0)

        model = zero_if_null(d.pop("model", None), "")

        created_at = parse_time(
            zero_if_null(d.pop("created_at", None), "0001-01-01T00:00:00Z")
        )

        message = Message.from_dict(zero_if_null(d.pop("message", None), {}))

        done = zero_if_null(d.pop("done", None), False)

        done_reason = zero_if_null(d.pop("done_reason", None), "")

        logprobs = []
        _logprobs = zero_if_null(d.pop("logprobs", None), [])
        for logprobs_item_data in _logprobs:
            logprobs_item = Logprob.from_dict(logprobs_item_data)

            logprobs.append(logprobs_item)

        remote_model = zero_if_null(d.pop("remote_model", None), "")

        remote_host = zero_if_null(d.pop("remote_host", None), "")

        _field_debug_info = d.pop("_debug_info", UNSET)
        field_debug_info: DebugInfo | Unset
        if isinstance(_field_debug_info, Unset):
            field_debug_info = UNSET
        else:
            field_debug_info = DebugInfo.from_dict(_field_debug_info)

        chat_response = cls(
            total_duration=total_duration,
            load_duration=load_duration,
            prompt_eval_count=prompt_eval_count,
            prompt_eval_duration=prompt_eval_duration,
            eval_count=eval_count,
            eval_duration=eval_duration,
            model=model,
            created_at=created_at,
            message=message,
            done=done,
            done_reason=done_reason,
            logprobs=logprobs,
            remote_model=remote_model,
            remote_host=remote_host,
            field_debug_info=field_debug_info,
        )

        chat_response.additional_properties = d
        read_as_sent(chat_response, src_dict, _ZERO)
        return chat_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    _wire_names: ClassVar[dict[str, str]] = {
        "total_duration": "total_duration",
        "load_duration": "load_duration",
        "prompt_eval_count": "prompt_eval_count",
        "prompt_eval_duration": "prompt_eval_duration",
        "eval_count": "eval_count",
        "eval_duration": "eval_duration",
        "model": "model",
        "created_at": "created_at",
        "message": "message",
        "done": "done",
        "done_reason": "done_reason",
        "logprobs": "logprobs",
        "remote_model": "remote_model",
        "remote_host": "remote_host",
        "_debug_info": "field_debug_info",
    }

    @overload
    def __getitem__(self, key: Literal["total_duration"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["load_duration"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["prompt_eval_count"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["prompt_eval_duration"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["eval_count"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["eval_duration"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["model"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["created_at"]) -> datetime.datetime: ...
    @overload
    def __getitem__(self, key: Literal["message"]) -> Message: ...
    @overload
    def __getitem__(self, key: Literal["done"]) -> bool: ...
    @overload
    def __getitem__(self, key: Literal["done_reason"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["logprobs"]) -> list[Logprob]: ...
    @overload
    def __getitem__(self, key: Literal["remote_model"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["remote_host"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["_debug_info"]) -> DebugInfo: ...
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
        "total_duration",
        "load_duration",
        "prompt_eval_count",
        "prompt_eval_duration",
        "eval_count",
        "eval_duration",
        "model",
        "created_at",
        "message",
        "done",
        "done_reason",
        "logprobs",
        "remote_model",
        "remote_host",
        "_debug_info",
    )
)
_ZERO: tuple[tuple[str, str], ...] = (
    ("total_duration", "total_duration"),
    ("load_duration", "load_duration"),
    ("prompt_eval_count", "prompt_eval_count"),
    ("prompt_eval_duration", "prompt_eval_duration"),
    ("eval_count", "eval_count"),
    ("eval_duration", "eval_duration"),
    ("model", "model"),
    ("created_at", "created_at"),
    ("message", "message"),
    ("done", "done"),
    ("done_reason", "done_reason"),
    ("logprobs", "logprobs"),
    ("remote_model", "remote_model"),
    ("remote_host", "remote_host"),
)
_OMIT: tuple[str, ...] = (
    "total_duration",
    "load_duration",
    "prompt_eval_count",
    "prompt_eval_duration",
    "eval_count",
    "eval_duration",
    "done_reason",
    "logprobs",
    "remote_model",
    "remote_host",
)

from ..models.debug_info import DebugInfo
from ..models.logprob import Logprob
from ..models.message import Message
