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
    from ..models.options import Options


T = TypeVar("T", bound="GenerateRequest")


@defaults_on_class
@_attrs_define(slots=False)
class GenerateRequest:
    model: str
    """ A model name, `[host/][namespace/]model[:tag]`. The host defaults to `registry.ollama.ai`,
    the namespace to `library` and the tag to `latest`. Matching is case-insensitive. Each part
    starts with a letter, digit or underscore; the model and tag may also hold `.`, `-` and `_`
    (up to 80 characters each), the namespace `-` and `_`, the host `.`, `:` and `-` (up to 350).
    With two parts the first is a namespace, so a host needs all three.
     """
    prompt: str | Unset = UNSET
    """ The prompt. Empty or absent loads the model without generating. Server default: `""`. """
    suffix: str | Unset = UNSET
    """ Text that follows the completion (fill in the middle). Needs the `insert` capability. """
    system: str | Unset = UNSET
    """ Replaces the model's system prompt. """
    template: str | Unset = UNSET
    """ Replaces the model's prompt template (Go template syntax). """
    context: list[int] | Unset = UNSET
    """ The `context` of an earlier response, to continue from it. """
    stream: bool | Unset = UNSET
    """ Server default: `true`. """
    raw: bool | Unset = UNSET
    """ Send the prompt as is, without the template. Cannot be combined with template, system or context. Server
    default: `false`. """
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
    images: list[str] | Unset = UNSET
    """ Images for a vision model. """
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
    """ Cut the prompt to fit the context window instead of failing. Server default: `true`. """
    shift: bool | Unset = UNSET
    """ Shift the context when it fills up instead of stopping. Server default: `true`. """
    logprobs: bool | Unset = UNSET
    """ Return the log probability of each generated token. Server default: `false`. """
    top_logprobs: int | Unset = UNSET
    """ How many likely alternatives to return at each position, with `logprobs`. Server default: `0`. """
    field_debug_render_only: bool | Unset = UNSET
    """ Return the rendered prompt instead of running the model. Server default: `false`. """
    width: int | Unset = UNSET
    """ Width in pixels of a generated picture for image models, read by servers 0.14.3 to 0.32.5 only; 0.32.6
    removed it, and later servers ignore it. """
    height: int | Unset = UNSET
    """ Height in pixels of a generated picture for image models, read by servers 0.14.3 to 0.32.5 only; 0.32.6
    removed it, and later servers ignore it. """
    steps: int | Unset = UNSET
    """ Diffusion steps for a generated picture for image models, read by servers 0.14.3 to 0.32.5 only; 0.32.6
    removed it, and later servers ignore it. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        """The fields that are set; unset ones are left out."""
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.format_type_1 import FormatType1

        model = self.model

        prompt = self.prompt

        suffix = self.suffix

        system = self.system

        template = self.template

        context: list[int] | Unset = UNSET
        if not isinstance(self.context, Unset):
            context = self.context

        stream = self.stream

        raw = self.raw

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

        images: list[str] | Unset = UNSET
        if not isinstance(self.images, Unset):
            images = self.images

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

        width = self.width

        height = self.height

        steps = self.steps

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
            }
        )
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if suffix is not UNSET:
            field_dict["suffix"] = suffix
        if system is not UNSET:
            field_dict["system"] = system
        if template is not UNSET:
            field_dict["template"] = template
        if context is not UNSET:
            field_dict["context"] = context
        if stream is not UNSET:
            field_dict["stream"] = stream
        if raw is not UNSET:
            field_dict["raw"] = raw
        if format_ is not UNSET:
            field_dict["format"] = format_
        if keep_alive is not UNSET:
            field_dict["keep_alive"] = keep_alive
        if images is not UNSET:
            field_dict["images"] = images
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
        if width is not UNSET:
            field_dict["width"] = width
        if height is not UNSET:
            field_dict["height"] = height
        if steps is not UNSET:
            field_dict["steps"] = steps

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a parsed JSON object (fast when every key is a field; see _from_dict)."""
        if _KEYS.issuperset(src_dict) and "model" in src_dict:
            state: dict[str, Any] = dict(src_dict)
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
        from ..models.options import Options

        d = dict(src_dict)
        model = d.pop("model")

        prompt = d.pop("prompt", UNSET)

        suffix = d.pop("suffix", UNSET)

        system = d.pop("system", UNSET)

        template = d.pop("template", UNSET)

        context = cast(list[int], d.pop("context", UNSET))

        stream = d.pop("stream", UNSET)

        raw = d.pop("raw", UNSET)

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

        images = cast(list[str], d.pop("images", UNSET))

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

        width = d.pop("width", UNSET)

        height = d.pop("height", UNSET)

        steps = d.pop("steps", UNSET)

        generate_request = cls(
            model=model,
            prompt=prompt,
            suffix=suffix,
            system=system,
            template=template,
            context=context,
            stream=stream,
            raw=raw,
            format_=format_,
            keep_alive=keep_alive,
            images=images,
            options=options,
            think=think,
            truncate=truncate,
            shift=shift,
            logprobs=logprobs,
            top_logprobs=top_logprobs,
            field_debug_render_only=field_debug_render_only,
            width=width,
            height=height,
            steps=steps,
        )

        generate_request.additional_properties = d
        return generate_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    _wire_names: ClassVar[dict[str, str]] = {
        "model": "model",
        "prompt": "prompt",
        "suffix": "suffix",
        "system": "system",
        "template": "template",
        "context": "context",
        "stream": "stream",
        "raw": "raw",
        "format": "format_",
        "keep_alive": "keep_alive",
        "images": "images",
        "options": "options",
        "think": "think",
        "truncate": "truncate",
        "shift": "shift",
        "logprobs": "logprobs",
        "top_logprobs": "top_logprobs",
        "_debug_render_only": "field_debug_render_only",
        "width": "width",
        "height": "height",
        "steps": "steps",
    }

    @overload
    def __getitem__(self, key: Literal["model"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["prompt"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["suffix"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["system"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["template"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["context"]) -> list[int]: ...
    @overload
    def __getitem__(self, key: Literal["stream"]) -> bool: ...
    @overload
    def __getitem__(self, key: Literal["raw"]) -> bool: ...
    @overload
    def __getitem__(
        self, key: Literal["format"]
    ) -> FormatType0 | FormatType1 | None: ...
    @overload
    def __getitem__(self, key: Literal["keep_alive"]) -> float | None | str: ...
    @overload
    def __getitem__(self, key: Literal["images"]) -> list[str]: ...
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
    def __getitem__(self, key: Literal["width"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["height"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["steps"]) -> int: ...
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
        "prompt",
        "suffix",
        "system",
        "template",
        "context",
        "stream",
        "raw",
        "format",
        "keep_alive",
        "images",
        "options",
        "think",
        "truncate",
        "shift",
        "logprobs",
        "top_logprobs",
        "_debug_render_only",
        "width",
        "height",
        "steps",
    )
)

from ..models.format_type_1 import FormatType1
from ..models.options import Options
