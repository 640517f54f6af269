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
    overload,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, defaults_on_class, model_repr

if TYPE_CHECKING:
    from ..models.debug_info import DebugInfo
    from ..models.logprob import Logprob
    from ..models.message import Message


T = TypeVar("T", bound="ChatResponse")


@defaults_on_class
@_attrs_define(slots=False)
class ChatResponse:
    """A whole response, or one chunk of a streamed one."""

    model: str
    created_at: str
    """ An RFC 3339 date-time with 0 to 9 fractional digits, in UTC (`Z`) or with an offset.
     """
    done: bool
    total_duration: int | Unset = UNSET
    """ Time spent on the whole request, in nanoseconds. """
    load_duration: int | Unset = UNSET
    """ Time spent loading the model, in nanoseconds. Cloud models send none. """
    prompt_eval_count: int | Unset = UNSET
    """ Tokens in the prompt. """
    prompt_eval_duration: int | Unset = UNSET
    """ Time spent on the prompt, in nanoseconds. """
    eval_count: int | Unset = UNSET
    """ Tokens generated. """
    eval_duration: int | Unset = UNSET
    """ Time spent generating, in nanoseconds. """
    message: Message | Unset = UNSET
    """ One message of a conversation. The server lower-cases `role` and does not check it; the
    roles it understands are `system`, `user`, `assistant` and `tool`.
     """
    done_reason: str | Unset = UNSET
    logprobs: list[Logprob] | Unset = UNSET
    remote_model: str | Unset = UNSET
    remote_host: str | Unset = UNSET
    field_debug_info: DebugInfo | Unset = UNSET
    """ Sent instead of a generation when the request sets `_debug_render_only`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        """The fields that are set; unset ones are left out."""
        return model_repr(self)

    @property
    def text(self) -> str:
        """The message's content ("" when none was sent)."""
        content = self.message.content if not isinstance(self.message, Unset) else UNSET
        return content if isinstance(content, str) else ""

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        created_at = self.created_at

        done = self.done

        total_duration = self.total_duration

        load_duration = self.load_duration

        prompt_eval_count = self.prompt_eval_count

        prompt_eval_duration = self.prompt_eval_duration

        eval_count = self.eval_count

        eval_duration = self.eval_duration

        message: dict[str, Any] | Unset = UNSET
        if not isinstance(self.message, Unset):
            message = self.message.to_dict()

        done_reason = self.done_reason

        logprobs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.logprobs, Unset):
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
                "model": model,
                "created_at": created_at,
                "done": done,
            }
        )
        if total_duration is not UNSET:
            field_dict["total_duration"] = total_duration
        if load_duration is not UNSET:
            field_dict["load_duration"] = load_duration
        if prompt_eval_count is not UNSET:
            field_dict["prompt_eval_count"] = prompt_eval_count
        if prompt_eval_duration is not UNSET:
            field_dict["prompt_eval_duration"] = prompt_eval_duration
        if eval_count is not UNSET:
            field_dict["eval_count"] = eval_count
        if eval_duration is not UNSET:
            field_dict["eval_duration"] = eval_duration
        if message is not UNSET:
            field_dict["message"] = message
        if done_reason is not UNSET:
            field_dict["done_reason"] = done_reason
        if logprobs is not UNSET:
            field_dict["logprobs"] = logprobs
        if remote_model is not UNSET:
            field_dict["remote_model"] = remote_model
        if remote_host is not UNSET:
            field_dict["remote_host"] = remote_host
        if field_debug_info is not UNSET:
            field_dict["_debug_info"] = field_debug_info

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a parsed JSON object (fast when every key is a field; see _from_dict)."""
        if (
            _KEYS.issuperset(src_dict)
            and "model" in src_dict
            and "created_at" in src_dict
            and "done" in src_dict
        ):
            state: dict[str, Any] = dict(src_dict)
            if "message" in state:
                _message = state.pop("message")
                message: Message | Unset
                if isinstance(_message, Unset):
                    message = UNSET
                else:
                    message = Message.from_dict(_message)

                state["message"] = message
            if "logprobs" in state:
                _logprobs = state.pop("logprobs")
                logprobs: list[Logprob] | Unset = UNSET
                if _logprobs is not UNSET:
                    logprobs = []
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
            made = object.__new__(cls)
            made.__dict__ = (
                state  # the fields not given read their defaults from the class
            )
            return made
        return cls._from_dict(src_dict)

    @classmethod
    def _from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.debug_info import DebugInfo
        from ..models.logprob import Logprob
        from ..models.message import Message

        d = dict(src_dict)
        model = d.pop("model")

        created_at = d.pop("created_at")

        done = d.pop("done")

        total_duration = d.pop("total_duration", UNSET)

        load_duration = d.pop("load_duration", UNSET)

        prompt_eval_count = d.pop("prompt_eval_count", UNSET)

        prompt_eval_duration = d.pop("prompt_eval_duration", UNSET)

        eval_count = d.pop("eval_count", UNSET)

        eval_duration = d.pop("eval_duration", UNSET)

        _message = d.pop("message", UNSET)
        message: Message | Unset
        if isinstance(_message, Unset):
            message = UNSET
        else:
            message = Message.from_dict(_message)

        done_reason = d.pop("done_reason", UNSET)

        _logprobs = d.pop("logprobs", UNSET)
        logprobs: list[Logprob] | Unset = UNSET
        if _logprobs is not UNSET:
            logprobs = []
            for logprobs_item_data in _logprobs:
                logprobs_item = Logprob.from_dict(logprobs_item_data)

                logprobs.append(logprobs_item)

        remote_model = d.pop("remote_model", UNSET)

        remote_host = d.pop("remote_host", UNSET)

        _field_debug_info = d.pop("_debug_info", UNSET)
        field_debug_info: DebugInfo | Unset
        if isinstance(_field_debug_info, Unset):
            field_debug_info = UNSET
        else:
            field_debug_info = DebugInfo.from_dict(_field_debug_info)

        chat_response = cls(
            model=model,
            created_at=created_at,
            done=done,
            total_duration=total_duration,
            load_duration=load_duration,
            prompt_eval_count=prompt_eval_count,
            prompt_eval_duration=prompt_eval_duration,
            eval_count=eval_count,
            eval_duration=eval_duration,
            message=message,
            done_reason=done_reason,
            logprobs=logprobs,
            remote_model=remote_model,
            remote_host=remote_host,
            field_debug_info=field_debug_info,
        )

        chat_response.additional_properties = d
        return chat_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    _wire_names: ClassVar[dict[str, str]] = {
        "model": "model",
        "created_at": "created_at",
        "done": "done",
        "total_duration": "total_duration",
        "load_duration": "load_duration",
        "prompt_eval_count": "prompt_eval_count",
        "prompt_eval_duration": "prompt_eval_duration",
        "eval_count": "eval_count",
        "eval_duration": "eval_duration",
        "message": "message",
        "done_reason": "done_reason",
        "logprobs": "logprobs",
        "remote_model": "remote_model",
        "remote_host": "remote_host",
        "_debug_info": "field_debug_info",
    }

    @overload
    def __getitem__(self, key: Literal["model"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["created_at"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["done"]) -> bool: ...
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
    def __getitem__(self, key: Literal["message"]) -> Message: ...
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
        "model",
        "created_at",
        "done",
        "total_duration",
        "load_duration",
        "prompt_eval_count",
        "prompt_eval_duration",
        "eval_count",
        "eval_duration",
        "message",
        "done_reason",
        "logprobs",
        "remote_model",
        "remote_host",
        "_debug_info",
    )
)

from ..models.debug_info import DebugInfo
from ..models.logprob import Logprob
from ..models.message import Message
