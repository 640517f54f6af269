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
    from ..models.debug_info import DebugInfo
    from ..models.logprob import Logprob
    from ..models.tool_call import ToolCall


T = TypeVar("T", bound="GenerateResponse")


@defaults_on_class
@_attrs_define(slots=False)
class GenerateResponse:
    """A whole response, or one chunk of a streamed one."""

    model: str
    """ The model name as the request spelled it. """
    created_at: str
    """ An RFC 3339 date-time with 0 to 9 fractional digits, in UTC (`Z`) or with an offset.
     """
    done: bool
    """ True on the last chunk. """
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
    response: str | Unset = UNSET
    """ The generated text, or this chunk of it. Current servers always send it. """
    thinking: str | Unset = UNSET
    done_reason: str | Unset = UNSET
    """ Why generation ended, on the last chunk; `stop`, `length`, `load` or `unload`. """
    context: list[int] | Unset = UNSET
    """ An encoding of the conversation, to send back in `context`. Not sent in raw mode. """
    tool_calls: list[ToolCall] | Unset = UNSET
    logprobs: list[Logprob] | Unset = UNSET
    remote_model: str | Unset = UNSET
    """ The upstream model, for a cloud model. """
    remote_host: str | Unset = UNSET
    """ The upstream server, for a cloud model. """
    field_debug_info: DebugInfo | Unset = UNSET
    """ Sent instead of a generation when the request sets `_debug_render_only`. """
    image: str | Unset = UNSET
    """ The generated picture, from an image model (servers 0.14.3 to 0.32.5 only). """
    completed: int | Unset = UNSET
    """ Diffusion steps done so far, while an image model works (servers 0.14.3 to 0.32.5 only). """
    total: int | Unset = UNSET
    """ Diffusion steps in all, while an image model works (servers 0.14.3 to 0.32.5 only). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        """The fields that are set; unset ones are left out."""
        return model_repr(self)

    @property
    def text(self) -> str:
        """The generated text of this answer or chunk ("" when none was sent)."""
        return self.response if isinstance(self.response, str) else ""

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

        response = self.response

        thinking = self.thinking

        done_reason = self.done_reason

        context: list[int] | Unset = UNSET
        if not isinstance(self.context, Unset):
            context = self.context

        tool_calls: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tool_calls, Unset):
            tool_calls = []
            for tool_calls_item_data in self.tool_calls:
                tool_calls_item = tool_calls_item_data.to_dict()
                tool_calls.append(tool_calls_item)

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

        image = self.image

        completed = self.completed

        total = self.total

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
        if response is not UNSET:
            field_dict["response"] = response
        if thinking is not UNSET:
            field_dict["thinking"] = thinking
        if done_reason is not UNSET:
            field_dict["done_reason"] = done_reason
        if context is not UNSET:
            field_dict["context"] = context
        if tool_calls is not UNSET:
            field_dict["tool_calls"] = tool_calls
        if logprobs is not UNSET:
            field_dict["logprobs"] = logprobs
        if remote_model is not UNSET:
            field_dict["remote_model"] = remote_model
        if remote_host is not UNSET:
            field_dict["remote_host"] = remote_host
        if field_debug_info is not UNSET:
            field_dict["_debug_info"] = field_debug_info
        if image is not UNSET:
            field_dict["image"] = image
        if completed is not UNSET:
            field_dict["completed"] = completed
        if total is not UNSET:
            field_dict["total"] = total

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
            if "tool_calls" in state:
                _tool_calls = state.pop("tool_calls")
                tool_calls: list[ToolCall] | Unset = UNSET
                if _tool_calls is not UNSET:
                    tool_calls = []
                    for tool_calls_item_data in _tool_calls:
                        tool_calls_item = ToolCall.from_dict(tool_calls_item_data)

                        tool_calls.append(tool_calls_item)

                state["tool_calls"] = tool_calls
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
        from ..models.tool_call import ToolCall

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

        response = d.pop("response", UNSET)

        thinking = d.pop("thinking", UNSET)

        done_reason = d.pop("done_reason", UNSET)

        context = cast(list[int], d.pop("context", UNSET))

        _tool_calls = d.pop("tool_calls", UNSET)
        tool_calls: list[ToolCall] | Unset = UNSET
        if _tool_calls is not UNSET:
            tool_calls = []
            for tool_calls_item_data in _tool_calls:
                tool_calls_item = ToolCall.from_dict(tool_calls_item_data)

                tool_calls.append(tool_calls_item)

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

        image = d.pop("image", UNSET)

        completed = d.pop("completed", UNSET)

        total = d.pop("total", UNSET)

        generate_response = cls(
            model=model,
            created_at=created_at,
            done=done,
            total_duration=total_duration,
            load_duration=load_duration,
            prompt_eval_count=prompt_eval_count,
            prompt_eval_duration=prompt_eval_duration,
            eval_count=eval_count,
            eval_duration=eval_duration,
            response=response,
            thinking=thinking,
            done_reason=done_reason,
            context=context,
            tool_calls=tool_calls,
            logprobs=logprobs,
            remote_model=remote_model,
            remote_host=remote_host,
            field_debug_info=field_debug_info,
            image=image,
            completed=completed,
            total=total,
        )

        generate_response.additional_properties = d
        return generate_response

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
        "response": "response",
        "thinking": "thinking",
        "done_reason": "done_reason",
        "context": "context",
        "tool_calls": "tool_calls",
        "logprobs": "logprobs",
        "remote_model": "remote_model",
        "remote_host": "remote_host",
        "_debug_info": "field_debug_info",
        "image": "image",
        "completed": "completed",
        "total": "total",
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
    def __getitem__(self, key: Literal["response"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["thinking"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["done_reason"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["context"]) -> list[int]: ...
    @overload
    def __getitem__(self, key: Literal["tool_calls"]) -> list[ToolCall]: ...
    @overload
    def __getitem__(self, key: Literal["logprobs"]) -> list[Logprob]: ...
    @overload
    def __getitem__(self, key: Literal["remote_model"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["remote_host"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["_debug_info"]) -> DebugInfo: ...
    @overload
    def __getitem__(self, key: Literal["image"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["completed"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["total"]) -> int: ...
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
        "response",
        "thinking",
        "done_reason",
        "context",
        "tool_calls",
        "logprobs",
        "remote_model",
        "remote_host",
        "_debug_info",
        "image",
        "completed",
        "total",
    )
)

from ..models.debug_info import DebugInfo
from ..models.logprob import Logprob
from ..models.tool_call import ToolCall
