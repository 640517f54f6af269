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
    from ..models.options import Options


T = TypeVar("T", bound="EmbedRequest")


@defaults_on_class
@_attrs_define(slots=False)
class EmbedRequest:
    model: str
    """ A model name, `[host/][namespace/]model[:tag]`. The host defaults to `registry.ollama.ai`,
    the namespace to `library` and the tag to `latest`. Matching is case-insensitive. Each part
    starts with a letter, digit or underscore; the model and tag may also hold `.`, `-` and `_`
    (up to 80 characters each), the namespace `-` and `_`, the host `.`, `:` and `-` (up to 350).
    With two parts the first is a namespace, so a host needs all three.
     """
    input_: list[str] | str | Unset = UNSET
    """ One text or several. Empty or absent only loads the model. """
    truncate: bool | Unset = UNSET
    """ Cut inputs that are too long for the context; when false they are refused. Server default: `true`. """
    dimensions: int | Unset = UNSET
    """ Shorten the vectors to this many dimensions (and normalise them again). """
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        """The fields that are set; unset ones are left out."""
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        input_: list[str] | str | Unset
        if isinstance(self.input_, Unset):
            input_ = UNSET
        elif isinstance(self.input_, list):
            input_ = self.input_

        else:
            input_ = self.input_

        truncate = self.truncate

        dimensions = self.dimensions

        keep_alive: float | None | str | Unset
        if isinstance(self.keep_alive, Unset):
            keep_alive = UNSET
        else:
            keep_alive = self.keep_alive

        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
            }
        )
        if input_ is not UNSET:
            field_dict["input"] = input_
        if truncate is not UNSET:
            field_dict["truncate"] = truncate
        if dimensions is not UNSET:
            field_dict["dimensions"] = dimensions
        if keep_alive is not UNSET:
            field_dict["keep_alive"] = keep_alive
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a parsed JSON object (fast when every key is a field; see _from_dict)."""
        if _KEYS.issuperset(src_dict) and "model" in src_dict:
            state: dict[str, Any] = dict(src_dict)
            if "input" in state:

                def _parse_input_(data: object) -> list[str] | str | Unset:
                    if isinstance(data, Unset):
                        return data
                    try:
                        if not isinstance(data, list):
                            raise TypeError()
                        input_type_1 = cast(list[str], data)

                        return input_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(list[str] | str | Unset, data)

                input_ = _parse_input_(state.pop("input"))

                state["input_"] = input_
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
            state["additional_properties"] = {}
            made = object.__new__(cls)
            made.__dict__ = (
                state  # the fields not given read their defaults from the class
            )
            return made
        return cls._from_dict(src_dict)

    @classmethod
    def _from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.options import Options

        d = dict(src_dict)
        model = d.pop("model")

        def _parse_input_(data: object) -> list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                input_type_1 = cast(list[str], data)

                return input_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str | Unset, data)

        input_ = _parse_input_(d.pop("input", UNSET))

        truncate = d.pop("truncate", UNSET)

        dimensions = d.pop("dimensions", UNSET)

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

        embed_request = cls(
            model=model,
            input_=input_,
            truncate=truncate,
            dimensions=dimensions,
            keep_alive=keep_alive,
            options=options,
        )

        embed_request.additional_properties = d
        return embed_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    _wire_names: ClassVar[dict[str, str]] = {
        "model": "model",
        "input": "input_",
        "truncate": "truncate",
        "dimensions": "dimensions",
        "keep_alive": "keep_alive",
        "options": "options",
    }

    @overload
    def __getitem__(self, key: Literal["model"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["input"]) -> list[str] | str: ...
    @overload
    def __getitem__(self, key: Literal["truncate"]) -> bool: ...
    @overload
    def __getitem__(self, key: Literal["dimensions"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["keep_alive"]) -> float | None | str: ...
    @overload
    def __getitem__(self, key: Literal["options"]) -> Options: ...
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
    def input(self) -> list[str] | str | Unset:
        """The same as `input_`, under its JSON name."""
        return self.input_

    @input.setter
    def input(self, value: list[str] | str | Unset) -> None:
        self.input_ = value


_KEYS: frozenset[str] = frozenset(
    (
        "model",
        "input",
        "truncate",
        "dimensions",
        "keep_alive",
        "options",
    )
)

from ..models.options import Options
